/** The dialog for one lecture team: name, topic, members (speakers), colour, lead unit, campaign. */
import { createSignal, For, Show } from 'solid-js';
import type { CampaignRecord, TeamFields, TeamRecord } from '@shared/schema/types';
import { Dialog } from '../../ui/Dialog';
import { splitUnits } from '../editor/draft';
import { tm } from './messages';

const COLORS = ['#1565c0', '#2e7d32', '#c62828', '#6a1b9a', '#ef6c00', '#00838f', '#5d4037', '#ad1457'];

/** Members as typed: one a line, or separated by 、，, ; — kept in the order given, without repeats. */
export function parseMembers(text: string): string[] {
  return [...new Set(splitUnits(text))];
}

export function TeamEditor(props: {
  record?: TeamRecord;
  campaigns: CampaignRecord[];
  readOnly: boolean;
  onSave: (fields: TeamFields, id?: string) => string | null;
  onDelete: (id: string) => void;
  onClose: () => void;
}) {
  const r = props.record;
  const [name, setName] = createSignal(r?.name ?? '');
  const [topic, setTopic] = createSignal(r?.topic ?? '');
  const [members, setMembers] = createSignal((r?.members ?? []).join('\n'));
  const [color, setColor] = createSignal(r?.color ?? COLORS[0]!);
  const [leadUnit, setLeadUnit] = createSignal(r?.leadUnit ?? '');
  const [campaignId, setCampaignId] = createSignal(r?.campaignId ?? '');
  const [error, setError] = createSignal('');

  const save = (e: Event) => {
    e.preventDefault();
    if (props.readOnly) return;
    if (!name().trim()) return setError(tm('badName'));
    const fields: TeamFields = {
      name: name().trim(),
      topic: topic().trim() || undefined,
      members: parseMembers(members()),
      color: color(),
      leadUnit: leadUnit().trim() || undefined,
      campaignId: campaignId() || undefined,
    };
    setError(props.onSave(fields, r?.id) ?? '');
  };

  return (
    <Dialog title={tm('team')} onClose={props.onClose} testid="team-editor" wide>
      <form class="editor" onSubmit={save} novalidate>
        <fieldset disabled={props.readOnly}>
          <label class="field full">
            <span>{tm('teamName')}</span>
            <input name="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} autofocus maxLength={200} />
          </label>
          <label class="field full">
            <span>{tm('topic')}</span>
            <input name="topic" value={topic()} onInput={(e) => setTopic(e.currentTarget.value)} maxLength={500} />
          </label>
          <label class="field full">
            <span>{tm('members')}</span>
            <textarea name="members" rows={4} value={members()} placeholder={tm('membersHint')} onInput={(e) => setMembers(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{tm('leadUnit')}</span>
            <input name="leadUnit" value={leadUnit()} onInput={(e) => setLeadUnit(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{tm('campaign')}</span>
            <select name="campaignId" value={campaignId()} onChange={(e) => setCampaignId(e.currentTarget.value)}>
              <option value="">{tm('noCampaign')}</option>
              <For each={props.campaigns}>{(c) => <option value={c.id}>{c.title}</option>}</For>
            </select>
          </label>
          <label class="field">
            <span>{tm('color')}</span>
            <input type="color" name="color" value={color()} onInput={(e) => setColor(e.currentTarget.value)} />
          </label>
          <Show when={error()}>
            <em class="error full" role="alert" data-testid="team-error">
              {error()}
            </em>
          </Show>
        </fieldset>
        <footer class="editor-actions">
          <Show when={r && !props.readOnly}>
            <button type="button" class="danger" data-testid="delete-team" onClick={() => props.onDelete(r!.id)}>
              {tm('moveToTrash')}
            </button>
          </Show>
          <span class="spacer" />
          <button type="button" onClick={() => props.onClose()}>
            {tm('cancel')}
          </button>
          <Show when={!props.readOnly}>
            <button type="submit" class="primary" data-testid="save-team">
              {tm('save')}
            </button>
          </Show>
        </footer>
      </form>
    </Dialog>
  );
}
