import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { OpenWorkspace } from '../storage/open-workspace';
import { readAccess, saveAccess, type WorkspaceAccess } from '../storage/access';
import type { SyncConnection, SyncProblem, SyncState } from '../sync/connection';
import { colorFor, watchPeers, type PeerState } from '../sync/presence';
import { displayName } from './display-name';

export interface SyncApi {
  access: Accessor<WorkspaceAccess | undefined>;
  state: Accessor<SyncState>;
  lastSyncedAt: Accessor<number | null>;
  problem: Accessor<SyncProblem>;
  peers: Accessor<PeerState[]>;
  /** Tell the others which event this user has open (null when none). */
  setEditing(eventId: string | null): void;
  /** Store new access (first share, rotated links) and reconnect with it. */
  setAccess(access: WorkspaceAccess): Promise<void>;
}

/** Connects the workspace to the relay whenever this device holds access to it. */
export function createSyncStore(open: OpenWorkspace): SyncApi {
  const [access, setAccessSignal] = createSignal<WorkspaceAccess | undefined>();
  const [connection, setConnection] = createSignal<SyncConnection | null>(null);
  const [peers, setPeers] = createSignal<PeerState[]>([]);
  let editing: string | null = null;
  let disposePeers = () => {};

  let generation = 0;
  let disposed = false;
  const connect = async (a: WorkspaceAccess | undefined) => {
    const mine = ++generation;
    disposePeers();
    connection()?.destroy();
    setPeers([]);
    setConnection(null);
    if (!a) return;
    // The y-websocket client loads only for shared workspaces, after the calendar has painted.
    const { connectWorkspace } = await import('../sync/connection');
    if (mine !== generation || disposed) return;
    const c = connectWorkspace(open.doc, open.id, a.token);
    disposePeers = watchPeers(c.awareness, setPeers);
    setConnection(c);
  };

  // Connect once the doc is loaded, so the first sync exchanges only real differences.
  void Promise.all([readAccess(open.id), open.loaded]).then(([a]) => {
    setAccessSignal(a);
    void connect(a);
  });

  // Presence: this user's name and colour, and the event open in their editor.
  createEffect(() => {
    const c = connection();
    const name = displayName();
    if (!c) return;
    c.awareness.setLocalStateField('user', { name: name || '匿名', color: colorFor(name || '匿名') });
    c.awareness.setLocalStateField('editing', editing);
  });

  onCleanup(() => {
    disposed = true;
    disposePeers();
    connection()?.destroy();
  });

  return {
    access,
    state: () => connection()?.state() ?? 'local',
    lastSyncedAt: () => connection()?.lastSyncedAt() ?? null,
    problem: () => connection()?.problem() ?? null,
    peers,
    setEditing(eventId) {
      editing = eventId;
      connection()?.awareness.setLocalStateField('editing', eventId);
    },
    async setAccess(a) {
      await saveAccess(open.id, a);
      setAccessSignal(a);
      await connect(a);
    },
  };
}
