/**
 * Strings of the print page and the exchange menu. Kept beside the features (not in app/i18n.ts)
 * so these screens can change without touching the shared table; they follow the app's locale.
 */
import { createTranslator } from '@shared/i18n/format';
import { locale } from '../../i18n';

const zh = {
  backToCalendar: '‹ 返回日历',
  parts: '打印内容',
  partTable: '活动安排表',
  partGrid: '月历',
  filterKind: '类型',
  filterSection: '工作要点',
  filterCampaign: '专项活动',
  all: '全部',
  typeSize: '字号',
  sizeSmall: '小',
  sizeMedium: '中',
  sizeLarge: '大',
  print: '打印',
  printHint: '在打印对话框中选择 A4 横向；背景颜色已设为打印。',
  loading: '正在读取本月活动…',
  badMonth: '无法识别的月份：{month}',
  noActivities: '本月没有符合条件的活动。',
  rowsCount: '共 {n} 项',
  signature: '制表：　　　　　　　　审核：　　　　　　　　日期：　　　　年　　月　　日',
  gridTitle: '{name}{y}年{m}月活动日历',
  continued: '续：当日其余活动',
  holidayOff: '法定节假日',
  holidayWork: '调休上班',
  prevMonth: '上月',
  nextMonth: '下月',
} as const;

export type PrintMessageKey = keyof typeof zh;

const en: Record<PrintMessageKey, string> = {
  backToCalendar: '‹ Back to calendar',
  parts: 'Print',
  partTable: 'Activity table',
  partGrid: 'Month grid',
  filterKind: 'Kind',
  filterSection: 'Plan section',
  filterCampaign: 'Campaign',
  all: 'All',
  typeSize: 'Type size',
  sizeSmall: 'Small',
  sizeMedium: 'Medium',
  sizeLarge: 'Large',
  print: 'Print',
  printHint: 'Choose A4 landscape in the print dialog; background colours are set to print.',
  loading: 'Reading the month’s activities…',
  badMonth: 'Unknown month: {month}',
  noActivities: 'No activities match this month.',
  rowsCount: '{n} activities',
  signature: 'Prepared by:                Checked by:                Date:',
  gridTitle: '{name}Calendar, {mon} {y}',
  continued: 'Continued: the rest of the day',
  holidayOff: 'public holiday',
  holidayWork: 'make-up working day',
  prevMonth: 'Previous month',
  nextMonth: 'Next month',
};

/** Translate, filling `{name}` placeholders. Reactive: reads the app's locale signal. */
export const pm = createTranslator<PrintMessageKey>({ zh, en }, locale);
