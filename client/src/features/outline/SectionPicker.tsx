import { createMemo, createSignal, For, Show } from 'solid-js';
import type { PlanRecord, SectionRecord } from '@shared/schema/types';
import { sectionLabelPath, sectionLeadPath } from '@shared/plan-text/label-path';
import { t } from '../../i18n';
import './outline.css';

export interface SectionChoice {
  id: string;
  /** 三、(二) 2、 */
  path: string;
  /** The path to show before `title`: the ancestors' and the section's own label (empty for a top unnumbered one). */
  lead: string;
  title: string;
  plan: string;
  /** Lower-cased text searched: label path (with and without spaces), title, body start. */
  hay: string;
}

/** Label paths for every section, computed once per outline change. */
export function sectionChoices(sections: readonly SectionRecord[], plans: readonly PlanRecord[]): Map<string, SectionChoice> {
  const planTitle = new Map(plans.map((p) => [p.id, p.title]));
  const out = new Map<string, SectionChoice>();
  for (const s of sections) {
    const path = sectionLabelPath(sections, s.id);
    out.set(s.id, {
      id: s.id,
      path,
      lead: sectionLeadPath(sections, s.id),
      title: s.title,
      plan: planTitle.get(s.planId) ?? '',
      hay: `${path} ${path.replace(/\s+/g, '')} ${s.title} ${(s.body ?? '').slice(0, 200)}`.toLowerCase(),
    });
  }
  return out;
}

/**
 * Links an event to plan sections: chips for the linked ones (label path and title), and a
 * search by label (“三、(二)”, “三(二)2”) or by words of the title and text.
 */
export function SectionPicker(props: {
  value: string[];
  onChange: (ids: string[]) => void;
  choices: Map<string, SectionChoice>;
  disabled?: boolean;
}) {
  const [query, setQuery] = createSignal('');
  const [open, setOpen] = createSignal(false);
  const results = createMemo(() => {
    const q = query().trim().toLowerCase();
    const picked = new Set(props.value);
    const all = [...props.choices.values()].filter((c) => !picked.has(c.id));
    if (!q) return all.slice(0, 8);
    const words = q.split(/\s+/);
    return all.filter((c) => words.every((w) => c.hay.includes(w))).slice(0, 8);
  });
  const add = (id: string) => {
    props.onChange([...props.value, id]);
    setQuery('');
  };
  return (
    <div class="section-picker" data-testid="section-picker">
      <div class="linked-sections">
        <For each={props.value}>
          {(id) => {
            const c = () => props.choices.get(id);
            return (
              <span class="chip linked-section" data-testid="linked-section" title={c()?.plan}>
                <b class="label-path">{c()?.path ?? '?'}</b>
                <span class="section-title">{c()?.title ?? id}</span>
                <Show when={!props.disabled}>
                  <button
                    type="button"
                    class="link-button"
                    aria-label={t('unlink')}
                    onClick={() => props.onChange(props.value.filter((v) => v !== id))}
                  >
                    ×
                  </button>
                </Show>
              </span>
            );
          }}
        </For>
      </div>
      <Show when={!props.disabled && props.choices.size > 0}>
        <input
          type="search"
          data-testid="section-search"
          placeholder={t('searchSections')}
          value={query()}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              const first = results()[0];
              if (first) add(first.id);
            }
          }}
        />
        <Show when={open()}>
          <ul class="section-options" role="listbox">
            <For each={results()} fallback={<li class="muted">{t('noSectionMatch')}</li>}>
              {(c) => (
                <li
                  role="option"
                  data-testid="section-option"
                  onMouseDown={(e) => {
                    e.preventDefault();
                    add(c.id);
                  }}
                >
                  <b class="label-path">{c.lead}</b> {c.title}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </div>
  );
}
