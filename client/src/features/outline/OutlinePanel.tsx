import { createMemo, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { flattenTree, readTray, sectionTree, type SectionNode } from '@shared/schema';
import { useWorkspace } from '../../stores/workspace-context';
import { kindLabel, t } from '../../i18n';
import type { LinkCount } from '../../stores/link-counts';
import { sectionChoices } from './SectionPicker';

export interface OutlinePanelProps {
  /** The section the calendar is filtered to, if any. */
  selected: string | null;
  onSelect: (sectionId: string | null) => void;
}

interface Row {
  node: SectionNode;
  own: LinkCount;
  rolled: LinkCount;
}

/**
 * The plans' outlines beside the calendar: per-section counts of linked and done activities,
 * a mark on sections with nothing scheduled, click to filter, drag a section (or an
 * unscheduled tray item) onto a day. Loaded only when the panel is opened.
 */
export default function OutlinePanel(props: OutlinePanelProps) {
  const ws = useWorkspace();
  const choices = createMemo(() => sectionChoices(ws.sections(), ws.plans()));

  const perPlan = createMemo(() => {
    const c = ws.linkCounts();
    return ws.plans().map((plan) => {
      const nodes = flattenTree(sectionTree(ws.sections().filter((s) => s.planId === plan.id)));
      const rolled = new Map<string, LinkCount>();
      const roll = (n: SectionNode): LinkCount => {
        const own = c.get(n.section.id) ?? { total: 0, done: 0 };
        const sum = { ...own };
        for (const k of n.children) {
          const r = roll(k);
          sum.total += r.total;
          sum.done += r.done;
        }
        rolled.set(n.section.id, sum);
        return sum;
      };
      for (const n of nodes) if (n.depth === 1) roll(n);
      const rows: Row[] = nodes.map((node) => ({
        node,
        own: c.get(node.section.id) ?? { total: 0, done: 0 },
        rolled: rolled.get(node.section.id)!,
      }));
      const scheduled = rows.filter((r) => r.rolled.total > 0).length;
      return { plan, rows, tray: readTray(plan), scheduled };
    });
  });

  // Native drag and drop: the calendar page reads these attributes where the item is dropped.
  const onDragStart = (e: DragEvent & { currentTarget: HTMLElement }) => {
    e.dataTransfer?.setData('application/x-cc-outline', JSON.stringify({ ...e.currentTarget.dataset }));
    e.dataTransfer?.setData('text/plain', e.currentTarget.dataset.title ?? '');
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <aside class="outline-panel" data-testid="outline-panel">
      <header class="outline-head">
        <b>{t('outline')}</b>
        <Show when={props.selected}>
          <button type="button" class="link-button" data-testid="clear-section-filter" onClick={() => props.onSelect(null)}>
            {t('clearSectionFilter')}
          </button>
        </Show>
      </header>
      <Show
        when={perPlan().length > 0}
        fallback={
          <p class="muted outline-empty">
            {t('noPlans')} <A href={`/w/${ws.id}/plan`}>{t('openPlanPage')}</A>
          </p>
        }
      >
        <p class="hint outline-hint">{t('outlineHint')}</p>
        <For each={perPlan()}>
          {(p) => (
            <section class="outline-plan" data-testid="outline-plan">
              <h3 title={p.plan.title}>
                <A href={`/w/${ws.id}/plan?plan=${encodeURIComponent(p.plan.id)}`}>{p.plan.title}</A>
                <span class="muted"> {p.scheduled}/{p.rows.length}</span>
              </h3>
              <ul class="outline-tree" role="tree">
                <For each={p.rows}>
                  {(r) => {
                    const s = r.node.section;
                    return (
                      <li
                        role="treeitem"
                        class="outline-row"
                        classList={{ selected: props.selected === s.id, empty: r.rolled.total === 0 }}
                        style={{ 'padding-left': `${(r.node.depth - 1) * 14 + 4}px` }}
                        data-testid="outline-section"
                        data-section-id={s.id}
                        draggable={ws.canEdit()}
                        onDragStart={onDragStart}
                        data-drag="section"
                        data-title={s.title}
                        title={`${choices().get(s.id)?.path ?? ''} ${s.title}`}
                        onClick={() => props.onSelect(props.selected === s.id ? null : s.id)}
                      >
                        <span class="label">{s.label}</span>
                        <span class="title">{s.title}</span>
                        <Show
                          when={r.rolled.total > 0}
                          fallback={
                            <span class="count none" data-testid="nothing-scheduled" title={t('nothingScheduled')}>
                              {t('nothingScheduled')}
                            </span>
                          }
                        >
                          <span
                            class="count"
                            data-testid="section-count"
                            data-total={r.rolled.total}
                            data-done={r.rolled.done}
                            title={t('linkedDone', { n: r.rolled.total, done: r.rolled.done })}
                          >
                            {r.rolled.done}/{r.rolled.total}
                          </span>
                        </Show>
                      </li>
                    );
                  }}
                </For>
              </ul>
              <Show when={p.tray.length > 0}>
                <div class="tray" data-testid="unscheduled-tray">
                  <h4>
                    {t('unscheduled')} <span class="muted">({p.tray.length})</span>
                  </h4>
                  <p class="hint">{t('unscheduledHint')}</p>
                  <For each={p.tray}>
                    {(item) => (
                      <div
                        class="tray-item"
                        data-testid="tray-item"
                        draggable={ws.canEdit()}
                        onDragStart={onDragStart}
                        data-drag="tray"
                        data-plan={p.plan.id}
                        data-key={item.key}
                        data-title={item.title}
                      >
                        <span class="title">{item.title}</span>
                        <span class="muted">
                          {item.kind === 'campaign' ? t('campaign') : kindLabel(item.kind)}
                          {choices().get(item.sectionId) ? ` · ${choices().get(item.sectionId)!.path}` : ''}
                        </span>
                      </div>
                    )}
                  </For>
                </div>
              </Show>
            </section>
          )}
        </For>
      </Show>
    </aside>
  );
}
