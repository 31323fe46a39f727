import http from 'node:http';
import zlib from 'node:zlib';
import ICAL from 'ical.js';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, createObservance, createPlan, createSection, initWorkspaceDoc, softDeleteEvent, updateEvent } from '../../shared/src/schema';
import { startServer, type TestServer } from '../helpers/start-server';
import { connect, createWorkspace, sleep, synced, waitFor, type Client } from '../helpers/relay-client';
import { startRedis, type TestRedis } from './helpers/redis-server';

process.setMaxListeners(100);

type Tokens = Awaited<ReturnType<typeof createWorkspace>>;

interface Vevent {
  uid: string;
  summary: string;
  start: string;
  allDay: boolean;
  rrule: string | null;
  /** Occurrence starts (at most 50). */
  occurrences: string[];
}

/** The VEVENTs of a feed, read with ical.js (throws on a malformed file). */
function vevents(text: string): Vevent[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  expect(cal.name).toBe('vcalendar');
  return cal.getAllSubcomponents('vevent').map((v) => {
    const ev = new ICAL.Event(v);
    return {
      uid: ev.uid,
      summary: ev.summary,
      start: ev.startDate.toString(),
      allDay: ev.startDate.isDate,
      rrule: v.getFirstPropertyValue('rrule')?.toString() ?? null,
      occurrences: (() => {
        const out: string[] = [];
        const it = ev.iterator();
        for (let t = it.next(); t && out.length < 50; t = it.next()) out.push(t.toString());
        return out;
      })(),
    };
  });
}

const uidOf = (id: string) => `${id}@campaign-calendar`;

describe('GET /ical/<id>.ics', () => {
  let srv: TestServer;
  const clients: Client[] = [];
  const feedUrl = (base: string, id: string, token: string | null, query = '') =>
    `${base}/ical/${id}.ics${token === null ? (query ? `?${query}` : '') : `?token=${encodeURIComponent(token)}${query ? `&${query}` : ''}`}`;

  /** A workspace whose document was written by a stock y-websocket client, then closed. */
  async function seeded(write: (doc: Y.Doc) => void, name = '宣传部 2026 年活动'): Promise<Tokens & { client: Client }> {
    const ws = await createWorkspace(srv, { name });
    const c = connect(srv, ws.id, ws.editToken);
    clients.push(c);
    await synced(c);
    initWorkspaceDoc(c.doc, { name });
    write(c.doc);
    await waitFor(() => c.provider.ws?.bufferedAmount === 0, 5000, 'sent');
    await sleep(150);
    return { ...ws, client: c };
  }

  const ids: Record<string, string> = {};
  let main: Tokens & { client: Client };

  beforeAll(async () => {
    srv = await startServer();
    main = await seeded((doc) => {
      const plan = createPlan(doc, { title: '2026 年宣传工作要点', year: 2026 });
      ids.top = createSection(doc, { planId: plan, parentId: '', order: 1, label: '一、', title: '理论武装', level: 1 });
      ids.sub = createSection(doc, { planId: plan, parentId: ids.top, order: 1, label: '(一)', title: '理论宣讲', level: 2 });
      ids.other = createSection(doc, { planId: plan, parentId: '', order: 2, label: '二、', title: '文明创建', level: 1 });
      ids.timed = createEvent(doc, { title: '季度工作例会', kind: 'meeting', status: 'confirmed', start: '2026-03-05T14:30', end: '2026-03-05T16:00', location: '三楼会议室', sectionIds: [ids.other] });
      ids.allDay = createEvent(doc, { title: '书法作品展', kind: 'exhibition', status: 'planned', start: '2026-05-01', end: '2026-05-08' });
      ids.series = createEvent(doc, { title: '每周五理论学习', kind: 'study', status: 'confirmed', start: '2026-01-09T15:00', rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=10', sectionIds: [ids.top] });
      ids.lecture = createEvent(doc, { title: '宣讲进社区', kind: 'lecture', status: 'planned', start: '2026-04-10T09:00', sectionIds: [ids.sub] });
      ids.gone = createEvent(doc, { title: '已删除的活动', kind: 'meeting', status: 'planned', start: '2026-06-01' });
      softDeleteEvent(doc, ids.gone);
      createObservance(doc, { title: '建校纪念日', rule: 'solar:09-10', originYear: 1956 });
    });
    main.client.destroy();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv?.kill();
  });

  it('answers the workspace as iCalendar: timed, all-day and recurring events; deleted ones absent', async () => {
    const res = await fetch(feedUrl(srv.url, main.id, main.viewToken));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect(res.headers.get('etag')).toMatch(/^"[^"]+"$/);
    const text = await res.text();
    expect(text).toContain('X-WR-CALNAME:宣传部 2026 年活动');
    const evs = vevents(text);
    const byUid = new Map(evs.map((e) => [e.uid, e]));
    expect(byUid.get(uidOf(ids.timed))).toMatchObject({ summary: '季度工作例会', start: '2026-03-05T14:30:00', allDay: false });
    expect(byUid.get(uidOf(ids.allDay))).toMatchObject({ summary: '书法作品展', start: '2026-05-01', allDay: true });
    const series = byUid.get(uidOf(ids.series))!;
    expect(series.summary).toBe('每周五理论学习');
    expect(series.rrule).toMatch(/FREQ=WEEKLY/);
    expect(series.occurrences).toHaveLength(10);
    expect(series.occurrences[0]).toBe('2026-01-09T15:00:00');
    expect(series.occurrences[9]).toBe('2026-03-13T15:00:00');
    expect(byUid.has(uidOf(ids.lecture))).toBe(true);
    expect(byUid.has(uidOf(ids.gone))).toBe(false);
    expect(text).not.toContain('已删除的活动');
    // The own anniversary as a yearly event.
    expect(evs.some((e) => e.summary === '建校纪念日')).toBe(true);
    // Section paths for people, in DESCRIPTION.
    expect(text).toContain('二、');
  });

  it('sends the text gzipped to a client that accepts gzip, and plain to one that does not', async () => {
    const get = (encoding: string | null) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const req = http.get(feedUrl(srv.url, main.id, main.viewToken), { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
      });
    const plain = await get(null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await get('gzip, deflate');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    expect(zlib.gunzipSync(zipped.body).toString('utf8')).toBe(plain.body.toString('utf8'));
  });

  it('works with each of the owner, edit and view tokens, and for HEAD', async () => {
    for (const token of [main.ownerToken, main.editToken, main.viewToken]) {
      const res = await fetch(feedUrl(srv.url, main.id, token));
      expect(res.status).toBe(200);
      expect(vevents(await res.text()).length).toBeGreaterThanOrEqual(4);
    }
    const head = await fetch(feedUrl(srv.url, main.id, main.viewToken), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBeTruthy();
  });

  it('refuses missing, forged, other-workspace and garbage tokens with 401 and no data; 404 for an unknown id', async () => {
    const other = await createWorkspace(srv);
    const forged = main.viewToken.replace(/\.([^.]+)$/, '.AAAA' + 'B'.repeat(39));
    const cases: Record<string, string> = {
      missing: feedUrl(srv.url, main.id, null),
      empty: feedUrl(srv.url, main.id, ''),
      garbage: feedUrl(srv.url, main.id, 'abc.def.ghi'),
      forged: feedUrl(srv.url, main.id, forged),
      otherWorkspace: feedUrl(srv.url, main.id, other.ownerToken),
    };
    for (const [what, url] of Object.entries(cases)) {
      const res = await fetch(url);
      expect(res.status, what).toBe(401);
      expect(res.headers.get('content-type'), what).toMatch(/^application\/json/);
      const body = await res.text();
      expect(body, what).not.toContain('VCALENDAR');
      expect(body, what).not.toContain('季度工作例会');
      expect(JSON.parse(body).error, what).toBe('unauthorized');
    }
    expect((await fetch(feedUrl(srv.url, 'no-such-workspace-123', main.viewToken))).status).toBe(404);
    expect((await fetch(feedUrl(srv.url, 'bad', main.viewToken))).status).toBe(404);
    expect((await fetch(`${srv.url}/ical/${main.id}.ics?token=${main.viewToken}&kind=party`)).status).toBe(400);
  });

  it('locks out every token once the links are rotated; the new ones work', async () => {
    const ws = await seeded((doc) => {
      createEvent(doc, { title: '轮换前的活动', kind: 'meeting', status: 'planned', start: '2026-07-01' });
    });
    ws.client.destroy();
    expect((await fetch(feedUrl(srv.url, ws.id, ws.viewToken))).status).toBe(200);
    const rot = await fetch(`${srv.url}/api/workspaces/${ws.id}/rotate`, { method: 'POST', headers: { Authorization: `Bearer ${ws.ownerToken}` } });
    expect(rot.status).toBe(200);
    const fresh = (await rot.json()) as Tokens;
    for (const token of [ws.ownerToken, ws.editToken, ws.viewToken]) {
      const res = await fetch(feedUrl(srv.url, ws.id, token));
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain('VCALENDAR');
    }
    const ok = await fetch(feedUrl(srv.url, ws.id, fresh.viewToken));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('轮换前的活动');
  });

  it('answers 304 to a matching If-None-Match; an edit changes the ETag and the new event is in', async () => {
    const ws = await seeded((doc) => {
      createEvent(doc, { title: '第一场', kind: 'meeting', status: 'planned', start: '2026-08-01' });
    });
    const url = feedUrl(srv.url, ws.id, ws.viewToken);
    const first = await fetch(url);
    const etag = first.headers.get('etag')!;
    expect(await first.text()).toContain('第一场');
    const again = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    // Same content, another token: the same ETag (it names the document, not the caller).
    expect((await fetch(feedUrl(srv.url, ws.id, ws.editToken), { headers: { 'If-None-Match': etag } })).status).toBe(304);

    // An edit while the room is in memory (the editor is still connected).
    const newId = createEvent(ws.client.doc, { title: '新加的一场', kind: 'training', status: 'planned', start: '2026-08-15T10:00' });
    await waitFor(() => ws.client.provider.ws?.bufferedAmount === 0, 5000, 'sent');
    let next: Response | undefined;
    for (let i = 0; i < 50; i++) {
      next = await fetch(url, { headers: { 'If-None-Match': etag } });
      if (next.status === 200) break;
      await sleep(50);
    }
    expect(next!.status).toBe(200);
    const etag2 = next!.headers.get('etag')!;
    expect(etag2).not.toBe(etag);
    expect(vevents(await next!.text()).some((e) => e.uid === uidOf(newId) && e.summary === '新加的一场')).toBe(true);

    // After the editor left (the room unloads), a change made then is seen too.
    ws.client.destroy();
    await sleep(200);
    expect((await fetch(url, { headers: { 'If-None-Match': etag2 } })).status).toBe(304);
    const late = connect(srv, ws.id, ws.editToken);
    clients.push(late);
    await synced(late);
    updateEvent(late.doc, newId, { title: '改名的一场' });
    await waitFor(() => late.provider.ws?.bufferedAmount === 0, 5000, 'sent');
    await sleep(150);
    late.destroy();
    await sleep(100);
    const changed = await fetch(url, { headers: { 'If-None-Match': etag2 } });
    expect(changed.status).toBe(200);
    const text = await changed.text();
    expect(text).toContain('改名的一场');
    expect(text).not.toContain('新加的一场');
  });

  it('filters by kind and by plan section (with its sub-sections)', async () => {
    const byKind = vevents(await (await fetch(feedUrl(srv.url, main.id, main.viewToken, 'kind=meeting,lecture'))).text());
    expect(byKind.map((e) => e.uid).sort()).toEqual([uidOf(ids.timed), uidOf(ids.lecture)].sort());

    const bySection = vevents(await (await fetch(feedUrl(srv.url, main.id, main.viewToken, `section=${ids.top}`))).text());
    expect(bySection.map((e) => e.uid).sort()).toEqual([uidOf(ids.series), uidOf(ids.lecture)].sort());

    const sub = vevents(await (await fetch(feedUrl(srv.url, main.id, main.viewToken, `section=${ids.sub}`))).text());
    expect(sub.map((e) => e.uid)).toEqual([uidOf(ids.lecture)]);

    const both = vevents(await (await fetch(feedUrl(srv.url, main.id, main.viewToken, `section=${ids.top}&kind=study`))).text());
    expect(both.map((e) => e.uid)).toEqual([uidOf(ids.series)]);

    // Filters have ETags of their own.
    const a = await fetch(feedUrl(srv.url, main.id, main.viewToken, 'kind=meeting'));
    const b = await fetch(feedUrl(srv.url, main.id, main.viewToken));
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
  });

  it('limits renders per address and workspace (429 with Retry-After); cached answers still come', async () => {
    const ws = await seeded((doc) => {
      createEvent(doc, { title: '限流', kind: 'meeting', status: 'planned', start: '2026-07-01' });
    });
    ws.client.destroy();
    const kinds = ['anniversary', 'contest', 'exhibition', 'lecture', 'training', 'meeting', 'study', 'publicity', 'volunteer', 'assessment', 'other'];
    const filters = [...kinds.map((k) => `kind=${k}`), ...kinds.map((k) => `kind=meeting,${k === 'meeting' ? 'other' : k}`), ''];
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (const f of filters) {
      const res = await fetch(feedUrl(srv.url, ws.id, ws.viewToken, f));
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        expect(await res.text()).not.toContain('VCALENDAR');
      } else await res.text();
    }
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Already rendered: served from the cache despite the limit.
    expect((await fetch(feedUrl(srv.url, ws.id, ws.viewToken, 'kind=meeting'))).status).toBe(200);
  });

  it('renders a subscribed feed again after a change, before anyone asks: the next poll is a cache hit with the edit', async () => {
    const ws = await seeded((doc) => {
      createEvent(doc, { title: '订阅前', kind: 'meeting', status: 'planned', start: '2026-09-01' });
    });
    const url = feedUrl(srv.url, ws.id, ws.viewToken);
    expect(await (await fetch(url)).text()).toContain('订阅前');
    const rendered = async () => Number(/relay_ical_requests_total\{result="rendered"\} (\d+)/.exec(await (await fetch(`${srv.url}/metrics`)).text())?.[1] ?? 0);
    createEvent(ws.client.doc, { title: '订阅后新加', kind: 'meeting', status: 'planned', start: '2026-09-02' });
    await waitFor(() => ws.client.provider.ws?.bufferedAmount === 0, 5000, 'sent');
    // The editor stays connected (the room is in memory): after the quiet time the feed is rendered again.
    await sleep(1600);
    const before = await rendered();
    const res = await fetch(url);
    expect(await res.text()).toContain('订阅后新加');
    expect(await rendered()).toBe(before); // served from the cache the change filled
    ws.client.destroy();
  });

  it('counts requests in /metrics', async () => {
    const text = await (await fetch(`${srv.url}/metrics`)).text();
    expect(text).toMatch(/relay_ical_requests_total\{result="rendered"\} [1-9]/);
    expect(text).toMatch(/relay_ical_requests_total\{result="not_modified"\} [1-9]/);
    expect(text).toMatch(/relay_ical_requests_total\{result="unauthorized"\} [1-9]/);
    expect(text).toMatch(/relay_ical_requests_total\{result="rate_limited"\} [1-9]/);
  });
});

describe('GET /ical/<id>.ics with two relays on Redis', () => {
  let redis: TestRedis;
  let r1: TestServer;
  let r2: TestServer;
  const clients: Client[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, RELAY_SECRET: 'test-secret-shared-by-all-relays' };
    [r1, r2] = await Promise.all([startServer({ env }), startServer({ env })]);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all([r1?.kill(), r2?.kill()]);
    await redis?.kill();
  });

  it('a relay serves what another relay stored, and sees later edits made there', async () => {
    const ws = await createWorkspace(r1, { name: '两个中继' });
    const c = connect(r1, ws.id, ws.editToken);
    clients.push(c);
    await synced(c);
    initWorkspaceDoc(c.doc, { name: '两个中继' });
    const id = createEvent(c.doc, { title: '中继一写的', kind: 'meeting', status: 'planned', start: '2026-09-01T09:00' });
    await waitFor(() => c.provider.ws?.bufferedAmount === 0, 5000, 'sent');
    await sleep(200);
    const url = `${r2.url}/ical/${ws.id}.ics?token=${ws.viewToken}`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(vevents(await first.text()).map((e) => e.uid)).toContain(uidOf(id));
    expect((await fetch(url, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    // The same document gives the same ETag on the other relay.
    expect((await fetch(`${r1.url}/ical/${ws.id}.ics?token=${ws.viewToken}`, { headers: { 'If-None-Match': etag } })).status).toBe(304);

    updateEvent(c.doc, id, { title: '中继一改过的' });
    await waitFor(() => c.provider.ws?.bufferedAmount === 0, 5000, 'sent');
    await sleep(200);
    const next = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(next.status).toBe(200);
    expect(await next.text()).toContain('中继一改过的');
    // A rotated link is refused on the relay that did not rotate it.
    expect((await fetch(`${r1.url}/api/workspaces/${ws.id}/rotate`, { method: 'POST', headers: { Authorization: `Bearer ${ws.ownerToken}` } })).status).toBe(200);
    expect((await fetch(url)).status).toBe(401);
  });
});
