import { EVENTS, readEvent } from '../schema/events';
import { updateWithHistory } from '../schema/history';
import { isDeleted } from '../schema/records';
import type { ParsedIcs } from '../ical/import';
import { icsPatch } from '../ical/merge';
import type { CommandContext } from './context';

export interface IcsImportResult {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Updated ids whose event is in the trash; the import does not restore them. */
  inTrash: string[];
  /** Events the file has that the schema refuses (each is skipped; the rest are imported). */
  failed: Array<{ id: string; error: string }>;
}

export const ICS_COMMANDS = {
  /**
   * A parsed .ics file into the workspace, in one step (one undo): new ids are created, known
   * ids updated through ical's merge rule (importing the same file twice changes nothing).
   * Each event is validated before it is written, so one the schema refuses is reported in
   * `failed` and leaves nothing behind.
   */
  'ics.import': (ctx: CommandContext, input: { parsed: ParsedIcs }): IcsImportResult => {
    const result: IcsImportResult = { created: [], updated: [], unchanged: [], inTrash: [], failed: [] };
    // A file that lists one UID twice (seen in hand-edited exports): the last copy counts, as a
    // re-import of the same file would make it.
    const byId = new Map(input.parsed.events.map((e) => [e.id, e] as const));
    for (const event of byId.values()) {
      const { id, ...fields } = event;
      try {
        const existing = readEvent(ctx.doc, id);
        if (!existing) {
          ctx.create(EVENTS, fields, { id });
          result.created.push(id);
          continue;
        }
        const current = (existing.ok ? existing.record : existing.invalid.raw) as unknown as Record<string, unknown>;
        const patch = icsPatch(current, fields, new Set(input.parsed.defaulted[id] ?? []));
        if (Object.keys(patch).length && updateWithHistory(ctx.doc, EVENTS, id, patch, ctx.write)) {
          result.updated.push(id);
          if (isDeleted(current as { deletedAt?: number })) result.inTrash.push(id);
        } else result.unchanged.push(id);
      } catch (e) {
        result.failed.push({ id, error: (e as Error).message });
      }
    }
    return result;
  },
};
