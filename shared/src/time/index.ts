/** The date domain: plain dates, zones, recurrence, lunar calendar, holidays, observances. */
export * from './dates';
export * from './recurrence';
export { parseUntil } from './rrule-validate';
export * from './lunar';
export * from './holidays';
export * from './observances';
export * from './working-days';
