import { createResource, ErrorBoundary, onCleanup, Show, type ParentProps } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { openWorkspace, requestPersistentStorage } from '../../storage/open-workspace';
import { WorkspaceProvider, useWorkspace } from '../../stores/workspace-context';
import { t } from '../../app/i18n';
import { LanguageToggle } from '../../ui/LanguageToggle';
import { SyncStatus } from '../../sync/SyncStatus';
import { useUndoShortcuts } from './undo-shortcuts';

function TopBar() {
  const ws = useWorkspace();
  useUndoShortcuts();
  return (
    <header class="top-bar">
      <A href="/" class="home-link" title={t('workspaces')}>
        ‹ {t('appName')}
      </A>
      <h1 class="ws-title" data-testid="workspace-name">
        {ws.name() || t('untitledWorkspace')}
      </h1>
      <nav class="tabs">
        <A href={`/w/${ws.id}`} end>
          {t('calendar')}
        </A>
        <A href={`/w/${ws.id}/trash`} data-testid="trash-link">
          {t('trash')}
          <Show when={Object.keys(ws.lists.deleted).length}>{(n) => <span class="badge">{n()}</span>}</Show>
        </A>
      </nav>
      <span class="spacer" />
      <button type="button" disabled={!ws.canUndo()} onClick={() => ws.undo()} title="Ctrl+Z" data-testid="undo">
        {t('undo')}
      </button>
      <button type="button" disabled={!ws.canRedo()} onClick={() => ws.redo()} title="Ctrl+Shift+Z" data-testid="redo">
        {t('redo')}
      </button>
      <SyncStatus />
      <LanguageToggle />
    </header>
  );
}

/** Opens the workspace from IndexedDB (an unknown id becomes an empty local workspace) and frames its pages. */
export function WorkspaceShell(props: ParentProps) {
  const params = useParams<{ id: string }>();
  const [open] = createResource(
    () => params.id,
    async (id) => {
      const ws = await openWorkspace(id);
      performance.mark('cc:workspace-open');
      // Pages without a calendar (or a calendar that never fetches) still get their doc soon.
      setTimeout(() => ws.load(), 400);
      void ws.loaded.then(() => performance.mark('cc:doc-loaded'));
      void requestPersistentStorage();
      return ws;
    },
  );
  onCleanup(() => open()?.close());
  return (
    <ErrorBoundary fallback={(err) => <p class="page-message error">{String(err)}</p>}>
      <Show when={open()} fallback={<p class="page-message">{t('loading')}</p>} keyed>
        {(ws) => (
          <WorkspaceProvider open={ws}>
            <div class="workspace">
              <TopBar />
              {props.children}
            </div>
          </WorkspaceProvider>
        )}
      </Show>
    </ErrorBoundary>
  );
}
