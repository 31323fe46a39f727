import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportIcs, parseIcs } from '../../../shared/src/ical';
import { fixture, sampleEvents } from './sample';

const run = promisify(execFile);
const probe = fileURLToPath(new URL('./tz-probe.ts', import.meta.url));

async function probeIn(tz: string) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', probe], { env: { ...process.env, TZ: tz }, timeout: 30_000 });
  return JSON.parse(stdout) as Record<string, unknown> & { hostOffsetMinutes: number };
}

describe('iCalendar exchange does not depend on the host time zone', () => {
  it('exports and imports identically with TZ=America/Los_Angeles and TZ=Pacific/Kiritimati', async () => {
    const [la, kiritimati] = await Promise.all([probeIn('America/Los_Angeles'), probeIn('Pacific/Kiritimati')]);
    expect(la.hostOffsetMinutes).toBe(480);
    expect(kiritimati.hostOffsetMinutes).toBe(-840);
    const here = {
      exported: exportIcs(sampleEvents(), { calendarName: '时区测试', now: Date.UTC(2026, 10, 22) }),
      google: parseIcs(fixture('google.ics')).events,
      outlook: parseIcs(fixture('outlook.ics')).events,
      feishu: parseIcs(fixture('feishu.ics')).events,
    };
    for (const other of [la, kiritimati]) {
      expect(other.exported).toBe(here.exported);
      expect(other.google).toEqual(JSON.parse(JSON.stringify(here.google)));
      expect(other.outlook).toEqual(JSON.parse(JSON.stringify(here.outlook)));
      expect(other.feishu).toEqual(JSON.parse(JSON.stringify(here.feishu)));
    }
    // All-day values are not shifted by a host zone west or east of UTC.
    const roundTrip = la.roundTrip as Array<{ id: string; start: string; end?: string }>;
    expect(roundTrip.find((e) => e.id === 'evExhibit0000002')).toMatchObject({ start: '2026-12-05', end: '2026-12-09' });
    expect(roundTrip.find((e) => e.id === 'evOneDay00000003')).toMatchObject({ start: '2026-12-04' });
    expect((la.google as Array<{ title: string; start: string; end: string }>).find((e) => e.title.includes('书法'))).toMatchObject({
      start: '2026-12-01',
      end: '2026-12-04',
    });
    expect((kiritimati.roundTrip as unknown[]).length).toBe(sampleEvents().length);
  }, 60_000);
});
