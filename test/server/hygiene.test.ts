import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/start-server';
import { writeUpdate } from '../../server/src/relay/messages';
import { connect, createWorkspace, rawSocket, sleep, synced, waitFor, type Client } from '../helpers/relay-client';

const MAX = 64 * 1024;


describe('bad frames close only the offending socket', () => {
  let srv: TestServer;
  let ws: Awaited<ReturnType<typeof createWorkspace>>;
  let a: Client;
  let b: Client;

  beforeAll(async () => {
    srv = await startServer({ env: { MAX_MESSAGE_BYTES: String(MAX) } });
    ws = await createWorkspace(srv);
    a = connect(srv, ws.id, ws.editToken);
    b = connect(srv, ws.id, ws.editToken);
    await Promise.all([synced(a), synced(b)]);
  });
  afterAll(async () => {
    a?.destroy();
    b?.destroy();
    await srv?.kill();
  });

  let round = 0;
  async function stillSyncing() {
    round++;
    a.doc.getMap('m').set(`r${round}`, round);
    await waitFor(() => b.doc.getMap('m').get(`r${round}`) === round, 5000, 'sync after bad frame');
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
  }

  const cases: Array<[string, () => Uint8Array | string, number]> = [
    ['random garbage', () => Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), 4400],
    ['unknown message type', () => Buffer.from([9, 1, 2, 3]), 4400],
    ['truncated sync update', () => Buffer.from([0, 2, 50, 1, 2, 3]), 4400],
    ['trailing bytes', () => Buffer.from([0, 2, 2, 0, 0, 7, 7]), 4400],
    ['a sync update whose payload is not a Yjs update', () => writeUpdate(new Uint8Array([5, 200, 1, 3, 9, 9, 9, 9, 9, 9])), 4400],
    ['malformed awareness', () => Buffer.from([1, 5, 3, 1, 1, 9, 9]), 4400],
    ['a text frame', () => 'hello', 4400],
    ['an oversized frame', () => Buffer.alloc(MAX + 1024, 1), 1009],
  ];

  for (const [what, make, code] of cases) {
    it(`${what} -> ${code}`, async () => {
      const sock = await rawSocket(`${srv.wsUrl}/sync/${ws.id}?token=${ws.editToken}`);
      sock.ws.send(make());
      expect((await sock.closed).code).toBe(code);
      await stillSyncing();
    });
  }

  it('a bad update is never stored: a new client after a restart does not see it and the doc loads', async () => {
    // A valid-looking update with a corrupt tail: structs parse, delete set does not.
    const scratch = new Y.Doc();
    scratch.getMap('m').set('poison', 'x'.repeat(100));
    const good = Y.encodeStateAsUpdate(scratch);
    const corrupt = Buffer.concat([Buffer.from(good.subarray(0, good.length - 1)), Buffer.from([0xff, 0xff])]);
    const sock = await rawSocket(`${srv.wsUrl}/sync/${ws.id}?token=${ws.editToken}`);
    sock.ws.send(writeUpdate(corrupt));
    expect((await sock.closed).code).toBe(4400);
    await stillSyncing();
    await srv.restart();
    const c = connect(srv, ws.id, ws.viewToken);
    await synced(c);
    await sleep(100);
    expect(c.doc.getMap('m').has('poison')).toBe(false);
    expect(c.doc.getMap('m').get(`r${round}`)).toBe(round);
    c.destroy();
    await waitFor(() => a.provider.synced && b.provider.synced, 10_000, 'clients reconnect');
    a.closes.length = 0;
    b.closes.length = 0;
  });

  it('a first sync larger than a small frame but under the limit goes through', async () => {
    const big = connect(srv, ws.id, ws.editToken);
    await synced(big);
    big.doc.getText('t').insert(0, 'y'.repeat(MAX / 2));
    await waitFor(() => a.doc.getText('t').length === MAX / 2, 5000, 'big update');
    big.destroy();
  });

  it('an awareness flood is rate limited, not forwarded in full', async () => {
    const sock = await rawSocket(`${srv.wsUrl}/sync/${ws.id}?token=${ws.editToken}`);
    let seen = 0;
    a.provider.ws!.addEventListener('message', (ev: MessageEvent) => {
      if (new Uint8Array(ev.data as ArrayBuffer)[0] === 1) seen++;
    });
    const state = Buffer.from('{"user":{"name":"flood"}}');
    for (let clock = 1; clock <= 500; clock++) {
      // awareness: 1 • len • [count=1, clientId=777, clock, varString(state)]
      const body = Buffer.concat([Buffer.from([1, 0x89, 0x06]), encodeVarUint(clock), Buffer.from([state.length]), state]);
      sock.ws.send(Buffer.concat([Buffer.from([1]), encodeVarUint(body.length), body]));
    }
    await sleep(500);
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(100);
    sock.ws.close();
  });
});

function encodeVarUint(n: number): Buffer {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}
