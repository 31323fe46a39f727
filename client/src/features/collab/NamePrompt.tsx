import { createSignal } from 'solid-js';
import { Dialog } from '../../ui/Dialog';
import { chosenName, setDisplayName } from '../../stores/display-name';
import { t } from '../../i18n';

/**
 * The name others see and `updatedBy` records. Never asked before acting (until a name is
 * chosen one is a guest, 访客 3F2A): opened from one's own avatar, at any time.
 */
export function NamePrompt(props: { onClose: () => void }) {
  const [name, setName] = createSignal(chosenName());
  return (
    <Dialog title={t('yourName')} onClose={props.onClose} testid="name-prompt">
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name().trim()) return;
          setDisplayName(name());
          props.onClose();
        }}
      >
        <input name="displayName" aria-label={t('yourName')} value={name()} maxLength={40} autofocus placeholder={t('yourNameHint')} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" class="primary" data-testid="save-name">
          {t('save')}
        </button>
      </form>
    </Dialog>
  );
}
