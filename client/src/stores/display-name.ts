import { createSignal } from 'solid-js';

const KEY = 'cc.displayName';

/** The name written to `updatedBy`; kept on this device. */
const [displayName, setSignal] = createSignal(localStorage.getItem(KEY) ?? '');
export { displayName };

export function setDisplayName(name: string): void {
  const trimmed = name.trim().slice(0, 40);
  localStorage.setItem(KEY, trimmed);
  setSignal(trimmed);
}
