import type { EventKind } from '../schema/types';

/**
 * One colour per activity kind, shared by the calendar, the legend and the print pages.
 * Chosen to stay distinct on screen and in greyscale-ish office printers, with white text readable on each
 * (WCAG AA: every one has at least 4.9:1 against white).
 */
export const KIND_COLORS: Record<EventKind, string> = {
  anniversary: '#c62828',
  contest: '#c24100',
  exhibition: '#6a1b9a',
  lecture: '#1565c0',
  training: '#007c89',
  meeting: '#455a64',
  study: '#2e7d32',
  publicity: '#ad1457',
  volunteer: '#736a14',
  assessment: '#5d4037',
  other: '#6b6b6b',
};
