/** Strings of conflict reports (the panel, the editor's live check, marked bars); they follow the app's locale. */
import { createTranslator } from '@shared/i18n/format';
import { locale } from '../../i18n';

const zh = {
  conflicts: '冲突',
  noConflicts: '没有发现冲突。',
  conflictCount: '{hard} 个冲突，{soft} 个提醒',
  hard: '冲突',
  soft: '提醒',
  kindSpeaker: '宣讲人“{r}”同一时段在两处',
  kindTeam: '宣讲团“{r}”同一时段在两处',
  kindLocation: '地点“{r}”同一时段被两场活动占用',
  kindUnitDay: '“{r}”同一天安排了两场',
  kindOutsideCampaign: '不在专项活动“{r}”的日期内',
  kindHoliday: '安排在{r}',
  and: '与',
};

const en: Record<keyof typeof zh, string> = {
  conflicts: 'Conflicts',
  noConflicts: 'No conflicts found.',
  conflictCount: 'Conflicts: {hard} · warnings: {soft}',
  hard: 'Conflict',
  soft: 'Warning',
  kindSpeaker: 'Speaker “{r}” is booked in two places at once',
  kindTeam: 'Team “{r}” is booked in two places at once',
  kindLocation: '“{r}” is booked twice at the same time',
  kindUnitDay: '“{r}” hosts two sessions on one day',
  kindOutsideCampaign: 'Outside the dates of the campaign “{r}”',
  kindHoliday: 'On a holiday: {r}',
  and: 'and',
};

export type ConflictMessage = keyof typeof zh;
export const tc = createTranslator<ConflictMessage>({ zh, en }, locale);
