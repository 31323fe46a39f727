/**
 * Wall-clock minutes in the workspace zone → instants (epoch ms), exactly as `toUtcMs` answers,
 * but fast. Conflicts compare instants so that a session spanning a DST change has its real
 * length; `toUtcMs` asks Intl four times (~50 µs), which for a year of sessions is most of the
 * time budget.
 *
 * The shortcut: `toUtcMs` of a value on local day D only consults the zone's offset at
 * instants within [D − 1, D + 2) (UTC day numbers; offsets are under a day). If the offsets
 * sampled at the UTC midnights D − 1 … D + 2 are equal, the offset is taken as constant there
 * and the answer is value − offset, which is what `toUtcMs` returns in that case. Days near a
 * transition go through `toUtcMs` itself. The one assumption is that no zone changes its
 * offset and changes it back within a single day, which none does.
 */
import { fromMinuteNumber, toUtcMs, zoneOffsetMs } from '../time/dates';
import { boundedMemo } from './memo';

export interface ZoneClock {
  readonly timeZone: string;
  /** Epoch ms of a wall-clock minute number (toMinuteNumber), exactly as toUtcMs gives it. */
  at(minute: number): number;
}

const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;
/** Cached days per zone before its caches start over (a few decades). */
const CACHE_LIMIT = 20_000;

function createClock(timeZone: string): ZoneClock {
  const samples = boundedMemo<number, number>(CACHE_LIMIT);
  /** The steady offset of a local day, or NaN when a transition is near. */
  const steady = boundedMemo<number, number>(CACHE_LIMIT);
  const exact = boundedMemo<number, number>(CACHE_LIMIT);
  const sample = (day: number) => samples(day, () => zoneOffsetMs(day * DAY_MS, timeZone));
  const steadyOffset = (day: number) =>
    steady(day, () => {
      const o = sample(day - 1);
      return sample(day) === o && sample(day + 1) === o && sample(day + 2) === o ? o : NaN;
    });
  return {
    timeZone,
    at(minute) {
      const offset = steadyOffset(Math.floor(minute / MINUTES_PER_DAY));
      if (!Number.isNaN(offset)) return minute * 60_000 - offset;
      return exact(minute, () => toUtcMs(fromMinuteNumber(minute, false), timeZone));
    },
  };
}

// One clock per zone for the life of the app: the zone's rules do not change while it runs.
const clocks = new Map<string, ZoneClock>();

export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = createClock(timeZone);
    // Validates the zone now (Intl throws RangeError), not inside a later computation.
    clock.at(0);
    clocks.set(timeZone, clock);
  }
  return clock;
}
