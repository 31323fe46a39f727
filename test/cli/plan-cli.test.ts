/**
 * The plan command (Contract 4): JSON on stdout for a plan; a clear message on
 * stderr and a non-zero exit within two seconds for anything that is not one.
 *
 * Timed runs start the CLI the way `npm run cli` does (scripts/cli.mjs, which
 * runs the esbuild bundle dist/cli/main.js and rebuilds it when stale) but
 * without npm's own start-up, which is not ours to budget; one run goes
 * through `npm run --silent cli` to check the wiring.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../shared/plan-text/make-docx';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(repoRoot, 'test/fixtures/plans');
const launcher = path.join(repoRoot, 'scripts/cli.mjs');
const bundle = path.join(repoRoot, 'dist/cli/main.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'plan-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Build up front when stale, so the timed runs below take the fast path.
beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-server.mjs'), '--if-stale', 'cli'], { cwd: repoRoot, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(cmd: string, args: string[]): Promise<Run> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - t0 }));
  });
}

const cli = (...args: string[]) => run(process.execPath, [launcher, ...args]);

// A loader hook that reports every module the CLI loads (on stderr, one `LOAD <url>` a line).
const hooks = `export async function load(url, context, next) { if (url.startsWith('file:')) process.stderr.write('LOAD ' + url + '\\n'); return next(url, context); }`;
const traceHooks = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
async function traced(...args: string[]) {
  const r = await run(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(traceHooks)}`, launcher, ...args]);
  const loaded = r.stderr.split('\n').filter((l) => l.startsWith('LOAD ')).map((l) => decodeURIComponent(l.slice(5)));
  return { ...r, loaded, has: (re: RegExp) => loaded.some((u) => re.test(u)) };
}

function expectRefused(r: Run, message: RegExp) {
  expect(r.code).not.toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
  expect(r.ms).toBeLessThan(2000);
}

describe('cli plan', { timeout: 30_000 }, () => {
  it('prints Contract 4 JSON for a fixture plan', async () => {
    const r = await cli('plan', path.join(fixtures, 'noisy-download.txt'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['title', 'year', 'sections', 'activities']);
    expect(json.title).toBe('2024年县文明办精神文明建设工作要点');
    expect(json.sections.length).toBeGreaterThan(5);
    expect(json.sections[0]).toMatchObject({ id: 's1', parentId: '', label: '一、', level: 1 });
    expect(json.activities.some((a: { kind: string; units: string[] }) => a.kind === 'exhibition' && a.units.length === 2)).toBe(true);
  });

  it('reads GB18030 and .docx files', async () => {
    const gb = JSON.parse((await cli('plan', path.join(fixtures, 'gb18030-plan.txt'))).stdout);
    expect(gb.title).toBe('2024年街道宣传工作计划');
    const docx = path.join(tmp, '方案.docx');
    writeFileSync(docx, makeDocx(readFileSync(path.join(fixtures, 'speech.txt'), 'utf8')));
    const r = await cli('plan', docx);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sections.map((s: { title: string }) => s.title)[0]).toBe('坚持用党的创新理论武装头脑');
  });

  it('reads Traditional text, matching it against the Simplified rules', async () => {
    const r = await cli('plan', path.join(fixtures, 'traditional-pinyin.txt'));
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.title).toBe('鎮文化站2022年宣傳文化工作計劃');
    expect(json.activities).toContainEqual(expect.objectContaining({ kind: 'meeting', title: '宣傳文化工作例會' }));
    expect(json.activities).toContainEqual(expect.objectContaining({ kind: 'training', title: '基層文化骨幹培訓班' }));
  });

  it('runs the compiled bundle (no tsx, no esbuild) and loads the parser, the .docx unzip (fflate) and opencc only when needed', async () => {
    const empty = path.join(tmp, 'blank.txt');
    writeFileSync(empty, '');
    const refused = await traced('plan', empty);
    expect(refused.code).toBe(1);
    expect(refused.has(/dist\/cli\/main\.js$/)).toBe(true);
    expect(refused.has(/node_modules\/(tsx|esbuild)\//)).toBe(false);
    expect(refused.has(/\.ts$/)).toBe(false);
    expect(refused.has(/dist\/cli\/chunks\/plan-text-/)).toBe(false);
    expect(refused.has(/node_modules\/tyme4ts\//)).toBe(false);

    const simplified = await traced('plan', path.join(fixtures, 'typical-points.txt'));
    expect(simplified.code).toBe(0);
    expect(simplified.has(/dist\/cli\/chunks\/plan-text-/)).toBe(true);
    expect(simplified.has(/node_modules\/(fflate|opencc-js|mammoth)\//)).toBe(false);
    expect(simplified.has(/node_modules\/(tsx|esbuild)\//)).toBe(false);

    const traditional = await traced('plan', path.join(fixtures, 'traditional-pinyin.txt'));
    expect(traditional.code).toBe(0);
    expect(traditional.has(/node_modules\/opencc-js\//)).toBe(true);
    expect(traditional.has(/node_modules\/fflate\//)).toBe(false);

    const docx = path.join(tmp, 'traced.docx');
    writeFileSync(docx, makeDocx(readFileSync(path.join(fixtures, 'speech.txt'), 'utf8')));
    const fromDocx = await traced('plan', docx);
    expect(fromDocx.code).toBe(0);
    expect(fromDocx.has(/node_modules\/fflate\//)).toBe(true);
    // (mammoth is only the tests' oracle now: word-xml.test.ts)
    expect(fromDocx.has(/node_modules\/mammoth\//)).toBe(false);
  });

  it('rebuilds the bundle when it is older than its sources', async () => {
    const old = new Date('2001-01-01T00:00:00Z');
    utimesSync(bundle, old, old); // as if every source had been edited since
    const r = await cli('plan', path.join(fixtures, 'one-line.txt'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).year).toBe(2024);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(old.getTime());
  });

  it('works through npm run --silent cli', async () => {
    const r = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'cli', '--', 'plan', path.join(fixtures, 'one-line.txt')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).year).toBe(2024);
  });

  it('refuses a binary file', async () => {
    const f = path.join(tmp, 'image.txt');
    writeFileSync(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    expectRefused(await cli('plan', f), /二进制.*binary/);
  });

  it('refuses an empty file and a blank one', async () => {
    const f = path.join(tmp, 'empty.txt');
    writeFileSync(f, '');
    expectRefused(await cli('plan', f), /为空.*empty/);
    writeFileSync(f, '  \n\n\t \r\n');
    expectRefused(await cli('plan', f), /为空.*empty/);
  });

  it('refuses a 20 MB file from its size, quickly', async () => {
    const f = path.join(tmp, 'huge.txt');
    writeFileSync(f, '一、'.repeat(1000));
    truncateSync(f, 20 * 1024 * 1024);
    expectRefused(await cli('plan', f), /过大.*too large/);
  });

  it('reports a missing file, a missing argument and an unknown command', async () => {
    expectRefused(await cli('plan', path.join(tmp, 'nope.txt')), /找不到文件.*not found/);
    expectRefused(await cli('plan'), /usage/);
    expectRefused(await cli('frobnicate'), /unknown command/);
  });

  it('refuses a file that claims to be .docx but is not', async () => {
    const f = path.join(tmp, 'fake.docx');
    writeFileSync(f, '这其实是文本');
    expectRefused(await cli('plan', f), /docx/);
  });
});
