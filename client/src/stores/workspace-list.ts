import { newId } from '@shared/schema/ids';
import type { Result } from '@shared/workspace';
import { acceptShareToken, readAccess } from '../storage/access';
import { openWorkspace, requestPersistentStorage, type OpenWorkspace } from '../storage/open-workspace';
import { deleteWorkspace, watchWorkspaces, type WorkspaceSummary } from '../storage/workspace-registry';
import { displayName } from './display-name';

export { watchWorkspaces, type WorkspaceSummary };

/** A new local workspace (the id fits the relay's rule, so it can be shared later); returns its id. */
export async function createLocalWorkspace(name: string): Promise<string> {
  const id = newId();
  const ws = await openWorkspace(id, name);
  try {
    ws.load();
    await ws.loaded;
  } finally {
    ws.close();
  }
  return id;
}

/**
 * Renames through the workspace document (so the name travels with it; the list mirrors it),
 * with the role this device holds: a view link cannot rename.
 */
export async function renameWorkspace(id: string, name: string): Promise<Result<boolean>> {
  const ws = await openWorkspace(id);
  const access = await readAccess(id);
  const { createWorkspaceApi } = await import('@shared/workspace');
  const api = createWorkspaceApi(ws.doc, { role: () => access?.role, by: () => displayName() || undefined });
  try {
    ws.load();
    await ws.loaded;
    return api.run('workspace.rename', { name });
  } finally {
    api.destroy();
    ws.close();
  }
}

export const removeWorkspace = deleteWorkspace;

/**
 * Opens a workspace for its pages. A share link's token (Contract 2) is stored on this device
 * first; the caller then takes it out of the address bar.
 */
export async function openSession(id: string, token: string | null): Promise<OpenWorkspace> {
  const ws = await openWorkspace(id);
  if (token) await acceptShareToken(id, token);
  void requestPersistentStorage();
  return ws;
}
