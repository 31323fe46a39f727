import { describe, expect, it } from 'vitest';
import { SolarTerm } from 'tyme4ts';
import { formatDayRule, parseDayRule } from '../../../shared/src/anniversaries';
import { validateObservanceFields } from '../../../shared/src/schema/validate';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Every text the parser accepts, enumerated. */
function allValidRules(): string[] {
  const out: string[] = [];
  const solarMax = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  for (let m = 1; m <= 12; m++) {
    for (let d = 1; d <= solarMax[m - 1]; d++) out.push(`solar:${pad(m)}-${pad(d)}`);
    for (let d = 1; d <= 30; d++) out.push(`lunar:${pad(m)}-${pad(d)}`, `lunar:L${pad(m)}-${pad(d)}`);
    for (const n of [-1, 1, 2, 3, 4, 5]) for (let d = 1; d <= 7; d++) out.push(`nth:${pad(m)}-${n}-${d}`);
  }
  for (const name of SolarTerm.NAMES) out.push(`term:${name}`);
  return out;
}

describe('day rules and the schema check', () => {
  const rules = allValidRules();

  it('parses and round-trips every well-formed rule', () => {
    expect(rules.length).toBe(366 + 720 + 504 + 24);
    for (const text of rules) {
      const p = parseDayRule(text);
      expect(p.ok, text).toBe(true);
      if (p.ok) expect(formatDayRule(p.rule)).toBe(text);
    }
  });

  it('accepts nothing the schema rejects, so a stored rule never becomes parseable only here', () => {
    for (const text of rules) {
      expect(validateObservanceFields({ title: 't', rule: text }).problems, text).toEqual([]);
    }
  });

  it('rejects some shapes the schema lets through, as unparseable', () => {
    for (const text of ['solar:02-30', 'solar:04-31', 'term:春天']) {
      expect(validateObservanceFields({ title: 't', rule: text }).problems).toEqual([]);
      expect(parseDayRule(text).ok).toBe(false);
    }
  });
});
