import { onMount, type JSX, type ParentProps } from 'solid-js';

/** A modal on the native <dialog>: focus trap, Esc and backdrop handled by the browser. */
export function Dialog(props: ParentProps<{ title: string; onClose: () => void; testid?: string; wide?: boolean }>) {
  let el!: HTMLDialogElement;
  onMount(() => el.showModal());
  const onClick: JSX.EventHandler<HTMLDialogElement, MouseEvent> = (e) => {
    if (e.target === el) props.onClose();
  };
  return (
    <dialog
      ref={el}
      class={props.wide ? 'dialog wide' : 'dialog'}
      data-testid={props.testid}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
      onClick={onClick}
    >
      <header class="dialog-head">
        <h2>{props.title}</h2>
        <button type="button" class="icon-btn" aria-label="close" onClick={() => props.onClose()}>
          ×
        </button>
      </header>
      <div class="dialog-body">{props.children}</div>
    </dialog>
  );
}
