import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { probeResults } from './tz-probe-cases';

const run = promisify(execFile);
const probe = fileURLToPath(new URL('./tz-probe.ts', import.meta.url));

async function probeIn(tz: string): Promise<{ hostOffsetMinutes: number; results: Record<string, unknown> }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', probe], {
    env: { ...process.env, TZ: tz },
    timeout: 20_000,
  });
  return JSON.parse(stdout);
}

describe('host time zone independence', () => {
  it('gives identical results with TZ=Pacific/Kiritimati and TZ=America/Los_Angeles', async () => {
    const [kiritimati, losAngeles] = await Promise.all([probeIn('Pacific/Kiritimati'), probeIn('America/Los_Angeles')]);
    // The variable took effect: UTC+14 and UTC−8 in January.
    expect(kiritimati.hostOffsetMinutes).toBe(-840);
    expect(losAngeles.hostOffsetMinutes).toBe(480);
    expect(kiritimati.results).toEqual(losAngeles.results);
    expect(losAngeles.results).toEqual(JSON.parse(JSON.stringify(probeResults())));
    // And the shared answer is the right one, not merely a consistent one.
    expect(losAngeles.results).toMatchObject({
      addDays: ['2026-03-08', '2026-11-01', '2026-03-09T01:30'],
      weekday: [0, 0, 4],
      shift: '2026-03-08T02:30',
      toUtcMs: Date.UTC(2026, 9, 1, 1, 0),
      today: '2026-11-22',
      weekly: [
        { start: '2026-03-06T14:30', end: '2026-03-06T16:00' },
        { start: '2026-03-13T14:30', end: '2026-03-13T16:00' },
        { start: '2026-03-27T14:30', end: '2026-03-27T16:00' },
      ],
      allDayAcrossDst: [
        { start: '2026-10-30', end: '2026-10-31' },
        { start: '2026-10-31', end: '2026-11-01' },
        { start: '2026-11-01', end: '2026-11-02' },
        { start: '2026-11-02', end: '2026-11-03' },
      ],
      quarterly: [
        { start: '2026-03-31', end: '2026-04-01' },
        { start: '2026-06-30', end: '2026-07-01' },
        { start: '2026-09-30', end: '2026-10-01' },
        { start: '2026-12-31', end: '2027-01-01' },
      ],
      observances: ['建军节 · 100周年'],
    });
  }, 30_000);
});
