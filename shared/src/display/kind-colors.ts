import type { EventKind } from '../schema/types';

/**
 * One colour per activity kind, shared by the calendar, the legend and the print pages.
 * Chosen to stay distinct on screen and in greyscale-ish office printers, with white text readable on each.
 */
export const KIND_COLORS: Record<EventKind, string> = {
  anniversary: '#c62828',
  contest: '#e65100',
  exhibition: '#6a1b9a',
  lecture: '#1565c0',
  training: '#00838f',
  meeting: '#455a64',
  study: '#2e7d32',
  publicity: '#ad1457',
  volunteer: '#827717',
  assessment: '#5d4037',
  other: '#757575',
};
