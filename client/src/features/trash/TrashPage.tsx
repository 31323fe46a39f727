import { createSignal, For, Show } from 'solid-js';
import { useWorkspace } from '../../stores/workspace-context';
import { formatDateTime, kindLabel, t } from '../../i18n';
import { isAllDay, lastDayInclusive } from '@shared/time/dates';
import type { EventRecord } from '@shared/schema/types';
import { tp } from '../phases/messages';

function when(e: EventRecord): string {
  if (isAllDay(e.start)) {
    const last = lastDayInclusive(e.start, e.end);
    return last === e.start ? e.start : `${e.start} – ${last}`;
  }
  return e.start.replace('T', ' ');
}

/** Soft-deleted events, newest first, each restorable (or removed for good). */
export default function TrashPage() {
  const ws = useWorkspace();
  const [error, setError] = createSignal('');
  const report = (r: { ok: boolean; error?: { message: string } }) => setError(r.ok ? '' : r.error!.message);
  const items = () => Object.values(ws.lists.deleted).sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0));
  return (
    <section class="trash-page" data-testid="trash">
      <h2>{t('trash')}</h2>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={items().length + ws.trashedCampaigns().length + ws.trashedTeams().length + ws.trashedUnits().length + ws.trashedObservances().length + ws.trashedTemplates().length > 0} fallback={<p class="empty">{t('trashEmpty')}</p>}>
        <table class="table">
          <thead>
            <tr>
              <th>{t('title')}</th>
              <th>{t('kind')}</th>
              <th>{t('start')}</th>
              <th>{t('deletedAt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            <For each={items()}>
              {(e) => (
                <tr data-testid="trash-item">
                  <td>{e.title}</td>
                  <td>{kindLabel(e.kind)}</td>
                  <td>{when(e)}</td>
                  <td>
                    {formatDateTime(e.deletedAt!)}
                    {e.updatedBy ? ` · ${e.updatedBy}` : ''}
                  </td>
                  <td class="actions">
                    <button type="button" data-testid="restore-event" disabled={!ws.canEdit()} onClick={() => report(ws.run('event.restore', { id: e.id }))}>
                      {t('restore')}
                    </button>
                    <button type="button" class="danger" disabled={!ws.canEdit()} onClick={() => confirm(`${t('deleteForever')}: ${e.title}?`) && report(ws.run('event.purge', { id: e.id }))}>
                      {t('deleteForever')}
                    </button>
                  </td>
                </tr>
              )}
            </For>
            <For each={ws.trashedCampaigns()}>
              {(c) => (
                <tr data-testid="trash-item" data-type="campaign">
                  <td>{c.title}</td>
                  <td>{t('campaignField')}</td>
                  <td>{`${c.start} – ${lastDayInclusive(c.start, c.end)}`}</td>
                  <td>{formatDateTime(c.deletedAt!)}</td>
                  <td class="actions">
                    <button type="button" data-testid="restore-campaign" disabled={!ws.canEdit()} onClick={() => report(ws.run('campaign.restore', { id: c.id }))}>
                      {t('restore')}
                    </button>
                    <button type="button" class="danger" disabled={!ws.canEdit()} onClick={() => confirm(`${t('deleteForever')}: ${c.title}?`) && report(ws.run('campaign.purge', { id: c.id }))}>
                      {t('deleteForever')}
                    </button>
                  </td>
                </tr>
              )}
            </For>
            <For each={ws.trashedTeams()}>
              {(x) => (
                <tr data-testid="trash-item" data-type="team">
                  <td>{x.name}</td>
                  <td>{t('teamField')}</td>
                  <td>{x.members.join('、')}</td>
                  <td>{formatDateTime(x.deletedAt!)}</td>
                  <td class="actions">
                    <button type="button" data-testid="restore-team" disabled={!ws.canEdit()} onClick={() => report(ws.run('team.restore', { id: x.id }))}>
                      {t('restore')}
                    </button>
                    <button type="button" class="danger" disabled={!ws.canEdit()} onClick={() => confirm(`${t('deleteForever')}: ${x.name}?`) && report(ws.run('team.purge', { id: x.id }))}>
                      {t('deleteForever')}
                    </button>
                  </td>
                </tr>
              )}
            </For>
            <For each={ws.trashedUnits()}>
              {(u) => (
                <tr data-testid="trash-item" data-type="unit">
                  <td>{u.name}</td>
                  <td>{t('hostUnitField')}</td>
                  <td>{u.address ?? ''}</td>
                  <td>{formatDateTime(u.deletedAt!)}</td>
                  <td class="actions">
                    <button type="button" data-testid="restore-unit" disabled={!ws.canEdit()} onClick={() => report(ws.run('unit.restore', { id: u.id }))}>
                      {t('restore')}
                    </button>
                    <button type="button" class="danger" disabled={!ws.canEdit()} onClick={() => confirm(`${t('deleteForever')}: ${u.name}?`) && report(ws.run('unit.purge', { id: u.id }))}>
                      {t('deleteForever')}
                    </button>
                  </td>
                </tr>
              )}
            </For>
            <For each={ws.trashedObservances()}>
              {(o) => (
                <tr data-testid="trash-item" data-type="observance">
                  <td>{o.title}</td>
                  <td>{t('ownObservances')}</td>
                  <td class="mono">{o.rule}</td>
                  <td>{formatDateTime(o.deletedAt!)}</td>
                  <td class="actions">
                    <button type="button" data-testid="restore-observance" disabled={!ws.canEdit()} onClick={() => report(ws.run('observance.restore', { id: o.id }))}>
                      {t('restore')}
                    </button>
                    <button type="button" class="danger" disabled={!ws.canEdit()} onClick={() => confirm(`${t('deleteForever')}: ${o.title}?`) && report(ws.run('observance.purge', { id: o.id }))}>
                      {t('deleteForever')}
                    </button>
                  </td>
                </tr>
              )}
            </For>
            <For each={ws.trashedTemplates()}>
              {(x) => (
                <tr data-testid="trash-item" data-type="template">
                  <td>{x.name}</td>
                  <td>{tp('template')}</td>
                  <td>{kindLabel(x.kind)}</td>
                  <td>{formatDateTime(x.deletedAt!)}</td>
                  <td class="actions">
                    <button type="button" data-testid="restore-template" disabled={!ws.canEdit()} onClick={() => report(ws.run('template.restore', { id: x.id }))}>
                      {t('restore')}
                    </button>
                    <button type="button" class="danger" disabled={!ws.canEdit()} onClick={() => confirm(`${t('deleteForever')}: ${x.name}?`) && report(ws.run('template.purge', { id: x.id }))}>
                      {t('deleteForever')}
                    </button>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
