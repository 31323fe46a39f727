import { onCleanup } from 'solid-js';
import { useWorkspace } from '../../stores/workspace-context';

/** Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes this user's calendar edits. Text fields keep their own undo. */
export function useUndoShortcuts(): void {
  const ws = useWorkspace();
  const onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) ws.undo();
    else if ((key === 'z' && e.shiftKey) || key === 'y') ws.redo();
    else return;
    e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));
}
