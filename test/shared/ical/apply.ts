import type * as Y from 'yjs';
import type { ParsedIcs } from '../../../shared/src/ical';
import { createWorkspaceApi, type IcsImportResult } from '../../../shared/src/workspace';

/** A parsed file into `doc` through the workspace API's `ics.import`, as the exchange menu does. */
export function applyIcsImport(doc: Y.Doc, parsed: ParsedIcs, opts: { by?: string; now?: number } = {}): IcsImportResult {
  const api = createWorkspaceApi(doc, { by: () => opts.by, now: opts.now === undefined ? undefined : () => opts.now! });
  try {
    const r = api.run('ics.import', { parsed });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  } finally {
    api.destroy();
  }
}
