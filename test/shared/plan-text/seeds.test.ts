/**
 * Corpus test: when the reference seeds sit beside the project
 * (../shared/seeds, present in CI), parse each real plan and score it against
 * outlines.json and activities.json. Without them, the project's own fixtures
 * still run (plan-text.test.ts); this file then only checks those exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanAsync } from '../../../shared/src/plan-text/index';
import { scoreActivities, scoreOutline, type ExpectedActivity, type ExpectedSection } from './seed-score';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');
const fixturesDir = path.join(repoRoot, 'test/fixtures/plans');
const haveSeeds = existsSync(path.join(seedsDir, 'outlines.json')) && existsSync(path.join(seedsDir, 'activities.json'));

interface OutlineDoc {
  file: string;
  title: string;
  year: number;
  sections: ExpectedSection[];
}
interface ActivityDoc {
  file: string;
  year: number;
  activities: ExpectedActivity[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

if (haveSeeds) {
  describe('seed corpus (../shared/seeds)', () => {
    const outlines: OutlineDoc[] = JSON.parse(readFileSync(path.join(seedsDir, 'outlines.json'), 'utf8')).documents;
    const activities: ActivityDoc[] = JSON.parse(readFileSync(path.join(seedsDir, 'activities.json'), 'utf8')).documents;

    it('scores outline recall/precision ≥ 95% and activity recall ≥ 90% (kind and section right)', async () => {
      const totals = { oExp: 0, oFound: 0, oParsed: 0, oCorrect: 0, aExp: 0, aFound: 0 };
      const lines: string[] = [];
      for (const doc of outlines) {
        const raw = readFileSync(path.join(seedsDir, doc.file), 'utf8');
        const parse = await parsePlanAsync(raw);
        expect(parse.title, doc.file).toBe(doc.title);
        expect(parse.year, doc.file).toBe(doc.year);
        const o = scoreOutline(parse, doc.sections);
        totals.oExp += o.expected;
        totals.oFound += o.found;
        totals.oParsed += o.parsed;
        totals.oCorrect += o.correct;
        let line = `${doc.file}: outline recall ${pct(o.recall)} (${o.found}/${o.expected}), precision ${pct(o.precision)} (${o.correct}/${o.parsed})`;
        const acts = activities.find((a) => a.file === doc.file);
        if (acts) {
          expect(parse.year).toBe(acts.year);
          const a = scoreActivities(parse, acts.activities);
          totals.aExp += a.expected;
          totals.aFound += a.found;
          line += `; activities recall ${pct(a.recall)} (${a.found}/${a.expected}), time ${a.timeRight}/${a.timed}, units ${a.unitsRight}/${a.unitsExpected}`;
          for (const m of a.missed) line += `\n    - ${m}`;
        }
        for (const m of o.missed) line += `\n    - section ${m}`;
        lines.push(line);
      }
      const oRecall = totals.oFound / totals.oExp;
      const oPrecision = totals.oCorrect / totals.oParsed;
      const aRecall = totals.aFound / totals.aExp;
      lines.push(`ALL: outline recall ${pct(oRecall)}, precision ${pct(oPrecision)}; activity recall ${pct(aRecall)}`);
      console.log(`plan-text seed scores\n  ${lines.join('\n  ')}`);
      for (const doc of outlines) {
        // Per seed, too: one bad document must not hide behind good ones.
        const parse = await parsePlanAsync(readFileSync(path.join(seedsDir, doc.file), 'utf8'));
        const o = scoreOutline(parse, doc.sections);
        expect(o.recall, `${doc.file} outline recall`).toBeGreaterThanOrEqual(0.95);
        expect(o.precision, `${doc.file} outline precision`).toBeGreaterThanOrEqual(0.95);
      }
      expect(aRecall).toBeGreaterThanOrEqual(0.9);
    });
  });
} else {
  describe('seed corpus (../shared/seeds)', () => {
    it('is absent here; the project fixtures are scored instead', () => {
      console.log(`plan-text: ${seedsDir} not found, corpus scoring skipped (fixtures in test/fixtures/plans still run)`);
      expect(readdirSync(fixturesDir).filter((f) => f.endsWith('.txt')).length).toBeGreaterThan(0);
    });
  });
}
