import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';

/**
 * Browser tests keep Chromium's profiles (real IndexedDB) and their relay's data in memory-backed /dev/shm when the
 * machine has it: they test the app, not the disk, and a VM's busy disk otherwise stretches them by a third.
 */
function memoryTmp(): Record<string, string> {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return { TMPDIR: '/dev/shm' };
  } catch {
    return {};
  }
}

// Three projects: pure/unit code in Node, the relay as a real child process,
// and the built app in real Chromium. `npm test` runs all of them.
export default defineConfig({
  plugins: [solid()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared/src', import.meta.url)) } },
  test: {
    // vite-plugin-solid would default the environment to jsdom (not installed, not needed: our
    // browser tests drive real Chromium). Without this, Vitest reports the missing package and exits 1.
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['test/shared/**/*.test.ts', 'test/client/**/*.test.ts', 'test/cli/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        // The relay runs in these tests' own process too (storage-faults.test.ts), and
        // vite-plugin-solid's browser condition would give it ws's browser stub.
        resolve: { alias: { ws: fileURLToPath(new URL('./node_modules/ws/wrapper.mjs', import.meta.url)) } },
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          // After the others: Chromium and the relay tests would fight for 2 cores.
          sequence: { groupOrder: 2 },
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          env: memoryTmp(),
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
