import { createRequire } from 'node:module';
import path from 'node:path';
import type WsWebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { TestServer } from './start-server';

// Vitest runs with the browser resolve condition (vite-plugin-solid), which maps
// `ws` to its browser stub even for require(); load the Node build by path.
const require = createRequire(import.meta.url);
export const WebSocket = require(path.join(path.dirname(require.resolve('ws/package.json')), 'index.js')) as typeof WsWebSocket;
type WebSocket = WsWebSocket;

/** Registers a workspace through the API and returns its tokens. */
export async function createWorkspace(
  srv: { url: string },
  body: { id?: string; name?: string } = {},
): Promise<{ id: string; ownerToken: string; editToken: string; viewToken: string }> {
  const res = await fetch(`${srv.url}/api/workspaces`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create workspace: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; ownerToken: string; editToken: string; viewToken: string };
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the provider saw, in order. */
  closes: number[];
  destroy(): void;
}

/** A stock y-websocket client in Node. */
export function connect(srv: Pick<TestServer, 'wsUrl'>, room: string, token: string | undefined, doc = new Y.Doc()): Client {
  const provider = new WebsocketProvider(`${srv.wsUrl}/sync`, room, doc, {
    params: token === undefined ? {} : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  const closes: number[] = [];
  provider.on('connection-close', (ev) => {
    if (ev) closes.push(ev.code);
  });
  return {
    doc,
    provider,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(cond: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const synced = (c: Client, timeoutMs?: number) => waitFor(() => c.provider.synced, timeoutMs, 'sync');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A raw socket that records everything it receives and how it closed. */
export function rawSocket(url: string): Promise<{ ws: WebSocket; messages: Buffer[]; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(url);
  const messages: Buffer[] = [];
  ws.on('message', (d) => messages.push(d as Buffer));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, messages, closed }));
    ws.once('error', reject);
  });
}
