import { onCleanup, onMount, type JSX, type ParentProps } from 'solid-js';
import { t } from '../i18n';

/**
 * A modal on the native <dialog>: `showModal()` moves focus in and traps it, Esc closes (the
 * cancel event goes to onClose), a click on the backdrop closes, and on close focus goes back
 * to whatever had it when the dialog opened (the button that opened it).
 */
export function Dialog(props: ParentProps<{ title: string; onClose: () => void; testid?: string; wide?: boolean }>) {
  let el!: HTMLDialogElement;
  const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  onMount(() => el.showModal());
  onCleanup(() => {
    // Removed from the page without close(): the browser would leave focus on <body>.
    if (el.open) el.close();
    // After this render settles (the opener may be re-rendered, or another dialog may take over).
    queueMicrotask(() => {
      if (opener?.isConnected && (document.activeElement === document.body || document.activeElement === null)) opener.focus();
    });
  });
  const onClick: JSX.EventHandler<HTMLDialogElement, MouseEvent> = (e) => {
    if (e.target === el) props.onClose();
  };
  const headingId = `dlg-${Math.random().toString(36).slice(2, 9)}`;
  return (
    <dialog
      ref={el}
      class={props.wide ? 'dialog wide' : 'dialog'}
      data-testid={props.testid}
      aria-labelledby={headingId}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
      onClick={onClick}
    >
      <header class="dialog-head">
        <h2 id={headingId}>{props.title}</h2>
        <button type="button" class="icon-btn" aria-label={t('close')} title={t('close')} onClick={() => props.onClose()}>
          ×
        </button>
      </header>
      <div class="dialog-body">{props.children}</div>
    </dialog>
  );
}
