import { createSignal, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { reconnectDelay } from './backoff';

/** Contract 3's `sync-status` states. */
export type SyncState = 'local' | 'offline' | 'connecting' | 'synced';

/** Why the relay refused us for good (4400–4499): reconnecting cannot help. */
export type SyncProblem = 'revoked' | 'update-refused' | 'rejected' | null;

export interface SyncConnection {
  state: Accessor<SyncState>;
  lastSyncedAt: Accessor<number | null>;
  problem: Accessor<SyncProblem>;
  awareness: Awareness;
  destroy(): void;
}

/**
 * The transport for one workspace (like Excalidraw's Portal): a stock y-websocket provider on
 * the same origin as the app, with our own jittered reconnect, a sync state for the UI, and
 * the time of the last successful sync. Edits made while offline stay in the doc (and in
 * IndexedDB) and go out on the next sync.
 */
export function connectWorkspace(doc: Y.Doc, workspaceId: string, token: string): SyncConnection {
  const [state, setState] = createSignal<SyncState>('connecting');
  const [lastSyncedAt, setLastSyncedAt] = createSignal<number | null>(null);
  const [problem, setProblem] = createSignal<SyncProblem>(null);
  const origin = location.origin.replace(/^http/, 'ws');
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;

  const provider = new WebsocketProvider(`${origin}/sync`, workspaceId, doc, {
    params: { token },
    // Other tabs already share the doc through IndexedDB (y-dexie).
    disableBc: true,
    // Every server close comes back to us: we reconnect with jitter, or stop for 44xx.
    shouldReconnect: () => false,
  });

  const schedule = () => {
    if (destroyed || problem()) return;
    clearTimeout(timer);
    timer = setTimeout(() => provider.connect(), reconnectDelay(attempt++));
  };

  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connecting') setState('connecting');
    else if (status === 'disconnected') setState(navigator.onLine ? 'connecting' : 'offline');
  });
  provider.on('sync', (synced: boolean) => {
    if (!synced) return;
    attempt = 0;
    setState('synced');
    setLastSyncedAt(Date.now());
  });
  // While connected, every update the relay confirms by echoing state counts as a sync.
  const onUpdate = (_u: Uint8Array, origin: unknown) => {
    if (origin === provider && provider.synced) setLastSyncedAt(Date.now());
  };
  doc.on('update', onUpdate);
  provider.on('closed', ({ code }: { code: number }) => {
    if (code >= 4400 && code < 4500) {
      setProblem(code === 4401 ? 'revoked' : code === 4413 ? 'update-refused' : 'rejected');
      setState('offline');
      return;
    }
    setState(navigator.onLine ? 'connecting' : 'offline');
    schedule();
  });
  provider.on('connection-error', () => setState(navigator.onLine ? 'connecting' : 'offline'));

  const online = () => {
    attempt = 0;
    // A socket can outlive a short loss of network: then it is the state that must come back.
    if (provider.wsconnected) setState(provider.synced ? 'synced' : 'connecting');
    else if (!problem()) provider.connect();
  };
  const offline = () => setState('offline');
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);

  return {
    state,
    lastSyncedAt,
    problem,
    awareness: provider.awareness,
    destroy() {
      destroyed = true;
      clearTimeout(timer);
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      doc.off('update', onUpdate);
      provider.destroy();
    },
  };
}
