/** The interface languages: Simplified Chinese by default, English available. */
export type Locale = 'zh' | 'en';

export const isLocale = (v: unknown): v is Locale => v === 'zh' || v === 'en';

/** BCP 47 tag for Intl formatters and the document's `lang`. */
export const localeTag = (l: Locale): string => (l === 'zh' ? 'zh-CN' : 'en');
