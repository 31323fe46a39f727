/**
 * The compiled server: what `npm start` runs (esbuild's dist/server/main.js, with
 * every package, classic-level's native binary included, loaded from node_modules).
 * The other integration tests start the TypeScript sources through tsx.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/start-server';
import { connect, createWorkspace, synced, waitFor, type Client } from '../helpers/relay-client';

const servers: TestServer[] = [];
const clients: Client[] = [];
const strays: number[] = [];
afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of servers) await s.kill('SIGKILL');
  for (const pid of strays) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

/** Pids of a process and its descendants (Linux /proc), parents first. */
function processTree(pid: number): number[] {
  let kids: number[] = [];
  try {
    kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    /* gone */
  }
  return [pid, ...kids.flatMap(processTree)];
}
const cmdline = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);

describe('compiled server', () => {
  it('node dist/server/main.js serves /healthz, syncs and stores a document, and stops cleanly on SIGTERM', async () => {
    const srv = await startServer({ run: 'compiled' });
    servers.push(srv);
    expect(cmdline(srv.pid()!).slice(1)).toEqual([expect.stringMatching(/dist[/\\]server[/\\]main\.js$/)]);
    const health = await fetch(`${srv.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });

    const ws = await createWorkspace(srv);
    const a = connect(srv, ws.id, ws.editToken);
    clients.push(a);
    await synced(a);
    a.doc.getMap('events').set('e1', { title: '编译后的服务器' });
    const b = connect(srv, ws.id, ws.viewToken);
    clients.push(b);
    await waitFor(() => b.doc.getMap('events').has('e1'), 10_000, 'relayed update');
    a.destroy();
    b.destroy();

    // SIGTERM: a clean shutdown (exit 0); after a restart LevelDB still has the document.
    await srv.restart({ signal: 'SIGTERM' });
    expect(srv.logs.map((l) => l.msg)).toContain('stopped');
    const c = connect(srv, ws.id, ws.viewToken);
    clients.push(c);
    await synced(c);
    await waitFor(() => c.doc.getMap('events').has('e1'), 10_000, 'stored document');
    expect(await srv.stop('SIGTERM')).toBe(0);
  });

  it.runIf(process.platform === 'linux')(
    'npm start runs it in a single Node process without tsx, and SIGTERM to npm stops it cleanly',
    async () => {
      const srv = await startServer({ run: 'npm-start' });
      servers.push(srv);
      expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
      const tree = processTree(srv.pid()!).map((pid) => ({ pid, argv: cmdline(pid) }));
      strays.push(...tree.slice(1).map((p) => p.pid));
      const nodes = tree.slice(1).filter((p) => /(^|[/\\])node(\.exe)?$/.test(p.argv[0]!));
      expect(nodes.map((p) => p.argv.slice(1))).toEqual([[expect.stringMatching(/scripts[/\\]start\.mjs$/)]]);
      expect(tree.flatMap((p) => p.argv).join(' ')).not.toMatch(/tsx/);

      // npm passes SIGTERM only to the shell it runs the script with; the server
      // notices it lost that parent and shuts down as on its own SIGTERM.
      await srv.stop('SIGTERM');
      await waitFor(() => srv.logs.some((l) => l.msg === 'stopped'), 10_000, 'clean shutdown');
      const server = nodes[0]!.pid;
      await waitFor(() => !fs.existsSync(`/proc/${server}`) || fs.readFileSync(`/proc/${server}/stat`, 'utf8').includes(') Z '), 5000, 'server exit');
      await expect(fetch(`${srv.url}/healthz`)).rejects.toThrow();
    },
  );
});
