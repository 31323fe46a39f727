/**
 * Plan parsing speed: median parse time per document (goal ≤ 10 ms each), over
 * the project's fixture plans always and over ../shared/seeds when present; then the plan CLI's
 * whole run per file (goal ≤ 300 ms) for a .txt and a .docx, beside Node's own start-up
 * (`node -e ''`) measured in the same run.
 * `runPlanBench()` prints figures and asserts nothing. Run alone with
 * `npx tsx bench/plan-parse.ts`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePlanBytes } from '../shared/src/plan-text/decode';
import { loadTraditionalTable, parsePlan } from '../shared/src/plan-text/index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeParse(text: string, runs: number): { median: number; min: number; sections: number; activities: number } {
  let last = parsePlan(text); // warm-up (JIT, regex compilation)
  for (let i = 0; i < 5; i++) last = parsePlan(text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = parsePlan(text);
    times.push(performance.now() - t0);
  }
  return { median: median(times), min: Math.min(...times), sections: last.sections.length, activities: last.activities.length };
}

function planFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(dir, f));
}

export async function runPlanBench(runs = 50): Promise<void> {
  // Loaded up front so Traditional plans are timed on parsing, not on loading the table.
  await loadTraditionalTable();
  const groups: [string, string[]][] = [['fixtures', planFiles(path.join(repoRoot, 'test/fixtures/plans'))]];
  const seeds = path.resolve(repoRoot, '../shared/seeds');
  if (existsSync(seeds)) groups.push(['seeds', planFiles(seeds)]);
  else console.log(`plan-parse: ${seeds} not found, seeds not timed`);
  for (const [name, files] of groups) {
    for (const file of files) {
      const text = decodePlanBytes(new Uint8Array(readFileSync(file)));
      const r = timeParse(text, runs);
      const flag = r.median <= 10 ? 'ok' : 'OVER 10 ms';
      console.log(
        `plan-parse ${name}/${path.basename(file)} (${(text.length / 1000).toFixed(1)}k chars): median ${r.median.toFixed(2)} ms, min ${r.min.toFixed(2)} ms over ${runs} runs; ${r.sections} sections, ${r.activities} drafts [${flag}]`,
      );
    }
  }
}

/** Median wall time of `node args…` over `runs` runs (after one run that builds the CLI bundle if stale). */
function timeNode(args: string[], runs: number): number {
  execFileSync(process.execPath, args, { stdio: 'ignore', cwd: repoRoot });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, args, { stdio: 'ignore', cwd: repoRoot });
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function runPlanCliBench(runs = 9): void {
  const node = timeNode(['-e', ''], runs);
  console.log(`plan-cli node start-up (node -e ''): median ${node.toFixed(0)} ms over ${runs} runs`);
  const files = ['test/fixtures/plan-corpus/20-long-yaodian.txt', 'test/fixtures/plan-corpus/17-docx-zhongxinzu.docx', 'test/fixtures/plan-corpus/05-qunwen-traditional.txt'];
  for (const f of files) {
    const ms = timeNode(['scripts/cli.mjs', 'plan', f], runs);
    console.log(`plan-cli ${path.basename(f)}: median ${ms.toFixed(0)} ms (${(ms / node).toFixed(2)}× Node's start-up) [${ms <= 300 ? 'ok' : 'OVER 300 ms'}]`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runPlanCliBench();
  await runPlanBench();
}
