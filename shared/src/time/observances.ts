/**
 * Festivals, commemorations and observance days that publicity offices plan
 * around, with their date rules and, where a round-number anniversary matters
 * (逢五逢十), the year being counted from.
 *
 * `originYear` is the year of the event an anniversary counts, which is what
 * the year's publicity theme names ("纪念中国人民解放军建军100周年"). Where the
 * event and the day's establishment differ, `originNote` says which was chosen.
 */
import { addDays, compareDateValues, daysInMonth, formatDateValue, parseDateValue, weekday } from './dates';
import { lunarMonthLength, lunarToSolar, solarTermDate } from './lunar';
import type { Locale } from '../i18n/locale';

export type ObservanceRule =
  | { type: 'solar'; month: number; day: number }
  /** `day: 'last'` is the month's last day (29 or 30), which is how 除夕 is defined. */
  | { type: 'lunar'; month: number; day: number | 'last' }
  | { type: 'term'; name: string }
  /** weekday: 0 = Sunday … 6 = Saturday (as `weekday()`); n: 1–5, or -1 for the last. */
  | { type: 'nthWeekday'; month: number; weekday: number; n: number };

export type ObservanceCategory = 'festival' | 'commemoration' | 'observance';

export interface Observance {
  id: string;
  name: string;
  nameEn: string;
  rule: ObservanceRule;
  originYear?: number;
  /** What `originYear` counts, when that is not obvious from the name. */
  originNote?: string;
  category: ObservanceCategory;
}


export interface ObservanceOccurrence {
  observance: Observance;
  date: string;
  anniversary: number | null;
  milestone: boolean;
  label: string;
}

const solar = (month: number, day: number): ObservanceRule => ({ type: 'solar', month, day });
const lunar = (month: number, day: number | 'last'): ObservanceRule => ({ type: 'lunar', month, day });
const term = (name: string): ObservanceRule => ({ type: 'term', name });

export const OBSERVANCES: readonly Observance[] = [
  { id: 'new-year', name: '元旦', nameEn: "New Year's Day", rule: solar(1, 1), category: 'festival' },
  { id: 'spring-festival-eve', name: '除夕', nameEn: "Chinese New Year's Eve", rule: lunar(12, 'last'), category: 'festival' },
  { id: 'spring-festival', name: '春节', nameEn: 'Spring Festival', rule: lunar(1, 1), category: 'festival' },
  { id: 'lantern-festival', name: '元宵节', nameEn: 'Lantern Festival', rule: lunar(1, 15), category: 'festival' },
  {
    id: 'learn-from-lei-feng',
    name: '学雷锋纪念日',
    nameEn: 'Learn from Lei Feng Day',
    rule: solar(3, 5),
    originYear: 1963,
    originNote: '毛泽东同志“向雷锋同志学习”题词发表（1963年3月5日）',
    category: 'commemoration',
  },
  // International since 1910/1911 but not a date Chinese offices count anniversaries from.
  { id: 'womens-day', name: '妇女节', nameEn: "International Women's Day", rule: solar(3, 8), category: 'observance' },
  { id: 'arbor-day', name: '植树节', nameEn: 'Arbor Day', rule: solar(3, 12), originYear: 1979, category: 'observance' },
  { id: 'qingming', name: '清明节', nameEn: 'Qingming Festival', rule: term('清明'), category: 'festival' },
  {
    id: 'national-security-education-day',
    name: '全民国家安全教育日',
    nameEn: 'National Security Education Day',
    rule: solar(4, 15),
    originYear: 2016,
    originNote: '首个全民国家安全教育日（2016年）',
    category: 'observance',
  },
  { id: 'world-book-day', name: '世界读书日', nameEn: 'World Book Day', rule: solar(4, 23), originYear: 1995, category: 'observance' },
  { id: 'labour-day', name: '劳动节', nameEn: 'Labour Day', rule: solar(5, 1), category: 'festival' },
  {
    id: 'youth-day',
    name: '青年节',
    nameEn: 'Youth Day',
    rule: solar(5, 4),
    originYear: 1919,
    originNote: '五四运动（1919年）',
    category: 'commemoration',
  },
  { id: 'dragon-boat', name: '端午节', nameEn: 'Dragon Boat Festival', rule: lunar(5, 5), category: 'festival' },
  {
    id: 'party-founding',
    name: '建党纪念日',
    nameEn: 'CPC Founding Day',
    rule: solar(7, 1),
    originYear: 1921,
    originNote: '中国共产党成立（1921年）',
    category: 'commemoration',
  },
  {
    id: 'july-7-incident',
    name: '七七事变纪念日',
    nameEn: 'Marco Polo Bridge Incident Anniversary',
    rule: solar(7, 7),
    originYear: 1937,
    originNote: '七七事变、全民族抗战爆发（1937年）',
    category: 'commemoration',
  },
  {
    id: 'army-day',
    name: '建军节',
    nameEn: 'Army Day',
    rule: solar(8, 1),
    originYear: 1927,
    originNote: '南昌起义、中国人民解放军建军（1927年）',
    category: 'commemoration',
  },
  {
    id: 'national-ecology-day',
    name: '全国生态日',
    nameEn: 'National Ecology Day',
    rule: solar(8, 15),
    originYear: 2023,
    originNote: '首个全国生态日（2023年）',
    category: 'observance',
  },
  {
    id: 'victory-day',
    name: '抗战胜利纪念日',
    nameEn: 'Victory Day of the War of Resistance',
    rule: solar(9, 3),
    originYear: 1945,
    originNote: '中国人民抗日战争暨世界反法西斯战争胜利（1945年）',
    category: 'commemoration',
  },
  {
    id: 'teachers-day',
    name: '教师节',
    nameEn: "Teachers' Day",
    rule: solar(9, 10),
    originYear: 1985,
    originNote: '首个教师节（1985年）',
    category: 'observance',
  },
  {
    id: 'september-18-incident',
    name: '九一八事变纪念日',
    nameEn: 'September 18 Incident Anniversary',
    rule: solar(9, 18),
    originYear: 1931,
    category: 'commemoration',
  },
  {
    id: 'national-defence-education-day',
    name: '全民国防教育日',
    nameEn: 'National Defence Education Day',
    rule: { type: 'nthWeekday', month: 9, weekday: 6, n: 3 },
    originYear: 2001,
    originNote: '《国防教育法》设立（2001年）',
    category: 'observance',
  },
  {
    id: 'harvest-festival',
    name: '中国农民丰收节',
    nameEn: "Chinese Farmers' Harvest Festival",
    rule: term('秋分'),
    originYear: 2018,
    originNote: '首个中国农民丰收节（2018年）',
    category: 'festival',
  },
  { id: 'mid-autumn', name: '中秋节', nameEn: 'Mid-Autumn Festival', rule: lunar(8, 15), category: 'festival' },
  {
    id: 'martyrs-day',
    name: '烈士纪念日',
    nameEn: "Martyrs' Day",
    rule: solar(9, 30),
    originYear: 2014,
    originNote: '首个烈士纪念日（2014年）',
    category: 'commemoration',
  },
  {
    id: 'national-day',
    name: '国庆节',
    nameEn: 'National Day',
    rule: solar(10, 1),
    originYear: 1949,
    originNote: '中华人民共和国成立（1949年）',
    category: 'festival',
  },
  {
    id: 'poverty-alleviation-day',
    name: '扶贫日',
    nameEn: 'Poverty Alleviation Day',
    rule: solar(10, 17),
    originYear: 2014,
    originNote: '首个扶贫日（2014年）',
    category: 'observance',
  },
  { id: 'double-ninth', name: '重阳节', nameEn: 'Double Ninth Festival', rule: lunar(9, 9), category: 'festival' },
  {
    // 1982 rather than 2014 (the day's establishment): the milestones offices
    // mark are those of the current Constitution, e.g. 2022's
    // "现行宪法公布施行40周年". The day's own count is "第N个国家宪法日".
    id: 'constitution-day',
    name: '国家宪法日',
    nameEn: 'National Constitution Day',
    rule: solar(12, 4),
    originYear: 1982,
    originNote: '现行宪法公布施行（1982年12月4日）；国家宪法日设立于2014年',
    category: 'observance',
  },
  {
    // 1937 rather than 2014 (the first national ceremony): commemorations name
    // the massacre's anniversary ("南京大屠杀死难者…80周年", 2017).
    id: 'nanjing-memorial-day',
    name: '国家公祭日',
    nameEn: 'National Memorial Day for Nanjing Massacre Victims',
    rule: solar(12, 13),
    originYear: 1937,
    originNote: '南京大屠杀（1937年）；首次国家公祭于2014年',
    category: 'commemoration',
  },
  {
    id: 'mao-zedong-birthday',
    name: '毛泽东同志诞辰纪念日',
    nameEn: "Mao Zedong's Birthday",
    rule: solar(12, 26),
    originYear: 1893,
    originNote: '毛泽东同志诞辰（1893年）',
    category: 'commemoration',
  },
];

function lunarDateInYear(year: number, month: number, day: number | 'last'): string | null {
  // A lunar date falls in Gregorian `year` either in lunar year `year` (most of
  // them) or in lunar year `year - 1` (late 腊月, e.g. 除夕 in January/February).
  for (const lunarYear of [year, year - 1]) {
    const d = day === 'last' ? lunarMonthLength(lunarYear, month) : day;
    if (d === null) continue;
    const iso = lunarToSolar(lunarYear, month, d);
    if (iso && iso.startsWith(`${String(year).padStart(4, '0')}-`)) return iso;
  }
  return null;
}

function nthWeekdayOf(year: number, month: number, wd: number, n: number): string | null {
  if (month < 1 || month > 12 || wd < 0 || wd > 6 || n === 0 || !Number.isInteger(n)) return null;
  const dim = daysInMonth(year, month);
  let day: number;
  if (n > 0) {
    const first = weekday(formatDateValue({ y: year, m: month, d: 1 }));
    day = 1 + ((wd - first + 7) % 7) + (n - 1) * 7;
  } else {
    const last = weekday(formatDateValue({ y: year, m: month, d: dim }));
    day = dim - ((last - wd + 7) % 7) + (n + 1) * 7;
  }
  return day >= 1 && day <= dim ? formatDateValue({ y: year, m: month, d: day }) : null;
}

/** The observance's date in Gregorian `year`; null before it existed or if the date does not occur. */
export function observanceDate(o: Observance, year: number): string | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  if (o.originYear !== undefined && year < o.originYear) return null;
  const rule = o.rule;
  switch (rule.type) {
    case 'solar': {
      const iso = formatDateValue({ y: year, m: rule.month, d: rule.day });
      return parseDateValue(iso) ? iso : null;
    }
    case 'lunar':
      return lunarDateInYear(year, rule.month, rule.day);
    case 'term':
      return solarTermDate(year, rule.name);
    case 'nthWeekday':
      return nthWeekdayOf(year, rule.month, rule.weekday, rule.n);
  }
}

/** Years since `originYear` (100 for 建军节 in 2027); null without an origin or before the first anniversary. */
export function anniversaryOf(o: Observance, year: number): number | null {
  if (o.originYear === undefined) return null;
  const n = year - o.originYear;
  return n > 0 ? n : null;
}

/** 逢五逢十: the anniversaries that get a bigger commemoration. */
export function isMilestone(n: number | null): boolean {
  return n !== null && n > 0 && n % 5 === 0;
}

function ordinalEn(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** One observance on one date of `year`: its Nth anniversary, whether that is a 逢五逢十 one, and its label. */
export function occurrenceOf(observance: Observance, date: string, year: number, locale: Locale = 'zh'): ObservanceOccurrence {
  const anniversary = anniversaryOf(observance, year);
  return { observance, date, anniversary, milestone: isMilestone(anniversary), label: observanceLabel(observance, anniversary, locale) };
}

export function observanceLabel(o: Observance, anniversary: number | null, locale: Locale = 'zh'): string {
  if (locale === 'en') return anniversary === null ? o.nameEn : `${o.nameEn} · ${ordinalEn(anniversary)} anniversary`;
  return anniversary === null ? o.name : `${o.name} · ${anniversary}周年`;
}

/** Observances dated in [from, toExclusive), in date order (catalogue order within a day). */
export function observancesInRange(
  from: string,
  toExclusive: string,
  locale: Locale = 'zh',
  catalogue: readonly Observance[] = OBSERVANCES,
): ObservanceOccurrence[] {
  const a = parseDateValue(from);
  const b = parseDateValue(toExclusive);
  if (!a || !b || compareDateValues(from, toExclusive) >= 0) return [];
  const lastYear = parseDateValue(addDays(toExclusive.slice(0, 10), -1))?.y ?? b.y;
  const out: ObservanceOccurrence[] = [];
  for (let year = a.y; year <= lastYear; year++) {
    for (const observance of catalogue) {
      const date = observanceDate(observance, year);
      if (!date || compareDateValues(date, from) < 0 || compareDateValues(date, toExclusive) >= 0) continue;
      out.push(occurrenceOf(observance, date, year, locale));
    }
  }
  // Stable sort keeps catalogue order for observances sharing a date.
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
