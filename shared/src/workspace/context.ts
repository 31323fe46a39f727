import type * as Y from 'yjs';
import type { Locale } from '../i18n/locale';
import type { TxOrigin } from '../schema/origins';
import type { CollectionDef } from '../schema/records';

/**
 * What every command gets besides its input: the document and the write options the schema
 * writers take (author for `updatedBy` and the history, one clock reading per command so every
 * stamp of one change agrees, the origin the undo manager tracks), and the locale for the few
 * texts a command stores (the "计划时间：…" note of a plan draft).
 */
export interface CommandContext {
  readonly doc: Y.Doc;
  readonly write: { readonly by?: string; readonly now: number; readonly origin: TxOrigin };
  readonly locale: Locale;
  /**
   * Creates a record (with its field history), validated at once; returns its id. Commands
   * create records only through this: see api.ts for why a creation is not an ordinary write.
   */
  create<F>(def: CollectionDef<F>, fields: F, opts?: { id?: string }): string;
}

/** One command: validates, then writes; throws a SchemaError (before writing) to refuse. */
export type Handler<I, O> = (ctx: CommandContext, input: I) => O;
