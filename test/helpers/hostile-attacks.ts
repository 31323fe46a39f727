import * as Y from 'yjs';
import { CloseCode } from '../../shared/src/protocol/close-codes';
import { writeAwareness, writeSyncStep1, writeUpdate } from '../../server/src/relay/messages';
import * as H from './hostile-updates';
import { mulberry32 } from './prng';
import { createWorkspace, rawSocket } from './relay-client';
import type { TestServer } from './start-server';

/**
 * The attacks of issue 9 that a holder of an ordinary edit link can run, each against
 * a workspace of its own. `size` 'test' is what the test suite sends (sizes that broke
 * the relay before it checked structure); 'full' the largest such update under the
 * default 16 MiB frame limit, for `npm run bench:relay -- hostile`.
 */
export type AttackSize = 'test' | 'full';

export interface AttackOutcome {
  /** Close code of each hostile socket, in order (undefined: still open). */
  closes: Array<number | undefined>;
  /** Workspace attacked (to reopen after a restart). */
  workspace: { id: string; editToken: string };
  /** Items the relay accepted, where an attack is partly accepted. */
  accepted?: number;
}

export interface Attack {
  name: string;
  /** Close code every hostile frame that should be refused must get. */
  refusedWith: number;
  /** What the relay does with it, for test titles. */
  expected: string;
  run(srv: Pick<TestServer, 'url' | 'wsUrl'>, size: AttackSize): Promise<AttackOutcome>;
}

type Sock = Awaited<ReturnType<typeof rawSocket>>;

async function editSocket(srv: Pick<TestServer, 'wsUrl'>, ws: { id: string; editToken: string }): Promise<Sock> {
  return rawSocket(`${srv.wsUrl}/sync/${ws.id}?token=${encodeURIComponent(ws.editToken)}`);
}

/**
 * Sends one update and learns what became of it: the relay answers a step 1 only after
 * handling everything before it, so a step 2 back means the update went through; a
 * close means it was refused.
 */
export async function sendUpdate(sock: Sock, update: Uint8Array, timeoutMs = 60_000): Promise<number | undefined> {
  const before = sock.messages.length;
  sock.ws.send(writeUpdate(update));
  sock.ws.send(writeSyncStep1(Y.encodeStateVector(new Y.Doc())));
  const answered = new Promise<void>((resolve) => {
    const check = () => {
      if (sock.messages.slice(before).some((m) => m[0] === 0 && m[1] === 1)) resolve();
      else if (sock.ws.readyState <= 1) setTimeout(check, 5);
    };
    check();
  });
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
  const r = await Promise.race([answered.then(() => 'ok' as const), sock.closed.then((c) => c.code), timeout]);
  if (r === 'timeout') throw new Error('the relay neither answered nor closed');
  return r === 'ok' ? undefined : r;
}

async function workspace(srv: Pick<TestServer, 'url'>, name: string) {
  const ws = await createWorkspace(srv, { name });
  return { id: ws.id, editToken: ws.editToken };
}

/** The default frame limit (MAX_MESSAGE_BYTES), less room for the message header. */
const FRAME_LIMIT = 16 * 1024 * 1024 - 64;

/** The largest `make(n)` under the frame limit (sizes grow linearly with n). */
export function largest(make: (n: number) => Uint8Array): Uint8Array {
  const per = make(10_000).length / 10_000;
  let n = Math.floor(FRAME_LIMIT / per);
  for (;;) {
    const u = make(n);
    if (u.length <= FRAME_LIMIT) return u;
    n = Math.floor(n * 0.99);
  }
}

export const ATTACKS: Attack[] = [
  {
    name: 'one update of unmerged one-item inserts',
    refusedWith: CloseCode.UpdateRefused,
    expected: 'refused with 4413',
    async run(srv, size) {
      const ws = await workspace(srv, 'unmerged run');
      const sock = await editSocket(srv, ws);
      const make = (n: number) => H.unmergedRun(n, { client: 7 });
      return { workspace: ws, closes: [await sendUpdate(sock, size === 'test' ? make(40_000) : largest(make))] };
    },
  },
  {
    name: 'a run continued over many accepted updates, then the relay restarts',
    // Each update is accepted (under the merge limit); what matters is that loading them is linear.
    refusedWith: CloseCode.UpdateRefused,
    expected: 'each accepted, merged as it goes (at full size, the probe’s three 100 KB updates first: refused with 4413)',
    async run(srv, size) {
      const ws = await workspace(srv, 'continued run');
      const closes: Array<number | undefined> = [];
      if (size === 'full') {
        // The probe's shape: three updates of about 100 KB continuing one run (each now refused).
        for (let i = 0; i < 3; i++) closes.push(await sendUpdate(await editSocket(srv, ws), H.unmergedRun(13_000, { client: 6, from: i * 13_000 })));
      }
      // Runs just under the merge limit, continued update after update: accepted, merged as they come.
      const sock = await editSocket(srv, ws);
      const per = 1_500;
      let accepted = 0;
      for (let i = 0; i < (size === 'test' ? 40 : 200); i++) {
        const code = await sendUpdate(sock, H.unmergedRun(per, { client: 7, from: i * per }));
        if (code !== undefined) {
          closes.push(code);
          break;
        }
        accepted += per;
      }
      sock.ws.close();
      return { workspace: ws, closes, accepted };
    },
  },
  {
    name: 'concurrent inserts at one position from two clients',
    refusedWith: CloseCode.UpdateRefused,
    expected: 'one frame of thousands refused; a pile made 100 at a time grows until placing more costs too much, then the other client’s are refused',
    async run(srv, size) {
      const ws = await workspace(srv, 'siblings');
      const closes: Array<number | undefined> = [];
      const a = await editSocket(srv, ws);
      if ((await sendUpdate(a, H.anchor({ client: 1 }))) !== undefined) throw new Error('anchor refused');
      const after = { client: 1, clock: 0 };
      const bulk = await editSocket(srv, ws);
      const make = (n: number) => H.siblingsAt(n, { client: 8, after });
      closes.push(await sendUpdate(bulk, size === 'test' ? make(8_000) : largest(make)));
      // Under the per-update limit, one client's siblings pile up (each integrates in one step)...
      let accepted = 0;
      for (let k = 0; k < (size === 'test' ? 30 : 100); k++) {
        if ((await sendUpdate(a, H.siblingsAt(100, { client: 9, after, clock: k * 100 }))) !== undefined) break;
        accepted += 100;
      }
      a.ws.close();
      // ...until another client's would have to be placed among all of them.
      const b = await editSocket(srv, ws);
      closes.push(await sendUpdate(b, H.siblingsAt(100, { client: 10, after })));
      return { workspace: ws, closes, accepted };
    },
  },
  {
    name: 'a nested Y.Map chain',
    refusedWith: CloseCode.UpdateRefused,
    expected: 'refused with 4413',
    async run(srv, size) {
      const ws = await workspace(srv, 'deep');
      const sock = await editSocket(srv, ws);
      const make = (n: number) => H.deepMaps(n, { client: 3 });
      return { workspace: ws, closes: [await sendUpdate(sock, size === 'test' ? make(5_000) : largest(make))] };
    },
  },
  {
    name: 'pending delete ranges for clients that do not exist',
    refusedWith: CloseCode.UpdateRefused,
    expected: 'refused with 4413',
    async run(srv, size) {
      const ws = await workspace(srv, 'phantom deletes');
      const sock = await editSocket(srv, ws);
      const make = (n: number) => H.phantomDeletes(n, { firstClient: 1000 });
      return { workspace: ws, closes: [await sendUpdate(sock, size === 'test' ? make(100_000) : largest(make))] };
    },
  },
  {
    name: 'structs waiting for a client that does not exist',
    refusedWith: CloseCode.UpdateRefused,
    expected: 'refused with 4413',
    async run(srv, size) {
      const ws = await workspace(srv, 'pending structs');
      const sock = await editSocket(srv, ws);
      const make = (n: number) => H.pendingStructs(n, { client: 4, missing: 99 });
      return { workspace: ws, closes: [await sendUpdate(sock, size === 'test' ? make(20_000) : largest(make))] };
    },
  },
];

/**
 * Valid frames mutated at random (bytes flipped, cut, inserted, lengths blown up), sent
 * from edit sockets that are reopened whenever the relay closes one. Returns how many
 * sockets the relay closed, by code.
 */
export async function fuzzFrames(srv: Pick<TestServer, 'url' | 'wsUrl'>, frames: number, seed = 1): Promise<Map<number, number>> {
  const rnd = mulberry32(seed);
  const ws = await workspace(srv, 'fuzz');
  const src = new Y.Doc();
  const samples: Uint8Array[] = [];
  src.on('update', (u: Uint8Array) => samples.push(writeUpdate(u)));
  for (let i = 0; i < 20; i++) {
    src.getMap('events').set(`e${i}`, { title: `活动${i}`, n: i });
    src.getArray('a').insert(0, [i, `x${i}`]);
    src.getText('t').insert(0, `字${i}`);
  }
  samples.push(writeSyncStep1(Y.encodeStateVector(src)));
  samples.push(writeAwareness([{ clientId: 5, clock: 1, state: new TextEncoder().encode('{"user":{"name":"甲"}}') }]));
  const mutate = (f: Uint8Array): Uint8Array => {
    const b = Array.from(f);
    const edits = 1 + Math.floor(rnd() * 4);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(rnd() * b.length);
      const r = rnd();
      if (r < 0.4) b[at] = Math.floor(rnd() * 256);
      else if (r < 0.55) b.splice(at, 1 + Math.floor(rnd() * 4));
      else if (r < 0.7) b.splice(at, 0, ...Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => Math.floor(rnd() * 256)));
      else if (r < 0.85) b.splice(at, 0, 0xff, 0xff, 0xff, 0xff, 0x0f);
      else b.length = Math.max(1, at);
    }
    return Uint8Array.from(b);
  };
  const closes = new Map<number, number>();
  const lanes = 8;
  let sent = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      let sock: Sock | null = null;
      while (sent < frames) {
        if (!sock || sock.ws.readyState !== 1) {
          sock = await editSocket(srv, ws);
          void sock.closed.then(({ code }) => closes.set(code, (closes.get(code) ?? 0) + 1));
        }
        sent++;
        sock.ws.send(mutate(samples[Math.floor(rnd() * samples.length)]!));
        // Let the relay answer now and then (and close this socket if it must).
        if (sent % 16 === 0) await new Promise((r) => setTimeout(r, 1));
      }
      sock?.ws.close();
    }),
  );
  return closes;
}
