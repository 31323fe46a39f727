import { createSignal } from 'solid-js';
import { Dialog } from '../../ui/Dialog';
import { displayName, setDisplayName } from '../../stores/display-name';
import { t } from '../../i18n';

/** Asked once per device, before collaborating: the name others see and `updatedBy` records. */
export function NamePrompt(props: { onClose: () => void }) {
  const [name, setName] = createSignal(displayName());
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
        <input name="displayName" value={name()} maxLength={40} autofocus placeholder={t('yourNameHint')} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" class="primary" data-testid="save-name">
          {t('save')}
        </button>
      </form>
    </Dialog>
  );
}
