import type { EventKind, EventStatus } from '../schema/types';

export type PrintLocale = 'zh' | 'en';

/** Kind names for legends, CATEGORIES and table notes (same wording as the app's editor). */
export const KIND_LABELS: Record<PrintLocale, Record<EventKind, string>> = {
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

export const STATUS_LABELS: Record<PrintLocale, Record<EventStatus, string>> = {
  zh: { planned: '计划', confirmed: '已确定', done: '已完成', cancelled: '已取消' },
  en: { planned: 'Planned', confirmed: 'Confirmed', done: 'Done', cancelled: 'Cancelled' },
};

export const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
export const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
