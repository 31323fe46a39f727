import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WORKSPACE_ID_PATTERN } from '../../../shared/src/protocol/message-types';
import type { Tokens } from '../auth/tokens';
import type { Logger } from '../log';
import type { WorkspaceRegistry } from '../workspaces/registry';
import { RateLimiter } from './rate-limit';

/**
 * JSON API (Contract 2):
 *   POST /api/workspaces              {"id"?, "name"?} -> 201 {id, name, ownerToken, editToken, viewToken} | 400 | 409
 *   POST /api/workspaces/:id/rotate   Authorization: Bearer <owner token> -> 200 {id, ownerToken, editToken, viewToken} | 401 | 404
 * Errors are {"error": code, "message": text}. Both are limited per address (429 with
 * Retry-After); with REGISTRATION=token, registering needs `Authorization: Bearer
 * <REGISTRATION_TOKEN>` (else 403 registration_token_required).
 */
export interface ApiDeps {
  registry: WorkspaceRegistry;
  tokens: Tokens;
  log: Logger;
  allowedOrigins: string[];
  /** Called after a rotation so live sockets with old tokens are closed. */
  onRotate(id: string, gen: number): void;
  /** Set: only callers presenting it may register workspaces. */
  registrationToken?: string;
  /** Registrations and rotations per minute per address. */
  ratePerMin?: number;
}

const MAX_BODY = 64 * 1024;
const MAX_NAME = 200;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A JSON answer that is never cached (also used for /healthz). */
export function json(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (type && !/^application\/json\b/i.test(type)) throw new HttpError(415, 'unsupported_media_type', 'send application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, 'too_large', `body over ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'bad_json', 'body is not valid JSON');
  }
}

export function newWorkspaceId(): string {
  return crypto.randomBytes(12).toString('base64url');
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

export function createApiHandler(deps: ApiDeps) {
  const { registry, tokens, log } = deps;
  const limiter = new RateLimiter(deps.ratePerMin ?? 10, deps.ratePerMin ?? 10);

  const cors = (req: IncomingMessage): Record<string, string> => {
    const origin = req.headers.origin;
    if (!origin) return {};
    if (deps.allowedOrigins.length > 0 && !deps.allowedOrigins.includes(origin)) return {};
    return {
      'Access-Control-Allow-Origin': deps.allowedOrigins.length > 0 ? origin : '*',
      'Access-Control-Allow-Headers': 'Content-Type, Authorization',
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      Vary: 'Origin',
    };
  };

  async function create(req: IncomingMessage): Promise<[number, unknown]> {
    if (deps.registrationToken) {
      const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      if (!m || !sameSecret(m[1]!, deps.registrationToken)) {
        throw new HttpError(403, 'registration_token_required', 'this server registers workspaces only with its registration token');
      }
    }
    const body = await readJson(req);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'bad_request', 'body must be a JSON object');
    const { id: rawId, name: rawName } = body as Record<string, unknown>;
    if (rawId !== undefined && (typeof rawId !== 'string' || !WORKSPACE_ID_PATTERN.test(rawId))) {
      throw new HttpError(400, 'bad_id', 'id must be 8-64 characters of A-Z a-z 0-9 _ -');
    }
    if (rawName !== undefined && (typeof rawName !== 'string' || rawName.length > MAX_NAME)) {
      throw new HttpError(400, 'bad_name', `name must be a string of at most ${MAX_NAME} characters`);
    }
    const id = (rawId as string | undefined) ?? newWorkspaceId();
    const rec = await registry.create(id, ((rawName as string | undefined) ?? '').trim());
    if (!rec) throw new HttpError(409, 'exists', 'a workspace with this id is already registered');
    log.info('workspace registered', { room: id });
    return [201, { id, name: rec.name, ...(await tokens.issueAll(id, rec.gen)) }];
  }

  async function rotate(req: IncomingMessage, id: string): Promise<[number, unknown]> {
    const auth = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const grant = m ? await tokens.verify(m[1]) : null;
    const cur = await registry.get(id);
    if (!grant || grant.ws !== id || grant.role !== 'owner' || !cur || grant.gen !== cur.gen) {
      throw new HttpError(401, 'unauthorized', 'the current owner token is required');
    }
    // Serialised per workspace and tied to the generation the caller proved: of two concurrent
    // rotations with one owner token, the second finds its token already rotated away.
    const rec = await registry.rotate(id, grant.gen);
    if (rec === 'stale') throw new HttpError(401, 'unauthorized', 'the current owner token is required');
    if (!rec) throw new HttpError(404, 'not_found', 'no such workspace');
    deps.onRotate(id, rec.gen);
    log.info('workspace links rotated', { room: id, gen: rec.gen });
    return [200, { id, name: rec.name, ...(await tokens.issueAll(id, rec.gen)) }];
  }

  return async (req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> => {
    const headers = cors(req);
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, headers);
        res.end();
        return;
      }
      let result: [number, unknown];
      if (req.method === 'POST') {
        const wait = limiter.take(req.socket.remoteAddress ?? '');
        if (wait > 0) {
          json(res, 429, { error: 'rate_limited', message: `too many requests; retry in ${wait} s` }, { ...headers, 'Retry-After': String(wait) });
          return;
        }
      }
      const rot = /^\/api\/workspaces\/([^/]+)\/rotate$/.exec(urlPath);
      if (urlPath === '/api/workspaces') {
        if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST');
        result = await create(req);
      } else if (rot) {
        if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST');
        const id = rot[1]!;
        if (!WORKSPACE_ID_PATTERN.test(id)) throw new HttpError(404, 'not_found', 'no such workspace');
        result = await rotate(req, id);
      } else {
        throw new HttpError(404, 'not_found', 'no such endpoint');
      }
      json(res, result[0], result[1], headers);
    } catch (err) {
      if (err instanceof HttpError) {
        json(res, err.status, { error: err.code, message: err.message }, headers);
      } else {
        log.error('api error', { path: urlPath, err: err as Error });
        json(res, 500, { error: 'internal', message: 'internal error' }, headers);
      }
    }
  };
}
