/**
 * Relay benchmark: our relay vs @y/websocket-server 0.1.1 (with its y-leveldb
 * persistence), alternating, several rounds, medians. Prints figures only.
 *
 *   npm run bench:relay            (BENCH_ROUNDS=3 BENCH_SECONDS=6 by default)
 *
 * Also: BENCH_SERVERS=ours,ours-leveldb,ours-nostore,reference,floor (which
 * servers, in this order; ratios are each against `reference`; default
 * ours,reference,floor), BENCH_SCENARIOS=0,2 (which
 * scenarios), BENCH_IDLE_ROOMS=0 (skip the idle-rooms memory check),
 * BENCH_PROF=dir (write a V8 CPU profile of our server per run).
 */
import { fileURLToPath } from 'node:url';
import { idleRooms, runScenario, type Scenario, type ScenarioResult } from './load';
import { startBenchServer, type ServerKind } from './servers';
import { measureDiskSync, type DiskSync } from './disk-sync';
import { startDiskProbe } from './disk-probe';

const num = (v: string | undefined, d: number) => (v ? Number(v) : d);
// The load generator registers one workspace per room from one address; the relay's
// per-address registration limit (API_RATE, default 10/min) would answer 429.
process.env.API_RATE ??= '1000000';

export function scenarios(seconds: number): Scenario[] {
  const base = { seconds, warmupSeconds: 1.5, drainSeconds: 1.5 };
  const all: Scenario[] = [
    { name: '50 clients x 4/s, 1 room', rooms: 1, clientsPerRoom: 50, rate: 4, ...base },
    { name: '100 rooms x 10 clients x 0.5/s', rooms: 100, clientsPerRoom: 10, rate: 0.5, ...base },
    { name: '50 clients x 20/s, 1 room', rooms: 1, clientsPerRoom: 50, rate: 20, ...base },
  ];
  const pick = process.env.BENCH_SCENARIOS;
  return pick ? pick.split(',').map((i) => all[Number(i)]!) : all;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const fmt = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '-');

/**
 * What limits the CPU goal in one scenario, from figures of this run: the floor server
 * (one socket write per delivery and nothing else: the kernel's share, which every relay
 * pays), the same plus one synced write per update spread over its recipients (the least a
 * relay that stores before it forwards can cost when updates arrive one at a time), and,
 * when `ours-nostore` ran, how our own CPU divides between storage and the relay's work.
 */
function cpuFloor(sc: Scenario, med: Record<string, Record<string, number>>, refCpu: number, syncCpuUs: number): string {
  const lines: string[] = [];
  const recipients = sc.clientsPerRoom - 1;
  const floor = med.floor?.cpu;
  if (floor !== undefined) {
    const durable = floor + syncCpuUs / recipients;
    lines.push(
      `  CPU limits, ${sc.name}: the goal is <= ${fmt(refCpu / 2)} µs per delivery (half the reference's ${fmt(refCpu)});` +
        ` forwarding alone costs ${fmt(floor)} (floor server, ${fmt(floor / refCpu)} of the reference);` +
        ` with one synced write per update as well (${fmt(syncCpuUs, 0)} µs over ${recipients} recipients: updates arriving one at a time, no group commit) ${fmt(durable)} (${fmt(durable / refCpu)}), before any check, apply or framing.`,
    );
  }
  const ours = med.ours?.cpu;
  const bare = med['ours-nostore']?.cpu;
  if (ours !== undefined && bare !== undefined && floor !== undefined) {
    lines.push(`    ours ${fmt(ours)} = forwarding ${fmt(floor)} + relay work (checks, Yjs apply, framing) ${fmt(bare - floor)} + storage ${fmt(ours - bare)} µs per delivery`);
  }
  return lines.join('\n');
}

export async function runRelayBench(opts: { rounds?: number; seconds?: number; idleRooms?: number } = {}): Promise<void> {
  const rounds = opts.rounds ?? num(process.env.BENCH_ROUNDS, 3);
  const seconds = opts.seconds ?? num(process.env.BENCH_SECONDS, 6);
  const idleCount = opts.idleRooms ?? num(process.env.BENCH_IDLE_ROOMS, 1000);
  const results: ScenarioResult[] = [];
  const kinds = (process.env.BENCH_SERVERS ?? 'ours,reference,floor').split(',') as ServerKind[];

  const disk: DiskSync[] = [];
  const diskDuring: Array<{ scenario: string; server: string; p99Ms: number }> = [];
  for (const sc of scenarios(seconds)) {
    for (let round = 0; round < rounds; round++) {
      // The disk's synced-write tail in this run, between the server runs (see disk-sync.ts).
      const d = await measureDiskSync();
      disk.push(d);
      console.log(`  disk synced write (O_DSYNC, 200 B): p50 ${fmt(d.p50Ms, 3)} ms, p99 ${fmt(d.p99Ms, 3)} ms, CPU ${fmt(d.cpuUsPerWrite, 0)} µs per write`);
      const order = round % 2 === 0 ? kinds : [...kinds].reverse(); // alternate who goes first
      for (const kind of order) {
        const server = await startBenchServer(kind);
        // The disk as a store-then-forward relay meets it during this very run (disk-probe.ts),
        // beside every server, so each faces the same extra writes.
        const probe = await startDiskProbe(Math.min(1000, sc.rooms * sc.clientsPerRoom * sc.rate));
        try {
          const r = await runScenario(server, sc);
          const during = await probe.stop();
          results.push(r);
          diskDuring.push({ scenario: sc.name, server: kind, p99Ms: during.p99Ms });
          console.log(
            `  ${sc.name} | ${kind.padEnd(9)} | round ${round + 1}: cpu/msg ${fmt(r.cpuUsPerDelivered)} µs, p50 ${fmt(r.p50Ms)} ms, p99 ${fmt(r.p99Ms)} ms, delivered ${fmt(r.share * 100, 1)}%; disk meanwhile p50 ${fmt(during.p50Ms, 3)} / p99 ${fmt(during.p99Ms, 3)} ms`,
          );
        } finally {
          await probe.stop().catch(() => undefined);
          await server.stop();
        }
      }
    }
  }

  const diskP99 = median(disk.map((d) => d.p99Ms));
  const syncCpuUs = median(disk.map((d) => d.cpuUsPerWrite));
  console.log(`\nDisk synced-write p99 in this run (median of ${disk.length} probes): ${fmt(diskP99, 3)} ms; CPU per synced write ${fmt(syncCpuUs, 0)} µs`);
  console.log(
    'Medians over rounds (ratio = ours / reference; goals: CPU ratio <= 0.5, p99 <= reference p99 + disk p99 + 1 ms, 100% delivered;\n' +
      'the p99 goal is judged twice: with the probe between runs, and with the group-commit probe that ran beside each of our runs):',
  );
  console.log('| scenario | server | CPU µs/delivered msg | p50 ms | p99 ms | delivered | RSS KiB/conn |');
  console.log('|---|---|---|---|---|---|---|');
  for (const sc of scenarios(seconds)) {
    const med: Record<string, Record<string, number>> = {};
    for (const kind of kinds) {
      const rs = results.filter((r) => r.scenario === sc.name && r.server === kind);
      med[kind] = {
        cpu: median(rs.map((r) => r.cpuUsPerDelivered)),
        p50: median(rs.map((r) => r.p50Ms)),
        p99: median(rs.map((r) => r.p99Ms)),
        share: median(rs.map((r) => r.share)),
        rss: median(rs.map((r) => r.rssPerConnKiB)),
      };
      const m = med[kind]!;
      console.log(`| ${sc.name} | ${kind} | ${fmt(m.cpu)} | ${fmt(m.p50)} | ${fmt(m.p99)} | ${fmt(m.share! * 100, 2)}% | ${fmt(m.rss, 1)} |`);
    }
    const r = med.reference;
    for (const kind of kinds) {
      const o = med[kind]!;
      if (kind === 'reference' || kind === 'floor' || !r) continue; // baselines, not candidates
      console.log(`| ${sc.name} | ratio ${kind} | ${fmt(o.cpu! / r.cpu!)} | ${fmt(o.p50! / r.p50!)} | ${fmt(o.p99! / r.p99!)} | | ${fmt(o.rss! / r.rss!)} |`);
      const bound = r.p99! + diskP99 + 1;
      const during = median(diskDuring.filter((d) => d.scenario === sc.name && d.server === kind).map((d) => d.p99Ms));
      const boundDuring = r.p99! + during + 1;
      console.log(
        `| ${sc.name} | p99 goal ${kind} | CPU ${o.cpu! / r.cpu! <= 0.5 ? 'met' : 'not met'} | | p99 ${fmt(o.p99!)} vs ${fmt(bound)} ms (disk between runs): ${o.p99! <= bound ? 'met' : 'not met'}; vs ${fmt(boundDuring)} ms (disk during, p99 ${fmt(during)}): ${o.p99! <= boundDuring ? 'met' : 'not met'} | | |`,
      );
    }
    if (r) console.log(cpuFloor(sc, med, r.cpu!, syncCpuUs));
  }

  if (idleCount > 0) {
    console.log(`\n${idleCount} idle rooms (one client each, one small event), server RSS:`);
    for (const kind of kinds) {
      const server = await startBenchServer(kind);
      try {
        const m = await idleRooms(server, idleCount);
        console.log(`  ${kind.padEnd(9)}: empty ${m.rssBaseMiB} MiB, rooms open ${m.rssOpenMiB} MiB, 4 s after clients left ${m.rssAfterMiB} MiB`);
      } finally {
        await server.stop();
      }
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runRelayBench();
}
