/**
 * WebSocket close codes the relay uses. 4400-4499 tell the stock y-websocket
 * client (3.1+) not to reconnect; every other code is retried with backoff.
 */
export const CloseCode = {
  /** Server shutting down or restarting: reconnect later. */
  GoingAway: 1001,
  /** Frame larger than MAX_MESSAGE_BYTES (sent by `ws` itself). */
  MessageTooBig: 1009,
  /** Unexpected server error: reconnect later. */
  InternalError: 1011,
  /**
   * Try again later: the last update took too long to apply and was undone (not stored).
   * Retried with backoff; an honest update that met a pause goes through next time.
   */
  TryAgainLater: 1013,
  /** Malformed frame or an update Yjs cannot apply; not stored. Do not retry. */
  BadMessage: 4400,
  /**
   * A well-formed update over the relay's structural limits (server/PROTOCOL.md: too
   * costly to apply); not stored. Do not retry: resending the same update is refused again.
   */
  UpdateRefused: 4413,
  /** Missing, forged, expired (rotated) or other-workspace token. Do not retry. */
  Unauthorized: 4401,
  /** Origin not in ALLOWED_ORIGINS. Do not retry. */
  ForbiddenOrigin: 4403,
  /** Path is not /sync/<valid workspace id>. Do not retry. */
  NotFound: 4404,
  /** The client does not read fast enough (send buffer over its limit). Retry. */
  SlowConsumer: 4508,
  /**
   * Redis mode: the shared store cannot be reached, so the relay takes no writes (it never
   * accepts an update it cannot store). Retry: relays recover by themselves.
   */
  StorageUnavailable: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
