/**
 * "New from template": a contest, an exhibition or a commemoration with all its phases, dated by
 * one phase (the final on 16 Oct, the 纪念大会 on the anniversary) and linked to plan sections.
 * The preview is the same instantiation the command runs, so what is shown is what is created.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { BUILT_IN_TEMPLATES, instantiateTemplate, type PhaseTemplate } from '@shared/phases';
import { SAVED_TEMPLATE_PREFIX, templateFromRecord } from '@shared/phases/saved-templates';
import { isValidDateValue } from '@shared/time/dates';
import { Dialog } from '../../ui/Dialog';
import { kindLabel, locale } from '../../i18n';
import { useWorkspace } from '../../stores/workspace-context';
import { SectionPicker, sectionChoices } from '../outline/SectionPicker';
import { tp } from './messages';
import { phaseName } from '@shared/phases/names';
import { whenText } from './phase-text';
import './phases.css';

export interface FromTemplateStart {
  template?: string;
  title?: string;
  /** The anchor phase's key (default: the template's last timed phase or the first). */
  anchorKey?: string;
  date?: string;
  sectionIds?: string[];
}

/** The phase a person most likely dates a template by: the final, the opening, the ceremony. */
function defaultAnchor(t: PhaseTemplate): string {
  const prefer = ['ceremony', 'final', 'opening'];
  return prefer.find((k) => t.phases.some((p) => p.key === k)) ?? t.phases[0]!.key;
}

export default function FromTemplateDialog(props: { start: FromTemplateStart; onCreated: (mainId: string) => void; onClose: () => void }) {
  const ws = useWorkspace();
  const saved = createMemo(() =>
    ws.savedTemplates().flatMap((r) => {
      const read = templateFromRecord(r);
      return 'template' in read ? [read.template] : [];
    }),
  );
  const all = createMemo(() => [...BUILT_IN_TEMPLATES, ...saved()]);
  const [key, setKey] = createSignal(props.start.template ?? BUILT_IN_TEMPLATES[0]!.key);
  const template = createMemo(() => all().find((t) => t.key === key()) ?? BUILT_IN_TEMPLATES[0]!);
  const [title, setTitle] = createSignal(props.start.title ?? '');
  const [anchorKey, setAnchorKey] = createSignal(props.start.anchorKey ?? '');
  const anchor = () => (template().phases.some((p) => p.key === anchorKey()) ? anchorKey() : defaultAnchor(template()));
  const [date, setDate] = createSignal(props.start.date ?? '');
  const [sectionIds, setSectionIds] = createSignal<string[]>(props.start.sectionIds ?? []);
  const [error, setError] = createSignal('');
  const choices = createMemo(() => sectionChoices(ws.sections(), ws.plans()));

  const preview = createMemo(() => {
    if (!isValidDateValue(date())) return null;
    try {
      return instantiateTemplate(template(), { title: title().trim() || template().name, anchor: { phaseKey: anchor(), start: date() }, lang: locale() });
    } catch {
      return null;
    }
  });

  const create = (e: Event) => {
    e.preventDefault();
    if (!title().trim()) return setError(tp('titleRequired'));
    if (!isValidDateValue(date())) return setError(tp('dateRequired'));
    const r = ws.run('contest.createFromTemplate', {
      template: key(),
      title: title(),
      anchor: { phaseKey: anchor(), start: date() },
      fields: sectionIds().length ? { sectionIds: sectionIds() } : {},
    });
    if (!r.ok) return setError(r.error.message);
    props.onCreated(r.value.mainId);
  };

  const name = (t: PhaseTemplate) => (locale() === 'zh' || key().startsWith(SAVED_TEMPLATE_PREFIX) ? t.name : t.nameEn);

  return (
    <Dialog title={tp('fromTemplateTitle')} onClose={props.onClose} testid="from-template" wide>
      <form class="editor template-form" onSubmit={create} novalidate>
        <label class="field">
          <span>{tp('template')}</span>
          <select name="template" value={key()} onChange={(e) => setKey(e.currentTarget.value)}>
            <optgroup label={tp('builtIn')}>
              <For each={BUILT_IN_TEMPLATES}>{(t) => <option value={t.key}>{locale() === 'zh' ? t.name : t.nameEn}</option>}</For>
            </optgroup>
            <Show when={saved().length > 0}>
              <optgroup label={tp('saved')}>
                <For each={saved()}>{(t) => <option value={t.key}>{t.name}</option>}</For>
              </optgroup>
            </Show>
          </select>
          <Show when={key().startsWith(SAVED_TEMPLATE_PREFIX)}>
            <button
              type="button"
              class="link-button"
              data-testid="delete-template"
              onClick={() => {
                const r = ws.run('template.delete', { id: key().slice(SAVED_TEMPLATE_PREFIX.length) });
                if (!r.ok) return setError(r.error.message);
                setKey(BUILT_IN_TEMPLATES[0]!.key);
              }}
            >
              {tp('deleteTemplate')}
            </button>
          </Show>
        </label>
        <label class="field">
          <span>{tp('title')}</span>
          <input name="title" value={title()} placeholder={name(template())} onInput={(e) => setTitle(e.currentTarget.value)} maxLength={300} />
        </label>
        <label class="field">
          <span>{tp('anchor')}</span>
          <select name="anchor" value={anchor()} onChange={(e) => setAnchorKey(e.currentTarget.value)}>
            <For each={template().phases}>{(p) => <option value={p.key}>{locale() === 'zh' ? p.name : p.nameEn || p.name}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{tp('anchorDate')}</span>
          <input name="date" type="date" value={date()} onInput={(e) => setDate(e.currentTarget.value)} required />
        </label>
        <Show when={ws.sections().length > 0}>
          <div class="field full">
            <span>{tp('sections')}</span>
            <SectionPicker value={sectionIds()} onChange={setSectionIds} choices={choices()} disabled={false} />
          </div>
        </Show>
        <div class="field full">
          <span>{tp('preview')}</span>
          <ol class="template-preview" data-testid="template-preview">
            <For each={preview()?.phases ?? template().phases.map((p) => ({ title: p.name, start: '', end: undefined, phase: p.key, kind: p.kind }))}>
              {(p) => {
                const tp0 = template().phases.find((x) => x.key === p.phase);
                return (
                  <li>
                    <span>
                      {phaseName(p.title, title().trim() || template().name)} <span class="muted">· {kindLabel(p.kind)}</span>
                      <Show when={tp0?.deadline}>
                        <span class="deadline"> · {tp('deadline')}</span>
                      </Show>
                    </span>
                    <span class="phase-when">{p.start ? whenText(p) : ''}</span>
                  </li>
                );
              }}
            </For>
          </ol>
        </div>
        <Show when={error()}>
          <em class="error full" role="alert" data-testid="from-template-error">
            {error()}
          </em>
        </Show>
        <footer class="editor-actions full">
          <span class="spacer" />
          <button type="button" onClick={() => props.onClose()}>
            {tp('cancel')}
          </button>
          <button type="submit" class="primary" data-testid="create-from-template">
            {tp('create')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
