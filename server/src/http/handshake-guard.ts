import type http from 'node:http';
import type { Socket } from 'node:net';

/**
 * Slow or half-open handshakes: a socket must finish its request headers within `timeoutMs`
 * (a timer per socket: Node's own headersTimeout check did not fire for many sockets opened at
 * once in our tests), and one address may hold at most
 * `perAddress` sockets that have not finished them yet; further ones are closed at once. An
 * office behind one NAT address opens one socket per tab, each finishing its headers in
 * milliseconds, so the cap only bites a caller that holds handshakes open on purpose.
 */
export function guardHandshakes(server: http.Server, opts: { timeoutMs: number; perAddress: number }): void {
  server.headersTimeout = opts.timeoutMs;
  server.requestTimeout = Math.max(opts.timeoutMs, 30_000);
  const pending = new Map<string, number>();
  type Guarded = Socket & { ccPending?: string; ccTimer?: ReturnType<typeof setTimeout> };
  const settle = (socket: Guarded) => {
    const address = socket.ccPending;
    if (address === undefined) return;
    socket.ccPending = undefined;
    clearTimeout(socket.ccTimer);
    const n = (pending.get(address) ?? 1) - 1;
    if (n <= 0) pending.delete(address);
    else pending.set(address, n);
  };
  server.on('connection', (socket: Guarded) => {
    const address = socket.remoteAddress ?? '';
    const n = pending.get(address) ?? 0;
    if (n >= opts.perAddress) {
      socket.destroy();
      return;
    }
    pending.set(address, n + 1);
    socket.ccPending = address;
    socket.ccTimer = setTimeout(() => {
      if (socket.ccPending !== undefined) socket.destroy();
    }, opts.timeoutMs);
    socket.ccTimer.unref();
    socket.once('close', () => settle(socket));
  });
  // Headers complete: the socket is an ordinary request or an upgrade from here on.
  server.on('request', (req) => settle(req.socket));
  server.on('upgrade', (req) => settle(req.socket));
}
