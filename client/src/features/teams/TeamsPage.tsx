/**
 * `/w/<id>/teams?team=<teamId>`: lecture teams with their members and topics, the chosen
 * team's tour (its sessions in order), and the directory of host units (added one by one or
 * pasted from a spreadsheet). Every change is a command of the workspace API.
 */
import { createEffect, createMemo, createSignal, For, lazy, Show } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import type { EventRecord, TeamFields, TeamRecord, UnitFields, UnitRecord } from '@shared/schema/types';
import { ALL_DATES as EVER, useWorkspace } from '../../stores/workspace-context';
import { todayIn } from '@shared/time/dates';
import { locale } from '../../i18n';
import { download } from '../../ui/download';
import type { EditorTarget } from '../editor/EventEditor';
import { tm } from './messages';
import { TeamEditor } from './TeamEditor';
import { TourList } from './TourList';
import { UnitEditor } from './UnitEditor';
import { UnitsDirectory } from './UnitsDirectory';
import { ConflictsPanel } from '../conflicts/ConflictsPanel';
import { CoveragePanel } from './CoveragePanel';
import { computeCoverage } from '@shared/tours';
import './teams.css';

const EventEditor = lazy(() => import('../editor/EventEditor'));
const UnitPasteDialog = lazy(() => import('./UnitPasteDialog'));
const ScheduleTourDialog = lazy(() => import('./ScheduleTourDialog'));

export default function TeamsPage() {
  const ws = useWorkspace();
  const [params, setParams] = useSearchParams<{ team?: string }>();
  const [notice, setNotice] = createSignal('');
  const report = (r: { ok: boolean; error?: { message: string } }) => {
    setNotice(r.ok ? '' : r.error!.message);
    return r.ok;
  };

  // Every live event (the tour proposer books around all of them) and the sessions of every team.
  const [events, setEvents] = createSignal<EventRecord[]>([]);
  createEffect(() => {
    ws.revision();
    if (!ws.groupsKnown()) return;
    void ws.queryEvents(EVER.from, EVER.to).then(setEvents);
  });
  const sessions = createMemo(() => events().filter((e) => e.teamId).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)));
  const byTeam = createMemo(() => {
    const m = new Map<string, EventRecord[]>();
    for (const e of sessions()) m.set(e.teamId!, [...(m.get(e.teamId!) ?? []), e]);
    return m;
  });
  const unitsById = createMemo(() => new Map(ws.units().map((u) => [u.id, u])));
  const teamsById = createMemo(() => new Map(ws.teams().map((x) => [x.id, x])));
  const today = () => todayIn(ws.timezone());
  const [year, setYear] = createSignal(Number(today().slice(0, 4)));
  const years = createMemo(() => {
    const ys = new Set([year(), Number(today().slice(0, 4))]);
    for (const e of sessions()) ys.add(Number(e.start.slice(0, 4)));
    return [...ys].sort();
  });
  const coverage = createMemo(() => computeCoverage({ events: sessions(), teams: ws.teams(), units: ws.units(), year: year() }));
  /** Units a team has reached (a done session there), for "only unreached targets". */
  const reachedBy = (teamId: string) => new Set(sessions().filter((e) => e.teamId === teamId && e.status === 'done' && e.hostUnitId).map((e) => e.hostUnitId!));
  const [touring, setTouring] = createSignal<TeamRecord | null>(null);
  const selected = createMemo(() => ws.teams().find((x) => x.id === params.team) ?? ws.teams()[0]);

  const [teamEditor, setTeamEditor] = createSignal<{ record?: TeamRecord } | null>(null);
  const [unitEditor, setUnitEditor] = createSignal<{ record?: UnitRecord } | null>(null);
  const [pasting, setPasting] = createSignal(false);
  const [editor, setEditor] = createSignal<EditorTarget | null>(null);

  // The coverage workbook (exceljs loads only now).
  const exportCoverage = async () => {
    const { coverageXlsx } = await import('@shared/export');
    const title = `${ws.name()} ${tm('coverage')} ${year()}`;
    const bytes = await coverageXlsx(coverage(), { teams: ws.teams(), units: ws.units(), title, locale: locale() });
    download(bytes as BlobPart, `${title}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  };

  const saveTeam = (fields: TeamFields, id?: string) => {
    const r = id ? ws.run('team.update', { id, patch: fields }) : ws.run('team.create', { fields });
    if (!r.ok) return r.error.message;
    setTeamEditor(null);
    if (!id) setParams({ team: r.value as string }, { replace: true });
    return null;
  };
  const saveUnit = (fields: UnitFields, id?: string) => {
    const r = id ? ws.run('unit.update', { id, patch: fields }) : ws.run('unit.create', { fields });
    if (!r.ok) return r.error.message;
    setUnitEditor(null);
    return null;
  };

  return (
    <div class="teams-page" data-testid="teams-page">
      <Show when={notice()}>
        <p class="notice" role="status">
          {notice()}
          <button type="button" class="icon-btn" aria-label={tm('close')} onClick={() => setNotice('')}>
            ×
          </button>
        </p>
      </Show>
      <div class="teams-columns">
        <section class="teams-list" aria-labelledby="teams-heading">
          <header class="section-head">
            <h2 id="teams-heading">{tm('teams')}</h2>
            <Show when={ws.canEdit()} fallback={<Show when={ws.readOnly()}><span class="badge-readonly">{tm('readOnly')}</span></Show>}>
              <button type="button" class="primary" data-testid="new-team" onClick={() => setTeamEditor({})}>
                + {tm('newTeam')}
              </button>
            </Show>
          </header>
          <Show when={ws.teams().length > 0} fallback={<p class="empty">{tm('noTeams')}</p>}>
            <ul class="team-cards">
              <For each={ws.teams()}>
                {(team) => (
                  <li class="team-card" classList={{ selected: selected()?.id === team.id }} style={{ '--c': team.color ?? '#1565c0' }} data-testid="team-card" data-id={team.id}>
                    <button type="button" class="team-pick" aria-pressed={selected()?.id === team.id} onClick={() => setParams({ team: team.id }, { replace: true })}>
                      <strong class="team-name">{team.name}</strong>
                      <span class="muted">
                        {tm('memberCount', { n: team.members.length })} · {tm('sessionCount', { n: byTeam().get(team.id)?.length ?? 0 })}
                      </span>
                      <Show when={team.topic}>
                        <span class="team-topic">{team.topic}</span>
                      </Show>
                      <span class="team-members">{team.members.join(locale() === 'zh' ? '、' : ', ')}</span>
                    </button>
                    <Show when={ws.canEdit()}>
                      <button type="button" class="small" onClick={() => setTeamEditor({ record: team })}>
                        {tm('edit')}
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
        <section class="tour-panel" aria-labelledby="tour-heading">
          <Show when={selected()} fallback={<p class="empty">{tm('noTeamChosen')}</p>}>
            {(team) => (
              <>
                <header class="section-head">
                  <h2 id="tour-heading">{tm('tourOf', { name: team().name })}</h2>
                  <span class="spacer" />
                  <A class="button-link" href={`/w/${ws.id}/print/team/${team().id}?year=${year()}`} data-testid="print-tour-link">
                    {tm('printTour')}
                  </A>
                  <Show when={ws.canEdit()}>
                    <button type="button" data-testid="schedule-tour-button" onClick={() => setTouring(team())}>
                      {tm('scheduleTour')}
                    </button>
                    <button
                      type="button"
                      data-testid="new-session"
                      onClick={() => {
                        const day = todayIn(ws.timezone());
                        setEditor({ start: `${day}T09:00`, end: `${day}T10:30`, prefill: { kind: 'lecture', teamId: team().id, campaignId: team().campaignId ?? '', title: team().topic ?? '' } });
                      }}
                    >
                      + {tm('newSession')}
                    </button>
                  </Show>
                </header>
                <TourList
                  sessions={byTeam().get(team().id) ?? []}
                  units={unitsById()}
                  onOpen={(e) => {
                    const read = ws.read.event(e.id);
                    if (read?.ok) setEditor({ record: read.record });
                  }}
                />
              </>
            )}
          </Show>
        </section>
      </div>
      <ConflictsPanel
        conflicts={ws.conflicts()?.all() ?? null}
        names={{ teams: ws.teams(), units: ws.units(), campaigns: ws.campaigns() }}
        onOpen={(side) => {
          const read = ws.read.event(side.id);
          if (read?.ok) setEditor({ record: read.record, occurrenceStart: read.record.rrule ? side.start : undefined });
        }}
      />
      <label class="travel-buffer">
        {tm('bufferLabel')}
        <input
          type="number"
          name="travelBuffer"
          min="0"
          max="1440"
          step="5"
          value={ws.travelBuffer()}
          disabled={!ws.canEdit()}
          onChange={(e) => report(ws.run('workspace.setTravelBuffer', { minutes: Number(e.currentTarget.value) }))}
        />
        {tm('bufferUnit')}
      </label>
      <UnitsDirectory
        units={ws.units()}
        editable={ws.canEdit()}
        onAdd={() => setUnitEditor({})}
        onPaste={() => setPasting(true)}
        onEdit={(u) => setUnitEditor({ record: u })}
        onToggleTarget={(u) => report(ws.run('unit.update', { id: u.id, patch: { target: !u.target } }))}
      />
      <CoveragePanel
        coverage={coverage()}
        teams={teamsById()}
        units={unitsById()}
        year={year()}
        years={years()}
        onYear={setYear}
        onExport={() => void exportCoverage()}
        printTitle={tm('coveragePrintTitle', { name: ws.name(), y: year() })}
      />
      <Show when={touring()} keyed>
        {(team) => (
          <ScheduleTourDialog
            team={team}
            units={ws.units()}
            reached={reachedBy(team.id)}
            existing={events()}
            conflicts={ws.conflicts()}
            names={{ teams: ws.teams(), units: ws.units(), campaigns: ws.campaigns() }}
            timezone={ws.timezone()}
            bufferMinutes={ws.travelBuffer()}
            today={today()}
            onAccept={(list) => {
              const r = ws.run('session.createMany', { sessions: list });
              if (!r.ok) return r.error.message;
              setTouring(null);
              return null;
            }}
            onClose={() => setTouring(null)}
          />
        )}
      </Show>
      <Show when={teamEditor()} keyed>
        {(target) => (
          <TeamEditor
            record={target.record}
            campaigns={ws.campaigns()}
            readOnly={!ws.canEdit()}
            onSave={saveTeam}
            onDelete={(id) => report(ws.run('team.delete', { id })) && setTeamEditor(null)}
            onClose={() => setTeamEditor(null)}
          />
        )}
      </Show>
      <Show when={unitEditor()} keyed>
        {(target) => (
          <UnitEditor
            record={target.record}
            readOnly={!ws.canEdit()}
            onSave={saveUnit}
            onDelete={(id) => report(ws.run('unit.delete', { id })) && setUnitEditor(null)}
            onClose={() => setUnitEditor(null)}
          />
        )}
      </Show>
      <Show when={pasting()}>
        <UnitPasteDialog
          existing={ws.units()}
          onSave={(units) => {
            const r = ws.run('unit.importMany', { units });
            if (!r.ok) return r.error.message;
            setPasting(false);
            return null;
          }}
          onClose={() => setPasting(false)}
        />
      </Show>
      <Show when={editor()} keyed>
        {(target) => (
          <EventEditor
            target={target}
            readOnly={!ws.canEdit()}
            onRestored={() => setEditor(null)}
            onSave={(fields, existing) => {
              const r = existing ? ws.run('event.update', { id: existing.id, patch: fields }) : ws.run('event.create', { fields });
              if (!r.ok) return r.error.message;
              setEditor(null);
              return null;
            }}
            onDelete={(id) => report(ws.run('event.delete', { id })) && setEditor(null)}
            onSkipOccurrence={(id, occurrenceStart) => {
              report(ws.run('event.skipOccurrence', { id, occurrenceStart }));
              setEditor(null);
            }}
            onClose={() => setEditor(null)}
          />
        )}
      </Show>
    </div>
  );
}
