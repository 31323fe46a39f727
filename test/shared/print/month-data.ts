import type { EventKind, EventRecord } from '../../../shared/src/schema/types';

/** Section label paths for the sample's section ids. */
export const SECTION_PATHS: Record<string, string> = {
  'sec-1': '一、(一) 1、',
  'sec-2': '二、(三)',
  'sec-3': '三、',
};

const KINDS: EventKind[] = ['meeting', 'study', 'lecture', 'training', 'contest', 'exhibition', 'publicity', 'volunteer', 'assessment', 'anniversary', 'other'];
const LONG = '关于深入学习贯彻党的二十届四中全会精神暨推进“十五五”规划开局之年各项重点工作落地见效的专题';

/**
 * December 2026 with 60 activity rows: long titles, eight activities on 2 Dec,
 * a weekly recurring one (with an EXDATE) and one begun in October, a span in
 * from November and one out into January — plus events of other months and
 * deleted ones that must not appear.
 */
export function decemberEvents(): EventRecord[] {
  const events: EventRecord[] = [];
  const add = (e: Partial<EventRecord> & Pick<EventRecord, 'id' | 'title' | 'start'>) =>
    events.push({ kind: 'other', status: 'confirmed', ...e });

  // Eight on 2 December (one all-day).
  add({ id: 'd2-allday', title: '12月2日全天：机关开放日', start: '2026-12-02', kind: 'publicity' });
  const times = ['08:30', '09:00', '09:00', '10:30', '14:00', '14:30', '16:00'];
  times.forEach((t, i) =>
    add({
      id: `d2-${i}`,
      title: `12月2日第${i + 1}项：${LONG}${i % 2 ? '座谈会' : '学习会'}`,
      start: `2026-12-02T${t}`,
      end: i === 5 ? '2026-12-02T16:00' : undefined,
      kind: KINDS[i],
      location: `机关大楼${i + 1}楼会议室`,
      leadUnit: '市委宣传部',
      participants: '各处室负责同志',
      sectionIds: i === 5 ? ['sec-1', 'sec-2'] : undefined,
    }),
  );

  // Weekly on Fridays (4, 11, 18, 25), 18 excluded → 3 rows.
  add({
    id: 'weekly-fri',
    title: '每周五下午政治理论学习',
    start: '2026-12-04T15:00',
    end: '2026-12-04T17:00',
    kind: 'study',
    rrule: 'FREQ=WEEKLY;BYDAY=FR',
    exdates: ['2026-12-18T15:00'],
  });
  // Weekly on Tuesdays since October → 1, 8, 15, 22, 29 December = 5 rows.
  add({ id: 'weekly-tue', title: '周二部务会', start: '2026-10-06T09:00', kind: 'meeting', rrule: 'FREQ=WEEKLY;BYDAY=TU' });
  // Spans in from November and out into January.
  add({ id: 'span-in', title: '“翰墨颂党恩”书法作品展', start: '2026-11-28', end: '2026-12-04', kind: 'exhibition', location: '市图书馆' });
  add({ id: 'span-out', title: '迎新年文明实践周', start: '2026-12-30', end: '2027-01-03', kind: 'volunteer' });
  add({ id: 'cancelled', title: '已取消的志愿服务活动', start: '2026-12-19T09:00', status: 'cancelled', kind: 'volunteer' });

  // Fill to 60 rows: 8 + 3 + 5 + 2 + 1 = 19 so far → 41 more, spread over the month.
  for (let i = 0; i < 41; i++) {
    const day = 3 + ((i * 7) % 27); // 3..29, never 2
    const hh = 8 + (i % 9);
    add({
      id: `fill-${String(i).padStart(2, '0')}`,
      title: i % 5 === 0 ? `第${i}项 ${LONG}${LONG}` : `第${i}项 活动`,
      start: `2026-12-${String(day).padStart(2, '0')}T${String(hh).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
      kind: KINDS[i % KINDS.length],
      location: i % 3 ? '' : '市民中心',
      sectionIds: i % 4 === 0 ? ['sec-3'] : undefined,
    });
  }

  // Not in December, or deleted: must never be printed.
  add({ id: 'nov-only', title: '十一月的活动（不应出现）', start: '2026-11-20T09:00' });
  add({ id: 'jan-only', title: '一月的活动（不应出现）', start: '2027-01-05' });
  add({ id: 'nov-ends', title: '十一月结束的展览（不应出现）', start: '2026-11-20', end: '2026-12-01' });
  add({ id: 'deleted', title: '回收站里的活动（不应出现）', start: '2026-12-10T10:00', deletedAt: 1 });
  add({ id: 'deleted-rec', title: '回收站里的每周活动（不应出现）', start: '2026-12-01T10:00', rrule: 'FREQ=WEEKLY', deletedAt: 1 });
  return events;
}
