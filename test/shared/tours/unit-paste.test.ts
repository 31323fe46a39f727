import { describe, expect, it } from 'vitest';
import { UNIT_CATEGORIES } from '../../../shared/src/schema/types';
import {
  MAX_PASTE_LINE_CHARS,
  MAX_PASTE_ROWS,
  SIX_REACHES_LABEL,
  UNIT_CATEGORY_LABELS,
  UNIT_PASTE_MESSAGES,
  categoryFromText,
  parseUnitPaste,
} from '../../../shared/src/tours';

const fieldsOf = (text: string) => parseUnitPaste(text).rows.map((r) => r.fields);

describe('categoryFromText', () => {
  it.each([
    ['agency', 'agency'],
    ['机关', 'agency'],
    ['党政机关', 'agency'],
    ['进机关', 'agency'],
    ['企业', 'enterprise'],
    ['Enterprises', 'enterprise'],
    ['农村', 'village'],
    ['村', 'village'],
    ['社区', 'community'],
    [' COMMUNITIES ', 'community'],
    ['学校', 'school'],
    ['校园', 'school'],
    ['进校园', 'school'],
    ['网络', 'online'],
    ['线上', 'online'],
    ['其他', 'other'],
    ['其它', 'other'],
    ['Ｏｎｌｉｎｅ', 'online'],
  ])('%s → %s', (text, category) => expect(categoryFromText(text)).toBe(category));

  it('answers null for anything else', () => {
    for (const text of ['', '医院', '=1+1', '进', 'schools and more']) expect(categoryFromText(text)).toBeNull();
  });

  it('labels every category in both languages, and reads its own labels back', () => {
    expect(UNIT_CATEGORY_LABELS.zh).toEqual({ agency: '机关', enterprise: '企业', village: '农村', community: '社区', school: '校园', online: '网络', other: '其他' });
    expect(Object.values(UNIT_CATEGORY_LABELS.en)).toEqual(['Agencies', 'Enterprises', 'Villages', 'Communities', 'Schools', 'Online', 'Other']);
    for (const c of UNIT_CATEGORIES) for (const l of ['zh', 'en'] as const) expect(categoryFromText(UNIT_CATEGORY_LABELS[l][c])).toBe(c);
    expect(SIX_REACHES_LABEL.zh).toBe('六进');
  });
});

describe('parseUnitPaste: formats', () => {
  it('reads tab-separated rows as Excel and WPS copy them', () => {
    expect(parseUnitPaste('市财政局\t机关\t人民路1号\t王科长 138\n红星村\t农村\n').rows).toEqual([
      { line: 1, cells: ['市财政局', '机关', '人民路1号', '王科长 138'], fields: { name: '市财政局', category: 'agency', target: true, address: '人民路1号', contact: '王科长 138' } },
      { line: 2, cells: ['红星村', '农村'], fields: { name: '红星村', category: 'village', target: true } },
    ]);
  });

  it('keeps commas and single spaces inside tab-separated cells', () => {
    expect(fieldsOf('A, B 公司\t企业\t南京市，玄武区 中山路')[0]).toEqual({ name: 'A, B 公司', category: 'enterprise', target: true, address: '南京市，玄武区 中山路' });
  });

  it('without tabs: commas, full-width commas or two or more spaces', () => {
    expect(fieldsOf('第一中学,学校,东大街\n阳光社区，社区\n某某科技有限公司  企业   高新区\nSmall Co Ltd  Enterprises')).toEqual([
      { name: '第一中学', category: 'school', target: true, address: '东大街' },
      { name: '阳光社区', category: 'community', target: true },
      { name: '某某科技有限公司', category: 'enterprise', target: true, address: '高新区' },
      { name: 'Small Co Ltd', category: 'enterprise', target: true },
    ]);
  });

  it('skips blank lines, keeps line numbers, handles CRLF and a BOM', () => {
    const rows = parseUnitPaste('\uFEFF甲单位\t机关\r\n\r\n  \t \r\n乙单位\t企业\r\n').rows;
    expect(rows.map((r) => [r.line, r.fields?.name])).toEqual([
      [1, '甲单位'],
      [4, '乙单位'],
    ]);
  });

  it('a name alone, an unknown or missing category: other, with a warning', () => {
    const rows = parseUnitPaste('某医院\t医疗\n某协会\n某站\t\t北路').rows;
    expect(rows.map((r) => [r.fields?.category, r.warning])).toEqual([
      ['other', 'unknown-category'],
      ['other', 'no-category'],
      ['other', 'no-category'],
    ]);
    expect(rows[2].fields?.address).toBe('北路');
  });

  it('extra columns are ignored with a warning; a row without a name is an error', () => {
    const rows = parseUnitPaste('甲\t企业\t地址\t联系人\t多余\n\t企业\t地址').rows;
    expect(rows[0].warning).toBe('extra-columns');
    expect(rows[0].fields).toEqual({ name: '甲', category: 'enterprise', target: true, address: '地址', contact: '联系人' });
    expect(rows[1]).toMatchObject({ line: 2, error: 'no-name' });
    expect(rows[1].fields).toBeUndefined();
  });

  it('unquotes cells Excel quoted', () => {
    expect(fieldsOf('"某某""红旗""公司"\t企业')[0]?.name).toBe('某某"红旗"公司');
  });
});

describe('parseUnitPaste: header rows', () => {
  it.each([['名称\t类别\t地址'], ['单位\t类别'], ['单位名称，类型，地址，联系人'], ['Name\tCategory\tAddress\tContact'], ['XX\t类别']])('skips %j', (header) => {
    const paste = parseUnitPaste(`${header}\n甲公司\t企业`.replace('甲公司\t企业', header.includes('，') ? '甲公司，企业' : '甲公司\t企业'));
    expect(paste.headerLine).toBe(1);
    expect(paste.rows.map((r) => r.fields)).toEqual([{ name: '甲公司', category: 'enterprise', target: true }]);
  });

  it('follows the header’s columns: 序号 first, contact before address', () => {
    const paste = parseUnitPaste('\n序号\t单位名称\t类别\t联系人\t地址\t备注\n1\t甲社区\t社区\t张三\t东路\t重点\n2\t乙村\t村');
    expect(paste.headerLine).toBe(2);
    expect(paste.rows.map((r) => r.fields)).toEqual([
      { name: '甲社区', category: 'community', target: true, address: '东路', contact: '张三' },
      { name: '乙村', category: 'village', target: true },
    ]);
  });

  it('only the first line can be a header; a unit called 单位 later is a unit', () => {
    const paste = parseUnitPaste('甲\t企业\n名称\t类别');
    expect(paste.headerLine).toBeUndefined();
    expect(paste.rows.map((r) => r.fields?.name)).toEqual(['甲', '名称']);
  });
});

describe('parseUnitPaste: duplicates', () => {
  it('marks names already in the directory (live ones) and repeated within the paste', () => {
    const existing = [
      { id: 'u1', name: ' 市财政局 ' },
      { id: 'u2', name: '旧单位', deletedAt: 3 },
    ];
    const rows = parseUnitPaste('市财政局\t机关\n旧单位\t机关\n新单位\t企业\n 新单位 \t企业\n市财政局\t机关', existing).rows;
    expect(rows.map((r) => [r.line, r.duplicateOf, r.duplicateOfLine])).toEqual([
      [1, 'u1', undefined],
      [2, undefined, undefined],
      [3, undefined, undefined],
      [4, undefined, 3],
      [5, 'u1', 1],
    ]);
  });
});

describe('parseUnitPaste: hostile text', () => {
  it('keeps formula-looking cells as plain text', () => {
    const rows = parseUnitPaste('=HYPERLINK("http://evil.example","点我")\t企业\n+1+1\t=cmd|\' /C calc\'!A0\n@SUM(A1:A9)').rows;
    expect(rows.map((r) => r.fields?.name)).toEqual(['=HYPERLINK("http://evil.example","点我")', '+1+1', '@SUM(A1:A9)']);
    expect(rows[1]).toMatchObject({ warning: 'unknown-category', fields: { category: 'other' } });
  });

  it('refuses a very long line with an error and goes on', () => {
    const long = '长'.repeat(MAX_PASTE_LINE_CHARS + 1);
    const rows = parseUnitPaste(`${long}\t企业\n好单位\t企业`).rows;
    expect(rows[0]).toMatchObject({ line: 1, error: 'too-long' });
    expect(rows[0].fields).toBeUndefined();
    expect(rows[0].cells[0].length).toBeLessThan(100);
    expect(rows[1].fields?.name).toBe('好单位');
  });

  it('a megabyte on one line, or 20,000 lines, returns quickly', () => {
    const t0 = performance.now();
    expect(parseUnitPaste('x'.repeat(1_000_000)).rows[0].error).toBe('too-long');
    const many = parseUnitPaste(Array.from({ length: 20_000 }, (_, i) => `单位${i}\t企业`).join('\n'));
    expect(many.rows).toHaveLength(MAX_PASTE_ROWS);
    expect(many.truncated).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('drops control and bidi-override characters', () => {
    expect(fieldsOf('甲\u202E乙\u0000单位\u200B\t企\u0007业')[0]).toEqual({ name: '甲乙单位', category: 'enterprise', target: true });
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\t\t\t', '\n\n', '"', '""\t""', ',,,,', '\u0000', 'a\tb\tc\td\te\tf\tg']) expect(() => parseUnitPaste(text)).not.toThrow();
    expect(parseUnitPaste('').rows).toEqual([]);
  });

  it('has a message for every warning and error in both languages', () => {
    expect(Object.keys(UNIT_PASTE_MESSAGES.zh).sort()).toEqual(Object.keys(UNIT_PASTE_MESSAGES.en).sort());
    expect(Object.keys(UNIT_PASTE_MESSAGES.zh)).toHaveLength(5);
  });
});
