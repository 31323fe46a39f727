/**
 * GET /metrics: the Prometheus text exposition format 0.0.4, read back by a strict parser
 * below; who may read it (loopback, not proxied; or the METRICS_TOKEN bearer); store
 * latency through instrumentPersistence; and counters moving through a real relay.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetricsHandler, isLoopback, metricsAccess, metricsTokenFromEnv } from '../../server/src/http/metrics';
import { Counter, Gauge, Histogram, MetricsRegistry } from '../../server/src/metrics/registry';
import { closeReason, instrumentPersistence, relayMetrics } from '../../server/src/metrics';
import { MemoryPersistence } from '../../server/src/persistence/memory';
import { startServer, type TestServer } from '../helpers/start-server';
import { connect, createWorkspace, rawSocket, synced, waitFor, type Client } from '../helpers/relay-client';

// ---------------------------------------------------------------------------------------
// A strict parser of the text format (https://prometheus.io/docs/instrumenting/exposition_formats/).

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}
interface Family {
  name: string;
  help?: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';

function parseValue(s: string, line: string): number {
  if (s === '+Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  if (s === 'NaN') return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) throw new Error(`bad value ${JSON.stringify(s)} in ${JSON.stringify(line)}`);
  return Number(s);
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(line)}`);
  };
  while (i < text.length) {
    const m = new RegExp(`^(${LABEL})="`).exec(text.slice(i));
    if (!m) fail('bad label name');
    const name = m![1]!;
    i += m![0].length;
    let value = '';
    for (;;) {
      if (i >= text.length) fail('unterminated label value');
      const c = text[i]!;
      if (c === '"') break;
      if (c === '\n') fail('raw newline in label value');
      if (c === '\\') {
        const n = text[i + 1];
        if (n === '\\') value += '\\';
        else if (n === '"') value += '"';
        else if (n === 'n') value += '\n';
        else fail(`bad escape \\${n}`);
        i += 2;
      } else {
        value += c;
        i++;
      }
    }
    i++;
    if (name in labels) fail(`label ${name} twice`);
    labels[name] = value;
    if (i < text.length) {
      if (text[i] !== ',') fail('expected ,');
      i++;
    }
  }
  return labels;
}

function parseExposition(text: string): Map<string, Family> {
  if (!text.endsWith('\n')) throw new Error('exposition must end with a newline');
  const families = new Map<string, Family>();
  const seenSeries = new Set<string>();
  let current: Family | null = null;
  const familyOf = (sample: string): Family | undefined => {
    for (const suffix of ['', '_bucket', '_sum', '_count']) {
      if (!sample.endsWith(suffix)) continue;
      const f = families.get(sample.slice(0, sample.length - suffix.length));
      if (f && (suffix === '' || f.type === 'histogram' || f.type === 'summary')) return f;
    }
    return undefined;
  };
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '') continue;
    const help = new RegExp(`^# HELP (${NAME}) (.*)$`).exec(line);
    const type = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`).exec(line);
    if (help) {
      if (/\\[^\\n]/.test(help[2]!.replace(/\\\\/g, ''))) throw new Error(`bad escape in HELP: ${line}`);
      const f = families.get(help[1]!) ?? { name: help[1]!, type: 'untyped' as const, samples: [] };
      if (f.help !== undefined) throw new Error(`HELP twice for ${help[1]}`);
      f.help = help[2]!.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
      families.set(f.name, f);
      current = f;
      continue;
    }
    if (type) {
      const f = families.get(type[1]!) ?? { name: type[1]!, type: 'untyped' as const, samples: [] };
      if (f.samples.length > 0) throw new Error(`TYPE after samples for ${type[1]}`);
      f.type = type[2] as Family['type'];
      families.set(f.name, f);
      current = f;
      continue;
    }
    if (line.startsWith('#')) continue; // a comment
    const m = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`).exec(line);
    if (!m) throw new Error(`bad sample line ${JSON.stringify(line)}`);
    const f = familyOf(m[1]!);
    if (!f) throw new Error(`sample ${m[1]} without a TYPE`);
    if (f !== current) throw new Error(`samples of ${f.name} are not together`);
    const labels = parseLabels(m[2] ?? '', line);
    const key = `${m[1]}{${Object.entries(labels).sort().map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}}`;
    if (seenSeries.has(key)) throw new Error(`series ${key} twice`);
    seenSeries.add(key);
    f.samples.push({ name: m[1]!, labels, value: parseValue(m[3]!, line) });
  }
  for (const f of families.values()) {
    if (f.type === 'counter' && f.samples.some((s) => !(s.value >= 0))) throw new Error(`${f.name}: negative counter`);
    if (f.type !== 'histogram') continue;
    // Per label set: buckets ascending by le, cumulative, ending with +Inf = _count.
    const groups = new Map<string, Sample[]>();
    for (const s of f.samples) {
      const { le, ...rest } = s.labels;
      const k = JSON.stringify(Object.entries(rest).sort());
      if (s.name.endsWith('_bucket') && le === undefined) throw new Error(`${f.name}: bucket without le`);
      groups.set(k, [...(groups.get(k) ?? []), s]);
    }
    for (const samples of groups.values()) {
      const buckets = samples.filter((s) => s.name === `${f.name}_bucket`);
      const count = samples.find((s) => s.name === `${f.name}_count`);
      if (!count || !samples.some((s) => s.name === `${f.name}_sum`)) throw new Error(`${f.name}: _sum or _count missing`);
      const les = buckets.map((b) => parseValue(b.labels.le!, b.labels.le!));
      if (les.at(-1) !== Infinity) throw new Error(`${f.name}: no +Inf bucket`);
      for (let i = 1; i < buckets.length; i++) {
        if (!(les[i]! > les[i - 1]!)) throw new Error(`${f.name}: le not ascending`);
        if (buckets[i]!.value < buckets[i - 1]!.value) throw new Error(`${f.name}: buckets not cumulative`);
      }
      if (buckets.at(-1)!.value !== count.value) throw new Error(`${f.name}: +Inf bucket != _count`);
    }
  }
  return families;
}

const value = (fams: Map<string, Family>, sample: string, labels: Record<string, string> = {}): number => {
  const f = [...fams.values()].find((x) => x.samples.some((s) => s.name === sample));
  const s = f?.samples.find((x) => x.name === sample && Object.entries(labels).every(([k, v]) => x.labels[k] === v));
  return s?.value ?? 0;
};

// ---------------------------------------------------------------------------------------

describe('the parser is strict', () => {
  it.each([
    ['no trailing newline', '# TYPE a counter\na 1'],
    ['sample without TYPE', 'a 1\n'],
    ['bad escape', '# TYPE a counter\na{x="\\t"} 1\n'],
    ['non-cumulative histogram', '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n'],
    ['duplicate series', '# TYPE a gauge\na 1\na 2\n'],
    ['bad value', '# TYPE a gauge\na one\n'],
  ])('rejects %s', (_, text) => {
    expect(() => parseExposition(text)).toThrow();
  });
});

describe('metrics registry', () => {
  it('renders HELP, TYPE, labels and histograms that parse, with escaping', () => {
    const reg = new MetricsRegistry();
    const c = reg.register(new Counter<{ reason: string }>({ name: 'x_total', help: 'a "help"\nwith \\ and newline', labelNames: ['reason'] }));
    const g = reg.register(new Gauge({ name: 'x_gauge', help: 'g' }));
    const empty = reg.register(new Gauge({ name: 'x_redis_only', help: 'only sometimes', emptyUntilSet: true }));
    const h = reg.register(new Histogram<{ op: string }>({ name: 'x_seconds', help: 'h', labelNames: ['op'], buckets: [0.001, 0.01, 0.1] }));
    c.inc({ reason: 'a"b\\c\nd' });
    c.inc({ reason: 'plain' }, 2.5);
    g.set(-3);
    for (const v of [0.0005, 0.001, 0.05, 7]) h.observe({ op: 'append' }, v);
    h.observe({ op: 'load' }, Infinity);
    const text = reg.render();
    const fams = parseExposition(text);
    expect(fams.get('x_total')!.help).toBe('a "help"\nwith \\ and newline');
    expect(value(fams, 'x_total', { reason: 'a"b\\c\nd' })).toBe(1);
    expect(value(fams, 'x_total', { reason: 'plain' })).toBe(2.5);
    expect(value(fams, 'x_gauge')).toBe(-3);
    expect(fams.get('x_redis_only')!.samples).toEqual([]);
    empty.set(1.5);
    expect(value(parseExposition(reg.render()), 'x_redis_only')).toBe(1.5);
    expect(fams.get('x_seconds')!.type).toBe('histogram');
    expect(value(fams, 'x_seconds_bucket', { op: 'append', le: '0.001' })).toBe(2);
    expect(value(fams, 'x_seconds_bucket', { op: 'append', le: '0.1' })).toBe(3);
    expect(value(fams, 'x_seconds_bucket', { op: 'append', le: '+Inf' })).toBe(4);
    expect(value(fams, 'x_seconds_count', { op: 'append' })).toBe(4);
    expect(value(fams, 'x_seconds_sum', { op: 'append' })).toBeCloseTo(7.0515);
    expect(text).toContain('x_seconds_sum{op="load"} +Inf');
    expect(() => c.inc({ reason: 'x' }, -1)).toThrow(/only goes up/);
    expect(() => reg.register(new Gauge({ name: 'x_gauge', help: 'again' }))).toThrow(/twice/);
    expect(() => new Gauge({ name: 'bad-name', help: '' })).toThrow();
  });

  it('keeps a bounded number of label sets', () => {
    const c = new Counter<{ k: string }>({ name: 'many_total', help: 'h', labelNames: ['k'] });
    for (let i = 0; i < 1500; i++) c.inc({ k: String(i) });
    expect(c.droppedSeries).toBe(500);
    expect(parseExposition(c.render() + '\n').get('many_total')!.samples).toHaveLength(1000);
  });

  it('names close reasons by code, never by an arbitrary number', () => {
    expect(closeReason(4401)).toBe('unauthorized');
    expect(closeReason(1009)).toBe('too_large');
    expect(closeReason(4999)).toBe('other');
  });
});

describe('instrumentPersistence', () => {
  it('times load, append and compact, keeps order, instanceof and other members', async () => {
    const inner = new MemoryPersistence();
    const store = instrumentPersistence(inner);
    expect(store).toBeInstanceOf(MemoryPersistence);
    expect(store.docs).toBe(inner.docs);
    const before = { load: relayMetrics.storeLatency.count({ op: 'load' }), append: relayMetrics.storeLatency.count({ op: 'append' }), compact: relayMetrics.storeLatency.count({ op: 'compact' }) };
    await store.load('doc-1');
    const a = store.append('doc-1', new Uint8Array([1]));
    const b = store.append('doc-1', new Uint8Array([2]));
    const c = store.compact('doc-1', new Uint8Array([9]));
    const d = store.append('doc-1', new Uint8Array([3]));
    await Promise.all([a, b, c, d]);
    expect(inner.docs.get('doc-1')!.map((u) => u[0])).toEqual([9, 3]);
    expect(store.entries('doc-1')).toBe(2);
    await new Promise((r) => setImmediate(r));
    expect(relayMetrics.storeLatency.count({ op: 'load' })).toBe(before.load + 1);
    expect(relayMetrics.storeLatency.count({ op: 'append' })).toBe(before.append + 3);
    expect(relayMetrics.storeLatency.count({ op: 'compact' })).toBe(before.compact + 1);
  });

  it('counts failures and passes the rejection on', async () => {
    const inner = new MemoryPersistence();
    inner.append = () => Promise.reject(new Error('disk full'));
    const store = instrumentPersistence(inner);
    const errors = relayMetrics.storeErrors.get({ op: 'append' });
    await expect(store.append('d', new Uint8Array([1]))).rejects.toThrow('disk full');
    await new Promise((r) => setImmediate(r));
    expect(relayMetrics.storeErrors.get({ op: 'append' })).toBe(errors + 1);
  });
});

describe('who may read /metrics', () => {
  const req = (remoteAddress: string, headers: Record<string, string> = {}) => ({ headers, socket: { remoteAddress } }) as unknown as http.IncomingMessage;

  it('loopback (not proxied), or the bearer token', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('127.8.9.10')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.1')).toBe(false);
    expect(isLoopback('::ffff:10.0.0.1')).toBe(false);
    expect(isLoopback('1270.0.0.1')).toBe(false);
    expect(metricsAccess(req('127.0.0.1'), undefined)).toBe('ok');
    expect(metricsAccess(req('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }), undefined)).toBe('forbidden');
    expect(metricsAccess(req('127.0.0.1', { forwarded: 'for=203.0.113.9' }), undefined)).toBe('forbidden');
    expect(metricsAccess(req('203.0.113.9'), undefined)).toBe('forbidden');
    const token = 'a-metrics-token-0123456789';
    expect(metricsAccess(req('203.0.113.9'), token)).toBe('unauthorized');
    expect(metricsAccess(req('203.0.113.9', { authorization: `Bearer ${token}x` }), token)).toBe('unauthorized');
    expect(metricsAccess(req('203.0.113.9', { authorization: `Bearer ${token}` }), token)).toBe('ok');
    expect(metricsAccess(req('127.0.0.1', { 'x-real-ip': '203.0.113.9', authorization: `bearer ${token}` }), token)).toBe('ok');
    expect(metricsAccess(req('127.0.0.1'), token)).toBe('ok');
    expect(metricsTokenFromEnv({})).toBeUndefined();
    expect(() => metricsTokenFromEnv({ METRICS_TOKEN: 'short' })).toThrow(/16/);
  });

  describe('over HTTP', () => {
    const token = 'scrape-token-abcdefghijklmnop';
    let server: http.Server;
    let port = 0;
    beforeAll(async () => {
      const handler = createMetricsHandler({ token });
      server = http.createServer(handler);
      await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('answers the exposition to loopback, with its content type', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const fams = parseExposition(await res.text());
      for (const name of ['relay_connections', 'relay_rooms_loaded', 'relay_updates_received_total', 'relay_update_bytes_received_total', 'relay_updates_forwarded_total', 'relay_update_bytes_forwarded_total', 'relay_store_seconds', 'relay_rejected_frames_total', 'relay_closes_total', 'relay_redis_stream_lag_seconds', 'process_resident_memory_bytes']) {
        expect(fams.has(name), name).toBe(true);
      }
      expect(fams.get('relay_store_seconds')!.type).toBe('histogram');
      expect(fams.get('relay_redis_stream_lag_seconds')!.samples).toEqual([]);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'POST' })).status).toBe(405);
    });

    it('refuses proxied requests without the token, and wrong tokens', async () => {
      expect((await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.9', Authorization: 'Bearer nope-nope-nope-nope' } })).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.9', Authorization: `Bearer ${token}` } })).status).toBe(200);
    });

    // A real non-loopback address of this machine, when it has one.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    it.skipIf(!external)('from another address: only with the token', async () => {
      expect((await fetch(`http://${external}:${port}/metrics`)).status).toBe(401);
      const ok = await fetch(`http://${external}:${port}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      parseExposition(await ok.text());
      const open = http.createServer(createMetricsHandler({}));
      await new Promise<void>((r) => open.listen(0, '0.0.0.0', r));
      const p = (open.address() as AddressInfo).port;
      const res = await fetch(`http://${external}:${p}/metrics`);
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/loopback only; set METRICS_TOKEN/);
      await new Promise<void>((r) => open.close(() => r()));
    });
  });
});

// ---------------------------------------------------------------------------------------

describe('GET /metrics on a real relay', () => {
  let srv: TestServer;
  const clients: Client[] = [];
  const token = 'relay-metrics-token-0123456789';
  beforeAll(async () => {
    srv = await startServer({ env: { METRICS_TOKEN: token } });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv?.kill();
  });
  const scrape = async () => {
    const res = await fetch(`${srv.url}/metrics`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(await res.text());
  };

  it('is served, and refuses a proxied request without the token', async () => {
    await scrape();
    expect((await fetch(`${srv.url}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.9' } })).status).toBe(401);
    expect((await fetch(`${srv.url}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.9', Authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('counts connections, rooms, updates in and out, store latency, rejected frames and closes', async () => {
    const before = await scrape();
    const ws = await createWorkspace(srv);
    const a = connect(srv, ws.id, ws.editToken);
    const b = connect(srv, ws.id, ws.editToken);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('events').set('e1', 'x'.repeat(1000));
    await waitFor(() => b.doc.getMap('events').has('e1'), 5000, 'forwarded');
    const during = await scrape();
    expect(value(during, 'relay_connections')).toBe(2);
    expect(value(during, 'relay_rooms_loaded')).toBe(1);
    expect(value(during, 'relay_updates_received_total')).toBeGreaterThan(value(before, 'relay_updates_received_total'));
    expect(value(during, 'relay_update_bytes_received_total') - value(before, 'relay_update_bytes_received_total')).toBeGreaterThan(1000);
    expect(value(during, 'relay_updates_forwarded_total')).toBeGreaterThan(value(before, 'relay_updates_forwarded_total'));
    expect(value(during, 'relay_update_bytes_forwarded_total') - value(before, 'relay_update_bytes_forwarded_total')).toBeGreaterThan(1000);
    expect(value(during, 'relay_store_seconds_count', { op: 'append' })).toBeGreaterThan(value(before, 'relay_store_seconds_count', { op: 'append' }));
    expect(value(during, 'relay_store_seconds_count', { op: 'load' })).toBeGreaterThan(value(before, 'relay_store_seconds_count', { op: 'load' }));

    // A text frame is rejected (4400), a forged token is closed with 4401.
    const raw = await rawSocket(`${srv.wsUrl}/sync/${ws.id}?token=${ws.editToken}`);
    raw.ws.send('hello');
    expect((await raw.closed).code).toBe(4400);
    const forged = await rawSocket(`${srv.wsUrl}/sync/${ws.id}?token=forged`);
    expect((await forged.closed).code).toBe(4401);
    for (const c of clients) c.provider.disconnect();
    let after = await scrape();
    for (let i = 0; i < 100 && value(after, 'relay_connections') !== 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = await scrape();
    }
    expect(value(after, 'relay_connections')).toBe(0);
    expect(value(after, 'relay_rejected_frames_total', { reason: 'text_frame' })).toBe(value(before, 'relay_rejected_frames_total', { reason: 'text_frame' }) + 1);
    expect(value(after, 'relay_closes_total', { reason: 'unauthorized' })).toBeGreaterThanOrEqual(value(before, 'relay_closes_total', { reason: 'unauthorized' }) + 1);
    expect(value(after, 'relay_closes_total', { reason: 'bad_message' })).toBeGreaterThanOrEqual(value(before, 'relay_closes_total', { reason: 'bad_message' }) + 1);
    // The document is untouched by the scrape: the second client has it.
    expect(Y.encodeStateAsUpdate(b.doc).length).toBeGreaterThan(1000);
  });
});
