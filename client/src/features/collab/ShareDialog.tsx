import { createSignal, Show } from 'solid-js';
import { Dialog } from '../../ui/Dialog';
import { t } from '../../i18n';
import { useWorkspace } from '../../stores/workspace-context';
import { registerWorkspace, rotateLinks, RelayApiError, shareUrl, type IssuedTokens } from '../../sync/relay-api';

function LinkRow(props: { label: string; url: string; testid: string }) {
  const [copied, setCopied] = createSignal(false);
  let input!: HTMLInputElement;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.url);
    } catch {
      // No clipboard permission (http, old browser): leave the link selected for Ctrl+C.
      input.select();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <label class="share-row">
      <span>{props.label}</span>
      <input ref={input} readOnly value={props.url} data-testid={props.testid} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={copy}>
        {copied() ? t('copied') : t('copy')}
      </button>
    </label>
  );
}

/**
 * Registers a local workspace with the relay (keeping its id) and shows the edit and view
 * links. The owner can rotate them, which locks out every old link at once.
 */
export function ShareDialog(props: { onClose: () => void }) {
  const ws = useWorkspace();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const links = () => ws.sync.access()?.links;

  const adopt = async (tokens: IssuedTokens) => {
    await ws.sync.setAccess({
      role: 'owner',
      token: tokens.ownerToken,
      links: { ownerToken: tokens.ownerToken, editToken: tokens.editToken, viewToken: tokens.viewToken },
    });
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (e) {
      if (e instanceof RelayApiError && e.status === 409) setError(t('shareTaken'));
      else if (e instanceof RelayApiError && e.status === 0) setError(t('shareOffline'));
      else if (e instanceof RelayApiError && e.status === 429) setError(t('shareRateLimited'));
      else if (e instanceof RelayApiError && e.code === 'registration_token_required') setError(t('shareRegistrationClosed'));
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('share')} onClose={props.onClose} testid="share-dialog" wide>
      <Show
        when={ws.sync.access()}
        fallback={
          <div class="share-start">
            <p>{t('shareIntro')}</p>
            <button
              type="button"
              class="primary"
              disabled={busy()}
              data-testid="start-sharing"
              onClick={() => run(async () => adopt(await registerWorkspace(ws.id, ws.name())))}
            >
              {t('startSharing')}
            </button>
          </div>
        }
      >
        <Show when={links()} fallback={<p>{t('shareNotOwner')}</p>}>
          {(l) => (
            <div class="share-links">
              <LinkRow label={t('editLink')} url={shareUrl(ws.id, l().editToken)} testid="edit-link" />
              <LinkRow label={t('viewLink')} url={shareUrl(ws.id, l().viewToken)} testid="view-link" />
              <p class="muted">{t('shareHint')}</p>
              <button
                type="button"
                class="danger"
                disabled={busy()}
                data-testid="rotate-links"
                onClick={() =>
                  confirm(t('rotateConfirm')) && run(async () => adopt(await rotateLinks(ws.id, l().ownerToken)))
                }
              >
                {t('rotateLinks')}
              </button>
            </div>
          )}
        </Show>
      </Show>
      <Show when={error()}>
        <p class="error" data-testid="share-error">
          {error()}
        </p>
      </Show>
    </Dialog>
  );
}
