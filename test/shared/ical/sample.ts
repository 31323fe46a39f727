import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EventRecord } from '../../../shared/src/schema/types';

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/ics/${name}`, import.meta.url)), 'utf8');
}

/** Events covering every field and date form the export must carry. */
export function sampleEvents(): EventRecord[] {
  return [
    {
      id: 'evMeeting0000001',
      title: '全市宣传部长会议：学习贯彻“十五五”规划建议; 第二阶段 \\ 工作部署（标题很长很长很长很长很长很长很长）',
      kind: 'meeting',
      start: '2026-12-02T14:30',
      end: '2026-12-02T16:00',
      status: 'done',
      location: '市委3楼, 第一会议室',
      leadUnit: '市委宣传部',
      units: ['市文明办', '市文联, 市社科联'],
      participants: '各区宣传部长',
      contact: '张三 13800000000',
      notes: '第一行\n第二行；牵头单位：这一行是备注本身',
      sectionIds: ['sec-1', 'sec-2'],
      campaignId: 'camp-1',
      teamId: 'team-1',
      parentId: 'parent-1',
      updatedAt: Date.UTC(2026, 10, 1, 8, 0, 0),
      updatedBy: '李四',
    },
    { id: 'evExhibit0000002', title: '书法作品展', kind: 'exhibition', start: '2026-12-05', end: '2026-12-09', status: 'planned' },
    { id: 'evOneDay00000003', title: '国家宪法日宣传', kind: 'publicity', start: '2026-12-04', status: 'confirmed' },
    {
      id: 'evWeekly00000004',
      title: '每周五下午政治理论学习',
      kind: 'study',
      start: '2026-12-04T15:00',
      end: '2026-12-04T17:00',
      status: 'confirmed',
      rrule: 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20261231',
      exdates: ['2026-12-11T15:00'],
    },
    {
      id: 'evMonthly0000005',
      title: '每月最后一天材料报送',
      kind: 'assessment',
      start: '2026-01-31',
      status: 'confirmed',
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1;COUNT=12',
      exdates: ['2026-06-30'],
    },
    { id: 'evCancel00000006', title: '志愿服务活动', kind: 'volunteer', start: '2026-12-19T09:00', end: '2026-12-19T12:00', status: 'cancelled' },
    { id: 'evNight000000007', title: '跨年夜文明观礼', kind: 'other', start: '2026-12-31T21:00', end: '2027-01-01T01:00', status: 'planned' },
    { id: 'evNoEnd000000008', title: '开班仪式', kind: 'training', start: '2026-12-07T08:30', status: 'planned' },
  ];
}
