import { describe, expect, it } from 'vitest';
import { LunarDay, LunarYear, SolarDay } from 'tyme4ts';
import { dayOfRule, formatDayRule, parseDayRule, type DayRule } from '../../../shared/src/anniversaries';
import { OBSERVANCES, observanceDate, observancesInRange, weekday, daysInMonth } from '../../../shared/src/time';

const rule = (text: string): DayRule => {
  const p = parseDayRule(text);
  if (!p.ok) throw new Error(p.error.message);
  return p.rule;
};

const iso = (d: SolarDay): string =>
  `${d.getYear()}-${String(d.getMonth()).padStart(2, '0')}-${String(d.getDay()).padStart(2, '0')}`;

/** First Gregorian year ≥ from whose lunar year has a leap month `month` (by tyme4ts). */
const yearWithLeap = (month: number, from: number): number => {
  for (let y = from; y < from + 200; y++) if (LunarYear.fromYear(y).getLeapMonth() === month) return y;
  throw new Error('none');
};

describe('parseDayRule', () => {
  it('parses the four forms', () => {
    expect(rule('solar:10-01')).toEqual({ type: 'solar', month: 10, day: 1 });
    expect(rule('lunar:08-15')).toEqual({ type: 'lunar', month: 8, day: 15 });
    expect(rule('lunar:L06-15')).toEqual({ type: 'lunar', month: 6, day: 15, leap: true });
    expect(rule('lunar:12-30')).toEqual({ type: 'lunar', month: 12, day: 'last' });
    expect(rule('term:清明')).toEqual({ type: 'term', name: '清明' });
    expect(rule('nth:09-3-6')).toEqual({ type: 'nthWeekday', month: 9, n: 3, weekday: 6 });
    expect(rule('nth:05--1-7')).toEqual({ type: 'nthWeekday', month: 5, n: -1, weekday: 0 });
    expect(rule('solar:02-29')).toEqual({ type: 'solar', month: 2, day: 29 });
  });

  it.each([
    ['', 'empty'],
    ['solar:10-1', 'bad-shape'],
    ['solar:13-01', 'bad-month'],
    ['solar:00-10', 'bad-month'],
    ['solar:02-30', 'bad-day'],
    ['solar:04-31', 'bad-day'],
    ['lunar:08-31', 'bad-day'],
    ['lunar:08-00', 'bad-day'],
    ['lunar:X06-15', 'bad-shape'],
    ['lunar:l06-15', 'bad-shape'],
    ['term:春天', 'unknown-term'],
    ['term:', 'unknown-term'],
    ['nth:09-0-6', 'bad-nth'],
    ['nth:09-6-6', 'bad-nth'],
    ['nth:09--2-6', 'bad-nth'],
    ['nth:09-3-0', 'bad-weekday'],
    ['nth:09-3-8', 'bad-weekday'],
    ['SOLAR:10-01', 'unknown-type'],
    ['10-01', 'unknown-type'],
    ['solar :10-01', 'whitespace'],
    [' solar:10-01', 'whitespace'],
    ['solar:10-01\n', 'whitespace'],
    ['solar:１０-０１', 'bad-shape'],
    ['solar:10-01;drop', 'bad-shape'],
    ['__proto__:10-01', 'unknown-type'],
    ['solar:' + '1'.repeat(100), 'too-long'],
  ])('rejects %j (%s) with a message', (text, code) => {
    const p = parseDayRule(text);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.error.code).toBe(code);
      expect(p.error.message.length).toBeGreaterThan(10);
    }
  });

  it('rejects values that are not text', () => {
    for (const v of [null, undefined, 1001, {}, ['solar:10-01']]) {
      const p = parseDayRule(v);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.error.code).toBe('not-text');
    }
  });
});

describe('formatDayRule', () => {
  it.each(['solar:01-01', 'solar:02-29', 'lunar:01-01', 'lunar:12-30', 'lunar:L02-10', 'lunar:L06-30', 'term:冬至', 'nth:09-3-6', 'nth:11-4-4', 'nth:05--1-7', 'nth:01-1-1'])(
    'round-trips %s',
    (text) => {
      expect(formatDayRule(rule(text))).toBe(text);
      expect(rule(formatDayRule(rule(text)))).toEqual(rule(text));
    },
  );

  it('round-trips every catalogue rule', () => {
    for (const o of OBSERVANCES) expect(rule(formatDayRule(o.rule))).toEqual(o.rule);
  });
});

describe('dayOfRule', () => {
  it('dates solar rules; 02-29 only in leap years', () => {
    expect(dayOfRule(rule('solar:10-01'), 2026)).toBe('2026-10-01');
    expect(dayOfRule(rule('solar:02-29'), 2028)).toBe('2028-02-29');
    expect(dayOfRule(rule('solar:02-29'), 2026)).toBeNull();
  });

  it('dates ordinary lunar rules as tyme4ts does', () => {
    expect(dayOfRule(rule('lunar:08-15'), 2026)).toBe(iso(LunarDay.fromYmd(2026, 8, 15).getSolarDay()));
    expect(dayOfRule(rule('lunar:01-01'), 2027)).toBe(iso(LunarDay.fromYmd(2027, 1, 1).getSolarDay()));
  });

  it('dates a leap-month rule only in years having that leap month', () => {
    const y6 = yearWithLeap(6, 2024);
    expect(y6).toBe(2025); // tyme4ts: 2025 has 闰六月
    expect(dayOfRule(rule('lunar:L06-15'), y6)).toBe(iso(LunarDay.fromYmd(y6, -6, 15).getSolarDay()));
    // The ordinary 六月十五 of the same year is a month earlier.
    expect(dayOfRule(rule('lunar:06-15'), y6)).toBe(iso(LunarDay.fromYmd(y6, 6, 15).getSolarDay()));
    expect(dayOfRule(rule('lunar:L06-15'), y6)).not.toBe(dayOfRule(rule('lunar:06-15'), y6));
    for (const y of [2024, 2026, 2027]) {
      expect(LunarYear.fromYear(y).getLeapMonth()).not.toBe(6);
      expect(dayOfRule(rule('lunar:L06-15'), y)).toBeNull();
    }
    const y2 = yearWithLeap(2, 2020);
    expect(y2).toBe(2023);
    expect(dayOfRule(rule('lunar:L02-01'), y2)).toBe(iso(LunarDay.fromYmd(y2, -2, 1).getSolarDay()));
    expect(dayOfRule(rule('lunar:L02-01'), 2024)).toBeNull();
  });

  it('keeps a lunar 30th on the last day of a 29-day month', () => {
    let short = 0;
    let long = 0;
    for (let y = 2000; y <= 2040; y++) {
      const days = LunarDay.fromYmd(y, 8, 1).getLunarMonth().getDayCount();
      const expected = iso(LunarDay.fromYmd(y, 8, days).getSolarDay());
      expect(dayOfRule(rule('lunar:08-30'), y)).toBe(expected);
      if (days === 29) short++;
      else long++;
    }
    expect(short).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(0);
  });

  it('keeps a leap-month 30th on that month’s last day', () => {
    const y = 2025;
    const days = LunarDay.fromYmd(y, -6, 1).getLunarMonth().getDayCount();
    expect(dayOfRule(rule('lunar:L06-30'), y)).toBe(iso(LunarDay.fromYmd(y, -6, days).getSolarDay()));
  });

  it('dates 除夕 (lunar:12-30) in January/February of the Gregorian year', () => {
    const d = dayOfRule(rule('lunar:12-30'), 2026);
    const lunar2025 = LunarDay.fromYmd(2025, 12, LunarDay.fromYmd(2025, 12, 1).getLunarMonth().getDayCount());
    expect(d).toBe(iso(lunar2025.getSolarDay()));
    expect(d?.slice(0, 7) === '2026-01' || d?.slice(0, 7) === '2026-02').toBe(true);
  });

  it('dates solar terms', () => {
    for (let y = 2000; y <= 2030; y++) {
      const d = dayOfRule(rule('term:清明'), y);
      expect(d === `${y}-04-04` || d === `${y}-04-05` || d === `${y}-04-06`).toBe(true);
    }
    expect(dayOfRule(rule('term:冬至'), 2026)?.slice(0, 7)).toBe('2026-12');
    expect(dayOfRule(rule('term:小寒'), 2026)?.slice(0, 7)).toBe('2026-01');
  });

  it('dates nth weekdays, including the last', () => {
    expect(dayOfRule(rule('nth:09-3-6'), 2026)).toBe('2026-09-19'); // 3rd Saturday
    expect(dayOfRule(rule('nth:05-2-7'), 2026)).toBe('2026-05-10'); // Mother's Day, 2nd Sunday
    expect(dayOfRule(rule('nth:11-4-4'), 2026)).toBe('2026-11-26'); // 4th Thursday
    expect(dayOfRule(rule('nth:05--1-1'), 2026)).toBe('2026-05-25'); // last Monday
    expect(dayOfRule(rule('nth:02--1-7'), 2026)).toBe('2026-02-22'); // last Sunday
    expect(dayOfRule(rule('nth:02-5-7'), 2026)).toBeNull(); // Feb 2026 has four Sundays
    for (let y = 2000; y <= 2100; y++) {
      const d = dayOfRule(rule('nth:08--1-5'), y) as string;
      expect(weekday(d)).toBe(5);
      expect(Number(d.slice(8))).toBeGreaterThan(daysInMonth(y, 8) - 7);
    }
  });

  it('is null for years out of range', () => {
    expect(dayOfRule(rule('solar:10-01'), 0)).toBeNull();
    expect(dayOfRule(rule('solar:10-01'), 2026.5)).toBeNull();
  });

  it('agrees with the catalogue for every catalogue observance, 2000–2100', () => {
    for (const o of OBSERVANCES) {
      const parsed = rule(formatDayRule(o.rule));
      for (let y = 2000; y <= 2100; y++) {
        const expected = o.originYear !== undefined && y < o.originYear ? null : observanceDate(o, y);
        const mine = o.originYear !== undefined && y < o.originYear ? null : dayOfRule(parsed, y);
        expect(mine, `${o.id} ${y}`).toBe(expected);
      }
    }
  });

  it('gives every date observancesInRange lists over 2000–2100, and lunar dates tyme4ts confirms', () => {
    const occurrences = observancesInRange('2000-01-01', '2101-01-01', 'zh');
    expect(occurrences.length).toBeGreaterThan(OBSERVANCES.length * 90);
    for (const occ of occurrences) {
      const parsed = rule(formatDayRule(occ.observance.rule));
      const year = Number(occ.date.slice(0, 4));
      expect(dayOfRule(parsed, year), `${occ.observance.id} ${year}`).toBe(occ.date);
      if (parsed.type === 'lunar') {
        // Independent of the shared code: tyme4ts's own reading of the solar day.
        const p = occ.date.split('-').map(Number);
        const l = SolarDay.fromYmd(p[0], p[1], p[2]).getLunarDay();
        expect(l.getLunarMonth().getMonthWithLeap()).toBe(parsed.month);
        if (parsed.day === 'last') expect(l.getDay()).toBe(l.getLunarMonth().getDayCount());
        else expect(l.getDay()).toBe(parsed.day);
      }
    }
  });
});
