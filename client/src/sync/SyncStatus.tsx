import { t } from '../app/i18n';

/** Contract 3 hook. Until a relay is configured the workspace lives only on this device. */
export function SyncStatus() {
  return (
    <span class="sync-status" data-testid="sync-status" data-state="local" title={t('syncLocal')}>
      <span class="dot" />
      {t('syncLocal')}
    </span>
  );
}
