import type { Role } from '@shared/protocol';
import { db, type WorkspaceAccess } from './db';

export type { WorkspaceAccess };

/** Reads the role from a token's claims. Not a verification: the relay checks the signature. */
export function roleOfToken(token: string): Role | null {
  try {
    const payload = token.split('.')[1];
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return json.role === 'owner' || json.role === 'edit' || json.role === 'view' ? json.role : null;
  } catch {
    return null;
  }
}

export async function readAccess(ws: string): Promise<WorkspaceAccess | undefined> {
  return (await db().workspaces.get(ws))?.access;
}

export async function saveAccess(ws: string, access: WorkspaceAccess): Promise<void> {
  await db().workspaces.update(ws, { access });
}

/**
 * A share link's token joins this device to the workspace. A stronger role already held here
 * (the owner opening their own view link) is kept.
 */
export async function acceptShareToken(ws: string, token: string): Promise<WorkspaceAccess | null> {
  const role = roleOfToken(token);
  if (!role) return null;
  const current = await readAccess(ws);
  const rank: Record<Role, number> = { view: 0, edit: 1, owner: 2 };
  if (current && rank[current.role] > rank[role]) return current;
  const access: WorkspaceAccess = { ...current, role, token };
  await saveAccess(ws, access);
  return access;
}
