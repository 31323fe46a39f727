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
   * `bornWith`: a record without a trash of its own (a section) that belongs to a record born in
   * this command (its new plan) is born with it, so undoing the plan's creation keeps its outline.
   */
  create<F>(def: CollectionDef<F>, fields: F, opts?: { id?: string; bornWith?: boolean }): string;
}

/** One command: validates, then writes; throws a SchemaError (before writing) to refuse. */
export type Handler<I, O> = (ctx: CommandContext, input: I) => O;
