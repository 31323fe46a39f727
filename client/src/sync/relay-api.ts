/** The relay's JSON API (Contract 2), on the origin that served the app. */
export interface IssuedTokens {
  id: string;
  ownerToken: string;
  editToken: string;
  viewToken: string;
}

export class RelayApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call(path: string, init: RequestInit): Promise<IssuedTokens> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });
  } catch {
    throw new RelayApiError(0, 'offline', 'network');
  }
  const body = (await res.json().catch(() => ({}))) as Partial<IssuedTokens> & { error?: string; message?: string };
  if (!res.ok) throw new RelayApiError(res.status, body.error ?? 'error', body.message ?? res.statusText);
  return body as IssuedTokens;
}

/** Register a workspace made on this device, keeping its id. 409 when the id is taken. */
export const registerWorkspace = (id: string, name: string) =>
  call('/api/workspaces', { method: 'POST', body: JSON.stringify({ id, name: name.slice(0, 200) }) });

/** New links for everyone; the old ones stop working at once. */
export const rotateLinks = (id: string, ownerToken: string) =>
  call(`/api/workspaces/${encodeURIComponent(id)}/rotate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ownerToken}` },
  });

export const shareUrl = (id: string, token: string) =>
  `${location.origin}/w/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`;
