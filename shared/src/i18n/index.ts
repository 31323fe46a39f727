/** Languages and the one translation mechanism shared by every screen, print page and export. */
export * from './locale';
export * from './format';
export * from './calendar-names';
