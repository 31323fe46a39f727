import { onCleanup, type Accessor } from 'solid-js';
import type { EventRecord } from '@shared/schema/types';
import { markShown, shownAmong } from '../storage/shown-reminders';
import { ALL_DATES as EVER } from '../storage/event-index';

const EVERY_MS = 60_000;
/** A reminder more than this late (the device was off) is not shown as a notification any more. */
const STALE_MS = 24 * 3600_000;

/**
 * Raises a system notification for each reminder that falls due while the app is open in some
 * tab (there is no push server): checked on open, when the tab becomes visible, and every
 * minute. Each is shown once per device (remembered in Dexie), through the service worker's
 * showNotification where there is one. Nothing happens unless notifications are allowed.
 */
export function createReminderNotifier(deps: {
  ws: string;
  ready: Accessor<boolean>;
  timezone: Accessor<string>;
  queryAll: (from: string, to: string) => Promise<EventRecord[]>;
}): { check: () => Promise<number> } {
  let running = false;
  const check = async (): Promise<number> => {
    if (running || !deps.ready() || typeof Notification === 'undefined' || Notification.permission !== 'granted') return 0;
    running = true;
    try {
      const [{ dueReminders }, events] = await Promise.all([import('@shared/reminders'), deps.queryAll(EVER.from, EVER.to)]);
      const now = Date.now();
      const due = dueReminders(events, { now, timezone: deps.timezone() }).filter((r) => r.due && now - r.dueMs < STALE_MS);
      const shown = await shownAmong(
        deps.ws,
        due.map((r) => r.key),
      );
      const fresh = due.filter((r) => !shown.has(r.key));
      if (fresh.length === 0) return 0;
      // Remembered first: two tabs checking at once show it once, not twice.
      await markShown(
        deps.ws,
        fresh.map((r) => r.key),
        now,
      );
      const reg = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
      for (const r of fresh) {
        const options = { body: r.occurrenceStart.replace('T', ' '), tag: r.key, data: { ws: deps.ws, eventId: r.eventId } };
        if (reg) await reg.showNotification(r.title, options);
        else new Notification(r.title, options);
      }
      return fresh.length;
    } finally {
      running = false;
    }
  };
  const onVisible = () => document.visibilityState === 'visible' && void check();
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(() => void check(), EVERY_MS);
  onCleanup(() => {
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  });
  return { check };
}
