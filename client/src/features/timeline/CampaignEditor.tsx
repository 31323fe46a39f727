/**
 * A campaign's fields (专项活动): title, dates (the last day shown inclusive, stored exclusive
 * as Contract 1 wants), colour, lead unit, plan sections and notes. Saving and deleting go
 * through the page's commands; a refusal stays in the dialog with its reason.
 */
import { createMemo, createSignal, Show } from 'solid-js';
import type { CampaignFields, CampaignRecord, SectionRecord } from '@shared/schema/types';
import { addDays, compareDateValues, isValidDateValue } from '@shared/time/dates';
import { useWorkspace } from '../../stores/workspace-context';
import { Dialog } from '../../ui/Dialog';
import { SectionPicker, sectionChoices } from '../outline/SectionPicker';
import { tt } from './messages';

export interface CampaignTarget {
  record?: CampaignRecord;
  /** A new campaign: its range (end exclusive) and sections from the row it was drawn in. */
  start?: string;
  end?: string;
  sectionIds?: string[];
}

const COLORS = ['#1f6f8b', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#ad1457', '#4e342e'];

export function CampaignEditor(props: {
  target: CampaignTarget;
  readOnly: boolean;
  sections: SectionRecord[];
  editingBy?: string;
  onSave: (fields: CampaignFields, id?: string) => string | null;
  onDelete: (id: string) => void;
  onClose: () => void;
}) {
  const ws = useWorkspace();
  const r = props.target.record;
  const [title, setTitle] = createSignal(r?.title ?? '');
  const [start, setStart] = createSignal((r?.start ?? props.target.start ?? '').slice(0, 10));
  const [lastDay, setLastDay] = createSignal(r ? addDays(r.end.slice(0, 10), -1) : props.target.end ? addDays(props.target.end, -1) : '');
  const [color, setColor] = createSignal(r?.color ?? COLORS[0]!);
  const [leadUnit, setLeadUnit] = createSignal(r?.leadUnit ?? '');
  const [sectionIds, setSectionIds] = createSignal(r?.sectionIds ?? props.target.sectionIds ?? []);
  const [notes, setNotes] = createSignal(r?.notes ?? '');
  const [error, setError] = createSignal('');
  const choices = createMemo(() => sectionChoices(props.sections, ws.plans()));

  const save = (e: Event) => {
    e.preventDefault();
    if (props.readOnly) return;
    if (!title().trim()) return setError(tt('badTitle'));
    if (!isValidDateValue(start()) || !isValidDateValue(lastDay()) || compareDateValues(lastDay(), start()) < 0) return setError(tt('badRange'));
    const fields: CampaignFields = {
      title: title().trim(),
      start: start(),
      end: addDays(lastDay(), 1),
      color: color(),
      leadUnit: leadUnit().trim() || undefined,
      sectionIds: sectionIds(),
      notes: notes() || undefined,
    };
    setError(props.onSave(fields, r?.id) ?? '');
  };

  return (
    <Dialog title={tt('campaign')} onClose={props.onClose} testid="campaign-editor" wide>
      <Show when={props.editingBy}>
        <p class="editing-banner">{tt('editingBy', { name: props.editingBy! })}</p>
      </Show>
      <form class="editor" onSubmit={save} novalidate>
        <fieldset disabled={props.readOnly}>
          <label class="field full">
            <span>{tt('campaignTitle')}</span>
            <input name="title" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} autofocus maxLength={500} />
          </label>
          <label class="field">
            <span>{tt('start')}</span>
            <input type="date" name="start" value={start()} onInput={(e) => setStart(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{tt('lastDay')}</span>
            <input type="date" name="lastDay" value={lastDay()} onInput={(e) => setLastDay(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{tt('color')}</span>
            <input type="color" name="color" value={color()} onInput={(e) => setColor(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{tt('leadUnit')}</span>
            <input name="leadUnit" value={leadUnit()} onInput={(e) => setLeadUnit(e.currentTarget.value)} />
          </label>
          <Show when={props.sections.length > 0 || sectionIds().length > 0}>
            <div class="field full">
              <span>{tt('sections')}</span>
              <SectionPicker value={sectionIds()} onChange={setSectionIds} choices={choices()} disabled={props.readOnly} />
            </div>
          </Show>
          <label class="field full">
            <span>{tt('notes')}</span>
            <textarea name="notes" rows={3} value={notes()} onInput={(e) => setNotes(e.currentTarget.value)} />
          </label>
        </fieldset>
        <Show when={error()}>
          <p class="error" role="alert" data-testid="campaign-error">
            {error()}
          </p>
        </Show>
        <footer class="editor-actions">
          <Show when={r && !props.readOnly}>
            <button type="button" class="danger" data-testid="delete-campaign" onClick={() => props.onDelete(r!.id)}>
              {tt('delete')}
            </button>
          </Show>
          <span class="spacer" />
          <button type="button" onClick={() => props.onClose()}>
            {tt('cancel')}
          </button>
          <Show when={!props.readOnly}>
            <button type="submit" class="primary" data-testid="save-campaign">
              {tt('save')}
            </button>
          </Show>
        </footer>
      </form>
    </Dialog>
  );
}
