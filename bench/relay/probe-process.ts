/**
 * The honest colleagues of round-trip-probe.ts in a process of their own, so that what
 * the attacking side does in the benchmark's process (building a 16 MB update takes
 * seconds of CPU) is not counted as the relay's delay. Commands and answers are JSON
 * lines over stdin/stdout.
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startRoundTripProbe, type RoundTripProbe } from '../../test/helpers/round-trip-probe';

type Report = ReturnType<RoundTripProbe['report']>;
export interface ProbeProcess {
  reset(): Promise<void>;
  drain(timeoutMs?: number): Promise<Report>;
  stop(): Promise<void>;
}

const here = fileURLToPath(import.meta.url);

if (process.argv[1] === here && process.env.PROBE_URL) {
  const probe = await startRoundTripProbe({ url: process.env.PROBE_URL, wsUrl: process.env.PROBE_WS_URL! }, Number(process.env.PROBE_EVERY_MS ?? 20));
  const send = (m: unknown) => process.stdout.write(JSON.stringify(m) + '\n');
  send({ ready: true });
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const m = JSON.parse(line) as { id: number; cmd: 'reset' | 'drain' | 'stop'; timeoutMs?: number };
    if (m.cmd === 'reset') probe.reset();
    if (m.cmd === 'stop') probe.stop();
    send({ id: m.id, value: m.cmd === 'drain' ? await probe.drain(m.timeoutMs) : null });
    if (m.cmd === 'stop') process.exit(0);
  }
}

export async function startProbeProcess(srv: { url: string; wsUrl: string }, everyMs = 20): Promise<ProbeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', here], {
    env: { ...process.env, PROBE_URL: srv.url, PROBE_WS_URL: srv.wsUrl, PROBE_EVERY_MS: String(everyMs) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting = new Map<number, (v: unknown) => void>();
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  const lines = readline.createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    const m = JSON.parse(line) as { ready?: boolean; id?: number; value?: unknown };
    if (m.ready) ready();
    else if (m.id !== undefined) waiting.get(m.id)?.(m.value);
  });
  await isReady;
  let next = 0;
  const call = (cmd: string, extra: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      child.stdin!.write(JSON.stringify({ id, cmd, ...extra }) + '\n');
    });
  return {
    reset: async () => void (await call('reset')),
    drain: async (timeoutMs) => (await call('drain', { timeoutMs })) as Report,
    stop: async () => {
      await call('stop');
      lines.close();
    },
  };
}
