/**
 * The convergence property test at benchmark size: 2,000 seeds (npm test runs 200), every
 * 10th with the replicas' event indexes checked. Prints the seeds run and the time; a failing
 * seed prints its replay command (see test/client/convergence.test.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function runConvergenceBench(seeds = Number(process.env.CONVERGENCE_SEEDS ?? 2000)): Promise<void> {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/client/convergence.test.ts', '--reporter=dot'], {
    cwd: root,
    env: { ...process.env, CONVERGENCE_SEEDS: String(seeds) },
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t0) / 1000;
  const failed = run.status !== 0;
  console.log(`convergence: ${seeds} seeds ${failed ? 'FAILED' : 'passed'} in ${seconds.toFixed(1)} s (${((seconds * 1000) / seeds).toFixed(1)} ms a seed)`);
  if (failed) console.log((run.stdout + run.stderr).split('\n').filter((l) => /seed \d+|Error/.test(l)).slice(0, 5).join('\n'));
}
