import { Show } from 'solid-js';
import { formatTime, t } from '../../i18n';
import { useWorkspace } from '../../stores/workspace-context';

const LABEL = { local: 'syncLocal', offline: 'syncOffline', connecting: 'syncConnecting', synced: 'syncSynced' } as const;
const PROBLEM = { revoked: 'accessRevoked', 'update-refused': 'updateRefused', rejected: 'accessRejected' } as const;

/** Contract 3 hook: `data-state` is local, offline, connecting or synced. */
export function SyncStatus() {
  const ws = useWorkspace();
  const time = () => {
    const at = ws.sync.lastSyncedAt();
    return at ? formatTime(at) : '';
  };
  return (
    <span
      class="sync-status"
      data-testid="sync-status"
      data-state={ws.sync.state()}
      title={time() ? t('lastSynced', { time: time() }) : t(LABEL[ws.sync.state()])}
    >
      <span class="dot" />
      {t(LABEL[ws.sync.state()])}
      <Show when={ws.sync.state() !== 'local' && time()}>
        <span class="muted"> · {time()}</span>
      </Show>
      <Show when={ws.sync.problem()}>
        <span class="error"> · {t(PROBLEM[ws.sync.problem()!])}</span>
      </Show>
    </span>
  );
}
