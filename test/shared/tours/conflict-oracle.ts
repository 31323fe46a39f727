/**
 * The conflict rules written the slow, obvious way, for checking the engine: every pair of
 * occurrences, toUtcMs on every value, strings for days. Shares nothing with shared/src/tours
 * except the date and recurrence functions both stand on.
 */
import type { CampaignRecord, EventRecord } from '../../../shared/src/schema/types';
import { addDays, effectiveEnd, isAllDay, lastDayInclusive, toUtcMs } from '../../../shared/src/time/dates';
import { holidayOn } from '../../../shared/src/time/holidays';
import { expandOccurrences } from '../../../shared/src/time/recurrence';
import type { Conflict } from '../../../shared/src/tours';

interface Occ {
  ev: EventRecord;
  start: string;
  s: number;
  e: number;
  allDay: boolean;
  days: string[];
}

const KINDS = ['speaker', 'team', 'location', 'unit-day', 'outside-campaign', 'holiday'];

export function oracleConflicts(
  events: readonly EventRecord[],
  o: { from: string; to: string; timezone: string; bufferMinutes?: number; campaigns?: readonly CampaignRecord[] },
): Conflict[] {
  const ms = (v: string) => toUtcMs(v, o.timezone);
  const buffer = (o.bufferMinutes ?? 60) * 60_000;
  const occs: Occ[] = [];
  for (const ev of events) {
    if (ev.deletedAt !== undefined || ev.status === 'cancelled') continue;
    for (const x of expandOccurrences(ev, o.from, o.to)) {
      const days: string[] = [];
      for (let d = x.start.slice(0, 10); d <= lastDayInclusive(x.start, x.end); d = addDays(d, 1)) days.push(d);
      const s = ms(x.start);
      occs.push({ ev, start: x.start, s, e: Math.max(s, ms(x.end)), allDay: isAllDay(x.start), days });
    }
  }
  const speakers = (ev: EventRecord) => new Set((ev.speakers ?? []).map((n) => n.trim()).filter(Boolean));
  const place = (t?: string) => (t ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  const overlap = (x: Occ, y: Occ) => x.s < y.e && y.s < x.e;
  const travel = (x: Occ, y: Occ) => (x.allDay || y.allDay ? overlap(x, y) : x.s < y.e + buffer && y.s < x.e + buffer);
  const side = (x: Occ) => ({ id: x.ev.id, start: x.start, title: x.ev.title });
  const out: Conflict[] = [];
  for (let i = 0; i < occs.length; i++) {
    for (let j = i + 1; j < occs.length; j++) {
      let [x, y] = [occs[i], occs[j]];
      if (y.start < x.start || (y.start === x.start && y.ev.id < x.ev.id)) [x, y] = [y, x];
      const pair = (kind: Conflict['kind'], resource: string, severity: Conflict['severity']) =>
        out.push({ kind, severity, a: side(x), b: side(y), resource });
      const theirs = speakers(y.ev);
      for (const name of speakers(x.ev)) if (theirs.has(name) && travel(x, y)) pair('speaker', name, 'hard');
      if (x.ev.teamId && x.ev.teamId === y.ev.teamId && travel(x, y)) pair('team', x.ev.teamId, 'hard');
      if (place(x.ev.location) && place(x.ev.location) === place(y.ev.location) && overlap(x, y))
        pair('location', x.ev.location!.trim().replace(/\s+/g, ' '), 'hard');
      if (x.ev.hostUnitId && x.ev.hostUnitId === y.ev.hostUnitId && x.days.some((d) => y.days.includes(d)))
        pair('unit-day', x.ev.hostUnitId, 'soft');
    }
  }
  for (const x of occs) {
    const ev = x.ev;
    if (!ev.teamId && !ev.hostUnitId && speakers(ev).size === 0) continue;
    const c = o.campaigns?.find((c) => c.id === ev.campaignId && c.deletedAt === undefined);
    if (c && (x.s < ms(c.start) || x.e > ms(effectiveEnd(c.start, c.end))))
      out.push({ kind: 'outside-campaign', severity: 'soft', a: side(x), resource: c.id });
    const names = new Set(x.days.map((d) => holidayOn(d)).filter((h) => h?.kind === 'holiday').map((h) => h!.name));
    for (const name of names) out.push({ kind: 'holiday', severity: 'soft', a: side(x), resource: name });
  }
  return out.sort(byDocumentedOrder);
}

/** The order the engine promises: side a (start, id), kind, resource, side b (start, id). */
export function byDocumentedOrder(x: Conflict, y: Conflict): number {
  const keys = (c: Conflict) => [c.a.start, c.a.id, String(KINDS.indexOf(c.kind)).padStart(2, '0'), c.resource, c.b?.start ?? '', c.b?.id ?? ''];
  const kx = keys(x);
  const ky = keys(y);
  for (let i = 0; i < kx.length; i++) if (kx[i] !== ky[i]) return kx[i] < ky[i] ? -1 : 1;
  return 0;
}
