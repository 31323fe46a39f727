import * as Y from 'yjs';
import type { Locale } from '../i18n/locale';
import type { Role } from '../protocol/message-types';
import { HISTORY_ROOT } from '../schema/history';
import { ROOT_NAMES, SCHEMA_VERSION, readMeta } from '../schema/doc';
import { isSchemaError, SchemaError } from '../schema/errors';
import { createWithHistory } from '../schema/history';
import { BIRTH_ORIGIN, LOCAL_ORIGIN } from '../schema/origins';
import { checkCreate, createRecord, purgeRecord, type CollectionDef, type CreateOptions } from '../schema/records';
import { COMMANDS, type CommandInput, type CommandName, type CommandOutput } from './commands';
import type { CommandContext } from './context';
import { READ_ONLY_MESSAGES, type CommandError, type ReadOnlyReason, type Result } from './result';

export interface WorkspaceApiOptions {
  /** The caller's role on this workspace (a view link: every command is refused); default edit. */
  role?: () => Role | undefined;
  /** Display name for `updatedBy` and the field history. */
  by?: () => string | undefined;
  /** Language of the few texts a command stores; default zh. */
  locale?: () => Locale;
  /** Clock, for deterministic tests. */
  now?: () => number;
}

export interface WorkspaceApi {
  /** Runs one command: validated first, written in one transaction, one undo step. */
  run<K extends CommandName>(name: K, input: CommandInput<K>): Result<CommandOutput<K>>;
  /** Why nothing may be changed right now, or null. */
  readOnly(): ReadOnlyReason | null;
  undo(): Result<boolean>;
  redo(): Result<boolean>;
  canUndo(): boolean;
  canRedo(): boolean;
  /** How many steps can be undone and redone (e.g. for a test mirroring the stacks). */
  stackSizes(): { undo: number; redo: number };
  /** Called after the undo or redo stack changed (a command ran, an undo, a redo). */
  onUndoChange(listener: () => void): () => void;
  destroy(): void;
}

/** Collections whose field history is kept (schema/history.ts); plans and sections have none. */
const WITH_HISTORY = new Set(['events', 'campaigns', 'teams', 'units', 'observances']);
const createAny = <F>(doc: Y.Doc, def: CollectionDef<F>, fields: F, o: CreateOptions): string =>
  WITH_HISTORY.has(def.name) ? createWithHistory(doc, def, fields, o) : createRecord(doc, def, fields, o);

const readOnlyError = (reason: ReadOnlyReason): CommandError => ({ code: 'read-only', reason, message: READ_ONLY_MESSAGES[reason], problems: [] });

function toError(e: unknown): CommandError {
  if (isSchemaError(e)) return { code: e.code, message: e.message, problems: e.problems };
  // The date and recurrence code throws RangeError for values that are not real dates or rules.
  if (e instanceof RangeError) return { code: 'invalid', message: e.message, problems: [e.message] };
  return { code: 'failed', message: e instanceof Error ? e.message : String(e), problems: [] };
}

/**
 * The one write boundary of a workspace. Every command is refused while the workspace is
 * read-only (a view link, or a document from a newer app), with the document left
 * byte-identical; otherwise it runs inside one transaction with LOCAL_ORIGIN, which is what the
 * undo manager tracks, so undo and redo cover exactly what commands wrote (never a colleague's
 * edit, a sync or the initial load).
 *
 * Commands validate before they write. Should one still throw after writing (a bug, not bad
 * input), its partial change is undone at once, so a failed command never leaves half a change.
 *
 * Creations are not ordinary writes. Undoing a creation structurally would remove the record's
 * Y.Map, and with it whatever a colleague wrote into it concurrently (found by the convergence
 * test: an undone and redone event came back without their edits). So a record that can sit in
 * the trash is born there, in an untracked transaction, and the command's tracked writes take
 * it out: undo puts it back in the trash (restorable, nobody's edits lost), redo takes it out
 * again. A command is then up to three transactions — its own writes, the births, the reveal —
 * merged into one undo step.
 */
export function createWorkspaceApi(doc: Y.Doc, opts: WorkspaceApiOptions = {}): WorkspaceApi {
  const scope = [...Object.values(ROOT_NAMES).map((name) => doc.getMap(name)), doc.getMap(HISTORY_ROOT)];
  // Steps are cut by stopCapturing() around each command, not by time.
  const undoManager = new Y.UndoManager(scope, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 2 ** 31 });
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  undoManager.on('stack-item-added', notify);
  undoManager.on('stack-item-popped', notify);
  undoManager.on('stack-cleared', notify);

  const readOnly = (): ReadOnlyReason | null => {
    if (opts.role?.() === 'view') return 'view-link';
    if (readMeta(doc).schema > SCHEMA_VERSION) return 'newer-schema';
    return null;
  };

  interface Birth {
    def: CollectionDef<unknown>;
    fields: unknown;
    id: string;
  }

  const context = (births: Birth[]): CommandContext => {
    const write = { by: opts.by?.() || undefined, now: opts.now?.() ?? Date.now(), origin: LOCAL_ORIGIN };
    return {
      doc,
      write,
      locale: opts.locale?.() ?? 'zh',
      create<F>(def: CollectionDef<F>, fields: F, o: { id?: string; bornWith?: boolean } = {}): string {
        const trashable = 'deletedAt' in def.table;
        if (!trashable && !o.bornWith) return createAny(doc, def, fields, { ...write, id: o.id });
        const { id } = checkCreate(doc, def, fields, { ...write, id: o.id });
        if (births.some((b) => b.id === id)) throw new SchemaError('exists', `A ${def.noun} with id "${id}" already exists`);
        births.push({ def: def as CollectionDef<unknown>, fields, id });
        return id;
      },
    };
  };

  function run<K extends CommandName>(name: K, input: CommandInput<K>): Result<CommandOutput<K>> {
    const reason = readOnly();
    if (reason) return { ok: false, error: readOnlyError(reason) };
    const handler = COMMANDS[name] as unknown as (ctx: CommandContext, input: unknown) => CommandOutput<K>;
    if (typeof handler !== 'function') return { ok: false, error: { code: 'failed', message: `Unknown command "${String(name)}"`, problems: [] } };
    const births: Birth[] = [];
    const ctx = context(births);
    // Each command is its own undo step, however quickly the next one follows.
    undoManager.stopCapturing();
    const depth = undoManager.undoStack.length;
    const rollBack = () => {
      if (undoManager.undoStack.length > depth) {
        undoManager.undo();
        undoManager.redoStack.pop();
        notify();
      }
    };
    let value!: CommandOutput<K>;
    try {
      doc.transact(() => {
        value = handler(ctx, input);
      }, LOCAL_ORIGIN);
    } catch (e) {
      rollBack();
      return { ok: false, error: toError(e) };
    }
    if (births.length) {
      const { now, by } = ctx.write;
      try {
        doc.transact(() => {
          for (const b of births) {
            const fields = 'deletedAt' in b.def.table ? { ...(b.fields as object), deletedAt: now } : b.fields;
            createAny(doc, b.def, fields, { by, now, id: b.id, origin: BIRTH_ORIGIN });
          }
        }, BIRTH_ORIGIN);
      } catch (e) {
        // Checked in checkCreate, so only a bug lands here: leave nothing half-made.
        doc.transact(() => births.forEach((b) => purgeRecord(doc, b.def, b.id, { origin: BIRTH_ORIGIN })), BIRTH_ORIGIN);
        rollBack();
        return { ok: false, error: toError(e) };
      }
      doc.transact(() => {
        for (const b of births) if ('deletedAt' in b.def.table) (doc.getMap(b.def.name).get(b.id) as Y.Map<unknown>).delete('deletedAt');
      }, LOCAL_ORIGIN);
    }
    undoManager.stopCapturing();
    return { ok: true, value };
  }

  const step = (direction: 'undo' | 'redo'): Result<boolean> => {
    const reason = readOnly();
    if (reason) return { ok: false, error: readOnlyError(reason) };
    const item = direction === 'undo' ? undoManager.undo() : undoManager.redo();
    return { ok: true, value: item !== null };
  };

  return {
    run,
    readOnly,
    undo: () => step('undo'),
    redo: () => step('redo'),
    canUndo: () => readOnly() === null && undoManager.undoStack.length > 0,
    canRedo: () => readOnly() === null && undoManager.redoStack.length > 0,
    stackSizes: () => ({ undo: undoManager.undoStack.length, redo: undoManager.redoStack.length }),
    onUndoChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      undoManager.destroy();
    },
  };
}
