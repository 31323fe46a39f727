import { db } from './db';

/** Keys (of `keys`) this device has already shown for workspace `ws`. */
export async function shownAmong(ws: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db().shownReminders.bulkGet([...keys]);
  return new Set(rows.filter((r) => r && r.ws === ws).map((r) => r!.key));
}

export async function markShown(ws: string, keys: readonly string[], now = Date.now()): Promise<void> {
  if (keys.length) await db().shownReminders.bulkPut(keys.map((key) => ({ key, ws, shownAt: now })));
}
