/**
 * The one error type plan input raises. `code` lets the UI pick its own words;
 * `message` is bilingual (Chinese first) so the CLI and logs are clear as is.
 */
export type PlanInputErrorCode =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'bad-encoding'
  | 'bad-docx'
  | 'unsupported-type'
  | 'not-found';

export class PlanInputError extends Error {
  override readonly name = 'PlanInputError';
  constructor(
    readonly code: PlanInputErrorCode,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

export function isPlanInputError(e: unknown): e is PlanInputError {
  return e instanceof PlanInputError;
}
