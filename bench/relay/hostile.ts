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
import { ATTACKS, fuzzFrames, type AttackOutcome } from '../../test/helpers/hostile-attacks';
import { connect, rawSocket, synced, waitFor } from '../../test/helpers/relay-client';
import { startRoundTripProbe, type RoundTripProbe } from '../../test/helpers/round-trip-probe';
import { startServer, type TestServer } from '../../test/helpers/start-server';

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
async function measured(srv: TestServer, probe: RoundTripProbe, name: string, fn: () => Promise<string>): Promise<Row> {
  const pid = srv.pid()!;
  let peak = rss(pid);
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rss(pid));
    } catch {
      /* the process is gone: reported as restarted */
    }
  }, 10);
  probe.reset();
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

export async function runHostileBench(): Promise<void> {
  const fuzzCount = Number(process.env.BENCH_FUZZ_FRAMES ?? 100_000);
  // The API allows 30 registrations a minute per address here: enough for the attacks' workspaces, then the flood.
  const srv = await startServer({ run: 'compiled', env: { API_RATE: '30' } });
  const probe = await startRoundTripProbe(srv, 20);
  await new Promise((r) => setTimeout(r, 1500));
  probe.reset();
  const idle = rss(srv.pid()!);
  const calm = await probe.drain();
  console.log(`relay idle RSS ${idle.toFixed(1)} MiB; other room without attack: worst ${calm.worstMs.toFixed(1)} ms, p50 ${calm.p50Ms.toFixed(1)} ms`);

  const rows: Row[] = [];
  const outcomes: Array<[string, AttackOutcome]> = [];
  for (const attack of ATTACKS) {
    rows.push(
      await measured(srv, probe, attack.name, async () => {
        const o = await attack.run(srv, 'full');
        outcomes.push([attack.name, o]);
        return describeCloses(o);
      }),
    );
    console.log(`  ${rows.at(-1)!.attack}: ${rows.at(-1)!.result}`);
  }

  rows.push(
    await measured(srv, probe, 'presence claiming a colleague’s id, from a view link', async () => {
      const me = probe.writer.provider.awareness;
      me.setLocalState({ user: { name: '甲' } });
      await waitFor(() => (probe.reader.provider.awareness.getStates().get(probe.writer.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === '甲', 5000, 'presence');
      const { id, viewToken } = probe.workspace;
      const sock = await rawSocket(`${srv.wsUrl}/sync/${id}?token=${encodeURIComponent(viewToken)}`);
      const forged = new TextEncoder().encode('{"user":{"name":"伪造"}}');
      for (let i = 0; i < 200; i++) sock.ws.send(writeAwareness([{ clientId: probe.writer.doc.clientID, clock: 1_000 + i, state: forged }]));
      sock.ws.send(writeAwareness(Array.from({ length: 50_000 }, (_, i) => ({ clientId: 10_000 + i, clock: 1, state: forged }))));
      await new Promise((r) => setTimeout(r, 1000));
      sock.ws.close();
      const shown = [...probe.reader.provider.awareness.getStates().values()].filter((s) => (s as { user?: { name: string } }).user?.name === '伪造').length;
      return `${shown} forged presences shown`;
    }),
  );

  rows.push(
    await measured(srv, probe, 'registration flood (300 requests)', async () => {
      const codes = new Map<number, number>();
      let retryAfter = '';
      for (let i = 0; i < 300; i++) {
        const res = await fetch(`${srv.url}/api/workspaces`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        codes.set(res.status, (codes.get(res.status) ?? 0) + 1);
        if (res.status === 429) retryAfter = res.headers.get('retry-after') ?? '';
        await res.arrayBuffer();
      }
      return `${[...codes].map(([c, n]) => `${n}× ${c}`).join(', ')}; Retry-After ${retryAfter} s`;
    }),
  );

  rows.push(
    await measured(srv, probe, `${fuzzCount.toLocaleString('en')} randomly mutated frames`, async () => {
      const closes = await fuzzFrames(srv, fuzzCount, 7);
      return `sockets closed: ${[...closes].map(([c, n]) => `${n}× ${c}`).join(', ')}`;
    }),
  );

  console.log('\n| attack | other room worst ms | p50 ms | lost | peak RSS MiB (× idle) | relay restarted | what the relay did |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.attack} | ${r.worstMs.toFixed(0)} | ${r.p50Ms.toFixed(1)} | ${r.lost} | ${r.peakMiB.toFixed(0)} (${(r.peakMiB / idle).toFixed(2)}×) | ${r.restarted ? 'YES' : 'no'} | ${r.result} |`);
  }

  probe.stop();
  await srv.restart();
  console.log('\nAfter a restart, each attacked workspace:');
  for (const [name, o] of outcomes) {
    const t0 = performance.now();
    const c = connect(srv, o.workspace.id, o.workspace.editToken, new Y.Doc());
    try {
      await synced(c, 60_000);
      console.log(`  ${name}: opened in ${(performance.now() - t0).toFixed(0)} ms`);
    } catch (err) {
      console.log(`  ${name}: did not open (${(err as Error).message})`);
    } finally {
      c.destroy();
    }
  }
  console.log(`  relay RSS after reopening them: ${rss(srv.pid()!).toFixed(1)} MiB`);
  await srv.kill();
}
