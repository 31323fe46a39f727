/**
 * Two relays on Redis vs one relay (embedded store) vs the reference, in one run, on
 * the scenarios of index.ts (the same load generator, load.ts). The clients of every
 * room are split across the two relays, so half of all deliveries cross Redis
 * (XADD on one relay, XREAD on the other).
 *
 * CPU per delivered message is the relays' user+sys time (/proc) over measurement +
 * drain; Redis's own CPU (INFO cpu, same instants) is printed beside it and in a total,
 * so the figure does not hide work moved into Redis.
 *
 *   npm run bench -- relay         (after the single-relay part)
 *   npm run bench -- relay-redis   (this part only)
 *
 * BENCH_ROUNDS (default 3), BENCH_SECONDS (6), BENCH_SCENARIOS as in index.ts;
 * BENCH_REDIS_SERVERS=ours,ours-2r-always,ours-2r-everysec,reference (order; ratios
 * are against `reference` and against `ours`).
 */
import os from 'node:os';
import { scenarios } from './index';
import { runScenario, type ScenarioResult } from './load';
import { isCluster, startAnyServer, type AnyKind } from './cluster';

const num = (v: string | undefined, d: number) => (v ? Number(v) : d);
const fmt = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '-');
const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Row extends ScenarioResult {
  redisCpuUsPerDelivered: number;
}

export async function runTwoRelayBench(): Promise<void> {
  const rounds = num(process.env.BENCH_ROUNDS, 3);
  const seconds = num(process.env.BENCH_SECONDS, 6);
  const kinds = (process.env.BENCH_REDIS_SERVERS ?? 'ours,ours-2r-always,ours-2r-everysec,reference').split(',') as AnyKind[];
  const rows: Row[] = [];
  const load = () => os.loadavg()[0]!.toFixed(2);
  console.log(`  two relays + Redis: ${rounds} rounds x ${seconds} s, servers ${kinds.join(', ')}; load average ${load()} at start`);

  for (const sc of scenarios(seconds)) {
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? kinds : [...kinds].reverse();
      for (const kind of order) {
        const server = await startAnyServer(kind);
        try {
          const r = await runScenario(server, sc);
          let redisUs = NaN;
          if (isCluster(server)) {
            const [a, b] = await Promise.all(server.redisCpuSamples);
            redisUs = r.delivered ? ((b! - a!) * 1000) / r.delivered : NaN;
          }
          rows.push({ ...r, server: kind, redisCpuUsPerDelivered: redisUs });
          console.log(
            `  ${sc.name} | ${kind.padEnd(16)} | round ${round + 1}: relay cpu/msg ${fmt(r.cpuUsPerDelivered)} µs, redis cpu/msg ${fmt(redisUs)} µs, p50 ${fmt(r.p50Ms)} ms, p99 ${fmt(r.p99Ms)} ms, delivered ${fmt(r.share * 100, 1)}%`,
          );
        } finally {
          await server.stop();
        }
      }
    }
  }
  console.log(`  load average ${load()} at end`);

  console.log('\nTwo relays + Redis, medians over rounds (clients of each room split across the two relays):');
  console.log('| scenario | server | relay CPU µs/msg | Redis CPU µs/msg | relays+Redis µs/msg | p50 ms | p99 ms | delivered |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const sc of scenarios(seconds)) {
    const med: Record<string, { cpu: number; redis: number; total: number; p50: number; p99: number; share: number }> = {};
    for (const kind of kinds) {
      const rs = rows.filter((r) => r.scenario === sc.name && r.server === kind);
      const redis = median(rs.map((r) => r.redisCpuUsPerDelivered));
      const m = {
        cpu: median(rs.map((r) => r.cpuUsPerDelivered)),
        redis,
        total: median(rs.map((r) => r.cpuUsPerDelivered + (Number.isFinite(r.redisCpuUsPerDelivered) ? r.redisCpuUsPerDelivered : 0))),
        p50: median(rs.map((r) => r.p50Ms)),
        p99: median(rs.map((r) => r.p99Ms)),
        share: median(rs.map((r) => r.share)),
      };
      med[kind] = m;
      console.log(`| ${sc.name} | ${kind} | ${fmt(m.cpu)} | ${fmt(m.redis)} | ${fmt(m.total)} | ${fmt(m.p50)} | ${fmt(m.p99)} | ${fmt(m.share * 100, 2)}% |`);
    }
    for (const base of ['reference', 'ours']) {
      const b = med[base];
      if (!b) continue;
      for (const kind of kinds) {
        if (kind === base || kind === 'reference' || (base === 'ours' && !kind.startsWith('ours-2r'))) continue;
        const o = med[kind]!;
        console.log(`| ${sc.name} | ratio ${kind} / ${base} | ${fmt(o.cpu / b.cpu)} | | ${fmt(o.total / b.total)} | ${fmt(o.p50 / b.p50)} | ${fmt(o.p99 / b.p99)} | |`);
      }
    }
  }
}
