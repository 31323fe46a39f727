import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { IcsError, parseIcs, sameRRule, type ImportedEvent } from '../../../shared/src/ical';
import { applyIcsImport } from './apply';
import { createEvent, readEvents } from '../../../shared/src/schema';
import { expandOccurrences } from '../../../shared/src/time';
import { fixture } from './sample';

function byTitle(events: ImportedEvent[], title: string): ImportedEvent {
  const found = events.find((e) => e.title === title);
  if (!found) throw new Error(`no event titled ${title}; have ${events.map((e) => e.title).join(' | ')}`);
  return found;
}

function starts(e: ImportedEvent, from = '2026-12-01', to = '2027-01-01'): string[] {
  return expandOccurrences(e, from, to).map((o) => o.start);
}

describe('Google Calendar export', () => {
  const parsed = parseIcs(fixture('google.ics'));
  const { events } = parsed;

  it('reads every event, the calendar name, and no warnings', () => {
    expect(parsed.warnings).toEqual([]);
    expect(parsed.calendarName).toBe('市直机关工委宣传部');
    expect(events).toHaveLength(5);
  });

  it('keeps the all-day multi-day event exact, with units from the HTML description', () => {
    expect(byTitle(events, '“翰墨颂党恩”书法作品展')).toMatchObject({
      start: '2026-12-01',
      end: '2026-12-04',
      status: 'confirmed',
      location: '市图书馆一楼展厅',
      leadUnit: '市直机关工委宣传部',
      units: ['市书法家协会', '市图书馆'],
      notes: '“翰墨颂党恩”书法作品展，展出机关干部职工书法作品120余幅。',
      kind: 'other',
    });
  });

  it('converts UTC times to Shanghai wall clock', () => {
    expect(byTitle(events, '理论学习中心组（扩大）学习会')).toMatchObject({
      start: '2026-12-02T14:30',
      end: '2026-12-02T16:30',
      participants: '理论学习中心组成员',
      contact: '王明 0571-87000000',
      notes: '传达学习全会精神',
    });
  });

  it('reads the weekly series with its EXDATE and turns the moved instance into its own event', () => {
    const series = byTitle(events, '每周五下午政治理论学习');
    expect(sameRRule(series.rrule, 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20261231;WKST=MO')).toBe(true);
    expect(series.exdates?.sort()).toEqual(['2026-12-11T15:00', '2026-12-18T15:00']);
    expect(starts(series)).toEqual(['2026-12-04T15:00', '2026-12-25T15:00']);
    const moved = byTitle(events, '每周五下午政治理论学习（推迟）');
    expect(moved).toMatchObject({ start: '2026-12-11T16:00', end: '2026-12-11T18:00' });
    expect(moved.rrule).toBeUndefined();
    expect(moved.id).toBe(`${series.id}-20261211T1500`);
  });

  it('reads CANCELLED', () => {
    expect(byTitle(events, '“文明城市我参与”志愿服务活动')).toMatchObject({ status: 'cancelled', start: '2026-12-19T09:00' });
  });
});

describe('Outlook export', () => {
  const parsed = parseIcs(fixture('outlook.ics'));
  const { events } = parsed;

  it('reads every event without warnings', () => {
    expect(parsed.warnings).toEqual([]);
    expect(events).toHaveLength(7);
  });

  it('resolves the Windows zone "China Standard Time" and maps CATEGORIES to kinds', () => {
    expect(byTitle(events, '全市宣传系统业务培训班')).toMatchObject({
      kind: 'training',
      start: '2026-12-09T09:00',
      end: '2026-12-09T11:30',
      leadUnit: '市委宣传部',
      participants: '各区县宣传部业务骨干',
      notes: '请携带笔记本电脑。',
    });
  });

  it('keeps all-day events exact, including X-MICROSOFT-CDO-ALLDAYEVENT midnight times', () => {
    expect(byTitle(events, '年终考核材料报送')).toMatchObject({ kind: 'assessment', start: '2026-12-14', end: '2026-12-16' });
    expect(byTitle(events, '冬至主题宣传周启动')).toMatchObject({ kind: 'publicity', start: '2026-12-21', end: '2026-12-23' });
  });

  it('converts other zones, from IANA mapping and from the file VTIMEZONE', () => {
    // 17:00 PST on 10 Dec = 01:00 UTC on 11 Dec = 09:00 in Shanghai.
    expect(byTitle(events, '与友好城市宣传部门视频交流').start).toBe('2026-12-11T09:00');
    // "Customized Time Zone" is only defined by its VTIMEZONE (+0900).
    expect(byTitle(events, '对外文化交流线上座谈').start).toBe('2026-12-16T09:00');
  });

  it('reads the weekly meeting with UNTIL in UTC and the EXDATE', () => {
    const meeting = byTitle(events, '部务会');
    expect(meeting.kind).toBe('meeting');
    expect(starts(meeting)).toEqual(['2026-12-07T09:00', '2026-12-14T09:00', '2026-12-28T09:00']);
  });

  it('reads the cancelled meeting and drops the "已取消:" title prefix', () => {
    expect(byTitle(events, '迎新春文艺汇演彩排')).toMatchObject({ status: 'cancelled', start: '2026-12-30T14:30' });
  });

  it('gives long Outlook UIDs short, distinct, stable ids', () => {
    const ids = events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(parseIcs(fixture('outlook.ics')).events.map((e) => e.id)).toEqual(ids);
  });
});

describe('Feishu export', () => {
  const parsed = parseIcs(fixture('feishu.ics'));
  const { events } = parsed;

  it('reads every event', () => {
    expect(parsed.warnings).toEqual([]);
    expect(parsed.calendarName).toBe('文明办日程');
    expect(events).toHaveLength(5);
    expect(events[0].id).toBe('a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b');
  });

  it('reads UTC times, Chinese categories and labelled description lines', () => {
    expect(byTitle(events, '第十届“最美志愿者”评选表彰大会')).toMatchObject({
      kind: 'meeting',
      start: '2026-12-03T09:00',
      end: '2026-12-03T11:30',
      leadUnit: '市文明办',
      units: ['团市委', '市民政局'],
      participants: '获奖志愿者代表及各单位分管领导',
      contact: '李华 13900001111',
    });
  });

  it('keeps the all-day multi-day event exact', () => {
    expect(byTitle(events, '新时代文明实践“宣讲进社区”巡回宣讲')).toMatchObject({ kind: 'lecture', start: '2026-12-24', end: '2026-12-27' });
  });

  it('converts a UTC EXDATE on a TZID series the same way as DTSTART', () => {
    const weekly = byTitle(events, '文明办周例会');
    expect(weekly).toMatchObject({ kind: 'meeting', start: '2026-12-07T09:30', exdates: ['2026-12-14T09:30'] });
    expect(starts(weekly)).toEqual(['2026-12-07T09:30', '2026-12-21T09:30', '2026-12-28T09:30']);
  });

  it('reads statuses; an unknown category becomes other; an event may end next year', () => {
    expect(byTitle(events, '文明交通劝导志愿服务')).toMatchObject({ kind: 'volunteer', status: 'cancelled', start: '2026-12-12T08:00' });
    expect(byTitle(events, '跨年夜文明观礼宣传')).toMatchObject({ kind: 'other', status: 'planned', start: '2026-12-31T21:00', end: '2027-01-01T01:00' });
    expect(parsed.defaulted['e7b5a6f8-9da2-43b4-cedf-4a5b6c7d8e9f']).toEqual(['kind']);
  });
});

describe('importing fixtures into a workspace', () => {
  it('imports all three, and a second import creates nothing', () => {
    const doc = new Y.Doc();
    const files = ['google.ics', 'outlook.ics', 'feishu.ics'];
    let total = 0;
    for (const f of files) {
      const r = applyIcsImport(doc, parseIcs(fixture(f)));
      expect(r.failed).toEqual([]);
      total += r.created.length;
    }
    expect(total).toBe(17);
    const before = Y.encodeStateAsUpdate(doc);
    for (const f of files) {
      const r = applyIcsImport(doc, parseIcs(fixture(f)));
      expect(r.created).toEqual([]);
      expect(r.updated).toEqual([]);
    }
    expect(readEvents(doc).events).toHaveLength(17);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('re-importing does not overwrite a kind set in the app with a guess', () => {
    const doc = new Y.Doc();
    applyIcsImport(doc, parseIcs(fixture('google.ics')));
    const exhibit = readEvents(doc).events.find((e) => e.title === '“翰墨颂党恩”书法作品展')!;
    expect(exhibit.kind).toBe('other');
    doc.getMap('events').get(exhibit.id) && (doc.getMap('events').get(exhibit.id) as Y.Map<unknown>).set('kind', 'exhibition');
    applyIcsImport(doc, parseIcs(fixture('google.ics')));
    expect(readEvents(doc).events.find((e) => e.id === exhibit.id)!.kind).toBe('exhibition');
  });
});

describe('a file that will not parse', () => {
  function docWithOne(): Y.Doc {
    const doc = new Y.Doc();
    createEvent(doc, { title: '已有活动', kind: 'meeting', start: '2026-12-02T14:30', status: 'planned' }, { id: 'existing0000001', now: 1 });
    return doc;
  }

  it.each([
    ['broken.ics', fixture('broken.ics'), 'syntax'],
    ['empty', '   \n', 'empty'],
    ['not a calendar', 'PK\u0003\u0004 this is a zip', 'not-icalendar'],
    ['HTML error page', '<!doctype html><html><body>502 Bad Gateway</body></html>', 'not-icalendar'],
    ['truncated', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261202T063000Z\r\n', 'syntax'],
  ])('%s: IcsError, and the workspace is unchanged', (_name, text, code) => {
    const doc = docWithOne();
    const before = Y.encodeStateAsUpdate(doc);
    let error: unknown;
    try {
      applyIcsImport(doc, parseIcs(text));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IcsError);
    expect((error as IcsError).code).toBe(code);
    expect((error as IcsError).message.length).toBeGreaterThan(10);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('skips a single unusable event with a warning and imports the rest', () => {
    const text = fixture('feishu.ics').replace('DTSTART;VALUE=DATE:20261224\n', '');
    const parsed = parseIcs(text);
    expect(parsed.events).toHaveLength(4);
    expect(parsed.warnings.join('\n')).toMatch(/巡回宣讲.*DTSTART/);
  });
});
