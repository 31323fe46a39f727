/**
 * Why a write was refused. Writers throw these before opening a transaction, so a refused
 * write leaves the document untouched; the workspace API (shared/src/workspace) turns them
 * into typed results a screen can show.
 */
export type SchemaErrorCode =
  /** A value breaks the schema; `problems` lists each one in words a person can act on. */
  | 'invalid'
  /** No record with that id (or not a valid one, where the write needs it valid). */
  | 'not-found'
  /** A record with that id already exists. */
  | 'exists'
  /** The request contradicts the document's structure (a section under itself). */
  | 'conflict';

export class SchemaError extends Error {
  override readonly name = 'SchemaError';
  constructor(
    readonly code: SchemaErrorCode,
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

export const isSchemaError = (e: unknown): e is SchemaError => e instanceof SchemaError;
