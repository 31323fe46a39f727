#!/usr/bin/env node
// `npm test`: the type check and every Vitest project (unit, integration, browser), with the type check
// running beside Vitest's first phase instead of before it (it is half a minute of a 2-core machine's ten).
// Vitest's output streams as it runs; the type checker's is printed once it is done, so the two do not
// interleave. Fails when either fails. Arguments go to Vitest (`npm test -- --project unit`).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);

/** Runs `node file args…`; resolves with its exit code and, when `capture`, its output. */
function run(file, args, capture) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { cwd: root, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let out = '';
    if (capture) {
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
    }
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

async function typecheck() {
  const tsc = bin('typescript', 'bin/tsc');
  for (const args of [['--noEmit', '-p', 'tsconfig.json'], ['-p', 'shared/tsconfig.json']]) {
    const r = await run(tsc, args, true);
    if (r.code !== 0) return { code: r.code, out: `tsc ${args.join(' ')}\n${r.out}` };
  }
  return { code: 0, out: '' };
}

const [types, tests] = await Promise.all([typecheck(), run(bin('vitest', 'vitest.mjs'), ['run', ...process.argv.slice(2)], false)]);
if (types.code !== 0) console.error(`\nType check failed:\n${types.out}`);
else console.log('\nType check passed (tsc -p tsconfig.json, tsc -p shared/tsconfig.json).');
process.exit(types.code !== 0 ? types.code : tests.code);
