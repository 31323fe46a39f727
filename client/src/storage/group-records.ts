import { db, type GroupRecordsRow } from './db';

/** Plans, sections, campaigns and teams as persisted for a first paint (see GroupRecordsRow). */
export type GroupRecords = Omit<GroupRecordsRow, 'ws'>;

/** The persisted records, or null when none were written yet (or they cannot be read). */
export async function readGroupRecords(ws: string): Promise<GroupRecords | null> {
  try {
    const row = await db().groupRecords.get(ws);
    if (!row) return null;
    const { ws: _ws, ...records } = row;
    return records;
  } catch {
    // A projection that cannot be read only costs the early paint: the doc is the truth.
    return null;
  }
}

/**
 * Keeps the persisted copy following the doc: `schedule` is called on every change and writes
 * at most once per `delayMs` (a drag or an import changes these records many times a second),
 * skipping writes that would store what is already there.
 */
export function createGroupRecordsWriter(ws: string, delayMs = 500): { schedule(read: () => GroupRecords): void; dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  let pending: (() => GroupRecords) | null = null;
  const write = () => {
    timer = undefined;
    if (!pending) return;
    const records = pending();
    pending = null;
    const json = JSON.stringify(records);
    if (json === last) return;
    last = json;
    void db()
      .groupRecords.put({ ws, ...records })
      .catch(() => (last = ''));
  };
  return {
    schedule(read) {
      pending = read;
      timer ??= setTimeout(write, delayMs);
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      // Whatever changed in the last moments still reaches the next cold open.
      write();
    },
  };
}
