/**
 * Arrow keys between the events of the calendar's grid (month, week, year): ↑/↓ to the
 * previous/next event in time order, ←/→ to the first event of the previous/next day that has
 * one. Events carry `data-event-id` and `data-day` (see CalendarView), and FullCalendar makes
 * each of them focusable, so moving focus is all it takes; Enter opens the focused one.
 */
export function focusedEvent(root: ParentNode = document): HTMLElement | null {
  const active = (root as Document).activeElement ?? document.activeElement;
  return (active as HTMLElement | null)?.closest?.<HTMLElement>('[data-event-id]') ?? null;
}

/** Handles an arrow key on a focused event; returns whether focus moved. */
export function moveEventFocus(key: string, from: HTMLElement, scope: ParentNode): boolean {
  const all = [...scope.querySelectorAll<HTMLElement>('[data-event-id][data-day]')].filter((el) => el.offsetParent !== null);
  if (all.length === 0) return false;
  // Time order: by day, then by position on screen (FullCalendar draws a day's events in order).
  all.sort((a, b) => (a.dataset.day! < b.dataset.day! ? -1 : a.dataset.day! > b.dataset.day! ? 1 : a.getBoundingClientRect().top - b.getBoundingClientRect().top));
  const i = all.indexOf(from);
  if (i < 0) return false;
  let to: HTMLElement | undefined;
  if (key === 'ArrowDown') to = all[i + 1];
  else if (key === 'ArrowUp') to = all[i - 1];
  else if (key === 'ArrowRight') to = all.slice(i + 1).find((el) => el.dataset.day! > from.dataset.day!);
  else if (key === 'ArrowLeft') {
    const earlier = all.slice(0, i).filter((el) => el.dataset.day! < from.dataset.day!);
    const day = earlier[earlier.length - 1]?.dataset.day;
    to = earlier.find((el) => el.dataset.day === day);
  }
  if (!to) return false;
  to.focus();
  return true;
}
