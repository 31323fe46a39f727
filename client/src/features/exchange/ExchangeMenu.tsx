/** Print, iCalendar, Excel and Word exchange for the visible month (issue 5): being built. */
export function ExchangeMenu(_props: { month: string }) {
  return null;
}
