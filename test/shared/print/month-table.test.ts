import { describe, expect, it } from 'vitest';
import {
  MONTH_TABLE_COLUMNS,
  monthTableCells,
  monthTableHeader,
  monthTableRows,
  monthTableTitle,
} from '../../../shared/src/print';
import { compareDateValues, expandOccurrences } from '../../../shared/src/time';
import { SECTION_PATHS, decemberEvents } from './month-data';

const rows = monthTableRows(decemberEvents(), '2026-12', { sectionPath: (id) => SECTION_PATHS[id] });

describe('monthTableRows', () => {
  it('lists 60 rows numbered 1…60', () => {
    expect(rows).toHaveLength(60);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('lists every instance of every activity in the month, and nothing else', () => {
    const expected = new Set<string>();
    for (const e of decemberEvents()) {
      if (e.deletedAt) continue;
      for (const o of expandOccurrences(e, '2026-12-01', '2027-01-01')) expected.add(`${e.id}@${o.start}`);
    }
    expect(new Set(rows.map((r) => `${r.eventId}@${r.start}`))).toEqual(expected);
    expect(rows.filter((r) => r.eventId === 'weekly-fri').map((r) => r.start)).toEqual([
      '2026-12-04T15:00',
      '2026-12-11T15:00',
      '2026-12-25T15:00',
    ]);
    expect(rows.filter((r) => r.eventId === 'weekly-tue').map((r) => r.start.slice(8, 10))).toEqual(['01', '08', '15', '22', '29']);
    expect(rows.filter((r) => r.start.startsWith('2026-12-02'))).toHaveLength(8);
  });

  it('leaves out other months and the trash', () => {
    const titles = rows.map((r) => r.title).join('\n');
    expect(titles).not.toContain('不应出现');
  });

  it('includes an event running in from November, first', () => {
    expect(rows[0]).toMatchObject({ eventId: 'span-in', time: '11月28日—12月3日', multiDay: true, location: '市图书馆' });
  });

  it('sorts by time, all-day first on a day', () => {
    for (let i = 1; i < rows.length; i++) expect(compareDateValues(rows[i - 1].start, rows[i].start)).toBeLessThanOrEqual(0);
    const day2 = rows.filter((r) => r.start.startsWith('2026-12-02'));
    expect(day2[0]).toMatchObject({ eventId: 'd2-allday', allDay: true });
    expect(day2.map((r) => r.start.slice(11))).toEqual(['', '08:30', '09:00', '09:00', '10:30', '14:00', '14:30', '16:00']);
  });

  it('writes the time column with weekday and lunar date', () => {
    const byId = (id: string) => rows.find((r) => r.eventId === id)!;
    expect(byId('d2-5').time).toBe('12月2日（周三）（十月廿四）14:30—16:00');
    expect(byId('d2-4').time).toBe('12月2日（周三）（十月廿四）14:00');
    expect(byId('d2-allday').time).toBe('12月2日（周三）（十月廿四）');
    expect(byId('span-out').time).toBe('12月30日—2027年1月2日');
  });

  it('fills the columns, 备注 with the section label paths, and marks cancelled ones', () => {
    const row = rows.find((r) => r.eventId === 'd2-5')!;
    expect(monthTableCells(row)).toEqual([
      String(row.seq),
      '12月2日（周三）（十月廿四）14:30—16:00',
      row.title,
      '机关大楼6楼会议室',
      '市委宣传部',
      '各处室负责同志',
      '一、(一) 1、；二、(三)',
    ]);
    expect(rows.find((r) => r.eventId === 'cancelled')!.remarks).toBe('【已取消】');
    const without = monthTableRows(decemberEvents(), '2026-12', { sectionPath: () => undefined, includeCancelled: false });
    expect(without).toHaveLength(59);
  });

  it('has the office column set and title', () => {
    expect(monthTableHeader()).toEqual(['序号', '时间', '活动内容', '地点', '牵头单位', '参加对象', '备注']);
    expect(MONTH_TABLE_COLUMNS.reduce((s, c) => s + c.width, 0)).toBe(100);
    expect(monthTableTitle('市直机关工委宣传部', '2026-12')).toBe('市直机关工委宣传部 2026年12月活动安排表');
    expect(monthTableTitle('', '2026-02')).toBe('2026年2月活动安排表');
    expect(monthTableTitle('Publicity Dept', '2026-12', 'en')).toBe('Publicity Dept — Activities, Dec 2026');
  });

  it('writes English times', () => {
    const en = monthTableRows(decemberEvents(), '2026-12', { sectionPath: () => undefined, locale: 'en' });
    expect(en.find((r) => r.eventId === 'd2-5')!.time).toBe('Wed 2 Dec (十月廿四) 14:30–16:00');
  });
});
