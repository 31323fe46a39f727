/**
 * How far the year's tours have reached: the units × teams matrix (done/planned sessions), the
 * share of target units reached per "六进" category and per team, and sessions and audience by
 * month. Figures come from shared/src/tours/coverage.ts; this file lays them out.
 */
import { For, Show } from 'solid-js';
import type { TeamRecord, UnitRecord } from '@shared/schema/types';
import { UNIT_CATEGORIES } from '@shared/schema/types';
import type { Coverage, CoverageShare } from '@shared/tours';
import { tm } from './messages';
import { categoryLabel } from './unit-labels';

const pct = (s: CoverageShare) => (s.percent === null ? '—' : `${s.percent.toFixed(1)}%`);

export function CoveragePanel(props: {
  coverage: Coverage;
  teams: Map<string, TeamRecord>;
  units: Map<string, UnitRecord>;
  year: number;
  years: number[];
  onYear: (y: number) => void;
  onExport: () => void;
  /** Title of the printed report (the workspace's name and the year). */
  printTitle: string;
}) {
  const c = () => props.coverage;
  return (
    <section class="coverage-panel" aria-labelledby="coverage-heading">
      <h1 class="coverage-print-title">{props.printTitle}</h1>
      <header class="section-head">
        <h2 id="coverage-heading">{tm('coverage')}</h2>
        <select name="coverageYear" aria-label={tm('coverage')} value={props.year} onChange={(e) => props.onYear(Number(e.currentTarget.value))}>
          <For each={props.years}>{(y) => <option value={y}>{tm('coverageYear', { y })}</option>}</For>
        </select>
        <span class="muted" data-testid="coverage-total">
          {tm('coverageTotal', { reached: c().total.reached, targets: c().total.targets, pct: pct(c().total), done: c().total.done, planned: c().total.planned, audience: c().total.audience })}
        </span>
        <span class="spacer" />
        <button type="button" data-testid="print-coverage" onClick={() => window.print()}>
          {tm('printCoverage')}
        </button>
        <button type="button" data-testid="export-coverage" onClick={() => props.onExport()}>
          {tm('exportXlsx')}
        </button>
      </header>
      <Show when={c().rows.length > 0 && c().teamIds.length > 0} fallback={<p class="empty">{tm('noCoverage')}</p>}>
        <div class="coverage-scroll">
          <table class="table coverage-matrix" data-testid="coverage">
            <caption class="muted">{tm('cellHint')}</caption>
            <thead>
              <tr>
                <th scope="col">{tm('coverageUnit')}</th>
                <th scope="col">{tm('category')}</th>
                <For each={c().teamIds}>{(id) => <th scope="col">{props.teams.get(id)?.name ?? id}</th>}</For>
                <th scope="col">{tm('coverageSum')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={c().rows}>
                {(row) => (
                  <tr classList={{ target: row.target, reached: row.reached }}>
                    <th scope="row">
                      {props.units.get(row.unitId)?.name ?? row.unitId}
                      <Show when={row.target && !row.reached}>
                        <span class="unreached" title={tm('targetHint')}>
                          {' '}
                          ○
                        </span>
                      </Show>
                    </th>
                    <td>{categoryLabel(props.units.get(row.unitId)?.category ?? 'other')}</td>
                    <For each={row.cells}>
                      {(cell, i) => (
                        <td class="num" data-unit={row.unitId} data-team={c().teamIds[i()]} classList={{ zero: cell.planned === 0 }}>
                          {cell.done}/{cell.planned}
                        </td>
                      )}
                    </For>
                    <td class="num">
                      {row.sessions.done}/{row.sessions.planned}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <div class="coverage-summaries">
          <table class="table" data-testid="coverage-by-category">
            <caption>{tm('byCategory')}</caption>
            <thead>
              <tr>
                <th />
                <th class="num">{tm('colTargets')}</th>
                <th class="num">{tm('colReached')}</th>
                <th class="num">{tm('colPercent')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={UNIT_CATEGORIES}>
                {(cat) => (
                  <tr data-category={cat}>
                    <th scope="row">{categoryLabel(cat)}</th>
                    <td class="num">{c().byCategory[cat].targets}</td>
                    <td class="num">{c().byCategory[cat].reached}</td>
                    <td class="num">{pct(c().byCategory[cat])}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <table class="table" data-testid="coverage-by-team">
            <caption>{tm('byTeam')}</caption>
            <thead>
              <tr>
                <th />
                <th class="num">{tm('colSessions')}</th>
                <th class="num">{tm('colDone')}</th>
                <th class="num">{tm('colPercent')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={c().teamIds}>
                {(id) => (
                  <tr data-team={id}>
                    <th scope="row">{props.teams.get(id)?.name ?? id}</th>
                    <td class="num">{c().byTeam[id]!.planned}</td>
                    <td class="num">{c().byTeam[id]!.done}</td>
                    <td class="num">{pct(c().byTeam[id]!)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <table class="table" data-testid="coverage-by-month">
            <caption>{tm('byMonth')}</caption>
            <thead>
              <tr>
                <th>{tm('colMonth')}</th>
                <th class="num">{tm('colSessions')}</th>
                <th class="num">{tm('colDone')}</th>
                <th class="num">{tm('colAudienceDone')}</th>
                <th class="num">{tm('colAudiencePlanned')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={c().months}>
                {(m) => (
                  <tr data-month={m.month}>
                    <th scope="row">{m.month}</th>
                    <td class="num">{m.sessions}</td>
                    <td class="num">{m.done}</td>
                    <td class="num">{m.audience}</td>
                    <td class="num">{m.plannedAudience}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
