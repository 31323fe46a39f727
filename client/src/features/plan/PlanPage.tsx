import { createMemo, createResource, createSignal, For, lazy, Show } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { draftKey, shiftOutlineItem, type OutlineItem, type PlanDraft } from '@shared/schema';
import type { PlanRecord } from '@shared/schema/types';
import { draftEventFields, isWindow, planDrafts, plannedNote, windowText } from '@shared/workspace/drafts';
import { acceptCounts, groupBySection, highlightSource, isConfident, sourceLines, type ReviewDraft } from '@shared/workspace/draft-review';
import { isPlanInputError, parsePlanAsync, readPlanFile, type PlanParse } from '@shared/plan-text';
import { todayIn } from '@shared/time/dates';
import { describeRRule } from '@shared/time/recurrence-presets';
import { useWorkspace } from '../../stores/workspace-context';
import { kindLabel, locale, t } from '../../i18n';
import { sectionChoices } from '../outline/SectionPicker';
import type { EditorTarget } from '../editor/EventEditor';
import './plan.css';

const EventEditor = lazy(() => import('../editor/EventEditor'));

/** Above this size a file is read with a progress bar. */
const PROGRESS_BYTES = 256 * 1024;

interface Preview {
  parse: PlanParse;
  source: string;
  title: string;
  year: number;
  items: OutlineItem[];
}

function readWithProgress(file: File, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

function errorText(e: unknown): string {
  if (isPlanInputError(e)) return locale() === 'zh' ? e.zh : e.en;
  return e instanceof Error ? e.message : String(e);
}

/** Paste, pick or drop a plan; preview and fix its outline; save it into the workspace. */
function PlanImport(props: { onSaved: (planId: string) => void; onCancel?: () => void }) {
  const ws = useWorkspace();
  const [text, setText] = createSignal('');
  const [busy, setBusy] = createSignal<string | null>(null);
  const [progress, setProgress] = createSignal<number | null>(null);
  const [error, setError] = createSignal('');
  const [preview, setPreview] = createSignal<Preview | null>(null);
  const [dragOver, setDragOver] = createSignal(false);

  const parseText = async (source: string) => {
    setError('');
    setBusy(t('parsing'));
    // Let the "parsing" state paint before the main thread is busy.
    await new Promise((r) => setTimeout(r, 0));
    try {
      const parse = await parsePlanAsync(source, { defaultYear: Number(todayIn(ws.timezone()).slice(0, 4)) });
      setPreview({ parse, source, title: parse.title, year: parse.year, items: parse.sections.map((s) => ({ ...s })) });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const readFile = async (file: File) => {
    setError('');
    setPreview(null);
    setBusy(t('reading', { name: file.name }));
    setProgress(file.size > PROGRESS_BYTES ? 0 : null);
    try {
      const bytes = await readWithProgress(file, (f) => file.size > PROGRESS_BYTES && setProgress(f));
      const source = await readPlanFile(bytes, file.name);
      setText(source);
      setProgress(null);
      await parseText(source);
    } catch (e) {
      setError(errorText(e));
      setBusy(null);
    } finally {
      setProgress(null);
    }
  };

  const save = () => {
    const p = preview();
    if (!p) return;
    const r = ws.run('plan.import', { title: p.title, year: p.year, sections: p.items, source: p.source });
    if (r.ok) props.onSaved(r.value);
    else setError(r.error.message);
  };

  const setItem = (i: number, patch: Partial<OutlineItem>) =>
    setPreview((p) => (p ? { ...p, items: p.items.map((it, j) => (j === i ? { ...it, ...patch } : it)) } : p));

  return (
    <section class="plan-import card" data-testid="plan-import">
      <Show
        when={preview()}
        fallback={
          <>
            <h2>{t('importPlan')}</h2>
            <p class="muted">{t('importHint')}</p>
            <div
              class="drop-zone"
              classList={{ over: dragOver() }}
              data-testid="plan-drop"
              onDragOver={(e) => {
                e.preventDefault();
                setDragOver(true);
              }}
              onDragLeave={() => setDragOver(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragOver(false);
                const file = e.dataTransfer?.files[0];
                if (file) void readFile(file);
              }}
            >
              <textarea
                data-testid="plan-paste"
                rows={10}
                placeholder={t('pasteHere')}
                value={text()}
                onInput={(e) => setText(e.currentTarget.value)}
              />
              <div class="import-actions">
                <label class="file-button">
                  {t('chooseFile')}
                  <input
                    type="file"
                    data-testid="plan-file"
                    accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    onChange={(e) => {
                      const file = e.currentTarget.files?.[0];
                      e.currentTarget.value = '';
                      if (file) void readFile(file);
                    }}
                  />
                </label>
                <span class="muted">{t('dropFile')}</span>
                <span class="spacer" />
                <Show when={props.onCancel}>
                  <button type="button" onClick={() => props.onCancel!()}>
                    {t('cancel')}
                  </button>
                </Show>
                <button
                  type="button"
                  class="primary"
                  data-testid="parse-plan"
                  disabled={!!busy() || !text().trim() || !!ws.readOnly()}
                  onClick={() => void parseText(text())}
                >
                  {t('parse')}
                </button>
              </div>
            </div>
          </>
        }
      >
        {(p) => (
          <div class="plan-preview" data-testid="plan-preview">
            <h2>{t('previewOutline')}</h2>
            <div class="preview-head">
              <label class="field">
                <span>{t('planTitle')}</span>
                <input name="planTitle" value={p().title} onInput={(e) => setPreview({ ...p(), title: e.currentTarget.value })} />
              </label>
              <label class="field year">
                <span>{t('planYear')}</span>
                <input
                  name="planYear"
                  type="number"
                  min="2000"
                  max="2100"
                  value={p().year}
                  onInput={(e) => Number(e.currentTarget.value) && setPreview({ ...p(), year: Number(e.currentTarget.value) })}
                />
              </label>
              <span class="muted">
                {t('sectionsCount', { n: p().items.length })} · {t('drafts')} {p().parse.activities.length}
              </span>
            </div>
            <Show when={p().items.length === 0}>
              <p class="notice">{t('noSections')}</p>
            </Show>
            <ol class="preview-outline">
              <For each={p().items}>
                {(item, i) => (
                  <li data-testid="preview-section" style={{ 'padding-left': `${(item.level - 1) * 22}px` }}>
                    <button type="button" class="icon" title={t('outdent')} aria-label={t('outdent')} disabled={item.level <= 1}
                      onClick={() => setPreview({ ...p(), items: shiftOutlineItem(p().items, i(), -1) })}>
                      ←
                    </button>
                    <button type="button" class="icon" title={t('indent')} aria-label={t('indent')} disabled={i() === 0 || p().items[i() - 1].level < item.level}
                      onClick={() => setPreview({ ...p(), items: shiftOutlineItem(p().items, i(), 1) })}>
                      →
                    </button>
                    <span class="label">{item.label}</span>
                    <input class="section-title-input" value={item.title} onChange={(e) => setItem(i(), { title: e.currentTarget.value })} />
                  </li>
                )}
              </For>
            </ol>
            <div class="import-actions">
              <button type="button" onClick={() => setPreview(null)}>
                {t('cancel')}
              </button>
              <span class="spacer" />
              <button type="button" class="primary" data-testid="save-plan" onClick={save} disabled={!!ws.readOnly()}>
                {t('savePlan')}
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show when={busy()}>
        <p class="busy" data-testid="plan-busy">
          {busy()}
          <Show when={progress() !== null}>
            <progress max="1" value={progress()!} />
          </Show>
        </p>
      </Show>
      <Show when={error()}>
        <p class="error" role="alert" data-testid="plan-error">
          {error()}
        </p>
      </Show>
    </section>
  );
}

/** One saved plan: its outline summary and the drafts still waiting for a decision. */
function PlanView(props: { plan: PlanRecord; onDeleted: () => void }) {
  const ws = useWorkspace();
  const [editing, setEditing] = createSignal<{ target: EditorTarget; draft: PlanDraft } | null>(null);
  // A string key: dismissing or accepting changes the plan record but must not re-parse.
  const parseKey = createMemo(() => JSON.stringify([props.plan.id, props.plan.year, props.plan.source ?? '']));
  const [parsed] = createResource(parseKey, async (key) => {
    const [id, year, source] = JSON.parse(key) as [string, number, string];
    return source.trim() ? planDrafts(id, (await parsePlanAsync(source, { year })).activities) : [];
  });
  const choices = createMemo(() => sectionChoices(ws.sections(), ws.plans()));
  const sections = createMemo(() => ws.sections().filter((s) => s.planId === props.plan.id));
  const handled = createMemo(() => new Set([...(props.plan.dismissedDrafts ?? []), ...(props.plan.acceptedDrafts ?? [])]));
  const open = createMemo((): ReviewDraft[] => (parsed() ?? []).filter((d) => !handled().has(draftKey(d))));
  const groups = createMemo(() => groupBySection(open(), sections()));
  const confident = createMemo(() => open().filter(isConfident));
  const readOnly = () => !ws.canEdit();
  const [error, setError] = createSignal('');
  const [summary, setSummary] = createSignal('');
  const report = (r: { ok: boolean; error?: { message: string } }) => setError(r.ok ? '' : r.error!.message);

  /** Accepts, then says what became of them ("18 项已排入日历，3 项待排期"). */
  const accept = (drafts: PlanDraft[]) => {
    const r = ws.run('draft.accept', { planId: props.plan.id, drafts });
    report(r);
    if (!r.ok) return;
    const n = acceptCounts(r.value);
    const parts = [
      n.events ? t('acceptedEvents', { n: n.events }) : '',
      n.campaigns ? t('acceptedCampaigns', { n: n.campaigns }) : '',
      n.tray ? t('acceptedTray', { n: n.tray }) : '',
    ].filter(Boolean);
    setSummary(parts.join(locale() === 'zh' ? '，' : ', '));
  };
  const editThenAccept = (d: PlanDraft) => {
    const fields = d.start ? draftEventFields(d, locale()) : undefined;
    const today = todayIn(ws.timezone());
    const start = fields?.start ?? (today.startsWith(String(props.plan.year)) ? today : `${props.plan.year}-01-01`);
    setEditing({
      draft: d,
      target: {
        start,
        end: fields?.end,
        prefill: {
          title: d.title,
          kind: d.kind === 'campaign' ? 'other' : d.kind,
          units: d.units.join('、'),
          notes: fields?.notes ?? (d.cue ? plannedNote(d.cue, locale()) : ''),
          sectionIds: d.sectionId ? [d.sectionId] : [],
          ...(fields?.rrule ? { repeat: 'custom' as const, customRule: fields.rrule } : {}),
        },
      },
    });
  };

  return (
    <section class="plan-view" data-testid="plan-view">
      <header class="plan-view-head">
        <div>
          <h2 data-testid="plan-title">{props.plan.title}</h2>
          <p class="muted">
            {props.plan.year} · {t('sectionsCount', { n: sections().length })}
            <Show when={(props.plan.dismissedDrafts ?? []).length}>
              {(n) => <> · {t('dismissedCount', { n: n() })}</>}
            </Show>
          </p>
        </div>
        <span class="spacer" />
        <Show when={!readOnly()}>
          <button
            type="button"
            class="danger"
            data-testid="delete-plan"
            onClick={() => {
              if (!confirm(t('deletePlanConfirm', { title: props.plan.title }))) return;
              const r = ws.run('plan.delete', { id: props.plan.id });
              report(r);
              if (r.ok) props.onDeleted();
            }}
          >
            {t('deletePlan')}
          </button>
        </Show>
      </header>
      <div class="plan-columns">
        <div class="plan-outline card">
          <h3>{t('outline')}</h3>
          <ol class="saved-outline" data-testid="plan-outline">
            <For each={sections()}>
              {(s) => (
                <li style={{ 'padding-left': `${(s.level - 1) * 16}px` }} data-testid="plan-section">
                  <span class="label">{s.label}</span> {s.title}
                </li>
              )}
            </For>
          </ol>
        </div>
        <div class="plan-drafts card" data-testid="drafts">
          <header class="drafts-head">
            <h3>
              {t('drafts')} <span class="muted">({open().length})</span>
            </h3>
            <span class="spacer" />
            <Show when={!readOnly() && confident().length > 0 && confident().length < open().length}>
              <button type="button" class="primary" data-testid="accept-confident-drafts" onClick={() => accept(confident())}>
                {t('acceptConfident', { n: confident().length })}
              </button>
            </Show>
            <Show when={!readOnly() && open().length > 0}>
              <button type="button" classList={{ primary: confident().length === open().length }} data-testid="accept-all-drafts" onClick={() => accept(open())}>
                {t('acceptAll')}
              </button>
            </Show>
          </header>
          <p class="muted">{t('draftsHint')}</p>
          <Show when={summary()}>
            <p class="notice" role="status" data-testid="accept-summary">
              {summary()}
            </p>
          </Show>
          <Show when={error()}>
            <p class="error" role="alert" data-testid="plan-error">
              {error()}
            </p>
          </Show>
          <Show when={!parsed.loading} fallback={<p class="muted">{t('parsing')}</p>}>
            <Show when={open().length > 0} fallback={<p class="muted">{t('noDrafts')}</p>}>
              <For each={groups()}>
                {(g) => (
                  <section class="draft-group" data-testid="draft-group" data-section={g.sectionId}>
                    <h4 class="draft-group-head">
                      <Show when={choices().get(g.sectionId)} fallback={t('noSectionGroup')}>
                        {(c) => (
                          <>
                            <b>{c().lead}</b> {c().title}
                          </>
                        )}
                      </Show>
                      <span class="muted"> ({g.drafts.length})</span>
                    </h4>
                    <ul class="draft-list">
                      <For each={g.drafts}>
                        {(d) => (
                          <li class="draft" classList={{ unsure: !isConfident(d) }} data-testid="draft" data-kind={d.kind} data-confident={isConfident(d) ? 'true' : 'false'}>
                            <div class="draft-main">
                              <b class="draft-title">{d.title}</b>
                              <span class={`kind-tag kind-${d.kind}`}>{d.kind === 'campaign' ? t('campaign') : kindLabel(d.kind)}</span>
                              <Show when={!isConfident(d)}>
                                <span class="unsure-tag" data-testid="draft-unsure" title={t('lowConfidenceHint')}>
                                  ? {t('lowConfidence')}
                                </span>
                              </Show>
                            </div>
                            <Show when={sourceLines(d).length > 0}>
                              <blockquote class="draft-source" data-testid="draft-source">
                                <For each={highlightSource(sourceLines(d), d.title)}>
                                  {(parts) => (
                                    <p>
                                      <For each={parts}>{(part) => (part.mark ? <mark>{part.text}</mark> : <>{part.text}</>)}</For>
                                    </p>
                                  )}
                                </For>
                              </blockquote>
                            </Show>
                            <div class="draft-meta">
                              <Show when={choices().get(d.sectionId)}>
                                {(c) => (
                                  <span class="draft-section" data-testid="draft-section" title={c().title}>
                                    <b>{c().path}</b>
                                  </span>
                                )}
                              </Show>
                              <span class="draft-when" classList={{ none: !d.start, tentative: isWindow(d) }}>
                                {d.start ? windowText(d, locale()) : d.cue ? d.cue : t('noTime')}
                                <Show when={d.rrule}>
                                  {(rule) => <span title={rule()}> · {describeRRule(rule(), locale(), d.start)}</span>}
                                </Show>
                                <Show when={isWindow(d)}>
                                  {' '}
                                  <em class="tentative-tag">{t('tentative')}</em>
                                </Show>
                              </span>
                              <Show when={d.units.length}>
                                <span class="draft-units">{d.units.join('、')}</span>
                              </Show>
                            </div>
                            <Show when={!readOnly()}>
                              <div class="draft-actions">
                                <button type="button" class="primary" data-testid="accept-draft" onClick={() => accept([d])}>
                                  {t('accept')}
                                </button>
                                <Show when={d.kind !== 'campaign'}>
                                  <button type="button" data-testid="edit-draft" onClick={() => editThenAccept(d)}>
                                    {t('editAccept')}
                                  </button>
                                </Show>
                                <button
                                  type="button"
                                  data-testid="dismiss-draft"
                                  onClick={() => report(ws.run('draft.dismiss', { planId: props.plan.id, keys: [draftKey(d)] }))}
                                >
                                  {t('dismiss')}
                                </button>
                              </div>
                            </Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </section>
                )}
              </For>
            </Show>
          </Show>
        </div>
      </div>
      <Show when={editing()} keyed>
        {(e) => (
          <EventEditor
            target={e.target}
            readOnly={readOnly()}
            onSave={(fields) => {
              const r = ws.run('draft.acceptEdited', { planId: props.plan.id, draftKey: draftKey(e.draft), fields });
              if (!r.ok) return r.error.message;
              setEditing(null);
              return null;
            }}
            onDelete={() => setEditing(null)}
            onSkipOccurrence={() => setEditing(null)}
            onRestored={() => {}}
            onClose={() => setEditing(null)}
          />
        )}
      </Show>
    </section>
  );
}

/** `/w/<id>/plan`: the workspace's plans (switch, delete), import, drafts. */
export default function PlanPage() {
  const ws = useWorkspace();
  const [params, setParams] = useSearchParams<{ plan?: string }>();
  const [importing, setImporting] = createSignal(false);
  const current = createMemo(() => {
    const plans = ws.plans();
    return plans.find((p) => p.id === params.plan) ?? plans[plans.length - 1];
  });
  return (
    <div class="plan-page" data-testid="plan-page">
      <div class="toolbar plan-tabs">
        <div class="plan-tab-list" role="tablist" aria-label={t('plans')}>
          <For each={ws.plans()}>
            {(p) => (
              <button
                type="button"
                role="tab"
                data-testid="plan-tab"
                aria-selected={current()?.id === p.id && !importing()}
                classList={{ active: current()?.id === p.id && !importing() }}
                onClick={() => {
                  setImporting(false);
                  setParams({ plan: p.id });
                }}
              >
                {p.title}
              </button>
            )}
          </For>
        </div>
        <span class="spacer" />
        <Show when={!ws.readOnly() && ws.plans().length > 0}>
          <button type="button" class="primary" data-testid="import-plan" onClick={() => setImporting(true)}>
            + {t('importPlan')}
          </button>
        </Show>
      </div>
      <Show when={ws.ready()} fallback={<p class="page-message">{t('loading')}</p>}>
        <Show
          when={!importing() && current()}
          fallback={
            <>
              <Show when={ws.plans().length === 0}>
                <p class="muted plan-empty">{t('noPlans')}</p>
              </Show>
              <PlanImport
                onSaved={(id) => {
                  setImporting(false);
                  setParams({ plan: id });
                }}
                onCancel={ws.plans().length > 0 ? () => setImporting(false) : undefined}
              />
            </>
          }
        >
          {(plan) => <PlanView plan={plan()} onDeleted={() => setParams({ plan: undefined })} />}
        </Show>
      </Show>
    </div>
  );
}
