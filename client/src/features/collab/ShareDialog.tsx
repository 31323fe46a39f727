import { createResource, createSignal, Show } from 'solid-js';
import { createTranslator } from '@shared/i18n/format';
import { Dialog } from '../../ui/Dialog';
import { locale, t } from '../../i18n';
import { useWorkspace } from '../../stores/workspace-context';
import './share.css';
import { registerWorkspace, rotateLinks, RelayApiError, shareUrl, type IssuedTokens } from '../../sync/relay-api';

// The subscription section's own strings (this dialog is its own lazy chunk).
const MESSAGES = {
  zh: {
    subscribe: '订阅到手机/Outlook',
    subscribeHint: '在手机（iPhone、安卓）或 Outlook 里打开这个链接即可订阅本日历：只读，随工作区自动更新（各应用刷新频率不同，一般几分钟到几小时）。',
    webcalLink: '订阅链接',
    httpsHint: '或者把这个 https 链接粘贴到 Outlook 网页版、Google 日历的“通过网址添加”：',
    httpsLink: 'https 链接',
    qr: '订阅链接的二维码：用手机相机扫描即可订阅',
    qrLoading: '正在生成二维码…',
    qrFailed: '二维码无法生成，请复制链接。',
    personalToken: '这个订阅链接含有你的编辑权限，只供你自己的设备使用，请勿转发。',
  },
  en: {
    subscribe: 'Subscribe on phone / Outlook',
    subscribeHint: 'Open this link on a phone (iPhone, Android) or in Outlook to subscribe to this calendar: read-only, and it follows the workspace (each app refreshes on its own schedule, minutes to hours).',
    webcalLink: 'Subscribe link',
    httpsHint: '…or paste this https link into Outlook on the web or Google Calendar ("From URL"):',
    httpsLink: 'https link',
    qr: 'QR code of the subscribe link: scan it with a phone camera to subscribe',
    qrLoading: 'Making the QR code…',
    qrFailed: 'The QR code could not be made; copy the link instead.',
    personalToken: 'This subscribe link carries your edit access: use it on your own devices only, do not pass it on.',
  },
} as const;
const st = createTranslator<keyof (typeof MESSAGES)['zh']>(MESSAGES, locale);

/** The feed's address (Contract 2): `https://host/ical/<id>.ics?token=…`; `webcal://…` for calendar apps. */
export function feedUrl(id: string, token: string, scheme: 'https' | 'webcal'): string {
  const path = `/ical/${encodeURIComponent(id)}.ics?token=${encodeURIComponent(token)}`;
  return scheme === 'webcal' ? `webcal://${location.host}${path}` : `${location.origin}${path}`;
}

/** One SVG path of the dark modules, a run of each row as one rectangle. */
function qrPath(data: boolean[][]): string {
  let d = '';
  data.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let w = 1;
      while (row[x + w]) w++;
      d += `M${x},${y}h${w}v1h-${w}z`;
      x += w - 1;
    }
  });
  return d;
}

/** A QR code of `text`, drawn as inline SVG; the encoder (uqr, ~4 KB gzip) loads with the first one shown. */
function QrCode(props: { text: string }) {
  const [qr] = createResource(
    () => props.text,
    async (text) => {
      const { encode } = await import('uqr');
      const { size, data } = encode(text, { ecc: 'L', border: 2 });
      return { size, d: qrPath(data) };
    },
  );
  return (
    <div class="share-qr">
      <Show when={!qr.error} fallback={<p class="muted">{st('qrFailed')}</p>}>
        <Show when={qr()} fallback={<p class="muted">{st('qrLoading')}</p>}>
          {(q) => (
            <svg viewBox={`0 0 ${q().size} ${q().size}`} role="img" aria-label={st('qr')} data-testid="ical-feed-qr" shape-rendering="crispEdges">
              <title>{st('qr')}</title>
              <rect width={q().size} height={q().size} fill="#fff" />
              <path d={q().d} fill="#000" />
            </svg>
          )}
        </Show>
      </Show>
    </div>
  );
}

/** "Subscribe on phone / Outlook": the webcal link, its https form and a QR code. */
function SubscribeSection(props: { id: string; token: string; personal?: boolean }) {
  const headingId = `sub-${Math.random().toString(36).slice(2, 9)}`;
  const webcal = () => feedUrl(props.id, props.token, 'webcal');
  return (
    <section class="share-subscribe" aria-labelledby={headingId}>
      <h3 id={headingId}>{st('subscribe')}</h3>
      <p class="muted">{st('subscribeHint')}</p>
      <Show when={props.personal}>
        <p class="share-warning">{st('personalToken')}</p>
      </Show>
      <div class="share-subscribe-body">
        <div class="share-subscribe-links">
          <LinkRow label={st('webcalLink')} url={webcal()} testid="ical-feed-link" />
          <p class="muted">{st('httpsHint')}</p>
          <LinkRow label={st('httpsLink')} url={feedUrl(props.id, props.token, 'https')} testid="ical-feed-https" />
        </div>
        <QrCode text={webcal()} />
      </div>
    </section>
  );
}

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
        <Show
          when={links()}
          fallback={
            <>
              <p>{t('shareNotOwner')}</p>
              <Show when={ws.sync.access()?.token}>
                {(token) => <SubscribeSection id={ws.id} token={token()} personal={ws.sync.access()?.role !== 'view'} />}
              </Show>
            </>
          }
        >
          {(l) => (
            <div class="share-links">
              <LinkRow label={t('editLink')} url={shareUrl(ws.id, l().editToken)} testid="edit-link" />
              <LinkRow label={t('viewLink')} url={shareUrl(ws.id, l().viewToken)} testid="view-link" />
              <p class="muted">{t('shareHint')}</p>
              <SubscribeSection id={ws.id} token={l().viewToken || l().editToken || l().ownerToken} />
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
