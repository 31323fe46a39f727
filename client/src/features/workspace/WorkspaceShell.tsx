import { createResource, createSignal, ErrorBoundary, lazy, onCleanup, Show, type ParentProps } from 'solid-js';
import { A, useLocation, useNavigate, useParams } from '@solidjs/router';
import { PresenceAvatars } from '../collab/PresenceAvatars';
import { NamePrompt } from '../collab/NamePrompt';
import { SyncStatus } from '../collab/SyncStatus';
import { shareOpen, setShareOpen } from '../collab/share-open';
import { openSession } from '../../stores/workspace-list';
import { WorkspaceProvider, useWorkspace } from '../../stores/workspace-context';
import { t } from '../../i18n';
import { LanguageToggle } from '../../ui/LanguageToggle';
import { useUndoShortcuts } from './undo-shortcuts';
import { useShortcuts } from '../keys/use-keys';

const ShareDialog = lazy(() => import('../collab/ShareDialog').then((m) => ({ default: m.ShareDialog })));
const ShortcutsDialog = lazy(() => import('../keys/ShortcutsDialog'));

function TopBar() {
  const ws = useWorkspace();
  useUndoShortcuts();
  const [keysOpen, setKeysOpen] = createSignal(false);
  useShortcuts('everywhere', { help: () => void setKeysOpen(true) });
  onCleanup(() => setShareOpen(false));
  // No name is asked for before acting: a guest name (访客 3F2A) until one is chosen from the avatar.
  const [naming, setNaming] = createSignal(false);
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
        <A href={`/w/${ws.id}/timeline`} data-testid="timeline-link">
          {t('timeline')}
        </A>
        <A href={`/w/${ws.id}/plan`} data-testid="plan-link">
          {t('plans')}
        </A>
        <A href={`/w/${ws.id}/teams`} data-testid="teams-link">
          {t('teamsTab')}
        </A>
        <A href={`/w/${ws.id}/trash`} data-testid="trash-link">
          {t('trash')}
          <Show when={Object.keys(ws.lists.deleted).length + ws.trashedCampaigns().length + ws.trashedTeams().length + ws.trashedUnits().length + ws.trashedObservances().length + ws.trashedTemplates().length}>{(n) => <span class="badge">{n()}</span>}</Show>
        </A>
      </nav>
      <span class="spacer" />
      <PresenceAvatars onRename={() => setNaming(true)} />
      <button type="button" class="icon-btn" data-testid="shortcuts-button" aria-label={t('keyboardShortcuts')} title={t('keyboardShortcuts')} onClick={() => setKeysOpen(true)}>
        ?
      </button>
      <Show when={keysOpen()}>
        <ShortcutsDialog onClose={() => setKeysOpen(false)} />
      </Show>
      <button type="button" data-testid="share" onClick={() => setShareOpen(true)}>
        {t('share')}
      </button>
      <button type="button" disabled={!ws.canUndo()} onClick={() => ws.undo()} title="Ctrl+Z" data-testid="undo">
        {t('undo')}
      </button>
      <button type="button" disabled={!ws.canRedo()} onClick={() => ws.redo()} title="Ctrl+Shift+Z" data-testid="redo">
        {t('redo')}
      </button>
      <SyncStatus />
      <LanguageToggle />
      <Show when={shareOpen()}>
        <ShareDialog onClose={() => setShareOpen(false)} />
      </Show>
      <Show when={naming()}>
        <NamePrompt onClose={() => setNaming(false)} />
      </Show>
    </header>
  );
}

/** Says why a workspace cannot be edited when that is not obvious (a view link shows its own badge). */
function ReadOnlyNotice() {
  const ws = useWorkspace();
  return (
    <Show when={ws.readOnly() === 'newer-schema'}>
      <p class="notice workspace-notice" role="status" data-testid="newer-schema">
        {t('newerSchema')}
      </p>
    </Show>
  );
}

/** Opens the workspace from IndexedDB (an unknown id becomes an empty local workspace) and frames its pages. */
export function WorkspaceShell(props: ParentProps) {
  const params = useParams<{ id: string }>();
  const location = useLocation();
  const navigate = useNavigate();
  const [open] = createResource(
    () => params.id,
    async (id) => {
      // A share link (Contract 2): keep its token on this device, then take it out of the address bar.
      const token = new URLSearchParams(location.search).get('token');
      const ws = await openSession(id, token);
      if (token) {
        const rest = new URLSearchParams(location.search);
        rest.delete('token');
        navigate(`${location.pathname}${rest.size ? `?${rest}` : ''}`, { replace: true });
      }
      performance.mark('cc:workspace-open');
      // Pages without a calendar (or a calendar that never fetches) still get their doc soon.
      setTimeout(() => ws.load(), 400);
      void ws.loaded.then(() => performance.mark('cc:doc-loaded'));
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
              <ReadOnlyNotice />
              {props.children}
            </div>
          </WorkspaceProvider>
        )}
      </Show>
    </ErrorBoundary>
  );
}
