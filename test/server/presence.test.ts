import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/start-server';
import { connect, createWorkspace, rawSocket, sleep, synced, waitFor, type Client } from '../helpers/relay-client';
import { writeAwareness } from '../../server/src/relay/messages';
import { MAX_IDS_PER_SOCKET, MAX_STATE_BYTES, RoomAwareness } from '../../server/src/relay/awareness';

process.setMaxListeners(200);

const enc = new TextEncoder();
const state = (v: unknown) => enc.encode(JSON.stringify(v));
const name = (c: Client, id: number) => (c.provider.awareness.getStates().get(id) as { user?: { name?: string } } | undefined)?.user?.name;

describe('presence rules (RoomAwareness)', () => {
  it('keeps an id with the socket that spoke for it and refuses invalid or oversized states', () => {
    const room = new RoomAwareness<string>();
    expect(room.apply('alice', [{ clientId: 7, clock: 1, state: state({ user: { name: 'Alice' } }) }]).changed).toBe(true);
    const forged = room.apply('mallory', [{ clientId: 7, clock: 9, state: state({ user: { name: 'Mallory' } }) }]);
    expect(forged).toMatchObject({ accepted: [], refused: true, changed: false });
    const cleared = room.apply('mallory', [{ clientId: 7, clock: 10, state: enc.encode('null') }]);
    expect(cleared.changed).toBe(false);
    expect(new TextDecoder().decode(room.snapshot()[0].state)).toContain('Alice');
    for (const bad of ['{"user":', '[1,2]', '"text"', '\u00ff\u00fe']) {
      expect(room.apply('bob', [{ clientId: 8, clock: 1, state: enc.encode(bad) }]).refused, bad).toBe(true);
    }
    expect(room.apply('bob', [{ clientId: 8, clock: 1, state: state({ pad: 'x'.repeat(MAX_STATE_BYTES) }) }]).refused).toBe(true);
    const many = Array.from({ length: 1000 }, (_, i) => ({ clientId: 100 + i, clock: 1, state: state({ n: i }) }));
    expect(room.apply('flood', many).accepted).toHaveLength(MAX_IDS_PER_SOCKET);
  });

  it('lets a reconnecting client take its id over once the old socket’s state is outdated, and frees ids when a socket leaves', () => {
    const room = new RoomAwareness<string>();
    room.apply('old', [{ clientId: 5, clock: 1, state: state({ a: 1 }) }], 0);
    expect(room.apply('new', [{ clientId: 5, clock: 2, state: state({ a: 2 }) }], 10_000).changed).toBe(false);
    expect(room.apply('new', [{ clientId: 5, clock: 2, state: state({ a: 2 }) }], 40_000).changed).toBe(true);
    room.removeOwner('new');
    expect(room.apply('other', [{ clientId: 5, clock: 9, state: state({ a: 3 }) }], 40_001).changed).toBe(true);
  });
});

describe('presence over the relay', () => {
  let srv: TestServer;
  const clients: Client[] = [];
  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv?.kill();
  });

  it('a view link cannot overwrite a colleague’s presence, and invalid states and floods never reach anyone', async () => {
    const ws = await createWorkspace(srv, { name: 'presence' });
    const alice = connect(srv, ws.id, ws.editToken);
    const bob = connect(srv, ws.id, ws.editToken);
    clients.push(alice, bob);
    await Promise.all([synced(alice), synced(bob)]);
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    const aliceId = alice.doc.clientID;
    await waitFor(() => name(bob, aliceId) === 'Alice', 5000, 'Alice visible to Bob');
    const aliceClock = (alice.provider.awareness.meta.get(aliceId)?.clock ?? 0) as number;

    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    try {
      const mallory = await rawSocket(`${srv.wsUrl}/sync/${ws.id}?token=${encodeURIComponent(ws.viewToken)}`);
      await sleep(200);
      // A view link may share its own presence…
      mallory.ws.send(writeAwareness([{ clientId: 777, clock: 1, state: state({ user: { name: '观众' } }) }]));
      // …but not Alice's (a newer clock, then a removal), not invalid JSON, not thousands of ids.
      mallory.ws.send(writeAwareness([{ clientId: aliceId, clock: aliceClock + 50, state: state({ user: { name: 'Mallory' } }) }]));
      mallory.ws.send(writeAwareness([{ clientId: aliceId, clock: aliceClock + 51, state: enc.encode('null') }]));
      mallory.ws.send(writeAwareness([{ clientId: 4242, clock: 1, state: enc.encode('{"user": {"name": ') }]));
      mallory.ws.send(writeAwareness(Array.from({ length: 5000 }, (_, i) => ({ clientId: 900_000 + i, clock: 1, state: state({ user: { name: `假${i}` } }) }))));
      await sleep(800);
      expect(name(bob, aliceId)).toBe('Alice');
      expect(name(alice, aliceId)).toBe('Alice');
      expect(bob.provider.awareness.getStates().has(4242)).toBe(false);
      expect(name(bob, 777)).toBe('观众');
      const flood = [...bob.provider.awareness.getStates().keys()].filter((id) => id >= 900_000 && id < 905_000);
      expect(flood.length).toBe(MAX_IDS_PER_SOCKET - 1);
      mallory.ws.close();
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(errors).toEqual([]);
  });
});
