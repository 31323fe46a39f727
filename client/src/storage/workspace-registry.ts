import { liveQuery, type Observable } from 'dexie';
import { db, type WorkspaceRow } from './db';
import { dropUnsaved } from './unsaved-journal';

export interface WorkspaceSummary {
  id: string;
  name: string;
  createdAt: number;
  openedAt: number;
}

const summary = (row: WorkspaceRow): WorkspaceSummary => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt,
  openedAt: row.openedAt,
});

/** Workspaces on this device, most recently opened first; updates live across tabs. */
export function watchWorkspaces(): Observable<WorkspaceSummary[]> {
  return liveQuery(async () =>
    (await db().workspaces.orderBy('openedAt').reverse().toArray()).map(summary),
  );
}

/** Make sure a registry row exists for `id` (an unknown id becomes an empty local workspace). */
export async function ensureWorkspace(id: string, name = ''): Promise<WorkspaceRow> {
  const table = db().workspaces;
  return db().transaction('rw', table, async () => {
    const existing = await table.get(id);
    if (existing) return existing;
    const now = Date.now();
    await table.add({ id, name, createdAt: now, openedAt: now } as WorkspaceRow);
    return (await table.get(id))!;
  });
}

export async function touchWorkspace(id: string): Promise<void> {
  await db().workspaces.update(id, { openedAt: Date.now() });
}

/** Mirror of the doc's meta.name, for the list page. */
export async function setRegistryName(id: string, name: string): Promise<void> {
  await db().workspaces.update(id, { name });
}

export async function deleteWorkspace(id: string): Promise<void> {
  const d = db();
  await d.transaction('rw', [d.workspaces, d.eventIndex, d.groupRecords, d.eventSnapshots, d.shownReminders], async () => {
    await d.eventIndex.where('[ws+id]').between([id, ''], [id, '\uffff']).delete();
    await d.groupRecords.delete(id);
    await d.eventSnapshots.delete(id);
    await d.shownReminders.where('ws').equals(id).delete();
    await d.workspaces.delete(id);
  });
  dropUnsaved(id);
}
