import * as Y from 'yjs';
import { createEvent, initWorkspaceDoc } from '../shared/src/schema';
import { EVENT_KINDS, EVENT_STATUSES } from '../shared/src/schema/types';
import { mulberry32 } from '../test/helpers/prng';

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, dayOfYear: number) => {
  const d = new Date(Date.UTC(y, 0, 1 + dayOfYear));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/**
 * A year of 10,000 activities like a busy office's: six busy weeks at 30 a day, the rest
 * spread over the year, one in five timed, some multi-day, 120 recurring series.
 */
export function seedWorkspace(total = 10_000, year = 2026): Y.Doc {
  const rand = mulberry32(42);
  const doc = new Y.Doc();
  initWorkspaceDoc(doc, { name: '基准测试工作区' });
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const units = ['宣传部', '机关党委', '文明办', '团委', '工会', '妇联', '文联'];
  let n = 0;
  const add = (start: string, extra: Record<string, unknown> = {}) => {
    createEvent(
      doc,
      {
        title: `${pick(['主题党日', '理论宣讲', '知识竞赛', '书法展', '志愿服务', '专题培训', '座谈会'])} 第${n + 1}场`,
        kind: pick(EVENT_KINDS),
        status: pick(EVENT_STATUSES),
        start,
        leadUnit: pick(units),
        location: `会议室${1 + Math.floor(rand() * 20)}`,
        ...extra,
      },
      { now: 0 },
    );
    n++;
  };
  doc.transact(() => {
    for (let r = 0; r < 120; r++) {
      const rule = pick(['FREQ=WEEKLY;BYDAY=FR', 'FREQ=MONTHLY;INTERVAL=3', 'FREQ=MONTHLY', 'FREQ=WEEKLY;BYDAY=MO,WE']);
      add(`${day(year, Math.floor(rand() * 60))}T14:30`, { rrule: `${rule};UNTIL=${year}1231` });
    }
    const busyWeeks = [9, 17, 26, 35, 39, 48];
    for (const w of busyWeeks) {
      for (let d = 0; d < 7; d++) for (let i = 0; i < 30; i++) add(timed(w * 7 + d, rand, year));
    }
    while (n < total) {
      const d = Math.floor(rand() * 365);
      if (rand() < 0.05) add(day(year, d), { end: day(year, d + 2 + Math.floor(rand() * 10)) });
      else add(rand() < 0.2 ? timed(d, rand, year) : day(year, d));
    }
  });
  return doc;
}

function timed(d: number, rand: () => number, year: number): string {
  return `${day(year, d)}T${pad(8 + Math.floor(rand() * 10))}:${pick2(rand)}`;
}
const pick2 = (rand: () => number) => (rand() < 0.5 ? '00' : '30');
