/**
 * Issue 9's attacks at full size against the compiled relay, while honest colleagues
 * work in another room. Prints, per attack: the other room's worst and median round
 * trip, updates lost, the relay's peak RSS against its idle RSS, and whether it
 * restarted; then presence forgery, a registration flood, 100,000 fuzzed frames and
 * reopening every attacked workspace after a restart. Asserts nothing.
 *
 *   npm run bench -- hostile          (BENCH_FUZZ_FRAMES=100000 by default)
 */
import fs from 'node:fs';
import * as Y from 'yjs';
import { writeAwareness } from '../../server/src/relay/messages';
import { ATTACKS, fuzzFrames, sendUpdate, type AttackOutcome } from '../../test/helpers/hostile-attacks';
import { connect, createWorkspace, rawSocket, synced, waitFor } from '../../test/helpers/relay-client';
import { startRoundTripProbe, type RoundTripProbe } from '../../test/helpers/round-trip-probe';
import { startServer, type TestServer } from '../../test/helpers/start-server';
import { startProbeProcess, type ProbeProcess } from './probe-process';

const MiB = 1024 * 1024;
const rss = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? (Number(m[1]) * 1024) / MiB : NaN;
};

interface Row {
  attack: string;
  worstMs: number;
  p50Ms: number;
  lost: number;
  peakMiB: number;
  restarted: boolean;
  result: string;
}

/** Runs `fn` while sampling the relay's RSS every 10 ms and the other room's round trips. */
async function measured(srv: TestServer, probe: ProbeProcess, name: string, fn: () => Promise<string>): Promise<Row> {
  const pid = srv.pid()!;
  let peak = rss(pid);
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rss(pid));
    } catch {
      /* the process is gone: reported as restarted */
    }
  }, 10);
  await probe.reset();
  let result: string;
  try {
    result = await fn();
  } catch (err) {
    result = `error: ${(err as Error).message}`;
  }
  const honest = await probe.drain(10_000);
  clearInterval(sampler);
  return { attack: name, worstMs: honest.worstMs, p50Ms: honest.p50Ms, lost: honest.lost, peakMiB: peak, restarted: srv.pid() !== pid, result };
}

const describeCloses = (o: AttackOutcome) => {
  const counts = new Map<string, number>();
  for (const c of o.closes) counts.set(String(c ?? 'accepted'), (counts.get(String(c ?? 'accepted')) ?? 0) + 1);
  return [...counts].map(([c, n]) => (n > 1 ? `${n}× ${c}` : c)).join(', ') || 'all accepted';
};

/**
 * One attack against a relay of its own (so RSS and round trips are its alone): idle
 * figures first, then the attack while the other room is probed, then a restart and
 * the attacked workspace reopened.
 */
async function runOne(
  name: string,
  attack: (srv: TestServer, colleagues: RoundTripProbe | null) => Promise<{ result: string; workspace?: AttackOutcome['workspace'] }>,
  opts: { inProcessColleagues?: boolean } = {},
): Promise<Row & { idleMiB: number; calmWorstMs: number; reopenMs: number | null }> {
  // The API allows 30 registrations a minute per address here: enough for the attack's workspaces; the flood meets it.
  const srv = await startServer({ run: 'compiled', env: { API_RATE: '30' } });
  try {
    const probe = await startProbeProcess(srv, 20);
    // The presence attack needs colleagues it can look at: a second pair, in this process.
    const colleagues = opts.inProcessColleagues ? await startRoundTripProbe(srv, 1000) : null;
    await new Promise((r) => setTimeout(r, 1000));
    await probe.reset();
    await new Promise((r) => setTimeout(r, 500));
    const calm = await probe.drain();
    const idleMiB = rss(srv.pid()!);
    let workspace: AttackOutcome['workspace'] | undefined;
    const row = await measured(srv, probe, name, async () => {
      const r = await attack(srv, colleagues);
      workspace = r.workspace;
      return r.result;
    });
    await probe.stop();
    colleagues?.stop();
    let reopenMs: number | null = null;
    if (workspace && !row.restarted) {
      await srv.restart();
      const t0 = performance.now();
      const c = connect(srv, workspace.id, workspace.editToken, new Y.Doc());
      try {
        await synced(c, 60_000);
        reopenMs = performance.now() - t0;
      } catch {
        reopenMs = null;
      } finally {
        c.destroy();
      }
    }
    return { ...row, idleMiB, calmWorstMs: calm.worstMs, reopenMs };
  } finally {
    await srv.kill();
  }
}

export async function runHostileBench(): Promise<void> {
  const fuzzCount = Number(process.env.BENCH_FUZZ_FRAMES ?? 100_000);
  const rows: Array<Awaited<ReturnType<typeof runOne>>> = [];
  const report = (r: (typeof rows)[number]) => console.log(`  ${r.attack}: ${r.result}`);

  // Not an attack: what an honest big upload costs everyone else (the floor of a single-threaded relay).
  rows.push(
    await runOne('(baseline) honest first upload of 10,000 activities, 1.6 MB', async (srv) => {
      const src = new Y.Doc();
      src.transact(() => {
        const events = src.getMap('events');
        for (let i = 0; i < 10_000; i++) {
          const m = new Y.Map<unknown>();
          events.set(`ev-${i}`, m);
          for (const [k, v] of Object.entries({ title: `活动${i}`, start: '2026-05-04T09:00', kind: 'lecture', status: 'planned', location: '礼堂', sectionId: 's1' })) m.set(k, v);
        }
      });
      const ws = await createWorkspace(srv, { name: 'big upload' });
      const sock = await rawSocket(`${srv.wsUrl}/sync/${ws.id}?token=${encodeURIComponent(ws.editToken)}`);
      const code = await sendUpdate(sock, Y.encodeStateAsUpdate(src));
      sock.ws.close();
      return { result: code === undefined ? 'accepted' : `closed ${code}`, workspace: { id: ws.id, editToken: ws.editToken } };
    }),
  );
  report(rows.at(-1)!);

  for (const attack of ATTACKS) {
    rows.push(
      await runOne(attack.name, async (srv) => {
        const o = await attack.run(srv, 'full');
        return { result: describeCloses(o) + (o.accepted !== undefined ? `; ${o.accepted} items accepted` : ''), workspace: o.workspace };
      }),
    );
    report(rows.at(-1)!);
  }

  rows.push(
    await runOne('presence claiming a colleague’s id, and 50,000 ids, from a view link', async (srv, colleagues) => {
      const probe = colleagues!;
      probe.writer.provider.awareness.setLocalState({ user: { name: '甲' } });
      const writerId = probe.writer.doc.clientID;
      const nameOf = (id: number) => (probe.reader.provider.awareness.getStates().get(id) as { user?: { name: string } } | undefined)?.user?.name;
      await waitFor(() => nameOf(writerId) === '甲', 5000, 'presence');
      const { id, viewToken } = probe.workspace;
      const sock = await rawSocket(`${srv.wsUrl}/sync/${id}?token=${encodeURIComponent(viewToken)}`);
      const forged = new TextEncoder().encode('{"user":{"name":"伪造"}}');
      for (let i = 0; i < 200; i++) sock.ws.send(writeAwareness([{ clientId: writerId, clock: 1_000 + i, state: forged }]));
      sock.ws.send(writeAwareness(Array.from({ length: 50_000 }, (_, i) => ({ clientId: 10_000 + i, clock: 1, state: forged }))));
      await new Promise((r) => setTimeout(r, 1000));
      const own = [...probe.reader.provider.awareness.getStates().keys()].filter((k) => k >= 10_000).length;
      sock.ws.close();
      return { result: `colleague’s presence shown as forged: ${nameOf(writerId) === '甲' ? 0 : 1}; the view link’s own ids shown: ${own}` };
    }, { inProcessColleagues: true }),
  );
  report(rows.at(-1)!);

  rows.push(
    await runOne('registration flood (300 requests)', async (srv) => {
      const codes = new Map<number, number>();
      let retryAfter = '';
      for (let i = 0; i < 300; i++) {
        const res = await fetch(`${srv.url}/api/workspaces`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        codes.set(res.status, (codes.get(res.status) ?? 0) + 1);
        if (res.status === 429) retryAfter = res.headers.get('retry-after') ?? '';
        await res.arrayBuffer();
      }
      return { result: `${[...codes].map(([c, n]) => `${n}× ${c}`).join(', ')} (limit 30/min here, 10 by default); Retry-After ${retryAfter} s` };
    }),
  );
  report(rows.at(-1)!);

  rows.push(
    await runOne(`${fuzzCount.toLocaleString('en')} randomly mutated frames`, async (srv) => {
      const closes = await fuzzFrames(srv, fuzzCount, 7);
      return { result: `sockets closed: ${[...closes].map(([c, n]) => `${n}× ${c}`).join(', ')}` };
    }),
  );
  report(rows.at(-1)!);

  console.log('\nEach attack against a relay of its own; the other room probed every 20 ms.');
  console.log('| attack | other room worst ms (calm) | p50 ms | lost | peak RSS MiB (× idle) | restarted | reopened after restart | what the relay did |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const reopen = r.reopenMs === null ? '-' : `${r.reopenMs.toFixed(0)} ms`;
    console.log(
      `| ${r.attack} | ${r.worstMs.toFixed(0)} (${r.calmWorstMs.toFixed(0)}) | ${r.p50Ms.toFixed(1)} | ${r.lost} | ${r.peakMiB.toFixed(0)} (${(r.peakMiB / r.idleMiB).toFixed(2)}×) | ${r.restarted ? 'YES' : 'no'} | ${reopen} | ${r.result} |`,
    );
  }
}
