import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import * as Y from 'yjs';
import { WORKSPACE_ID_PATTERN } from '../../../shared/src/protocol/message-types';
import { exportIcs } from '../../../shared/src/ical';
import { liveEvents } from './feed-events';
import { isDeleted, outlineOrder, readEvents, readMeta, readOwnObservances, readPlans, readSections, sectionWithDescendants } from '../../../shared/src/schema';
import { EVENT_KINDS, type EventKind, type SectionRecord } from '../../../shared/src/schema/types';
import { sectionLabelPath } from '../../../shared/src/plan-text/label-path';
import type { Tokens } from '../auth/tokens';
import type { Logger } from '../log';
import { Counter, Histogram, metricsRegistry } from '../metrics';
import type { Persistence } from '../persistence/persistence';
import type { Room } from '../relay/room';
import type { WorkspaceRegistry } from '../workspaces/registry';
import { json } from './api';
import { RateLimiter } from './rate-limit';

/**
 * iCalendar subscription feed (Contract 2):
 *
 *   GET /ical/<workspaceId>.ics?token=<token>[&kind=meeting,lecture][&section=<sectionId>]
 *     200 text/calendar; charset=utf-8, ETag, Cache-Control: private, max-age=300
 *     304 for a matching If-None-Match
 *     400 bad filter · 401 missing, forged, other-workspace or rotated token · 404 unknown workspace
 *     405 not GET/HEAD · 429 too many renders from one address · 503 storage unavailable
 *
 * Any token of the workspace works (owner, edit, view): the feed is read-only. Only live
 * events (no `deletedAt`) and the workspace's own anniversaries go in; `kind` keeps those
 * kinds, `section` keeps events linked to that plan section or one under it (the
 * anniversaries then stay out: they belong to no section).
 *
 * Where the document comes from: the relay's own Room, opened exactly as a connecting
 * socket opens it (`openRoom` is the relay's room lookup). A room already in memory (people
 * editing) is read as is, with nothing loaded; otherwise the relay loads it from the store
 * and, having no sockets, unloads it after ROOM_IDLE_MS like a room whose last client left.
 * So the feed adds no second copy of the document, no second code path that reads the store
 * (a Room applies stored updates under the same structural limits as ever), and in Redis
 * mode a room in memory follows the other relays' writes through its fan-out subscription.
 * Reading the store directly would be wrong besides: `Persistence.load` resets the
 * per-document bookkeeping (the Redis stream cursor, the log sequence) that a live room owns.
 *
 * Cache: the text per workspace, filter and UTC day (the anniversaries written depend on the
 * year), at most MAX_CACHE_BYTES in all, least recently used dropped first.
 * - Embedded store: every change to a document passes through this process's `append`
 *   (`watchAppends` below wraps the store), which drops that workspace's entries; a hit
 *   then costs neither a load nor an export, whether or not a room is in memory.
 * - Shared store (Redis): other relays write too, so an entry is trusted only against the
 *   document: the version (a hash of the state vector and the delete set) of the room in
 *   memory, loading the room first if there is none. A hit saves the export, not the load.
 * The ETag is that version hash with the filter and the day, so it survives a restart and
 * is the same on every relay.
 *
 * `Cache-Control: private, max-age=300`: the URL holds a token, so no shared cache may keep
 * it; five minutes spares calendar apps that poll often a round trip, and after that a
 * revalidation with If-None-Match costs a 304 from the cache.
 */
export interface IcalFeedDeps {
  registry: WorkspaceRegistry;
  tokens: Tokens;
  store: Persistence;
  log: Logger;
  /** The relay's live-or-loading room for id, created and loaded as for a socket. */
  openRoom(id: string): Promise<Room>;
  /** A room already in memory, if any (no load). */
  loadedRoom(id: string): Room | undefined;
  /**
   * Feeds rendered (or loaded) per minute per address and workspace (burst the same); cache hits and
   * 304s are not counted. A render is synchronous (10,000 events: most of a second on this machine,
   * during which the relay's other rooms wait), and a view token alone can ask for new filter
   * combinations, so this stays low: subscribers of one workspace share each rendered version.
   */
  ratePerMin?: number;
}

const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** Quiet time after the last change before subscribed feeds are rendered again, and how many per workspace. */
const RERENDER_MS = Number(process.env.ICAL_RERENDER_MS ?? 1000);
const MAX_RERENDERS = 4;
const MAX_SECTION_ID = 200;
const CACHE_CONTROL = 'private, max-age=300';

type FeedResult = 'rendered' | 'cached' | 'not_modified' | 'bad_request' | 'unauthorized' | 'not_found' | 'rate_limited' | 'unavailable' | 'error';

const feedRequests = metricsRegistry.register(
  new Counter<{ result: FeedResult }>({
    name: 'relay_ical_requests_total',
    help: 'iCalendar feed requests (GET /ical/<id>.ics) by outcome: rendered, cached (200 from the cache), not_modified (304), or the error.',
    labelNames: ['result'],
  }),
);
const feedRender = metricsRegistry.register(
  new Histogram({
    name: 'relay_ical_render_seconds',
    help: 'Time to produce an iCalendar feed that was not cached (room load included when it was not in memory).',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  }),
);

const gzip = promisify(zlib.gzip);

interface Entry {
  etag: string;
  body: Buffer;
  /** The body gzipped, made on the first request that accepts gzip (a feed of 10,000 events: 3 MB, about 10% of it gzipped). */
  gzipped?: Promise<Buffer>;
  /** Document version the body was made from (shared-store validation). */
  version: string;
  /** What it was rendered for, so a change can render it again before anyone asks (see `changed`). */
  filter?: Filter;
  name?: string;
}

/** Byte-bounded LRU of rendered feeds; keys are `<id>\n<filter>\n<day>`. */
class FeedCache {
  private readonly map = new Map<string, Entry>();
  private bytes = 0;

  get(key: string): Entry | undefined {
    const e = this.map.get(key);
    if (e) {
      this.map.delete(key);
      this.map.set(key, e);
    }
    return e;
  }

  set(key: string, e: Entry): void {
    this.delete(key);
    if (e.body.length > MAX_CACHE_BYTES / 4) return;
    this.map.set(key, e);
    this.bytes += e.body.length;
    while (this.bytes > MAX_CACHE_BYTES) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const e = this.map.get(key);
    if (!e) return;
    this.bytes -= e.body.length;
    this.map.delete(key);
  }

  /** Drops every entry of one workspace; returns them (a change re-renders the ones people ask for). */
  invalidate(id: string): Entry[] {
    const prefix = `${id}\n`;
    const dropped: Entry[] = [];
    for (const [key, e] of [...this.map]) {
      if (!key.startsWith(prefix)) continue;
      dropped.push(e);
      this.delete(key);
    }
    return dropped;
  }
}

/** The same store, calling `onAppend(docId)` as each append is made (before it is durable) and again if it fails. */
export function watchAppends<P extends Persistence>(store: P, onAppend: (docId: string) => void): P {
  let wrapped: Persistence['append'] | undefined;
  return new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop !== 'append' || typeof value !== 'function') return value;
      wrapped ??= (docId: string, update: Uint8Array) => {
        onAppend(docId);
        const p = (value as Persistence['append']).call(target, docId, update);
        p.catch(() => onAppend(docId));
        return p;
      };
      return wrapped;
    },
  });
}

/** Version of a document's content: its state vector and its delete set (a purge only deletes). */
export function docVersion(doc: Y.Doc): string {
  const sv = Y.encodeStateVector(doc);
  // The update from the document's own state vector holds no structs, only the delete set.
  const ds = Y.encodeStateAsUpdate(doc, sv);
  return crypto.createHash('sha256').update(sv).update(ds).digest('base64url').slice(0, 22);
}

interface Filter {
  kinds: EventKind[] | null;
  section: string | null;
  key: string;
}

function parseFilter(q: URLSearchParams): Filter | string {
  let kinds: EventKind[] | null = null;
  const rawKinds = q.getAll('kind').flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  if (rawKinds.length > 0) {
    for (const k of rawKinds) if (!(EVENT_KINDS as readonly string[]).includes(k)) return `unknown kind ${JSON.stringify(k.slice(0, 40))}; kinds: ${EVENT_KINDS.join(', ')}`;
    kinds = [...new Set(rawKinds as EventKind[])].sort();
  }
  const section = q.get('section')?.trim() || null;
  if (section && section.length > MAX_SECTION_ID) return 'section id too long';
  return { kinds, section, key: `kind=${kinds?.join(',') ?? ''}&section=${section ?? ''}` };
}

/** The feed text of a document, filtered. Synchronous: the room cannot unload meanwhile. */
export function renderFeed(doc: Y.Doc, filter: Pick<Filter, 'kinds' | 'section'>, fallbackName: string, now = Date.now()): string {
  const meta = readMeta(doc);
  const livePlans = new Set(readPlans(doc).plans.filter((p) => !isDeleted(p)).map((p) => p.id));
  const sections: SectionRecord[] = outlineOrder(readSections(doc).sections.filter((s) => livePlans.has(s.planId)));
  let events = liveEvents(doc);
  if (filter.kinds) {
    const kinds = new Set<string>(filter.kinds);
    events = events.filter((e) => kinds.has(e.kind));
  }
  if (filter.section) {
    const within = sectionWithDescendants(sections, filter.section);
    events = events.filter((e) => e.sectionIds?.some((id) => within.has(id)));
  }
  const paths = new Map<string, string>();
  const pathOf = (id: string): string | undefined => {
    if (!paths.has(id)) paths.set(id, sectionLabelPath(sections, id));
    return paths.get(id) || undefined;
  };
  // Own anniversaries are events of no kind and no section: in the unfiltered feed only.
  const observances = filter.kinds || filter.section ? undefined : readOwnObservances(doc).observances;
  return exportIcs(events, {
    calendarName: meta.name.trim() || fallbackName,
    timezone: meta.timezone,
    sectionPaths: (ids) => ids.map(pathOf).filter((p): p is string => !!p),
    observances,
    now,
  });
}

/** Whether an If-None-Match header names this ETag (or is `*`). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const v = t.trim().replace(/^W\//, '');
    return v === '*' || v === etag;
  });
}

export function createIcalFeedHandler(deps: IcalFeedDeps) {
  const { registry, tokens, store, log } = deps;
  const cache = new FeedCache();
  const limiter = new RateLimiter(deps.ratePerMin ?? 20, deps.ratePerMin ?? 20);

  const fail = (res: ServerResponse, status: number, result: FeedResult, code: string, message: string, extra: Record<string, string> = {}) => {
    feedRequests.inc({ result });
    json(res, status, { error: code, message }, extra);
  };

  const send = async (req: IncomingMessage, res: ServerResponse, e: Entry, result: 'rendered' | 'cached'): Promise<void> => {
    const headers = { ETag: e.etag, 'Cache-Control': CACHE_CONTROL, Vary: 'Accept-Encoding' };
    if (matches(req.headers['if-none-match'], e.etag)) {
      feedRequests.inc({ result: 'not_modified' });
      res.writeHead(304, headers);
      res.end();
      return;
    }
    // Compressed off the event loop's main work (zlib's thread pool), once per cached text.
    const wantsGzip = e.body.length > 1024 && /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''));
    if (wantsGzip && !e.gzipped) {
      e.gzipped = gzip(e.body, { level: 6 });
      e.gzipped.catch(() => (e.gzipped = undefined));
    }
    const body = wantsGzip ? await e.gzipped! : e.body;
    feedRequests.inc({ result });
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Length': body.length,
      ...(wantsGzip ? { 'Content-Encoding': 'gzip' } : {}),
      'Content-Disposition': 'inline; filename="calendar.ics"',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'bad_request', 'method_not_allowed', 'use GET', { Allow: 'GET, HEAD' });
    const m = /^\/ical\/([^/]+)\.ics$/.exec(url.pathname);
    const id = m?.[1];
    if (!id || !WORKSPACE_ID_PATTERN.test(id)) return fail(res, 404, 'not_found', 'not_found', 'no such workspace');
    const filter = parseFilter(url.searchParams);
    if (typeof filter === 'string') return fail(res, 400, 'bad_request', 'bad_filter', filter);
    // An unknown id answers 404 whatever the token (the contract's choice; ids are random
    // enough not to be guessed); a known one gives nothing without a current token of its own.
    const grant = await tokens.verify(url.searchParams.get('token'));
    const rec = await registry.get(id);
    if (!rec) return fail(res, 404, 'not_found', 'not_found', 'no such workspace');
    if (!grant || grant.ws !== id || grant.gen !== rec.gen) return fail(res, 401, 'unauthorized', 'unauthorized', 'a current link token of this workspace is required');

    const day = new Date().toISOString().slice(0, 10);
    const key = `${id}\n${filter.key}\n${day}`;
    const hit = cache.get(key);
    if (hit && !store.shared) return send(req, res, hit, 'cached');
    const inMemory = deps.loadedRoom(id);
    if (hit && inMemory?.state === 'ready' && docVersion(inMemory.doc) === hit.version) return send(req, res, hit, 'cached');

    const wait = limiter.take(`${req.socket.remoteAddress ?? ''} ${id}`);
    if (wait > 0) return fail(res, 429, 'rate_limited', 'rate_limited', `too many feed requests; retry in ${wait} s`, { 'Retry-After': String(wait) });
    const t0 = performance.now();
    const room = inMemory?.state === 'ready' ? inMemory : await deps.openRoom(id);
    await room.ready;
    // From here to the answer, nothing awaits: a room with no sockets unloads on a timer,
    // which cannot run before this synchronous read is done.
    if (room.state !== 'ready') return fail(res, 503, 'unavailable', 'unavailable', 'the workspace could not be loaded; try again later', { 'Retry-After': '5' });
    const version = docVersion(room.doc);
    const again = cache.get(key);
    if (again && again.version === version) return send(req, res, again, 'cached');
    const entry = renderEntry(room.doc, id, filter, rec.name || id, version, day);
    feedRender.observe((performance.now() - t0) / 1000);
    return send(req, res, entry, 'rendered');
  };

  const renderEntry = (doc: Y.Doc, id: string, filter: Filter, name: string, version: string, day: string): Entry => {
    const body = Buffer.from(renderFeed(doc, filter, name), 'utf8');
    const etag = `"${crypto.createHash('sha256').update(`${version}\n${filter.key}\n${day}`).digest('base64url').slice(0, 27)}"`;
    const entry: Entry = { etag, body, version, filter, name };
    cache.set(`${id}\n${filter.key}\n${day}`, entry);
    return entry;
  };

  /**
   * Feeds people subscribe to are rendered again RERENDER_MS after the last change, while the
   * room is still in memory, so their next poll is a cache hit instead of a render (or a load of
   * the whole document, once the room has unloaded). Only the filters that were cached (asked
   * for today), at most MAX_RERENDERS of them per workspace.
   */
  const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; filters: Map<string, { filter: Filter; name: string }> }>();
  const scheduleRerender = (id: string, dropped: Entry[]) => {
    const job = pending.get(id) ?? { timer: undefined as unknown as ReturnType<typeof setTimeout>, filters: new Map() };
    for (const e of dropped) if (e.filter && job.filters.size < MAX_RERENDERS) job.filters.set(e.filter.key, { filter: e.filter, name: e.name ?? id });
    if (job.filters.size === 0) return;
    clearTimeout(job.timer);
    job.timer = setTimeout(() => {
      pending.delete(id);
      const room = deps.loadedRoom(id);
      if (room?.state !== 'ready') return;
      const version = docVersion(room.doc);
      const day = new Date().toISOString().slice(0, 10);
      for (const { filter, name } of job.filters.values()) {
        const t0 = performance.now();
        try {
          renderEntry(room.doc, id, filter, name, version, day);
          feedRender.observe((performance.now() - t0) / 1000);
        } catch (err) {
          log.error('ical feed re-render failed', { room: id, err: err as Error });
        }
      }
    }, RERENDER_MS);
    job.timer.unref?.();
    pending.set(id, job);
  };

  return {
    /** An update of docId is being stored (embedded mode): its cached feeds are stale. */
    changed(docId: string): void {
      const dropped = cache.invalidate(docId);
      if (dropped.length > 0 || pending.has(docId)) scheduleRerender(docId, dropped);
    },
    handle(req: IncomingMessage, res: ServerResponse, url: URL): void {
      handle(req, res, url).catch((err: Error) => {
        if (store.accepting && !store.accepting()) {
          if (!res.headersSent) fail(res, 503, 'unavailable', 'unavailable', 'storage unavailable; try again later', { 'Retry-After': '5' });
          return;
        }
        log.error('ical feed error', { err });
        if (!res.headersSent) fail(res, 500, 'error', 'internal', 'internal error');
        else res.destroy();
      });
    },
  };
}
