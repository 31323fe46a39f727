/**
 * Time words → dates for the plan's year. Each hit keeps the plan's own words
 * (`cue`) and resolves to either an inclusive window of days or a recurrence.
 *
 * Windows: 3月 / 3月上旬 (1–10) / 中旬 (11–20) / 下旬 (21–end) / 3月5日 / 3—5月,
 * 第一季度, 上半年 / 下半年, 年初 (Jan–Feb) / 年中 (Jun–Jul) / 年底 (Dec) / 年内,
 * festivals and observances (shared/src/time catalogue) with 前夕 (the 16 days
 * before: 国庆节来临前夕 → 9/15–9/30), 期间 (the holiday), 前后 (±7 days),
 * 之际 (the week up to it). "纪念X" themes an activity on X: an anniversary
 * event falls on the day, anything else in the run-up (建党 → 6/15–7/1).
 * Recurrences (每周五下午, 每月, 每季度, 每半年, 每年) become RRULEs through the
 * shared presets, starting at the first occurrence in the plan year.
 */
import { addDays, daysInMonth, formatDateValue, parseDateValue, weekday } from '../time/dates';
import { lunarToSolar } from '../time/lunar';
import { OBSERVANCES, observanceDate, type Observance } from '../time/observances';
import { firstOccurrence } from '../time/recurrence';
import { presetToRRule, type RecurrencePreset } from '../time/recurrence-presets';

export interface TimeHit {
  /** Offsets in the matching copy. */
  start: number;
  end: number;
  cue: string;
  /** Inclusive day window. */
  window?: [string, string];
  recurrence?: RecurrencePreset;
  /** 上午/下午/晚上 for recurrences: a wall-clock slot. */
  slot?: [string, string];
  /** An observance named after 纪念/庆祝 (resolved against the activity's kind later). */
  commemorates?: string;
  /** The window comes from a festival or observance word (an explicit month or day beats it). */
  festival?: boolean;
  /** A whole-year window (全年, 年内): any more precise time beats it. */
  broad?: boolean;
  /** End of the time words proper, before a trailing count ("每月" of "每月集中学习1次"). */
  coreEnd?: number;
  /** 每月第三周周五: the n-th weekday of the month (RRULE BYDAY=3FR; 最后一个周五 = -1FR). */
  monthlyNth?: string;
  /** 每月15日: the day of the month. */
  monthDay?: number;
  /** 逢双月 (from February) / 逢单月 (from January): the month an every-other-month rule starts in. */
  firstMonth?: number;
  /** A festival written in quotes with its time word outside them (“七一”前夕): a time, not part of a quoted name. */
  wrapped?: boolean;
  /** Several single days of one activity ("4月29日、5月1日、3日（三场）"): every session's day, the first = window[0]. */
  sessions?: string[];
  /** A day's clock ("上午9:30", "19:30—21:00", 下午 alone = the slot): start, and end when written. */
  clock?: [string, string?];
}

const ymd = (y: number, m: number, d: number) => formatDateValue({ y, m, d });

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
function monthNum(s: string): number | null {
  const n = /^\d+$/.test(s) ? Number(s) : (CN_NUM[s] ?? null);
  return n !== null && n >= 1 && n <= 12 ? n : null;
}

/** Observance names as plans write them → catalogue id. Longest first at use. */
const OBSERVANCE_ALIASES: [string, string][] = [
  ['中华人民共和国成立', 'national-day'],
  ['新中国成立', 'national-day'],
  ['国庆节', 'national-day'],
  ['国庆', 'national-day'],
  ['中国共产党成立', 'party-founding'],
  ['建党节', 'party-founding'],
  ['建党纪念日', 'party-founding'],
  ['建党', 'party-founding'],
  ['党的生日', 'party-founding'],
  ['七一', 'party-founding'],
  ['中国人民解放军建军', 'army-day'],
  ['建军节', 'army-day'],
  ['建军', 'army-day'],
  ['八一', 'army-day'],
  ['抗日战争胜利', 'victory-day'],
  ['抗日战争暨世界反法西斯战争胜利', 'victory-day'],
  ['抗战胜利', 'victory-day'],
  ['元旦', 'new-year'],
  ['除夕', 'spring-festival-eve'],
  ['春节', 'spring-festival'],
  ['元宵节', 'lantern-festival'],
  ['元宵', 'lantern-festival'],
  ['学雷锋纪念日', 'learn-from-lei-feng'],
  ['学雷锋日', 'learn-from-lei-feng'],
  ['三八妇女节', 'womens-day'],
  ['妇女节', 'womens-day'],
  ['植树节', 'arbor-day'],
  ['清明节', 'qingming'],
  ['清明', 'qingming'],
  ['全民国家安全教育日', 'national-security-education-day'],
  ['国家安全教育日', 'national-security-education-day'],
  ['世界读书日', 'world-book-day'],
  ['读书日', 'world-book-day'],
  ['五一劳动节', 'labour-day'],
  ['劳动节', 'labour-day'],
  ['五一', 'labour-day'],
  // (short numerals need a time word or quotes around them, below: “十一”期间, not 十一月)
  ['十一', 'national-day'],
  ['三八', 'womens-day'],
  ['六一', 'childrens-day'],
  ['五四青年节', 'youth-day'],
  ['青年节', 'youth-day'],
  ['五四', 'youth-day'],
  ['端午节', 'dragon-boat'],
  ['端午', 'dragon-boat'],
  ['七七事变', 'july-7-incident'],
  ['全国生态日', 'national-ecology-day'],
  ['教师节', 'teachers-day'],
  ['九一八事变', 'september-18-incident'],
  ['九一八', 'september-18-incident'],
  ['全民国防教育日', 'national-defence-education-day'],
  ['国防教育日', 'national-defence-education-day'],
  ['农民丰收节', 'harvest-festival'],
  ['丰收节', 'harvest-festival'],
  ['中秋节', 'mid-autumn'],
  ['中秋', 'mid-autumn'],
  ['烈士纪念日', 'martyrs-day'],
  ['扶贫日', 'poverty-alleviation-day'],
  ['重阳节', 'double-ninth'],
  ['重阳', 'double-ninth'],
  ['国家宪法日', 'constitution-day'],
  ['宪法日', 'constitution-day'],
  ['国家公祭日', 'nanjing-memorial-day'],
  ['毛泽东同志诞辰', 'mao-zedong-birthday'],
  // Days plans name that the shared catalogue does not carry (EXTRA_DAYS below).
  ['中国文化和自然遗产日', 'cultural-heritage-day'],
  ['文化和自然遗产日', 'cultural-heritage-day'],
  ['文化遗产日', 'cultural-heritage-day'],
  ['国际博物馆日', 'museum-day'],
  ['中国旅游日', 'tourism-day'],
  ['国际志愿者日', 'volunteer-day'],
  ['中国志愿者日', 'learn-from-lei-feng'],
  ['全民阅读日', 'world-book-day'],
  ['世界读书日', 'world-book-day'],
  ['六一儿童节', 'childrens-day'],
  ['国际儿童节', 'childrens-day'],
  ['儿童节', 'childrens-day'],
  ['全国科普日', 'science-day'],
  ['全国助残日', 'disability-day'],
  ['国际禁毒日', 'anti-drug-day'],
  ['全国消防日', 'fire-day'],
  ['国际老年人日', 'elderly-day'],
  ['七夕节', 'qixi'],
  ['七夕', 'qixi'],
  ['腊八节', 'laba'],
];

/**
 * Observances plans name that the shared catalogue (shared/src/time) does not carry: parsing
 * needs their dates, the calendar does not list them.
 */
const EXTRA_DAYS: Observance[] = [
  // 文化和自然遗产日: the second Saturday of June (国务院, 2016).
  { id: 'cultural-heritage-day', name: '文化和自然遗产日', nameEn: 'Cultural and Natural Heritage Day', rule: { type: 'nthWeekday', month: 6, weekday: 6, n: 2 }, category: 'observance' },
  { id: 'museum-day', name: '国际博物馆日', nameEn: 'International Museum Day', rule: { type: 'solar', month: 5, day: 18 }, category: 'observance' },
  { id: 'tourism-day', name: '中国旅游日', nameEn: 'China Tourism Day', rule: { type: 'solar', month: 5, day: 19 }, category: 'observance' },
  { id: 'volunteer-day', name: '国际志愿者日', nameEn: 'International Volunteer Day', rule: { type: 'solar', month: 12, day: 5 }, category: 'observance' },
  { id: 'childrens-day', name: '儿童节', nameEn: "Children's Day", rule: { type: 'solar', month: 6, day: 1 }, category: 'observance' },
  // 全国科普日: the third weekend of September (its Saturday).
  { id: 'science-day', name: '全国科普日', nameEn: 'National Science Popularisation Day', rule: { type: 'nthWeekday', month: 9, weekday: 6, n: 3 }, category: 'observance' },
  { id: 'disability-day', name: '全国助残日', nameEn: 'National Day for Helping the Disabled', rule: { type: 'nthWeekday', month: 5, weekday: 0, n: 3 }, category: 'observance' },
  { id: 'anti-drug-day', name: '国际禁毒日', nameEn: 'International Day against Drug Abuse', rule: { type: 'solar', month: 6, day: 26 }, category: 'observance' },
  { id: 'fire-day', name: '全国消防日', nameEn: 'National Fire Safety Day', rule: { type: 'solar', month: 11, day: 9 }, category: 'observance' },
  { id: 'elderly-day', name: '国际老年人日', nameEn: 'International Day of Older Persons', rule: { type: 'solar', month: 10, day: 1 }, category: 'observance' },
  { id: 'qixi', name: '七夕节', nameEn: 'Qixi Festival', rule: { type: 'lunar', month: 7, day: 7 }, category: 'festival' },
  { id: 'laba', name: '腊八节', nameEn: 'Laba Festival', rule: { type: 'lunar', month: 12, day: 8 }, category: 'festival' },
];

/** Statutory holiday lengths for 期间 (the usual span; the exact 调休 days vary by year). */
const HOLIDAY_DAYS: Record<string, number> = {
  'national-day': 7,
  'spring-festival': 7,
  'labour-day': 5,
  'new-year': 1,
  qingming: 3,
  'dragon-boat': 3,
  'mid-autumn': 3,
};

const byId = new Map<string, Observance>([...EXTRA_DAYS, ...OBSERVANCES].map((o) => [o.id, o]));
const aliasAlt = [...OBSERVANCE_ALIASES].sort((a, b) => b[0].length - a[0].length).map(([a]) => a);
const aliasId = new Map(OBSERVANCE_ALIASES);
/** Any observance name, longest first. */
const ALIAS = aliasAlt.join('|');

const OBS_RE = new RegExp(
  `(?<lead>纪念|庆祝|迎接|喜迎)?(?<q>“)?(?<name>${ALIAS})(?<qc>”)?(?<mod>(?:\\d+|[一二三四五六七八九十百]+)?周年)?(?<day>\\((?:\\d{1,2}月)?\\d{1,2}日\\))?(?<when>(?:来临|到来)?(?:前夕|期间|前后|之际|当天|当日|之前|前))?`,
  'g',
);

const OBS_LIST_RE = new RegExp(`(?<a>${ALIAS})(?:[、和及与至到—~～]|以及)(?<b>${ALIAS})期间`, 'g');

/** "端午、中秋两节期间", "春节、端午、中秋期间": festivals listed before one 期间. */
const OBS_SERIES_RE = new RegExp(`(?:${ALIAS})(?:[、和及与](?:${ALIAS})){1,5}(?:[两三四五]节|等(?:传统)?节(?:日|假日))?期间`, 'g');
const ALIAS_RE = new RegExp(ALIAS, 'g');

const WEEKDAYS = '一二三四五六日天';
const REC_RE = new RegExp(
  [
    // 每月第三周周五, 每月第一个星期一
    `(?<nth>每(?:个)?月(?:的)?(?:第(?<nthN>[一二三四1-4])|(?<nthLast>最后一))(?:个)?(?:周|星期)(?:的)?(?:周|星期)?(?<nthWd>[${WEEKDAYS}]))(?<slot8>上午|下午|晚上|晚(?![会期间]))?`,
    // 每周二至周日, 每周一到周五: a weekday range
    `(?<wdRange>每(?:个)?(?:周|星期)(?<wdR1>[${WEEKDAYS}])(?:[至到—-]|～)(?:周|星期)?(?<wdR2>[${WEEKDAYS}]))(?<slot4>上午|下午|晚上|晚(?![会期间]))?`,
    // 每周二、周四, 每周二、四
    `(?<wdList>每(?:个)?(?:周|星期)[${WEEKDAYS}](?:[、和及,，](?:周|星期)?[${WEEKDAYS}])+)(?<slot3>上午|下午|晚上|晚)?`,
    // 每周末, 每个双休日: Saturday and Sunday
    `(?<weekend>每(?:个|逢)?(?:周末|双休日))(?<slot6>上午|下午|晚上|晚(?![会期间]))?`,
    // (每逢周六, 每个星期三)
    `每(?:个|逢)?(?:周|星期)(?<wd>[${WEEKDAYS}](?![次遍个项]))?(?<slot1>上午|下午|晚上|晚(?![会期间]))?(?:半天|一天)?`,
    // 每两周, 隔周, 每双周周五晚
    `(?<biweekly>每(?:两|2|双)周|隔周)(?:的)?(?:(?:周|星期)(?<bwd>[${WEEKDAYS}]))?(?<slot5>上午|下午|晚上|晚(?![会期间]))?`,
    // 逢双月第二个星期四, 每逢单月: every other month, from February (双) or January (单)
    `(?<oddEven>(?:逢|每逢?)(?<oe>[双单])月(?:的)?(?:第(?<oeN>[一二三四1-4])(?:个)?(?:周|星期)(?<oeWd>[${WEEKDAYS}]))?)(?<slot7>上午|下午|晚上|晚(?![会期间]))?`,
    '(?<bimonthly>每(?:两|2)个月)',
    // 每半月一次: every other week is what an office means
    '(?<halfmonth>每半(?:个)?月)',
    // (每月中旬 / 每月底: monthly, the part of the month belongs to its words)
    '(?<monthly>每(?:个)?月)(?:(?<mday>\\d{1,2})日|[上中下]旬|月?[初底末])?',
    '(?<quarterly>每(?:个)?季度?)(?!度)',
    '(?<halfyear>每半年)',
    '(?<yearly>每(?:一)?年(?:度)?)',
    '(?<daily>每(?:天|日))(?<slot2>上午|下午|晚上)?',
  ].join('|'),
  'g',
);

const DAY_CODE = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** "2025年" / "2025 年" / "20x年" (a template's placeholder: the plan year) just before a time word. */
const YEAR_BEFORE = /((?:19|20)(?:\d{2}|[xX×]{1,2}))\s?年(?:度)?\s?$/;
function yearBefore(match: string, start: number, planYear: number): { y: number; len: number } | null {
  const m = YEAR_BEFORE.exec(match.slice(Math.max(0, start - 8), start));
  if (!m) return null;
  return { y: /^\d{4}$/.test(m[1]) ? Number(m[1]) : planYear, len: m[0].length };
}

const SLOTS: Record<string, [string, string]> = { 上午: ['09:00', '12:00'], 下午: ['14:30', '17:30'], 晚上: ['19:00', '21:00'] };
/** 上午/下午/晚上 (晚 = 晚上) → its hours. */
const slotOf = (word: string | undefined): [string, string] | undefined => (word ? SLOTS[word === '晚' ? '晚上' : word] : undefined);
/** 一…日/天 → 0 (Monday) … 6 (Sunday). */
const weekdayOf = (c: string) => Math.min(WEEKDAYS.indexOf(c), 6);

const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
// (9月初赛 is 9月 + 初赛 and 10月初评 is 10月 + 初评: a contest's first round, not early in the month)
const THIRDS = '上中旬|中下旬|上旬|中旬|下旬|初(?![赛评选审试])|中|底|末';
const WINDOW_RE = new RegExp(
  [
    // 3月5日至7日, 3月5日—4月2日
    `(?<d1m>${MONTH})月(?<d1d>\\d{1,2})[日号]?(?:[-—~～至到](?:(?<d2m>${MONTH})月)?(?<d2d>\\d{1,2})[日号])?(?:[\u4e00-\u9fff“”·]{2,10}?[日节](?=前后|左右))?(?<around>前后|左右|之前|前)?`,
    // 5月下旬至6月上旬, 6月中旬至下旬: a range of parts of months
    `(?<tm1>${MONTH})月(?<t1>${THIRDS})?[-—~～至到](?:(?<tm2>${MONTH})月)?(?<t2>${THIRDS})`,
    // 3—5月, 3至5月
    `(?<r1>${MONTH})(?:月)?[-—~～至到](?<r2>${MONTH})月(?:份)?`,
    // 七八月份: two months next to each other, said together (十二月 is one month: no 十 first; not 七、八月, whose
    // 七、 may be a heading's number)
    `(?<p1>[一二三四五六七八九])(?<p2>[二三四五六七八九十])月(?:份)?`,
    // 3月, 3月上旬, 3月底, 6月中下旬
    `(?<m>${MONTH})月(?:份)?(?<third>${THIRDS})?`,
    `(?:第)?(?<q>[一二三四1-4])季度`,
    '(?<half>上半年|下半年)',
    '(?<yearPart>年初|年中|年底|年末|年内|全年|年度内)',
    '(?<summer>暑期|暑假期间|暑假)',
  ].join('|'),
  'g',
);


const LUNAR_DAY = '初[一二三四五六七八九十]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十|十[一二三四五六七八九]?';
const LUNAR_RE = new RegExp(
  `(?:农历)?(?<lm1>正月|腊月)(?<ld1>${LUNAR_DAY})(?:日)?(?:[-—~～至到](?:(?<lm2>正月|腊月))?(?<ld2>${LUNAR_DAY})(?:日)?)?`,
  'g',
);
function lunarDayNum(s: string): number | null {
  const n = (c: string) => '一二三四五六七八九'.indexOf(c) + 1;
  if (s.startsWith('初')) return s === '初十' ? 10 : n(s[1]);
  if (s === '三十') return 30;
  if (s.startsWith('廿')) return 20 + n(s[1]);
  if (s.startsWith('二十')) return 20 + (s.length > 2 ? n(s[2]) : 0);
  if (s.startsWith('十')) return 10 + (s.length > 1 ? n(s[1]) : 0);
  return null;
}

function monthWindow(y: number, m: number, third?: string): [string, string] {
  const end = daysInMonth(y, m);
  switch (third) {
    case '上中旬':
      return [ymd(y, m, 1), ymd(y, m, 20)];
    case '中下旬':
      return [ymd(y, m, 11), ymd(y, m, end)];
    case '上旬':
    case '初':
      return [ymd(y, m, 1), ymd(y, m, 10)];
    case '中旬':
    case '中':
      return [ymd(y, m, 11), ymd(y, m, 20)];
    case '下旬':
    case '底':
    case '末':
      return [ymd(y, m, 21), ymd(y, m, end)];
    default:
      return [ymd(y, m, 1), ymd(y, m, end)];
  }
}

function observanceWindow(id: string, year: number, when: string | undefined): [string, string] | null {
  const o = byId.get(id);
  if (!o) return null;
  const d = observanceDate(o, year);
  if (!d) return null;
  const w = (when ?? '').replace(/^(?:来临|到来)/, '');
  switch (w) {
    case '前夕':
    case '前':
    case '之前':
      return [addDays(d, -16), addDays(d, -1)];
    case '期间':
      return [d, addDays(d, (HOLIDAY_DAYS[id] ?? 1) - 1)];
    case '前后':
      return [addDays(d, -7), addDays(d, 7)];
    case '之际':
      return [addDays(d, -7), d];
    default:
      return [d, d];
  }
}

/** Every time expression in match[from, to), in text order, without overlaps. */
export function findTimes(match: string, from: number, to: number, year: number): TimeHit[] {
  const hits: TimeHit[] = [];
  const slice = match.slice(from, to);
  // Earlier passes win overlaps (每月 is a recurrence, not the month 月); a mask keeps this linear.
  const taken = new Uint8Array(to - from);
  const free = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (taken[i - from]) return false;
    return true;
  };
  const add = (h: TimeHit) => {
    if (!free(h.start, h.end)) return;
    taken.fill(1, h.start - from, h.end - from);
    hits.push(h);
  };

  for (const m of slice.matchAll(REC_RE)) {
    const g = m.groups!;
    const start = from + m.index;
    let end = start + m[0].length;
    let rec: RecurrencePreset;
    let slot: [string, string] | undefined;
    let monthlyNth: string | undefined;
    let monthDay: number | undefined;
    let firstMonth: number | undefined;
    if (g.nth) {
      rec = { freq: 'monthly' };
      const n = g.nthLast ? -1 : /\d/.test(g.nthN) ? Number(g.nthN) : '一二三四'.indexOf(g.nthN) + 1;
      monthlyNth = `${n}${DAY_CODE[weekdayOf(g.nthWd)]}`;
      slot = slotOf(g.slot8);
    } else if (g.wdRange) {
      const a = weekdayOf(g.wdR1);
      const b = weekdayOf(g.wdR2);
      const days: number[] = [];
      for (let d = a; days.length < 7; d = (d + 1) % 7) {
        days.push(d);
        if (d === b) break;
      }
      rec = { freq: 'weekly', byWeekday: days };
      slot = slotOf(g.slot4);
    } else if (g.wdList) {
      const days = [...g.wdList.slice(2).replace(/^(?:周|星期)/, '')].map((c) => WEEKDAYS.indexOf(c)).filter((d) => d >= 0);
      rec = { freq: 'weekly', byWeekday: [...new Set(days.map((d) => Math.min(d, 6)))] };
      slot = slotOf(g.slot3);
    } else if (g.weekend) {
      rec = { freq: 'weekly', byWeekday: [5, 6] };
      slot = slotOf(g.slot6);
    } else if (g.biweekly) {
      const wd = g.bwd ? weekdayOf(g.bwd) : -1;
      rec = wd >= 0 ? { freq: 'weekly', interval: 2, byWeekday: [wd] } : { freq: 'weekly', interval: 2 };
      slot = slotOf(g.slot5);
    }
    else if (g.oddEven) {
      rec = { freq: 'monthly', interval: 2 };
      firstMonth = g.oe === '双' ? 2 : 1;
      if (g.oeN) monthlyNth = `${/\d/.test(g.oeN) ? Number(g.oeN) : '一二三四'.indexOf(g.oeN) + 1}${DAY_CODE[weekdayOf(g.oeWd)]}`;
      slot = slotOf(g.slot7);
    } else if (g.bimonthly) rec = { freq: 'monthly', interval: 2 };
    else if (g.halfmonth) rec = { freq: 'weekly', interval: 2 };
    else if (g.monthly) {
      rec = { freq: 'monthly' };
      if (g.mday && Number(g.mday) >= 1 && Number(g.mday) <= 31) monthDay = Number(g.mday);
    }
    else if (g.quarterly) rec = { freq: 'quarterly' };
    else if (g.halfyear) rec = { freq: 'halfyearly' };
    else if (g.yearly) rec = { freq: 'yearly' };
    else if (g.daily) {
      rec = { freq: 'daily' };
      slot = slotOf(g.slot2);
    } else {
      const wd = g.wd ? weekdayOf(g.wd) : -1;
      rec = wd >= 0 ? { freq: 'weekly', byWeekday: [wd] } : { freq: 'weekly' };
      slot = slotOf(g.slot1);
    }
    // "每季度召开1次", "每年至少…一次": the count belongs to the cue.
    const coreEnd = end;
    const tail = /^[^,，。;；]{0,14}?(?:\d+|[一两二三四五六])次/.exec(match.slice(end, Math.min(to, end + 16)));
    if (tail) end += tail[0].length;
    add({ start, end, cue: match.slice(start, end), recurrence: rec, slot, monthlyNth, monthDay, coreEnd, firstMonth });
  }

  // "端午、中秋两节期间，…分别举办一场": one session on each festival's day (without 分别 the list is one stretch, below).
  for (const m of slice.matchAll(OBS_SERIES_RE)) {
    const start = from + m.index;
    const end = start + m[0].length;
    const stop = match.slice(end, to).search(/[。;；\n]/);
    if (!match.slice(end, stop < 0 ? to : end + stop).includes('分别')) continue;
    const days = [...m[0].matchAll(ALIAS_RE)].map((a) => byId.get(aliasId.get(a[0])!)).map((o) => o && observanceDate(o, year));
    if (days.some((d) => !d)) continue;
    const sorted = [...new Set(days as string[])].sort();
    add({ start, end, cue: m[0], window: [sorted[0], sorted[0]], sessions: sorted, festival: true });
  }

  // "元旦至春节期间", "春节、元宵节期间": one window from the first festival's day to the end of the last one's 期间.
  for (const m of slice.matchAll(OBS_LIST_RE)) {
    const g = m.groups!;
    const a = byId.get(aliasId.get(g.a)!);
    const da = a && observanceDate(a, year);
    const wb = observanceWindow(aliasId.get(g.b)!, year, '期间');
    if (!da || !wb || da > wb[0]) continue;
    const start = from + m.index;
    add({ start, end: start + m[0].length, cue: m[0], window: [da, wb[1]], festival: true });
  }

  for (const m of slice.matchAll(OBS_RE)) {
    const g = m.groups!;
    const id = aliasId.get(g.name)!;
    let start = from + m.index;
    let end = start + m[0].length;
    // “七一”前夕: the quotes wrap the festival only; a lone “ or ” belongs to a quoted name around it.
    const wrapped = !!g.q && !!g.qc;
    if (g.q && !g.qc) start++;
    if (g.qc && !g.q && !g.mod && !g.when) end--;
    // A bare short alias (国庆, 五四, 建党) without a time word or 纪念 is usually
    // not a date at all ("建党精神", "五四精神"); require a time word or 节/日 in the name.
    if (!g.lead && !g.when && !/[节日]$/.test(g.name)) continue;
    if (g.lead === '纪念' || g.lead === '庆祝') {
      const w = observanceWindow(id, year, g.when);
      if (w) add({ start, end, cue: match.slice(start, end), window: g.when ? w : undefined, commemorates: id, festival: true, wrapped });
      continue;
    }
    // "2025年元旦前夕" in a 2024 plan: the festival of the year written before it.
    const yb = g.lead ? null : yearBefore(match, start, year);
    const w = observanceWindow(id, yb ? yb.y : year, g.when);
    if (w) add({ start: yb ? start - yb.len : start, end, cue: match.slice(yb ? start - yb.len : start, end), window: w, festival: true, wrapped });
  }

  // 正月初一至十五, 腊月二十三: lunar days (正月 of the plan year's lunar year; 腊月 of the one that ends in it).
  for (const m of slice.matchAll(LUNAR_RE)) {
    const g = m.groups!;
    const start = from + m.index;
    const end = start + m[0].length;
    const lm1 = g.lm1 === '正月' ? 1 : 12;
    const d1 = lunarDayNum(g.ld1);
    const lm2 = g.lm2 ? (g.lm2 === '正月' ? 1 : 12) : lm1;
    const d2 = g.ld2 ? lunarDayNum(g.ld2) : d1;
    if (!d1 || !d2) continue;
    const solarOf = (mo: number, d: number) => {
      const a = lunarToSolar(mo === 12 ? year - 1 : year, mo, d);
      if (mo === 12 && a && !a.startsWith(String(year))) return lunarToSolar(year, mo, d);
      return a;
    };
    const a = solarOf(lm1, d1);
    const b = solarOf(lm2, d2);
    if (!a || !b || b < a) continue;
    add({ start, end, cue: match.slice(start, end), window: [a, b] });
  }

  for (const m of slice.matchAll(WINDOW_RE)) {
    const g = m.groups!;
    const start = from + m.index;
    const end = start + m[0].length;
    const before = match.slice(Math.max(0, start - 2), start);
    // 去年年底, 明年上半年, 3个月: not this plan's dates.
    if (/[去前明上]年?$/.test(before) && (g.yearPart || g.half)) continue;
    if (/\d$/.test(before)) continue;
    // An explicit "2024年3月" elsewhere than the plan year.
    const yb = yearBefore(match, start, year);
    const yr = yb ? [match.slice(start - yb.len, start)] : null;
    const y = yb ? yb.y : year;
    let window: [string, string] | null = null;
    if (g.d1m) {
      const m1 = monthNum(g.d1m);
      const d1 = Number(g.d1d);
      if (m1 && d1 >= 1 && d1 <= daysInMonth(y, m1)) {
        const m2 = g.d2m ? monthNum(g.d2m) : m1;
        const d2 = g.d2d ? Number(g.d2d) : d1;
        window = m2 && d2 >= 1 && d2 <= daysInMonth(y, m2) ? [ymd(y, m1, d1), ymd(y, m2, d2)] : [ymd(y, m1, d1), ymd(y, m1, d1)];
        // 3月5日前后 → a few days either side; 3月5日前 → the week before.
        if (g.around === '前后' || g.around === '左右') window = [addDays(window[0], -3), addDays(window[1], 3)];
        else if (g.around) window = [addDays(window[0], -7), addDays(window[0], -1)];
      }
    } else if (g.tm1) {
      const a = monthNum(g.tm1);
      const b = g.tm2 ? monthNum(g.tm2) : a;
      if (a && b && a <= b) {
        const wa = monthWindow(y, a, g.t1 ?? undefined);
        const wb = monthWindow(y, b, g.t2);
        if (wa[0] <= wb[1]) window = [wa[0], wb[1]];
      }
    } else if (g.r1) {
      const a = monthNum(g.r1);
      const b = monthNum(g.r2);
      if (a && b && a <= b) window = [ymd(y, a, 1), ymd(y, b, daysInMonth(y, b))];
    } else if (g.p1) {
      const a = monthNum(g.p1);
      const b = monthNum(g.p2!);
      if (a && b && b === a + 1) window = [ymd(y, a, 1), ymd(y, b, daysInMonth(y, b))];
    } else if (g.m) {
      const mm = monthNum(g.m);
      if (mm) window = monthWindow(y, mm, g.third);
    } else if (g.q) {
      const q = '一二三四'.includes(g.q) ? '一二三四'.indexOf(g.q) + 1 : Number(g.q);
      window = [ymd(y, q * 3 - 2, 1), ymd(y, q * 3, daysInMonth(y, q * 3))];
    } else if (g.half) {
      window = g.half === '上半年' ? [ymd(y, 1, 1), ymd(y, 6, 30)] : [ymd(y, 7, 1), ymd(y, 12, 31)];
    } else if (g.summer) {
      window = [ymd(y, 7, 1), ymd(y, 8, 31)];
    } else if (g.yearPart) {
      window = {
        年初: [ymd(y, 1, 1), ymd(y, 2, daysInMonth(y, 2))],
        年中: [ymd(y, 6, 1), ymd(y, 7, 31)],
        年底: [ymd(y, 12, 1), ymd(y, 12, 31)],
        年末: [ymd(y, 12, 1), ymd(y, 12, 31)],
      }[g.yearPart] as [string, string] | undefined ?? [ymd(y, 1, 1), ymd(y, 12, 31)];
    }
    const broad = !!g.yearPart && /年内|全年|年度内/.test(g.yearPart);
    // ("根据全年借阅量", "全年工作目标": the year's figures or work, not a time)
    // (a noun right after it, not a verb: "全年开展宣讲工作" is a time)
    if (g.yearPart === '全年' && /^(?:的)?(?!开展|举办|组织|召开|举行|推出|实施|完成|实现|安排|集中|计划)[\u4e00-\u9fff]{0,8}?(?:量|情况|成绩|数据|表现|目标|任务|总结|成果|工作)(?![\u4e00-\u9fff]{0,2}(?:会|班))/.test(match.slice(end, end + 12))) continue;
    if (window) add({ start: yr ? start - yr[0].length : start, end, cue: match.slice(yr ? start - yr[0].length : start, end), window, broad });
  }
  return attachClock(match, mergeSessions(match, dayNamedAround(match, festivalAfterDate(hits.sort((a, b) => a.start - b.start))), to), to);
}

/**
 * "11月25日“国际消除对妇女的暴力日”前后": a day, the quoted name of the day it is, then 前后 — a few days either side, as
 * "11月25日前后" (a name we know is a festival hit of its own, festivalAfterDate).
 */
function dayNamedAround(match: string, hits: TimeHit[]): TimeHit[] {
  return hits.map((h) => {
    if (!h.window || h.window[0] !== h.window[1] || h.festival || h.recurrence) return h;
    const m = /^“[^“”]{2,16}[日节]”(前后|左右)/.exec(match.slice(h.end, h.end + 24));
    if (!m) return h;
    return { ...h, end: h.end + m[0].length, cue: match.slice(h.start, h.end + m[0].length), window: [addDays(h.window[0], -3), addDays(h.window[1], 3)] };
  });
}

/**
 * "3月学雷锋纪念日前后", "10月1日国庆节当天": a month or day written right before a festival that falls in it names the
 * festival's time, as one hit (the festival's window: its 前后 or 前夕 is the more precise). A festival outside that
 * month ("5月春节…", a slip) leaves both.
 */
function festivalAfterDate(hits: TimeHit[]): TimeHit[] {
  const out: TimeHit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const a = hits[i];
    const b = hits[i + 1];
    if (b && a.window && b.window && !a.recurrence && !a.festival && !a.broad && b.festival && !b.recurrence && b.start === a.end && b.window[0] <= a.window[1] && b.window[1] >= a.window[0]) {
      out.push({ ...b, start: a.start, cue: a.cue + b.cue });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * A clock after a day: "4月23日上午9:30", "10月1日（周四）19:30—21:00", "4月19日、26日（每场14:30）",
 * "5月4日下午3时". 上午/下午/晚上 alone give the slot's hours (as for recurrences). After a recurrence
 * (whose 上午/下午 came with it) only a written clock: "每周一上午8:30". Spaces only between its parts, never a line
 * break: the next line is not the clock's.
 */
const CLOCK = new RegExp(
  '^(?:[(（](?:周|星期)[一二三四五六日天][)）])?[ \\t]?[(（]?(?:每场)?[ \\t]?(?<slot>上午|下午|晚上|晚)?[ \\t]?' +
    '(?:(?<h>\\d{1,2})[:：](?<m>\\d{2})|(?<h2>\\d{1,2})[时点](?<half>半)?)?' +
    '(?:[ \\t]?[-—–~～至到][ \\t]?(?<eh>\\d{1,2})[:：](?<em>\\d{2}))?[)）]?',
);
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The written clock of a CLOCK match, afternoon hours after 下午/晚 (`pm`); null when it is no time of day. */
function writtenClock(g: Record<string, string | undefined>, pm: boolean): [string, string?] | null {
  const hour = (raw: string) => (pm && Number(raw) < 12 ? Number(raw) + 12 : Number(raw));
  const sh = hour((g.h ?? g.h2)!);
  const sm = g.h ? Number(g.m) : g.half ? 30 : 0;
  if (sh > 23 || sm > 59) return null;
  const start = `${pad2(sh)}:${pad2(sm)}`;
  const eh = g.eh !== undefined ? hour(g.eh) : undefined;
  const end = eh !== undefined && eh <= 23 && Number(g.em) <= 59 ? `${pad2(eh)}:${g.em}` : undefined;
  return end && end > start ? [start, end] : [start];
}

function attachClock(match: string, hits: TimeHit[], to: number): TimeHit[] {
  return hits.map((h, i) => {
    const day = !!h.window && h.window[0] === h.window[1] && !h.recurrence && !h.commemorates;
    // (a recurrence whose cue runs on to its count, 每月…1次, has no clock right after it)
    if (!day && !(h.recurrence && h.end === h.coreEnd)) return h;
    const m = CLOCK.exec(match.slice(h.end, Math.min(to, hits[i + 1]?.start ?? to, h.end + 24)));
    const g = m?.groups;
    const written = !!g && (g.h !== undefined || g.h2 !== undefined);
    if (!m || !g || (h.recurrence ? g.slot || !written : !g.slot && !written)) return h;
    const pm = g.slot ? g.slot !== '上午' : !!h.slot && h.slot[0] >= '12';
    const clock = written ? writtenClock(g, pm) : slotOf(g.slot);
    if (!clock) return h;
    // (the trailing bracket only when one was opened: "5月4日下午）" is the clause's own)
    let len = m[0].length;
    const opened = /[(（]/.test(m[0].replace(/^[(（](?:周|星期).[)）]/, ''));
    if (!opened && /[)）]$/.test(m[0])) len--;
    const end = h.end + len;
    return { ...h, end, ...(h.recurrence ? { coreEnd: end } : {}), cue: match.slice(h.start, end), clock };
  });
}

/**
 * "、5月1日" or "、3日" (the month of the day before) right after a session day, also after that day's weekday and clock
 * (CLOCK, skipped first: "5月2日（星期六）上午9:30、5月30日…", "…下午2:30；5月24日…"); "(三场)" after the list.
 */
const NEXT_DAY = /^[ \t]?(?:[、和及与;；]|以及)[ \t]?(?:(\d{1,2})月)?(\d{1,2})日/;
const SESSION_COUNT = /^[(（]?(?:共|分)?(?:\d+|[两二三四五六七八九十])场(?:次)?[)）]?/;

/**
 * A list of single days, "4月29日、5月1日、3日（三场）", is one activity's sessions: one hit over the
 * whole list, dated by the first day, with every day in `sessions`. Only days that run forward in time,
 * so "5月1日、4月30日" is not read as a list.
 */
function mergeSessions(match: string, hits: TimeHit[], to: number): TimeHit[] {
  const out: TimeHit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    const single = h.window && h.window[0] === h.window[1] && !h.recurrence && !h.festival && !h.commemorates;
    if (!single) {
      out.push(h);
      continue;
    }
    const days = [h.window![0]];
    let end = h.end;
    let j = i + 1;
    for (;;) {
      const rest = match.slice(end, Math.min(to, end + 36));
      const clock = CLOCK.exec(rest)?.[0].length ?? 0;
      const m = NEXT_DAY.exec(rest.slice(clock));
      if (!m) break;
      const prev = parseDateValue(days.at(-1)!)!;
      const month = m[1] ? Number(m[1]) : prev.m;
      const day = Number(m[2]);
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(prev.y, month)) break;
      const next = ymd(prev.y, month, day);
      if (next <= days.at(-1)!) break;
      const stop = end + clock + m[0].length;
      // A hit of its own inside the continuation ("5月1日") is absorbed; one that runs past it ends the list.
      if (j < hits.length && hits[j].start < stop && hits[j].end > stop) break;
      while (j < hits.length && hits[j].start < stop) j++;
      days.push(next);
      end = stop;
    }
    if (days.length === 1) {
      out.push(h);
      continue;
    }
    const count = SESSION_COUNT.exec(match.slice(end, Math.min(to, end + 8)));
    if (count) end += count[0].length;
    out.push({ ...h, end, cue: match.slice(h.start, end), sessions: days });
    i = j - 1;
  }
  return out;
}

export interface ResolvedTime {
  start?: string;
  end?: string;
  rrule?: string;
  /** Later sessions' days (Contract 1 `rdates`), each as long as the first. */
  rdates?: string[];
  cue?: string;
}

/** The first day ≥ Jan 1 of `year` on which the recurrence occurs. */
function firstStart(rec: RecurrencePreset, year: number, from?: string): string {
  let d = from ?? ymd(year, 1, 1);
  if (rec.freq === 'weekly') {
    // ISO 0 = Monday; weekday() is 0 = Sunday.
    const want = rec.byWeekday?.length ? (rec.byWeekday[0] + 1) % 7 : 1;
    while (weekday(d) !== want) d = addDays(d, 1);
  }
  return d;
}

/** The first day on or after `from` with that day of the month (the month's last day when shorter, as the RRULE does). */
function firstMonthDay(from: string, day: number): string {
  let { y, m } = parseDateValue(from)!;
  for (let i = 0; i < 13; i++) {
    const d = ymd(y, m, Math.min(day, daysInMonth(y, m)));
    if (d >= from) return d;
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return from;
}

/**
 * A time hit → Contract 1 fields. Windows give start and an exclusive end;
 * recurrences give an RRULE and their first occurrence (timed when the plan
 * names 上午/下午). `anniversary` decides what "纪念X" means (see module comment).
 */
export function resolveTime(hit: TimeHit, year: number, anniversary: boolean, within?: TimeHit, bounded = true): ResolvedTime {
  if (hit.recurrence) {
    let day = firstStart(hit.recurrence, year, within?.window?.[0] ?? (hit.firstMonth ? ymd(year, hit.firstMonth, 1) : undefined));
    // (the rule library finds the first n-th / last weekday on or after that day)
    if (hit.monthlyNth) day = firstOccurrence({ start: day, rrule: `FREQ=MONTHLY;BYDAY=${hit.monthlyNth}` }) ?? day;
    else if (hit.monthDay) day = firstMonthDay(day, hit.monthDay);
    // (a clock written after the recurrence, "每周一上午8:30", beats the slot's hours)
    const hours: [string, string?] | undefined = hit.clock ?? hit.slot;
    const start = hours ? `${day}T${hours[0]}` : day;
    // A recurrence inside a window ends with it ("7月至8月每周五晚", "活动期间每周五下午", "下半年每月");
    // `bounded` false: the window only says where it starts (another clause's time).
    const until = bounded ? within?.window?.[1] : undefined;
    let rrule = presetToRRule(until && !hit.recurrence.until ? { ...hit.recurrence, until } : hit.recurrence, start);
    // (the weekday rule replaces the day-of-month clamp presetToRRule adds for days after the 28th)
    if (hit.monthlyNth) rrule = rrule.replace(/;BYMONTHDAY=[^;]*/, '').replace(/;BYSETPOS=[^;]*/, '') + `;BYDAY=${hit.monthlyNth}`;
    const out: ResolvedTime = { start, rrule, cue: hit.cue };
    if (hours?.[1]) out.end = `${day}T${hours[1]}`;
    return out;
  }
  let window = hit.window;
  if (hit.commemorates && !window) {
    const o = byId.get(hit.commemorates)!;
    const d = observanceDate(o, year);
    if (!d) return { cue: hit.cue };
    window = anniversary ? [d, d] : [addDays(d, -16), d];
  }
  if (!window) return { cue: hit.cue };
  if (hit.clock) {
    const [from, until] = hit.clock;
    const at = (d: string) => `${d}T${from}`;
    const out: ResolvedTime = { start: at(window[0]), cue: hit.cue };
    if (until) out.end = `${window[0]}T${until}`;
    if (hit.sessions) out.rdates = hit.sessions.slice(1).map(at);
    return out;
  }
  if (hit.sessions) return { start: window[0], end: addDays(window[0], 1), rdates: hit.sessions.slice(1), cue: hit.cue };
  return { start: window[0], end: addDays(window[1], 1), cue: hit.cue };
}

