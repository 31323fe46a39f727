import { createSignal, For, from, Show } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime, t } from '../../i18n';
import { LanguageToggle } from '../../ui/LanguageToggle';
import {
  createLocalWorkspace,
  removeWorkspace,
  renameWorkspace,
  watchWorkspaces,
  type WorkspaceSummary,
} from '../../stores/workspace-list';

export function WorkspacesPage() {
  const navigate = useNavigate();
  const workspaces = from(watchWorkspaces());
  const [name, setName] = createSignal('');
  const [renaming, setRenaming] = createSignal<string | null>(null);
  const [confirmDelete, setConfirmDelete] = createSignal<WorkspaceSummary | null>(null);

  const create = async (e: Event) => {
    e.preventDefault();
    const id = await createLocalWorkspace(name().trim() || t('untitledWorkspace'));
    setName('');
    navigate(`/w/${id}`);
  };

  const fmt = (ms: number) => formatDateTime(ms);
  const [error, setError] = createSignal('');

  return (
    <main class="workspaces-page">
      <header class="top-bar">
        <h1>{t('appName')}</h1>
        <span class="spacer" />
        <LanguageToggle />
      </header>
      <section class="card">
        <form class="inline-form" onSubmit={create}>
          <input
            name="workspaceName"
            placeholder={t('workspaceName')}
            value={name()}
            maxLength={120}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <button type="submit" class="primary" data-testid="create-workspace">
            {t('newWorkspace')}
          </button>
        </form>
      </section>
      <section class="card">
        <h2>{t('workspaces')}</h2>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
        <Show when={(workspaces() ?? []).length > 0} fallback={<p class="empty">{t('noWorkspaces')}</p>}>
          <ul class="workspace-list" data-testid="workspace-list">
            <For each={workspaces()}>
              {(w) => (
                <li>
                  <Show
                    when={renaming() === w.id}
                    fallback={
                      <A href={`/w/${w.id}`} class="ws-name">
                        {w.name || t('untitledWorkspace')}
                      </A>
                    }
                  >
                    <form
                      class="inline-form"
                      onSubmit={async (e) => {
                        e.preventDefault();
                        const input = e.currentTarget.elements.namedItem('rename') as HTMLInputElement;
                        const r = await renameWorkspace(w.id, input.value.trim() || w.name);
                        setError(r.ok ? '' : r.error.message);
                        setRenaming(null);
                      }}
                    >
                      <input name="rename" value={w.name} maxLength={120} autofocus />
                      <button type="submit">{t('save')}</button>
                      <button type="button" onClick={() => setRenaming(null)}>
                        {t('cancel')}
                      </button>
                    </form>
                  </Show>
                  <span class="muted">
                    {t('lastOpened')} {fmt(w.openedAt)}
                  </span>
                  <span class="spacer" />
                  <button type="button" onClick={() => setRenaming(w.id)}>
                    {t('rename')}
                  </button>
                  <button type="button" class="danger" onClick={() => setConfirmDelete(w)}>
                    {t('delete')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <Show when={confirmDelete()}>
        {(w) => (
          <Dialog title={t('delete')} onClose={() => setConfirmDelete(null)} testid="confirm-delete">
            <p>{t('confirmDeleteWorkspace', { name: w().name || t('untitledWorkspace') })}</p>
            <footer class="editor-actions">
              <span class="spacer" />
              <button type="button" onClick={() => setConfirmDelete(null)}>
                {t('cancel')}
              </button>
              <button
                type="button"
                class="danger"
                data-testid="confirm-delete-button"
                onClick={async () => {
                  await removeWorkspace(w().id);
                  setConfirmDelete(null);
                }}
              >
                {t('delete')}
              </button>
            </footer>
          </Dialog>
        )}
      </Show>
    </main>
  );
}
