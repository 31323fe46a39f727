/**
 * The event editor's part for a lecture session: the team, its speakers (the team's members
 * as chips, other names typed), the host unit from the directory (searched by name) and the
 * audience. Everything stays in the editor's draft until it is saved.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { TeamRecord, UnitRecord } from '@shared/schema/types';
import { t } from '../../i18n';
import { splitUnits, type Draft } from './draft';

export interface LectureFieldsProps {
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  teams: TeamRecord[];
  units: UnitRecord[];
  error: (key: string) => string | undefined;
}

export function LectureFields(props: LectureFieldsProps) {
  const team = createMemo(() => props.teams.find((x) => x.id === props.draft.teamId));
  const speakers = createMemo(() => splitUnits(props.draft.speakers));
  const toggleSpeaker = (name: string, on: boolean) => {
    const now = speakers().filter((n) => n !== name);
    props.set('speakers', (on ? [...now, name] : now).join('、'));
  };
  // The host unit is typed as a name and kept as an id; a name not in the directory is shown as such.
  const unitName = (id: string) => props.units.find((u) => u.id === id)?.name ?? '';
  const [hostText, setHostText] = createSignal(unitName(props.draft.hostUnitId));
  const unknownHost = createMemo(() => {
    const text = hostText().trim();
    return text && !props.units.some((u) => u.name === text) ? text : '';
  });
  const onHost = (text: string) => {
    setHostText(text);
    const match = props.units.find((u) => u.name === text.trim());
    props.set('hostUnitId', match ? match.id : '');
  };

  return (
    <fieldset class="field full lecture-fields" data-testid="lecture-fields">
      <legend>{t('lectureBlock')}</legend>
      <label class="field">
        <span>{t('teamField')}</span>
        <select name="teamId" value={props.draft.teamId} onChange={(e) => props.set('teamId', e.currentTarget.value)}>
          <option value="">{t('noTeam')}</option>
          <For each={props.teams}>{(x) => <option value={x.id}>{x.name}</option>}</For>
          <Show when={props.draft.teamId && !team()}>
            <option value={props.draft.teamId}>{props.draft.teamId}</option>
          </Show>
        </select>
      </label>
      <label class="field">
        <span>{t('hostUnitField')}</span>
        <input name="hostUnit" list="host-unit-choices" value={hostText()} placeholder={t('hostUnitHint')} onInput={(e) => onHost(e.currentTarget.value)} autocomplete="off" />
        <datalist id="host-unit-choices">
          <For each={props.units}>{(u) => <option value={u.name} />}</For>
        </datalist>
        <Show when={unknownHost()}>
          <em class="error">{t('hostUnitUnknown', { name: unknownHost() })}</em>
        </Show>
      </label>
      <div class="field full">
        <span>{t('speakersField')}</span>
        <Show when={team()?.members.length}>
          <div class="chips" role="group" aria-label={t('speakersField')}>
            <For each={team()!.members}>
              {(name) => (
                <label class="chip">
                  <input type="checkbox" checked={speakers().includes(name)} onChange={(e) => toggleSpeaker(name, e.currentTarget.checked)} />
                  {name}
                </label>
              )}
            </For>
          </div>
        </Show>
        <input name="speakers" value={props.draft.speakers} placeholder={t('speakersHint')} onInput={(e) => props.set('speakers', e.currentTarget.value)} />
      </div>
      <label class="field">
        <span>{t('audienceField')}</span>
        <input name="audience" inputMode="numeric" value={props.draft.audience} placeholder={t('audienceHint')} onInput={(e) => props.set('audience', e.currentTarget.value)} />
        <Show when={props.error('audience')}>
          <em class="error">{props.error('audience')}</em>
        </Show>
      </label>
    </fieldset>
  );
}
