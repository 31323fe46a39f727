import type { Locale } from './locale';

/** Fills `{name}` placeholders; unknown placeholders stay as written so a missing value shows. */
export function format(template: string, vars?: Readonly<Record<string, string | number>>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}

/** One message table per language; English must have every key the Chinese table has. */
export type MessageTables<K extends string> = { readonly zh: Readonly<Record<K, string>>; readonly en: Readonly<Record<K, string>> };

/**
 * The one translation mechanism: a screen (or a lazily loaded chunk) keeps its own table and
 * gets `t(key, vars)` bound to the current locale. `locale` is read on every call, so a
 * reactive locale signal makes every translated text reactive.
 */
export function createTranslator<K extends string>(
  tables: MessageTables<K>,
  locale: () => Locale,
): (key: K, vars?: Readonly<Record<string, string | number>>) => string {
  return (key, vars) => format(tables[locale()][key], vars);
}
