import { createSignal } from 'solid-js';
import { locale } from '../i18n';

const KEY = 'cc.displayName';
const GUEST_KEY = 'cc.guestId';

/** A short id of this device, so two guests in one workspace tell apart (访客 3F2A). */
function guestId(): string {
  let id = localStorage.getItem(GUEST_KEY);
  if (!id) {
    id = Math.random().toString(36).slice(2, 6).toUpperCase().padEnd(4, '0');
    localStorage.setItem(GUEST_KEY, id);
  }
  return id;
}

const [chosen, setSignal] = createSignal(localStorage.getItem(KEY) ?? '');

/** The name the user chose on this device, or '' while they have not (they are a guest). */
export const chosenName = chosen;

/**
 * The name others see and `updatedBy` records: the chosen one, else 访客 / Guest and a short id.
 * Nobody is stopped to type a name before acting; the avatar renames at any time.
 */
export function displayName(): string {
  return chosen() || `${locale() === 'zh' ? '访客' : 'Guest'} ${guestId()}`;
}

export function setDisplayName(name: string): void {
  const trimmed = name.trim().slice(0, 40);
  localStorage.setItem(KEY, trimmed);
  setSignal(trimmed);
}
