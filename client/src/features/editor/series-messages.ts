/** Strings of the editor's series parts (a series' own time zone, extra dates); they follow the app's locale. */
import { createTranslator } from '@shared/i18n/format';
import { locale } from '../../i18n';

const zh = {
  zoneNote: '{here}（{there}）',
  zoneHint: '这个系列来自按{zone}排定的日历：上面的开始、结束和重复规则都按{zone}填写和执行，日历上换算成{home}显示，夏令时切换时{home}会随之变化。',
  startIn: '开始（{zone}）',
  endIn: '结束（{zone}）',
  extraDates: '另加日期',
  extraDatesHint: '重复规则之外另外举办的日子',
  addDate: '添加',
  newExtraDate: '要另加的日期',
  removeDate: '移除 {date}',
};

const en: typeof zh = {
  zoneNote: '{here} ({there})',
  zoneHint: 'This series comes from a calendar kept in {zone}: its start, end and repetition above are entered and repeat in {zone}; the calendar shows them in {home}, which shifts when daylight saving changes.',
  startIn: 'Start ({zone})',
  endIn: 'End ({zone})',
  extraDates: 'Extra dates',
  extraDatesHint: 'Dates it also takes place, outside the repetition rule',
  addDate: 'Add',
  newExtraDate: 'Date to add',
  removeDate: 'Remove {date}',
};

export type SeriesMessageKey = keyof typeof zh;
export const ts = createTranslator<SeriesMessageKey>({ zh, en }, locale);
