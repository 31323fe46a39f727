#!/usr/bin/env node
// `npm run --silent cli -- <command> …`: runs the compiled CLI (dist/cli/main.js),
// first rebuilding it with esbuild (about 0.1 s, silently) when it is missing or
// older than any source it was built from. The check is a stat of those few files,
// so a normal run costs Node's own start plus the CLI itself.
import { buildAll, staleReason } from './build-server.mjs';

if (staleReason('cli')) {
  try {
    await buildAll({ ifStale: true, names: ['cli'] });
  } catch (err) {
    // esbuild has already printed its messages with file and line.
    if (!err?.errors) process.stderr.write(`cannot build dist/cli: ${err?.stack ?? err}\n`);
    process.exit(70);
  }
}
await import('../dist/cli/main.js');
