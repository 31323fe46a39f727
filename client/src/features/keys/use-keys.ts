import { onCleanup } from 'solid-js';
import { actionOf, type ShortcutAction, type ShortcutScope } from './shortcuts';

/**
 * Runs the handler of each shortcut of `scope` pressed while this component is mounted. Keys
 * typed into a field, an editable area or an open dialog are never taken.
 */
export function useShortcuts(scope: ShortcutScope, handlers: Partial<Record<ShortcutAction, (e: KeyboardEvent) => boolean | void>>): void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const action = actionOf(e, scope);
    const run = action ? handlers[action] : undefined;
    // A handler returns false to leave the key alone (e.g. nothing selected to delete).
    if (run && run(e) !== false) e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));
}
