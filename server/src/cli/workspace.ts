/**
 * `npm run --silent cli -- workspace <list|export|import|rotate> …`: the server's workspaces
 * from the shell, on the store the server uses (see store.ts). Run them while the server is
 * stopped: the embedded store refuses a second process (exit 75, nothing changed).
 *
 * Backup format (export, import):
 *   <file>       the merged document as one Yjs update, v1 encoding (Y.encodeStateAsUpdate):
 *                any Yjs program loads it with Y.applyUpdate(doc, bytes)
 *   <file>.json  the workspace record beside it:
 *                {"format":"campaign-calendar.workspace","version":1,"id","name","createdAt",
 *                 "exportedAt","update":{"encoding":"yjs-update-v1","bytes","sha256"}}
 * Tokens and the link generation are not exported: links are minted by `rotate` (or, for a
 * workspace new to the store, by `import` itself).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { WORKSPACE_ID_PATTERN } from '../../../shared/src/protocol/message-types';
import { Tokens } from '../auth/tokens';
import { loadConfig } from '../config';
import type { WorkspaceRecord } from '../persistence/persistence';
import { WorkspaceRegistry } from '../workspaces/registry';
import { openStore, StoreError, type CliStore } from './store';

export const WORKSPACE_USAGE = `  workspace list [--json]
      列出工作区 / list workspaces: id, name, created, stored updates and bytes
  workspace export <id> <file> [--force] [--json]
      备份 / back up: <file> = the merged document as a Yjs update (v1, Y.encodeStateAsUpdate;
      load it with Y.applyUpdate), <file>.json = the workspace record (name, createdAt)
  workspace import <file> [--id <id>] [--name <name>] [--force] [--json]
      恢复 / restore <file> (and <file>.json if present) into the store, under --id, else the
      record's id, else a new id. A workspace that already holds a document is replaced only
      with --force. A workspace new to the store gets fresh links (printed)
  workspace rotate <id> [--origin <url>] [--json]
      换发链接 / new links: bumps the link generation (every old link and token stops working)
      and prints the new owner token and edit/view links
  The store is the server's: DATA_DIR (default ./data) with the same RELAY_* settings.
  Stop the server first (exit 75 while it holds the store). Exit 1 = bad input, 2 = usage.`;

export class UsageError extends Error {}
class InputError extends Error {}

const FORMAT = 'campaign-calendar.workspace';
/** Largest update file import reads. */
const MAX_IMPORT_BYTES = 1 << 30;

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(args: string[], valued: string[], boolean: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (valued.includes(name)) {
        const v = inline ?? args[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        flags.set(name, v);
      } else if (boolean.includes(name) && inline === undefined) flags.set(name, true);
      else throw new UsageError(`未知选项 / unknown option: ${a}`);
    } else positional.push(a);
  }
  return { positional, flags };
}

const userPath = (file: string) => path.resolve(process.env.INIT_CWD || process.cwd(), file);

function out(json: boolean, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}

async function withStore<T>(create: boolean, fn: (s: CliStore) => Promise<T>): Promise<T> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    throw new InputError(`配置错误 / configuration: ${(err as Error).message}`);
  }
  const s = await openStore(config, { create });
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

/** The stored updates merged into one document. */
async function loadDoc(s: CliStore, id: string): Promise<{ doc: Y.Doc; updates: number; bytes: number }> {
  const { updates } = await s.store.load(id);
  const doc = new Y.Doc({ gc: true });
  let bytes = 0;
  for (const u of updates) {
    bytes += u.length;
    try {
      Y.applyUpdate(doc, u);
    } catch (err) {
      throw new InputError(`stored update of ${id} cannot be read (${(err as Error).message}); nothing was written`);
    }
  }
  return { doc, updates: updates.length, bytes };
}

const hasContent = (doc: Y.Doc) => doc.store.clients.size > 0;

/** Whether doc holds exactly what `update` holds (same state vector and delete set). */
function sameDoc(doc: Y.Doc, update: Uint8Array): boolean {
  const other = new Y.Doc();
  Y.applyUpdate(other, update);
  return Buffer.compare(Buffer.from(Y.encodeStateAsUpdate(doc)), Buffer.from(Y.encodeStateAsUpdate(other))) === 0;
}

function checkId(id: string): string {
  if (!WORKSPACE_ID_PATTERN.test(id)) throw new InputError(`bad workspace id ${JSON.stringify(id)}: 8-64 characters of A-Z a-z 0-9 _ -`);
  return id;
}

/** Writes a file durably: a temporary name, fsync, rename. */
function writeDurably(file: string, data: Uint8Array | string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function list(args: string[]): Promise<void> {
  const { positional, flags } = parseArgs(args, [], ['json']);
  if (positional.length) throw new UsageError('workspace list takes no arguments');
  const rows = await withStore(false, async (s) => {
    const found: Array<WorkspaceRecord & { updates: number; bytes: number }> = [];
    for await (const rec of s.listWorkspaces()) {
      const { updates } = await s.store.load(rec.id);
      s.store.release(rec.id);
      found.push({ ...rec, updates: updates.length, bytes: updates.reduce((n, u) => n + u.length, 0) });
    }
    return found;
  });
  const json = rows.map((r) => ({ id: r.id, name: r.name, createdAt: new Date(r.createdAt).toISOString(), gen: r.gen, updates: r.updates, bytes: r.bytes }));
  const header = ['ID', 'NAME', 'CREATED', 'UPDATES', 'BYTES'];
  const table = [header, ...json.map((r) => [r.id, r.name || '-', r.createdAt.slice(0, 19).replace('T', ' '), String(r.updates), String(r.bytes)])];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const text = rows.length === 0 ? '(no workspaces)' : table.map((row) => row.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
  out(flags.has('json'), json, text);
}

async function exportCmd(args: string[]): Promise<void> {
  const { positional, flags } = parseArgs(args, [], ['force', 'json']);
  if (positional.length !== 2) throw new UsageError('workspace export <id> <file>');
  const id = checkId(positional[0]!);
  const file = userPath(positional[1]!);
  const sidecar = `${file}.json`;
  if (!flags.has('force')) {
    for (const f of [file, sidecar]) if (fs.existsSync(f)) throw new InputError(`${f} exists; pass --force to overwrite it`);
  }
  if (!fs.existsSync(path.dirname(file))) throw new InputError(`folder ${path.dirname(file)} does not exist`);
  const { rec, update, stored } = await withStore(false, async (s) => {
    const rec = await s.store.getWorkspace(id);
    if (!rec) throw new InputError(`no workspace ${id} in ${s.where}`);
    const { doc, updates } = await loadDoc(s, id);
    s.store.release(id);
    return { rec, update: Y.encodeStateAsUpdate(doc), stored: updates };
  });
  const record = {
    format: FORMAT,
    version: 1,
    id: rec.id,
    name: rec.name,
    createdAt: rec.createdAt,
    exportedAt: Date.now(),
    update: { file: path.basename(file), encoding: 'yjs-update-v1', bytes: update.length, sha256: sha256(update) },
  };
  writeDurably(file, update);
  writeDurably(sidecar, `${JSON.stringify(record, null, 2)}\n`);
  out(flags.has('json'), { id, file, record: sidecar, bytes: update.length, storedUpdates: stored }, `exported ${id}${rec.name ? ` (${rec.name})` : ''}: ${update.length} bytes (merged from ${stored} stored updates)\n  document: ${file}  (Yjs update v1: Y.applyUpdate)\n  record:   ${sidecar}`);
}

interface Sidecar {
  id?: string;
  name?: string;
  createdAt?: number;
  sha256?: string;
}

function readSidecar(file: string): Sidecar | null {
  const sidecar = `${file}.json`;
  if (!fs.existsSync(sidecar)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(sidecar, 'utf8'));
  } catch (err) {
    throw new InputError(`${sidecar} is not valid JSON (${(err as Error).message})`);
  }
  const r = raw as Record<string, unknown> | null;
  if (typeof r !== 'object' || r === null || r.format !== FORMAT) throw new InputError(`${sidecar} is not a workspace record (expected "format": "${FORMAT}")`);
  const upd = (r.update ?? {}) as Record<string, unknown>;
  return {
    id: typeof r.id === 'string' ? r.id : undefined,
    name: typeof r.name === 'string' ? r.name.slice(0, 200) : undefined,
    createdAt: typeof r.createdAt === 'number' && Number.isFinite(r.createdAt) ? r.createdAt : undefined,
    sha256: typeof upd.sha256 === 'string' ? upd.sha256 : undefined,
  };
}

/** Reads and checks a Yjs update file: the document it makes, re-encoded as one update. */
function readUpdateFile(file: string): Uint8Array {
  let info;
  try {
    info = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `找不到文件 / file not found: ${file}` : `cannot read ${file}: ${(e as Error).message}`);
  }
  if (info.isDirectory()) throw new InputError(`${file} is a directory, not a file`);
  if (info.size > MAX_IMPORT_BYTES) throw new InputError(`${file} is ${info.size} bytes, over the ${MAX_IMPORT_BYTES}-byte limit`);
  const bytes = new Uint8Array(fs.readFileSync(file));
  if (bytes.length < 2) throw new InputError(`${file} is not a Yjs update (empty)`);
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, bytes);
  } catch (err) {
    throw new InputError(`${file} is not a Yjs update (v1) file: ${(err as Error).message}`);
  }
  if (doc.store.pendingStructs || doc.store.pendingDs) {
    throw new InputError(`${file} is not a whole document: it refers to content it does not contain (an incremental update, or not a Yjs update v1 file)`);
  }
  return Y.encodeStateAsUpdate(doc);
}

async function importCmd(args: string[]): Promise<void> {
  const { positional, flags } = parseArgs(args, ['id', 'name'], ['force', 'json']);
  if (positional.length !== 1) throw new UsageError('workspace import <file> [--id <id>] [--name <name>] [--force]');
  const file = userPath(positional[0]!);
  const meta = readSidecar(file);
  const raw = fs.existsSync(file) && meta?.sha256 ? fs.readFileSync(file) : null;
  if (raw && meta?.sha256 && sha256(raw) !== meta.sha256) throw new InputError(`${file} does not match ${file}.json (sha256 differs): a damaged or mismatched backup`);
  const snapshot = readUpdateFile(file);
  const flagId = flags.get('id');
  const flagName = flags.get('name');
  if (typeof flagName === 'string' && flagName.length > 200) throw new InputError('--name: at most 200 characters');
  const { newWorkspaceId } = await import('../http/api');
  const id = checkId(typeof flagId === 'string' ? flagId : (meta?.id ?? newWorkspaceId()));
  const force = flags.has('force');

  const result = await withStore(true, async (s) => {
    const existing = await s.store.getWorkspace(id);
    const { doc, updates } = await loadDoc(s, id);
    if (hasContent(doc) && !force) {
      throw new InputError(`workspace ${id} already holds a document (${updates} stored updates); pass --force to replace it, or --id <another id>`);
    }
    // The document first, the record last: a workspace that shows up always has its document.
    // Nothing stored: an append. Replacing: a compaction (replaces everything stored so far).
    if (updates === 0) await s.store.append(id, snapshot);
    else await s.store.compact(id, snapshot);
    await s.store.flush();
    const check = await loadDoc(s, id);
    s.store.release(id);
    if (!sameDoc(check.doc, snapshot)) {
      // Redis mode: a relay wrote to it meanwhile, or held its compaction lock (nothing replaced).
      throw new InputError(`workspace ${id} does not read back as the imported document (a relay wrote to it or was compacting it); try again with no one in the workspace`);
    }
    let rec: WorkspaceRecord;
    if (existing) {
      rec = typeof flagName === 'string' ? { ...existing, name: flagName } : existing;
      if (rec !== existing) await s.store.putWorkspace(rec);
    } else {
      rec = { id, name: typeof flagName === 'string' ? flagName : (meta?.name ?? ''), gen: 1, createdAt: meta?.createdAt ?? Date.now() };
      if (s.store.createWorkspace) {
        if (!(await s.store.createWorkspace(rec))) throw new InputError(`workspace ${id} was registered meanwhile (by a relay); run import again`);
      } else await s.store.putWorkspace(rec);
    }
    await s.store.flush();
    const tokens = existing ? null : await new Tokens(s.secret()).issueAll(id, rec.gen);
    return { rec, replaced: hasContent(doc), created: !existing, tokens };
  });
  const { rec, tokens } = result;
  const lines = [`imported ${snapshot.length} bytes into ${rec.id}${rec.name ? ` (${rec.name})` : ''}${result.replaced ? ', replacing its document' : ''}`];
  if (tokens) lines.push(...linkLines(rec.id, tokens, undefined));
  else lines.push('  links unchanged (run `workspace rotate` for new ones)');
  if (result.replaced) lines.push('  note: clients that still hold the newer document will sync it back; rotate links to keep them out');
  out(flags.has('json'), { id: rec.id, name: rec.name, created: result.created, replaced: result.replaced, bytes: snapshot.length, ...(tokens ?? {}) }, lines.join('\n'));
}

function linkLines(id: string, t: { ownerToken: string; editToken: string; viewToken: string }, origin: string | undefined): string[] {
  const link = (token: string) => `${origin ?? ''}/w/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`;
  return [
    `  owner token: ${t.ownerToken}`,
    `  edit link:   ${link(t.editToken)}`,
    `  view link:   ${link(t.viewToken)}`,
    ...(origin ? [] : ['  (prefix the links with the server address, or pass --origin https://…)']),
  ];
}

async function rotate(args: string[]): Promise<void> {
  const { positional, flags } = parseArgs(args, ['origin'], ['json']);
  if (positional.length !== 1) throw new UsageError('workspace rotate <id> [--origin <url>]');
  const id = checkId(positional[0]!);
  let origin: string | undefined;
  const o = flags.get('origin');
  if (typeof o === 'string') {
    try {
      const u = new URL(o);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
      origin = u.origin;
    } catch {
      throw new InputError(`--origin must be an http(s) address such as https://cal.example.org, got ${JSON.stringify(o)}`);
    }
  }
  const { rec, tokens } = await withStore(false, async (s) => {
    const rec = s.store.rotateWorkspace ? await s.store.rotateWorkspace(id) : await new WorkspaceRegistry(s.store).rotate(id);
    if (!rec || rec === 'stale') throw new InputError(`no workspace ${id} in ${s.where}`);
    await s.store.flush();
    await s.announceRotation(id, rec.gen);
    return { rec, tokens: await new Tokens(s.secret()).issueAll(id, rec.gen) };
  });
  const link = (token: string) => `${origin ?? ''}/w/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`;
  out(
    flags.has('json'),
    { id, name: rec.name, gen: rec.gen, ...tokens, editLink: link(tokens.editToken), viewLink: link(tokens.viewToken) },
    [`rotated ${id}${rec.name ? ` (${rec.name})` : ''}: every earlier link and token stops working`, ...linkLines(id, tokens, origin)].join('\n'),
  );
}

/** Runs `workspace <sub> …`; errors are thrown as UsageError (exit 2), InputError/StoreError (their codes). */
export async function workspaceCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'list':
      return list(rest);
    case 'export':
      return exportCmd(rest);
    case 'import':
      return importCmd(rest);
    case 'rotate':
      return rotate(rest);
    default:
      throw new UsageError(sub ? `未知子命令 / unknown workspace command: ${sub}` : 'workspace needs a command');
  }
}

/** Exit code and message for an error of this module (null: not ours). */
export function workspaceError(e: unknown): { code: number; message: string } | null {
  if (e instanceof UsageError) return { code: 2, message: `${e.message}\n用法 / usage: npm run --silent cli -- workspace …\n${WORKSPACE_USAGE}` };
  if (e instanceof InputError) return { code: 1, message: `错误 / error: ${e.message}` };
  if (e instanceof StoreError) return { code: e.exitCode, message: `错误 / error: ${e.message}` };
  return null;
}
