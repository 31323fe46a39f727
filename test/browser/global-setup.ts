import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './helpers/chromium';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Browser tests run against the production build, as a user gets it from `npm start`. */
export default function setup(project: TestProject) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium fonts-noto-cjk`,
    );
  }
  if (!process.env.SKIP_BUILD) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which would make Vite emit a development build (no service worker).
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  project.provide('staticDir', path.join(root, 'dist', 'client'));
}

declare module 'vitest' {
  export interface ProvidedContext {
    staticDir: string;
  }
}
