#!/usr/bin/env node
// Compiles the Node programs with esbuild: the server (server/src/main.ts) into
// dist/server/main.js and the plan CLI (server/src/cli/main.ts) into
// dist/cli/main.js plus its lazily loaded chunks. shared/src is bundled in; the
// server imports every package from node_modules as it is (classic-level loads a
// native binary), and so does the CLI except rrule (see CLI_BUNDLED_PACKAGES).
//
//   node scripts/build-server.mjs             build both (`npm run build` does this)
//   node scripts/build-server.mjs server      only the server (`npm start` does this when stale)
//   node scripts/build-server.mjs --if-stale  only what is missing or older than its sources
//
// Each build writes dist/<name>/inputs.json: the source files esbuild read (from
// its metafile), plus tsconfig.json, this script and, for the CLI, which bundles
// rrule, package-lock.json. A build is stale when its
// entry file is missing or any of those files is newer or gone, so an edit
// elsewhere in shared/src does not force one. Files are written to a temporary
// name and renamed into place, the entry last, so a CLI or server starting while
// another process rebuilds never reads half a file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const THIS_SCRIPT = path.relative(root, fileURLToPath(import.meta.url));
const ALWAYS_INPUTS = ['tsconfig.json', THIS_SCRIPT];

const common = {
  absWorkingDir: root,
  // One tsconfig for every file, as tsc -p tsconfig.json sees them (esbuild would
  // otherwise use the nearest one, e.g. shared/tsconfig.json, a check-only config).
  tsconfig: 'tsconfig.json',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked', // run with --enable-source-maps to see .ts lines in stack traces
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  write: false,
};

// Node loads rrule's UMD `main` (it has no `exports` map) through its CommonJS
// interop, which costs the CLI about 50 ms of its ~160 ms; bundled from its ESM
// build it costs almost nothing. Every other package stays external, fflate and
// opencc-js in particular so that they load only for .docx and Traditional text.
const CLI_BUNDLED_PACKAGES = new Set(['rrule']);
const externalExcept = (bundled) => ({
  name: 'external-packages-except',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined; // inside a bundled package
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return bundled.has(name) ? undefined : { path: args.path, external: true };
    });
  },
});

export const TARGETS = {
  server: {
    entry: 'dist/server/main.js',
    inputs: [],
    options: { ...common, packages: 'external', entryPoints: { main: 'server/src/main.ts' }, outdir: 'dist/server' },
  },
  cli: {
    entry: 'dist/cli/main.js',
    inputs: ['package-lock.json'], // the bundled rrule; npm leaves files in node_modules with a fixed old mtime
    // Splitting keeps the CLI's lazy imports lazy: the decoder, the parser (with
    // its date tables), the .docx reader and the Traditional table are chunks
    // loaded by `import()` only on the paths that need them.
    options: {
      ...common,
      plugins: [externalExcept(CLI_BUNDLED_PACKAGES)],
      mainFields: ['module', 'main'],
      entryPoints: { main: 'server/src/cli/main.ts' },
      outdir: 'dist/cli',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
    },
  },
};

const manifestPath = (name) => path.join(root, 'dist', name, 'inputs.json');

function readManifest(name) {
  try {
    return JSON.parse(fs.readFileSync(manifestPath(name), 'utf8'));
  } catch {
    return null;
  }
}

/** Why `name` needs building, or null when its output is newer than all of its inputs. */
export function staleReason(name) {
  const { entry } = TARGETS[name];
  let built;
  try {
    built = fs.statSync(path.join(root, entry)).mtimeMs;
  } catch {
    return `${entry} is missing`;
  }
  const manifest = readManifest(name);
  if (!manifest || !Array.isArray(manifest.inputs)) return `dist/${name}/inputs.json is missing`;
  for (const input of manifest.inputs) {
    let mtime;
    try {
      mtime = fs.statSync(path.join(root, input)).mtimeMs;
    } catch {
      return `${input} is gone`;
    }
    if (mtime > built) return `${input} changed since the last build`;
  }
  return null;
}

function writeAtomically(file, contents) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

/** Builds one target; returns the files written (relative to the repository). */
export async function build(name, esbuild) {
  esbuild ??= await import('esbuild');
  const { entry, inputs: extraInputs, options } = TARGETS[name];
  // The entry's mtime becomes the moment esbuild started reading, so a source
  // saved while the build ran still counts as newer than the build.
  const started = new Date();
  const result = await esbuild.build(options);
  const entryAbs = path.join(root, entry);
  const outputs = result.outputFiles.map((f) => path.relative(root, f.path));
  // Chunks and maps first, the manifest and the entry (whose mtime marks the build) last.
  const ordered = [...result.outputFiles].sort((a, b) => (a.path === entryAbs) - (b.path === entryAbs));
  const previous = readManifest(name);
  for (const f of ordered) {
    if (f.path === entryAbs) {
      const sources = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
      const inputs = [...new Set([...sources, ...ALWAYS_INPUTS, ...extraInputs])].sort();
      writeAtomically(manifestPath(name), `${JSON.stringify({ inputs, outputs }, null, 2)}\n`);
    }
    writeAtomically(f.path, f.contents);
  }
  fs.utimesSync(entryAbs, started, started);
  // Drop output files of older builds, but keep the previous build's: a CLI that
  // loaded the previous main.js a moment ago may still import one of its chunks.
  const keep = new Set([...outputs, ...(previous?.outputs ?? []), path.relative(root, manifestPath(name))]);
  const dir = path.join(root, 'dist', name);
  for (const file of fs.readdirSync(dir, { recursive: true })) {
    const rel = path.join('dist', name, file);
    const abs = path.join(root, rel);
    if (!keep.has(rel) && !rel.endsWith('.tmp') && fs.statSync(abs).isFile()) fs.rmSync(abs, { force: true });
  }
  return outputs;
}

/** Builds the named targets (all by default); with ifStale, only those that are stale. */
export async function buildAll({ ifStale = false, names = Object.keys(TARGETS), log = () => {} } = {}) {
  const todo = names.map((name) => [name, ifStale ? staleReason(name) : 'requested']).filter(([, reason]) => reason);
  if (todo.length === 0) return [];
  const esbuild = await import('esbuild');
  try {
    for (const [name, reason] of todo) {
      const t0 = performance.now();
      const outputs = await build(name, esbuild);
      log({ name, reason, files: outputs.length, ms: Math.round(performance.now() - t0) });
    }
  } finally {
    await esbuild.stop(); // the esbuild service process would otherwise stay alive
  }
  return todo.map(([name]) => name);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !Object.hasOwn(TARGETS, n));
  if (unknown.length) {
    console.error(`unknown target ${unknown.join(', ')}; usage: node scripts/build-server.mjs [--if-stale] [${Object.keys(TARGETS).join('] [')}]`);
    process.exit(2);
  }
  try {
    await buildAll({
      ifStale: args.includes('--if-stale'),
      names: names.length ? names : undefined,
      log: ({ name, reason, files, ms }) =>
        console.log(JSON.stringify({ t: new Date().toISOString(), level: 'info', msg: `built dist/${name}`, reason, files, ms })),
    });
  } catch (err) {
    // esbuild has already printed its messages with file and line.
    if (!err?.errors) console.error(err);
    process.exitCode = 1;
  }
}
