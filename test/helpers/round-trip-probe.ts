import type { TestServer } from './start-server';
import { connect, createWorkspace, synced, type Client } from './relay-client';

/**
 * Honest colleagues in a room of their own: one writes a probe key every `everyMs`,
 * the other notes when it arrives. Measures what an attack elsewhere does to everyone
 * else (round trips, updates lost).
 */
export interface RoundTripProbe {
  /** Worst and median round trip since the last reset, and probes sent but not (yet) seen. */
  report(): { worstMs: number; p50Ms: number; sent: number; lost: number };
  reset(): void;
  /** Waits until every probe sent so far has arrived (or the timeout), then reports; probing goes on. */
  drain(timeoutMs?: number): Promise<ReturnType<RoundTripProbe['report']>>;
  stop(): void;
  /** The two colleagues (to check what they see of each other's presence). */
  readonly writer: Client;
  readonly reader: Client;
  /** Their workspace and its links. */
  readonly workspace: Awaited<ReturnType<typeof createWorkspace>>;
}

export async function startRoundTripProbe(srv: Pick<TestServer, 'url' | 'wsUrl'>, everyMs = 25): Promise<RoundTripProbe> {
  const ws = await createWorkspace(srv, { name: 'honest colleagues' });
  const writer: Client = connect(srv, ws.id, ws.editToken);
  const reader: Client = connect(srv, ws.id, ws.editToken);
  await Promise.all([synced(writer), synced(reader)]);
  const sentAt = new Map<number, number>();
  let rtts: number[] = [];
  let n = 0;
  const probes = reader.doc.getMap<number>('probe');
  probes.observe((ev) => {
    const now = performance.now();
    for (const key of ev.keysChanged) {
      const i = Number(key);
      const t = sentAt.get(i);
      if (t !== undefined) {
        rtts.push(now - t);
        sentAt.delete(i);
      }
    }
  });
  const timer = setInterval(() => {
    const i = n++;
    sentAt.set(i, performance.now());
    writer.doc.getMap<number>('probe').set(String(i), i);
  }, everyMs);
  const report = () => {
    const sorted = [...rtts].sort((a, b) => a - b);
    // A probe still in flight for longer than the worst seen counts as a round trip that long.
    const now = performance.now();
    const oldest = Math.max(0, ...[...sentAt.values()].map((t) => now - t));
    return {
      worstMs: Math.max(sorted.at(-1) ?? 0, oldest),
      p50Ms: sorted[Math.floor(sorted.length / 2)] ?? 0,
      sent: rtts.length + sentAt.size,
      lost: sentAt.size,
    };
  };
  return {
    writer,
    reader,
    workspace: ws,
    report,
    reset() {
      rtts = [];
    },
    async drain(timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      const outstanding = [...sentAt.keys()];
      while (outstanding.some((i) => sentAt.has(i)) && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      const r = report();
      return { ...r, lost: outstanding.filter((i) => sentAt.has(i)).length };
    },
    stop() {
      clearInterval(timer);
      writer.destroy();
      reader.destroy();
    },
  };
}
