/** The calendar views we offer, by the short names kept in the URL. */
export const VIEWS = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  list: 'listMonth',
  year: 'multiMonthYear',
  /** One day's full list: where a crowded day's "+N" chip leads. */
  day: 'listDay',
} as const;

export type ViewName = keyof typeof VIEWS;

export const isViewName = (v: unknown): v is ViewName => typeof v === 'string' && v in VIEWS;

export function viewNameOf(fcView: string): ViewName {
  for (const [k, v] of Object.entries(VIEWS)) if (v === fcView) return k as ViewName;
  return 'month';
}
