/**
 * Keyboard shortcuts, Google Calendar's keys where they apply. One table: the handlers, the
 * `?` dialog and the tests all read it, so a key listed is a key that works and vice versa.
 */
export type ShortcutAction =
  | 'today'
  | 'view-day'
  | 'view-week'
  | 'view-month'
  | 'view-year'
  | 'view-list'
  | 'next'
  | 'prev'
  | 'new'
  | 'search'
  | 'edit'
  | 'delete'
  | 'help'
  | 'timeline-zoom-in'
  | 'timeline-zoom-out'
  | 'timeline-left'
  | 'timeline-right'
  | 'timeline-today'
  | 'timeline-zoom-to'
  | 'grid-day'
  | 'grid-week'
  | 'grid-week-ends'
  | 'grid-month'
  | 'grid-new'
  | 'grid-open-day'
  | 'grid-into-events'
  | 'grid-events'
  | 'grid-back-to-day';

/**
 * `month-grid`: keys on a focused day of the month grid (calendar/CalendarView handles them,
 * before the calendar's own keys), and on an event in the grid.
 */
export type ShortcutScope = 'everywhere' | 'calendar' | 'month-grid' | 'timeline';

export interface Shortcut {
  action: ShortcutAction;
  /** KeyboardEvent.key values (case-sensitive: 'N' is Shift+n). */
  keys: readonly string[];
  scope: ShortcutScope;
  zh: string;
  en: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'help', keys: ['?'], scope: 'everywhere', zh: '显示快捷键', en: 'Show keyboard shortcuts' },
  { action: 'today', keys: ['t'], scope: 'calendar', zh: '回到今天', en: 'Go to today' },
  { action: 'view-day', keys: ['d'], scope: 'calendar', zh: '日视图', en: 'Day view' },
  { action: 'view-week', keys: ['w'], scope: 'calendar', zh: '周视图', en: 'Week view' },
  { action: 'view-month', keys: ['m'], scope: 'calendar', zh: '月视图', en: 'Month view' },
  { action: 'view-year', keys: ['y'], scope: 'calendar', zh: '年视图', en: 'Year view' },
  { action: 'view-list', keys: ['a'], scope: 'calendar', zh: '列表视图', en: 'List (agenda) view' },
  { action: 'next', keys: ['j', 'ArrowRight'], scope: 'calendar', zh: '下一段时间', en: 'Next period' },
  { action: 'prev', keys: ['k', 'ArrowLeft'], scope: 'calendar', zh: '上一段时间', en: 'Previous period' },
  { action: 'new', keys: ['n', 'c'], scope: 'calendar', zh: '新建活动', en: 'New activity' },
  { action: 'search', keys: ['/'], scope: 'calendar', zh: '搜索活动', en: 'Search activities' },
  { action: 'edit', keys: ['e'], scope: 'calendar', zh: '编辑选中的活动', en: 'Edit the selected activity' },
  { action: 'delete', keys: ['Delete', 'Backspace'], scope: 'calendar', zh: '把选中的活动移到回收站', en: 'Move the selected activity to the trash' },
  { action: 'grid-day', keys: ['ArrowLeft', 'ArrowRight'], scope: 'month-grid', zh: '前一天 / 后一天（越过月底时翻到相邻月份）', en: 'Previous / next day (past the grid it turns to the next month)' },
  { action: 'grid-week', keys: ['ArrowUp', 'ArrowDown'], scope: 'month-grid', zh: '上一周 / 下一周的同一天', en: 'Same day of the previous / next week' },
  { action: 'grid-week-ends', keys: ['Home', 'End'], scope: 'month-grid', zh: '本周第一天 / 最后一天', en: 'First / last day of the week' },
  { action: 'grid-month', keys: ['PageUp', 'PageDown'], scope: 'month-grid', zh: '上个月 / 下个月的同一天', en: 'Same day of the previous / next month' },
  { action: 'grid-new', keys: ['Enter', 'n', 'c'], scope: 'month-grid', zh: '在这一天新建活动', en: 'New activity on this day' },
  { action: 'grid-open-day', keys: ['d'], scope: 'month-grid', zh: '打开这一天的日视图', en: 'Open this day in the day view' },
  { action: 'grid-into-events', keys: ['Tab'], scope: 'month-grid', zh: '进入这一天的活动（Shift+Tab 返回）', en: "Into this day's activities (Shift+Tab back)" },
  { action: 'grid-events', keys: ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'], scope: 'month-grid', zh: '在活动上：在活动之间移动，回车打开', en: 'On an activity: move between activities, Enter opens it' },
  { action: 'grid-back-to-day', keys: ['Escape'], scope: 'month-grid', zh: '在活动上：回到它所在的日期', en: 'On an activity: back to its day' },
  { action: 'timeline-zoom-in', keys: ['+', '='], scope: 'timeline', zh: '放大（年 → 季 → 月）', en: 'Zoom in (year → quarter → month)' },
  { action: 'timeline-zoom-out', keys: ['-'], scope: 'timeline', zh: '缩小', en: 'Zoom out' },
  { action: 'timeline-left', keys: ['ArrowLeft', 'h', 'k'], scope: 'timeline', zh: '向前平移', en: 'Pan to earlier dates' },
  { action: 'timeline-right', keys: ['ArrowRight', 'l', 'j'], scope: 'timeline', zh: '向后平移', en: 'Pan to later dates' },
  { action: 'timeline-today', keys: ['t'], scope: 'timeline', zh: '回到今天', en: 'Back to today' },
  { action: 'timeline-zoom-to', keys: ['1', '2', '3'], scope: 'timeline', zh: '按年 / 季 / 月显示', en: 'Show a year / quarter / month' },
];

/** What the key labels read as in the dialog. */
export function keyLabel(key: string, locale: 'zh' | 'en'): string {
  const names: Record<string, [string, string]> = {
    ArrowLeft: ['←', '←'],
    ArrowRight: ['→', '→'],
    ArrowUp: ['↑', '↑'],
    ArrowDown: ['↓', '↓'],
    Escape: ['Esc', 'Esc'],
    Enter: ['回车', 'Enter'],
    Delete: ['Delete', 'Delete'],
    Backspace: ['Backspace', 'Backspace'],
  };
  return names[key]?.[locale === 'zh' ? 0 : 1] ?? key;
}

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** A field, an editable area or an open dialog has the keys: shortcuts never fire there. */
export function typingIn(target: EventTarget | null): boolean {
  const el = target as { closest?: (sel: string) => unknown } | null;
  return typeof el?.closest === 'function' && el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], dialog') !== null;
}

/** The action a key press asks for in `scope` (or everywhere), or null. */
export function actionOf(e: KeyLike, scope: ShortcutScope): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return null;
  const hit = SHORTCUTS.find((s) => (s.scope === scope || s.scope === 'everywhere') && s.keys.includes(e.key));
  return hit?.action ?? null;
}
