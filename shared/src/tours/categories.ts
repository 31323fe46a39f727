/**
 * The "六进" host-unit categories (进机关、进企业、进农村、进社区、进校园、进网络, plus other):
 * labels for both languages, and reading a category back from what people type in a sheet.
 */
import type { Locale } from '../i18n/locale';
import { UNIT_CATEGORIES, type UnitCategory } from '../schema/types';

export const UNIT_CATEGORY_LABELS: Readonly<Record<Locale, Readonly<Record<UnitCategory, string>>>> = {
  zh: { agency: '机关', enterprise: '企业', village: '农村', community: '社区', school: '校园', online: '网络', other: '其他' },
  en: {
    agency: 'Agencies',
    enterprise: 'Enterprises',
    village: 'Villages',
    community: 'Communities',
    school: 'Schools',
    online: 'Online',
    other: 'Other',
  },
};

/** Heading over the categories (coverage tables, the directory's filter). */
export const SIX_REACHES_LABEL: Readonly<Record<Locale, string>> = { zh: '六进', en: 'Six outreach areas' };

/** Other words people use in sheets, beyond the keys and both languages' labels. */
const ALIASES: Readonly<Record<UnitCategory, readonly string[]>> = {
  agency: ['党政机关', '机关单位', 'agency', 'government'],
  enterprise: ['公司', 'enterprise', 'company', 'business'],
  village: ['村', '乡村', 'village', 'rural'],
  community: ['街道', 'community'],
  school: ['学校', '高校', 'school'],
  online: ['线上', '网上', '互联网'],
  other: ['其它'],
};

const BY_TEXT = new Map<string, UnitCategory>();
for (const category of UNIT_CATEGORIES) {
  const words = [category, UNIT_CATEGORY_LABELS.zh[category], UNIT_CATEGORY_LABELS.en[category], ...ALIASES[category]];
  for (const word of words) BY_TEXT.set(word.toLowerCase(), category);
}

/**
 * The category a cell names, or null. Accepts the keys, the zh and en labels and a few common
 * variants (党政机关, 村, 学校, 线上 …), with or without the campaign's 进 (进社区), in any case
 * and in full-width forms.
 */
export function categoryFromText(text: string): UnitCategory | null {
  const word = text.normalize('NFKC').trim().toLowerCase();
  return BY_TEXT.get(word) ?? (word.startsWith('进') ? BY_TEXT.get(word.slice(1).trim()) : undefined) ?? null;
}
