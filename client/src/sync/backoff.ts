/**
 * Reconnect delay with "equal jitter": half fixed, half random, so a relay restart does not
 * bring every office's laptop back in the same instant (the stock client's backoff has none).
 */
export function reconnectDelay(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** Math.min(attempt, 10));
  return base / 2 + random() * (base / 2);
}
