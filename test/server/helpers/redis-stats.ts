import net from 'node:net';

/** `INFO commandstats` of a Redis, as calls per command (lower case), over a raw socket. */
export function redisCommandCalls(url: string): Promise<Record<string, number>> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(port), hostname);
    let buf = '';
    sock.once('error', reject);
    sock.on('data', (d) => {
      buf += d.toString();
      const m = /^\$(\d+)\r\n/.exec(buf);
      if (m && buf.length >= m[0].length + Number(m[1])) {
        sock.destroy();
        const out: Record<string, number> = {};
        for (const line of buf.split('\r\n')) {
          const c = /^cmdstat_([^:]+):calls=(\d+)/.exec(line);
          if (c) out[c[1]!] = Number(c[2]);
        }
        resolve(out);
      }
    });
    sock.once('connect', () => sock.write('INFO commandstats\r\n'));
  });
}

/** One command over a raw socket; the reply as RESP text (e.g. ":1\r\n"). For checks only. */
export function redisRaw(url: string, ...args: string[]): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(port), hostname);
    let buf = '';
    sock.once('error', reject);
    sock.on('data', (d) => {
      buf += d.toString();
      if (buf.endsWith('\r\n')) {
        sock.destroy();
        resolve(buf);
      }
    });
    sock.once('connect', () => sock.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`));
  });
}
