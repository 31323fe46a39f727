import type { EventKind, EventStatus } from '../schema/types';
import type { Locale } from '../i18n/locale';

/** Kind names for legends, CATEGORIES and table notes (same wording as the app's editor). */
export const KIND_LABELS: Record<Locale, Record<EventKind, string>> = {
  zh: {
    anniversary: '纪念活动',
    contest: '竞赛比赛',
    exhibition: '展览展示',
    lecture: '宣讲报告',
    training: '培训',
    meeting: '会议座谈',
    study: '学习',
    publicity: '宣传',
    volunteer: '志愿服务',
    assessment: '考评表彰',
    other: '其他',
  },
  en: {
    anniversary: 'Anniversary',
    contest: 'Contest',
    exhibition: 'Exhibition',
    lecture: 'Lecture',
    training: 'Training',
    meeting: 'Meeting',
    study: 'Study',
    publicity: 'Publicity',
    volunteer: 'Volunteer',
    assessment: 'Assessment',
    other: 'Other',
  },
};

export const STATUS_LABELS: Record<Locale, Record<EventStatus, string>> = {
  zh: { planned: '计划', confirmed: '已确定', done: '已完成', cancelled: '已取消' },
  en: { planned: 'Planned', confirmed: 'Confirmed', done: 'Done', cancelled: 'Cancelled' },
};

