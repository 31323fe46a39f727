import { db } from './db';
import type { IndexedEvent } from './memory-index';

/**
 * Every live event of a workspace in one stored value, for a first paint that needs them all
 * (the timeline's year, a campaign's progress). Reading ten thousand rows of the event index
 * takes about 200 ms in Chromium; reading and parsing one JSON value of the same events takes
 * about 40. Derived data like the rows, and trusted only while it matches them: it is written
 * with the state vector the rows were written at, and read only when the workspace row says
 * the rows are still at that state.
 */

/** Ranges of more days than this read the snapshot instead of the rows. */
export const SNAPSHOT_MIN_DAYS = 92;

/** Quiet time after the last change before the snapshot is rewritten (it is megabytes). */
export const SNAPSHOT_DELAY_MS = 2000;

/** The snapshot's events, or null when there is none or it cannot be read. */
export async function readEventSnapshot(ws: string): Promise<IndexedEvent[] | null> {
  try {
    const row = await db().eventSnapshots.get(ws);
    return row ? (JSON.parse(row.events) as IndexedEvent[]) : null;
  } catch {
    return null;
  }
}

/** Stores `events` as the rows' state `state`, and records that state on the workspace row. */
export async function writeEventSnapshot(ws: string, state: Uint8Array, events: IndexedEvent[]): Promise<void> {
  const d = db();
  const json = JSON.stringify(events);
  await d.transaction('rw', [d.eventSnapshots, d.workspaces], async () => {
    await d.eventSnapshots.put({ ws, events: json });
    await d.workspaces.update(ws, { snapshotState: state });
  });
}
