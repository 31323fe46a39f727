import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EVENT_KINDS, EVENT_STATUSES, importPlan, readSections, sectionWithDescendants, type EventRecord } from '../../../shared/src/schema';
import { filterActive, matchesFilter, openFilter, type EventFilter } from '../../../shared/src/workspace';

const ev = (over: Partial<EventRecord> = {}): EventRecord => ({
  id: 'e1',
  title: '理论学习中心组学习',
  kind: 'study',
  start: '2026-03-10',
  status: 'planned',
  ...over,
});

const withSearch = (search: string, base: EventFilter = openFilter()): EventFilter => ({ ...base, search });

describe('openFilter and filterActive', () => {
  it('the open filter shows everything and is not active', () => {
    const f = openFilter();
    expect(Object.keys(f.kinds).sort()).toEqual([...EVENT_KINDS].sort());
    expect(Object.keys(f.statuses).sort()).toEqual([...EVENT_STATUSES].sort());
    expect(filterActive(f)).toBe(false);
    for (const kind of EVENT_KINDS) for (const status of EVENT_STATUSES) expect(matchesFilter(ev({ kind, status }), f)).toBe(true);
  });
  it('each open filter is a fresh object', () => {
    const a = openFilter();
    a.kinds.study = false;
    expect(openFilter().kinds.study).toBe(true);
  });
  it('is active with a search (not just spaces), a kind off, or a status off', () => {
    expect(filterActive(withSearch('讲座'))).toBe(true);
    expect(filterActive(withSearch('  \t '))).toBe(false);
    for (const kind of EVENT_KINDS) {
      const f = openFilter();
      f.kinds[kind] = false;
      expect(filterActive(f)).toBe(true);
    }
    for (const status of EVENT_STATUSES) {
      const f = openFilter();
      f.statuses[status] = false;
      expect(filterActive(f)).toBe(true);
    }
  });
});

describe('matchesFilter', () => {
  it('hides the kinds and statuses switched off, and only those', () => {
    for (const off of EVENT_KINDS) {
      const f = openFilter();
      f.kinds[off] = false;
      for (const kind of EVENT_KINDS) expect(matchesFilter(ev({ kind }), f), `${off} off, ${kind}`).toBe(kind !== off);
    }
    for (const off of EVENT_STATUSES) {
      const f = openFilter();
      f.statuses[off] = false;
      for (const status of EVENT_STATUSES) expect(matchesFilter(ev({ status }), f), `${off} off, ${status}`).toBe(status !== off);
    }
    const both = openFilter();
    both.kinds.study = false;
    expect(matchesFilter(ev({ kind: 'study', status: 'done' }), both)).toBe(false);
    both.kinds.study = true;
    both.statuses.done = false;
    expect(matchesFilter(ev({ kind: 'study', status: 'done' }), both)).toBe(false);
  });

  it('keeps only one campaign’s activities when one is chosen, and is then active', () => {
    const f: EventFilter = { ...openFilter(), campaignId: 'camp-read' };
    expect(filterActive(f)).toBe(true);
    expect(matchesFilter(ev({ campaignId: 'camp-read' }), f)).toBe(true);
    expect(matchesFilter(ev({ campaignId: 'camp-talk' }), f)).toBe(false);
    expect(matchesFilter(ev(), f)).toBe(false);
    expect(matchesFilter(ev({ campaignId: 'camp-talk' }), { ...f, campaignId: '' })).toBe(true);
  });

  it('finds a search word in each of the fields an organiser types from memory', () => {
    const fields: Array<[keyof EventRecord, unknown]> = [
      ['title', '知识竞赛决赛'],
      ['location', '知识竞赛会场'],
      ['leadUnit', '知识竞赛组委会'],
      ['participants', '知识竞赛选手'],
      ['contact', '知识竞赛联系人'],
      ['notes', '知识竞赛备注'],
      ['units', ['宣传部', '知识竞赛办公室']],
    ];
    for (const [field, value] of fields) {
      const e = ev({ title: '某活动', [field]: value } as Partial<EventRecord>);
      expect(matchesFilter(e, withSearch('知识竞赛')), String(field)).toBe(true);
      expect(matchesFilter(ev({ title: '某活动' }), withSearch('知识竞赛'))).toBe(false);
    }
  });

  it('does not search the other fields', () => {
    const e = ev({ title: '某活动', rrule: 'FREQ=WEEKLY', updatedBy: '张三', sectionIds: ['张三的章节'], campaignId: '张三', teamId: '张三', parentId: '张三' });
    expect(matchesFilter(e, withSearch('张三'))).toBe(false);
    expect(matchesFilter(e, withSearch('weekly'))).toBe(false);
  });

  it('needs every word, each anywhere among the fields', () => {
    const e = ev({ title: '青年理论宣讲', location: '文化馆', units: ['团委'] });
    expect(matchesFilter(e, withSearch('宣讲 文化馆'))).toBe(true);
    expect(matchesFilter(e, withSearch('  团委   青年  '))).toBe(true);
    expect(matchesFilter(e, withSearch('宣讲 礼堂'))).toBe(false);
    expect(matchesFilter(e, withSearch('礼堂 宣讲'))).toBe(false);
    // A word does not run across two fields.
    expect(matchesFilter(ev({ title: 'ab', location: 'cd' }), withSearch('bc'))).toBe(false);
  });

  it('ignores case, in the query and in the fields', () => {
    const e = ev({ title: 'Party Lecture', location: 'Hall B', contact: 'Ms. WANG' });
    expect(matchesFilter(e, withSearch('party'))).toBe(true);
    expect(matchesFilter(e, withSearch('LECTURE hall'))).toBe(true);
    expect(matchesFilter(e, withSearch('wang'))).toBe(true);
    expect(matchesFilter(ev({ title: 'party lecture' }), withSearch('PARTY'))).toBe(true);
  });

  it('the search narrows within the kinds and statuses, never beyond them', () => {
    const f = withSearch('学习');
    f.statuses.planned = false;
    expect(matchesFilter(ev(), f)).toBe(false);
    expect(matchesFilter(ev({ status: 'confirmed' }), f)).toBe(true);
  });

  describe('by section, with its subsections', () => {
    const doc = new Y.Doc();
    importPlan(
      doc,
      {
        title: '要点',
        year: 2026,
        sections: [
          { id: 's1', parentId: '', label: '一、', title: '学习', body: '', level: 1, order: 0 },
          { id: 's1.1', parentId: 's1', label: '(一)', title: '中心组', body: '', level: 2, order: 0 },
          { id: 's1.1.1', parentId: 's1.1', label: '1.', title: '专题', body: '', level: 3, order: 0 },
          { id: 's2', parentId: '', label: '二、', title: '宣传', body: '', level: 1, order: 1 },
        ],
      },
      { planId: 'p' },
    );
    const sections = readSections(doc, 'p').sections;
    const inS1 = sectionWithDescendants(sections, 'p/s1');
    const inS11 = sectionWithDescendants(sections, 'p/s1.1');

    it('the section set is the section and everything under it', () => {
      expect(inS1).toEqual(new Set(['p/s1', 'p/s1.1', 'p/s1.1.1']));
      expect(inS11).toEqual(new Set(['p/s1.1', 'p/s1.1.1']));
      expect(sectionWithDescendants(sections, 'p/s2')).toEqual(new Set(['p/s2']));
    });

    it('keeps events linked to one of the sections, at any depth', () => {
      const f = openFilter();
      expect(matchesFilter(ev({ sectionIds: ['p/s1'] }), f, inS1)).toBe(true);
      expect(matchesFilter(ev({ sectionIds: ['p/s1.1.1'] }), f, inS1)).toBe(true);
      expect(matchesFilter(ev({ sectionIds: ['p/s2', 'p/s1.1'] }), f, inS1)).toBe(true);
      expect(matchesFilter(ev({ sectionIds: ['p/s1'] }), f, inS11)).toBe(false);
      expect(matchesFilter(ev({ sectionIds: ['p/s2'] }), f, inS1)).toBe(false);
      expect(matchesFilter(ev({ sectionIds: [] }), f, inS1)).toBe(false);
      expect(matchesFilter(ev(), f, inS1)).toBe(false);
    });

    it('no set means no section filter; an empty set keeps nothing', () => {
      const f = openFilter();
      expect(matchesFilter(ev(), f, null)).toBe(true);
      expect(matchesFilter(ev(), f, undefined)).toBe(true);
      expect(matchesFilter(ev({ sectionIds: ['p/s1'] }), f, new Set())).toBe(false);
    });

    it('combines with the search and the kinds', () => {
      const f = withSearch('学习');
      expect(matchesFilter(ev({ sectionIds: ['p/s1.1.1'] }), f, inS1)).toBe(true);
      expect(matchesFilter(ev({ sectionIds: ['p/s1.1.1'], title: '宣讲' }), f, inS1)).toBe(false);
      f.kinds.study = false;
      expect(matchesFilter(ev({ sectionIds: ['p/s1.1.1'] }), f, inS1)).toBe(false);
    });
  });
});
