import type { SchemaErrorCode } from '../schema/errors';

/**
 * What a command answers. Screens show `error.message` (and `problems`, one per field) and
 * never see an exception for a refused change; the document is unchanged whenever `ok` is
 * false.
 */
export type ReadOnlyReason =
  /** Opened through a view link: everything shows, nothing can be changed. */
  | 'view-link'
  /** The document was written by a newer app (meta.schema above ours): editing could damage it. */
  | 'newer-schema';

export type CommandErrorCode = SchemaErrorCode | 'read-only' | 'failed';

export interface CommandError {
  code: CommandErrorCode;
  message: string;
  /** One entry per broken field ("end: must be after start …"), for `invalid`. */
  problems: readonly string[];
  /** Why the workspace is read-only, for `read-only`. */
  reason?: ReadOnlyReason;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CommandError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const READ_ONLY_MESSAGES: Record<ReadOnlyReason, string> = {
  'view-link': 'This workspace was opened with a view link: it can be read, not changed',
  'newer-schema': 'This workspace was saved by a newer version of the app: update the app to edit it',
};
