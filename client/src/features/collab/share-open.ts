import { createSignal } from 'solid-js';

/** Whether the share dialog is open: the top bar's 共享 and the empty calendar's first steps open it. */
export const [shareOpen, setShareOpen] = createSignal(false);
