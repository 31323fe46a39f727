import { createMemo, createSignal, For, Show } from 'solid-js';
import { EVENT_KINDS, EVENT_STATUSES, type EventRecord } from '@shared/schema/types';

/** The id an unsaved new event is checked under (no real id looks like it). */
const DRAFT_ID = '(draft)';
import { validateEventFields } from '@shared/schema';
import { describeRRule, validateRRule } from '@shared/time/recurrence';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime, kindLabel, locale, statusLabel, t } from '../../i18n';
import { WEEKDAY_NAMES, mondayFirst } from '@shared/i18n';
import { EventHistory } from './EventHistory';
import { useWorkspace } from '../../stores/workspace-context';
import { SectionPicker, sectionChoices } from '../outline/SectionPicker';
import { audienceOf, draftFromRecord, draftRRule, draftToFields, emptyDraft, toggleAllDay, type Draft, type RepeatChoice } from './draft';
import { LectureFields } from './LectureFields';
import { ConflictNotes } from '../conflicts/ConflictNotes';
import { ReminderChoices } from './ReminderChoices';
import { PhasesSection } from '../phases/PhasesSection';
import { zoneName } from '@shared/display/zone-names';
import { zonedSeries } from '@shared/time/series';
import { SeriesZoneNote } from './SeriesZoneNote';
import { ExtraDates } from './ExtraDates';
import { ts } from './series-messages';

export interface EditorTarget {
  /** Existing event, or undefined for a new one. */
  record?: EventRecord;
  /** For a new event: the selected range (`end` exclusive). */
  start?: string;
  end?: string;
  /** When opened from one occurrence of a series. */
  occurrenceStart?: string;
  /** For a new event: fields filled in ahead (a plan draft, a section dropped on a day). */
  prefill?: Partial<Pick<Draft, 'title' | 'kind' | 'status' | 'units' | 'notes' | 'sectionIds' | 'repeat' | 'customRule' | 'teamId' | 'campaignId'>>;
}

export interface EventEditorProps {
  target: EditorTarget;
  readOnly: boolean;
  /** Saves; a message means the workspace refused the change (the dialog stays open and shows it). */
  onSave: (fields: ReturnType<typeof draftToFields>, existing?: EventRecord) => string | null;
  onDelete: (id: string) => void;
  onSkipOccurrence: (id: string, occurrenceStart: string) => void;
  onClose: () => void;
  /** A colleague who has this event open right now. */
  editingBy?: string;
  /** After a value was restored from the history: reopen with the fresh record. */
  onRestored: (id: string) => void;
  /** Open another event (a phase's main event, another phase), or this one afresh after a phase command moved it. */
  onOpenEvent?: (id: string) => void;
}

const REPEATS: RepeatChoice[] = ['none', 'daily', 'weekly', 'monthly', 'quarterly', 'halfyearly', 'yearly', 'custom'];

/** Problems in the user's words, keyed by field, before anything touches the document. */
function problemsOf(d: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  if (!d.title.trim()) out.title = t('titleRequired');
  const fields = draftToFields(d);
  // A timed end may equal the start (a zero-length deadline); an all-day one may not.
  if (fields.end && (fields.end < fields.start || (fields.end === fields.start && d.allDay))) out.end = t('endBeforeStart');
  const rule = draftRRule(d);
  if (rule) {
    const err = validateRRule(rule);
    if (err) out.repeat = t('invalidRRule', { msg: err });
  }
  if (audienceOf(d) === null) out.audience = t('audienceInvalid');
  if (Object.keys(out).length === 0) {
    const { problems } = validateEventFields({ id: 'draft', ...fields } as Record<string, unknown>);
    if (problems.length) out.form = problems.join('；');
  }
  return out;
}

export default function EventEditor(props: EventEditorProps) {
  const existing = props.target.record;
  const ws = useWorkspace();
  const [draft, setDraft] = createSignal<Draft>(
    existing
      ? draftFromRecord(existing)
      : { ...emptyDraft(props.target.start!, props.target.end), ...(props.target.prefill ?? {}) },
  );
  const choices = createMemo(() => sectionChoices(ws.sections(), ws.plans()));
  const [showErrors, setShowErrors] = createSignal(false);
  const [refused, setRefused] = createSignal('');
  const problems = createMemo(() => problemsOf(draft()));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof Draft) => (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
    set(key, e.currentTarget.value as never);

  // Conflicts the event would have as it now stands in the form, before anything is saved.
  const liveConflicts = createMemo(() => {
    const index = ws.conflicts();
    if (!index || Object.keys(problems()).length) return [];
    const candidate = { ...draftToFields(draft(), existing), id: existing?.id ?? DRAFT_ID } as EventRecord;
    try {
      return index.check(candidate);
    } catch {
      return []; // a value the rules cannot read yet (mid-typing): the save validates it
    }
  });

  const rulePreview = createMemo(() => {
    const rule = draftRRule(draft());
    return rule && !validateRRule(rule) ? describeRRule(rule, locale()) : '';
  });

  const save = (e: Event) => {
    e.preventDefault();
    if (props.readOnly) return;
    if (Object.keys(problems()).length) {
      setShowErrors(true);
      return;
    }
    setRefused(props.onSave(draftToFields(draft(), existing), existing) ?? '');
  };

  const err = (key: string) => (showErrors() ? problems()[key] : undefined);
  // A series kept in its own zone is edited in that zone (its BYDAY and DST belong there).
  const seriesZone = () => (existing && !draft().allDay ? zonedSeries(existing, ws.timezone()) : null);
  const inZone = (key: 'start' | 'end') => {
    const zone = seriesZone();
    return zone ? ts(key === 'start' ? 'startIn' : 'endIn', { zone: zoneName(zone, locale()) }) : t(key);
  };

  return (
    <Dialog title={existing ? t('editEvent') : t('newEvent')} onClose={props.onClose} testid="event-editor" wide>
      <Show when={props.editingBy}>
        <p class="editing-banner" data-testid="editing-banner">
          {t('editingBy', { name: props.editingBy! })}
        </p>
      </Show>
      <form class="editor" onSubmit={save} novalidate>
        <fieldset disabled={props.readOnly}>
          <label class="field full">
            <span>{t('title')}</span>
            <input name="title" value={draft().title} onInput={text('title')} autofocus maxLength={500} />
            <Show when={err('title')}>
              <em class="error">{err('title')}</em>
            </Show>
          </label>
          <label class="field">
            <span>{t('kind')}</span>
            <select name="kind" value={draft().kind} onChange={(e) => set('kind', e.currentTarget.value as Draft['kind'])}>
              <For each={EVENT_KINDS}>{(k) => <option value={k}>{kindLabel(k)}</option>}</For>
            </select>
          </label>
          <label class="field">
            <span>{t('status')}</span>
            <select
              name="status"
              value={draft().status}
              onChange={(e) => set('status', e.currentTarget.value as Draft['status'])}
            >
              <For each={EVENT_STATUSES}>{(s) => <option value={s}>{statusLabel(s)}</option>}</For>
            </select>
          </label>
          <label class="field check">
            <input
              type="checkbox"
              name="allDay"
              checked={draft().allDay}
              onChange={(e) => setDraft((d) => toggleAllDay(d, e.currentTarget.checked))}
            />
            <span>{t('allDay')}</span>
          </label>
          <label class="field">
            <span>{inZone('start')}</span>
            <input
              name="start"
              type={draft().allDay ? 'date' : 'datetime-local'}
              value={draft().start}
              required
              onInput={(e) => e.currentTarget.value && set('start', e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{inZone('end')}</span>
            <input
              name="end"
              type={draft().allDay ? 'date' : 'datetime-local'}
              value={draft().end}
              min={draft().start}
              onInput={text('end')}
            />
            <Show when={err('end')}>
              <em class="error">{err('end')}</em>
            </Show>
          </label>
          <Show when={seriesZone()}>
            {(zone) => (
              <SeriesZoneNote
                seriesZone={zone()}
                homeZone={ws.timezone()}
                value={props.target.occurrenceStart ?? draft().start}
                valueInHome={props.target.occurrenceStart !== undefined}
              />
            )}
          </Show>
          <label class="field">
            <span>{t('location')}</span>
            <input name="location" value={draft().location} onInput={text('location')} />
          </label>
          <label class="field">
            <span>{t('leadUnit')}</span>
            <input name="leadUnit" value={draft().leadUnit} onInput={text('leadUnit')} />
          </label>
          <label class="field full">
            <span>{t('units')}</span>
            <input name="units" value={draft().units} placeholder={t('unitsHint')} onInput={text('units')} />
          </label>
          <label class="field">
            <span>{t('participants')}</span>
            <input name="participants" value={draft().participants} onInput={text('participants')} />
          </label>
          <label class="field">
            <span>{t('contact')}</span>
            <input name="contact" value={draft().contact} onInput={text('contact')} />
          </label>
          <Show when={ws.campaigns().length > 0 || draft().campaignId}>
            <label class="field">
              <span>{t('campaignField')}</span>
              <select name="campaignId" value={draft().campaignId} onChange={(e) => set('campaignId', e.currentTarget.value)}>
                <option value="">{t('noCampaign')}</option>
                <For each={ws.campaigns()}>{(c) => <option value={c.id}>{c.title}</option>}</For>
                <Show when={draft().campaignId && !ws.campaigns().some((c) => c.id === draft().campaignId)}>
                  <option value={draft().campaignId}>{draft().campaignId}</option>
                </Show>
              </select>
            </label>
          </Show>
          <Show when={draft().kind === 'lecture' || draft().teamId || draft().hostUnitId || draft().speakers}>
            <LectureFields draft={draft()} set={set} teams={ws.teams()} units={ws.units()} error={err} />
          </Show>
          <Show when={ws.sections().length > 0 || draft().sectionIds.length > 0}>
            <div class="field full">
              <span>{t('sections')}</span>
              <SectionPicker
                value={draft().sectionIds}
                onChange={(ids) => set('sectionIds', ids)}
                choices={choices()}
                disabled={props.readOnly}
              />
            </div>
          </Show>
          <Show when={existing}>
            <PhasesSection record={existing!} readOnly={props.readOnly} onOpen={(id) => (props.onOpenEvent ?? props.onRestored)(id)} />
          </Show>
          <ReminderChoices value={draft().reminders} onChange={(next) => set('reminders', next)} />
          <label class="field full">
            <span>{t('notes')}</span>
            <textarea name="notes" rows={3} value={draft().notes} onInput={text('notes')} />
          </label>

          <div class="field full repeat">
            <label>
              <span>{t('recurrence')}</span>
              <select
                name="repeat"
                value={draft().repeat}
                onChange={(e) => set('repeat', e.currentTarget.value as RepeatChoice)}
              >
                <For each={REPEATS}>{(r) => <option value={r}>{t(r === 'none' ? 'noRepeat' : r)}</option>}</For>
              </select>
            </label>
            <Show when={draft().repeat === 'weekly'}>
              <div class="weekdays" role="group" aria-label={t('weekdays')}>
                <For each={mondayFirst(WEEKDAY_NAMES[locale()][locale() === 'zh' ? 'narrow' : 'short'])}>
                  {(label, i) => (
                    <label class="chip">
                      <input
                        type="checkbox"
                        checked={draft().byWeekday.includes(i())}
                        onChange={(e) =>
                          set(
                            'byWeekday',
                            e.currentTarget.checked
                              ? [...draft().byWeekday, i()]
                              : draft().byWeekday.filter((w) => w !== i()),
                          )
                        }
                      />
                      {label}
                    </label>
                  )}
                </For>
              </div>
            </Show>
            <Show when={draft().repeat === 'custom'}>
              <input
                name="rrule"
                class="mono"
                placeholder="FREQ=WEEKLY;BYDAY=FR"
                value={draft().customRule}
                onInput={text('customRule')}
              />
            </Show>
            <Show when={draft().repeat !== 'none' && draft().repeat !== 'custom'}>
              <label>
                <span>{t('repeatEnds')}</span>
                <select
                  name="repeatEnd"
                  value={draft().repeatEnd}
                  onChange={(e) => set('repeatEnd', e.currentTarget.value as Draft['repeatEnd'])}
                >
                  <option value="never">{t('never')}</option>
                  <option value="until">{t('onDate')}</option>
                  <option value="count">{t('afterCount')}</option>
                </select>
              </label>
              <Show when={draft().repeatEnd === 'until'}>
                <input name="until" type="date" aria-label={t('repeatEnds') + ' ' + t('onDate')} value={draft().until} onInput={text('until')} />
              </Show>
              <Show when={draft().repeatEnd === 'count'}>
                <input
                  name="count"
                  aria-label={t('repeatEnds') + ' ' + t('afterCount')}
                  type="number"
                  min="1"
                  max="1000"
                  value={draft().count}
                  onInput={(e) => set('count', Number(e.currentTarget.value) || 1)}
                />
              </Show>
            </Show>
            <Show when={rulePreview()}>
              <span class="hint">{rulePreview()}</span>
            </Show>
            <Show when={err('repeat')}>
              <em class="error">{err('repeat')}</em>
            </Show>
          </div>
          <Show when={draft().repeat !== 'none' || draft().rdates.length > 0}>
            <ExtraDates value={draft().rdates} allDay={draft().allDay} startTime={draft().start.slice(11, 16) || '09:00'} onChange={(next) => set('rdates', next)} />
          </Show>
          <div class="full">
            <ConflictNotes id={existing?.id ?? DRAFT_ID} conflicts={liveConflicts()} names={{ teams: ws.teams(), units: ws.units(), campaigns: ws.campaigns() }} />
          </div>
          <Show when={err('form')}>
            <em class="error full">{err('form')}</em>
          </Show>
          <Show when={refused()}>
            <em class="error full" role="alert" data-testid="save-error">
              {refused()}
            </em>
          </Show>
        </fieldset>

        <Show when={existing?.updatedAt}>
          <p class="meta-line">
            {formatDateTime(existing!.updatedAt!)}
            {existing!.updatedBy ? ` · ${existing!.updatedBy}` : ''}
          </p>
        </Show>

        <Show when={existing}>
          <EventHistory record={existing!} readOnly={props.readOnly} onRestored={() => props.onRestored(existing!.id)} />
        </Show>

        <footer class="editor-actions">
          <Show when={existing && !props.readOnly}>
            <button type="button" class="danger" data-testid="delete-event" onClick={() => props.onDelete(existing!.id)}>
              {t('moveToTrash')}
            </button>
            <Show when={existing!.rrule && props.target.occurrenceStart}>
              <button
                type="button"
                data-testid="skip-occurrence"
                onClick={() => props.onSkipOccurrence(existing!.id, props.target.occurrenceStart!)}
              >
                {t('skipOccurrence')}
              </button>
            </Show>
          </Show>
          <span class="spacer" />
          <button type="button" onClick={() => props.onClose()}>
            {t('cancel')}
          </button>
          <Show when={!props.readOnly}>
            <button type="submit" class="primary" data-testid="save-event">
              {t('save')}
            </button>
          </Show>
        </footer>
      </form>
    </Dialog>
  );
}
