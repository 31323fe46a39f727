/**
 * Activity tables pasted as text (table-rows.ts): one draft per row, columns named by the header
 * or guessed, rows that repeat a prose activity merged into it, and prose left alone.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan, readPlanFile } from '../../../shared/src/plan-text';
import { wordXmlToText } from '../../../shared/src/plan-text/word-xml';
import { takeTables } from '../../../shared/src/plan-text/table-rows';

const TABLE = [
  '县委宣传部2025年重点活动安排表',
  '序号\t活动名称\t时间\t地点\t责任单位',
  '1\t“新春走基层”集中采访\t1月中旬至2月上旬\t各乡镇\t县融媒体中心',
  '2\t“我们的节日·元宵”猜灯谜活动\t2月12日\t县文化广场\t县文化馆',
  '3\t庆祝建党104周年文艺演出\t6月28日\t县大剧院\t县委宣传部、县文旅局',
  '4\t理论学习中心组专题学习\t每季度一次\t县委常委会议室\t县委办',
].join('\n');

describe('activity tables pasted as text', () => {
  it('reads a plan that is one table: the title line, the year, one draft per row with its time and units', () => {
    const p = parsePlan(TABLE);
    expect(p.title).toBe('县委宣传部2025年重点活动安排表');
    expect(p.year).toBe(2025);
    expect(p.activities.map((a) => [a.title, a.start ?? a.rrule, a.units])).toEqual([
      ['“新春走基层”集中采访', '2025-01-11', ['县融媒体中心']],
      ['“我们的节日·元宵”猜灯谜活动', '2025-02-12', ['县文化馆']],
      ['庆祝建党104周年文艺演出', '2025-06-28', ['县委宣传部', '县文旅局']],
      ['理论学习中心组专题学习', '2025-01-01', ['县委办']],
    ]);
    expect(p.activities[0].end).toBe('2025-02-11');
    expect(p.activities[1].kind).toBe('other');
    expect(p.activities[3]).toMatchObject({ kind: 'study', rrule: 'FREQ=MONTHLY;INTERVAL=3' });
    expect(p.activities[2].source).toEqual(['庆祝建党104周年文艺演出 · 6月28日 · 县大剧院 · 县委宣传部、县文旅局']);
  });

  it('reads cells separated by runs of spaces when a header names the columns', () => {
    const p = parsePlan('2025年活动安排\n活动名称    时间    责任单位\n全民阅读分享会    4月23日    县图书馆\n“书香机关”读书月    4月1日至30日    县直机关工委');
    expect(p.activities.map((a) => [a.title, a.start, a.units])).toEqual([
      ['全民阅读分享会', '2025-04-23', ['县图书馆']],
      ['“书香机关”读书月', '2025-04-01', ['县直机关工委']],
    ]);
  });

  it('guesses the columns of a headerless tab table from its cells', () => {
    const p = parsePlan('2025年活动安排\n1\t“清凉一夏”广场文艺汇演\t7月至8月每周五晚\t县文旅局\n2\t少儿书法公益培训班\t7月15日至25日\t县文化馆');
    expect(p.activities.map((a) => [a.title, a.start, a.rrule ?? null, a.units])).toEqual([
      ['“清凉一夏”广场文艺汇演', '2025-07-04T19:00', 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20250831T235959', ['县文旅局']],
      ['少儿书法公益培训班', '2025-07-15', null, ['县文化馆']],
    ]);
  });

  it('completes a prose activity with its row instead of adding a second draft', () => {
    const p = parsePlan(
      '2025年“文明实践进万家”主题活动方案\n一、活动内容\n（一）理论宣讲进万家。组建“百姓名嘴”宣讲队，深入村（社区）开展理论宣讲。\n（二）文化惠民进万家。举办“文明村镇”文艺巡演。\n附件：重点活动安排表\n序号\t活动名称\t时间\t责任单位\n1\t“百姓名嘴”理论宣讲\t4月至6月\t县委宣传部、县委党校\n2\t“文明村镇”文艺巡演\t7月10日、17日\t县文旅局',
    );
    const lecture = p.activities.filter((a) => a.title.includes('理论宣讲'));
    expect(lecture).toHaveLength(1);
    expect(lecture[0]).toMatchObject({ title: '“百姓名嘴”理论宣讲', sectionId: 's1.1', start: '2025-04-01', end: '2025-07-01', units: ['县委宣传部', '县委党校'] });
    const tour = p.activities.filter((a) => a.title.includes('文艺巡演'));
    expect(tour).toHaveLength(1);
    expect(tour[0]).toMatchObject({ sectionId: 's1.2', start: '2025-07-10', rdates: ['2025-07-17'], units: ['县文旅局'] });
  });

  it('leaves prose, single tab lines and headerless space runs alone, and keeps offsets', () => {
    const prose = '一、活动内容\n（一）开展宣讲。\t3月举办宣讲活动。\n二、要求\n各单位    认真落实    按时报送。';
    expect(takeTables(prose).tables).toEqual([]);
    expect(takeTables(prose).text).toBe(prose);
    const { text, tables } = takeTables(TABLE);
    expect(tables).toHaveLength(1);
    expect(text.length).toBe(TABLE.length);
    expect(text.split('\n')[0]).toBe('县委宣传部2025年重点活动安排表');
    expect(text.split('\n').slice(1).every((l) => l.trim() === '')).toBe(true);
  });
});

describe('tables in a .docx', () => {
  it('reads document.xml as one line per paragraph and tab-separated table rows, entities decoded', () => {
    const p = (runs: string) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${runs}</w:p>`;
    const r = (t: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;
    const cell = (...ps: string[]) => `<w:tc><w:tcPr/>${ps.join('')}</w:tc>`;
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document><w:body>' +
      p(r('计划')) +
      p(r('一、内容 &amp; ') + r('要求')) +
      p(r('时间') + '<w:r><w:tab/></w:r>' + r('地点')) +
      p(r('上午') + '<w:r><w:br/></w:r>' + r('下午')) +
      p('<w:r><w:delText>删去的</w:delText></w:r>' + '<w:r><w:instrText> PAGE </w:instrText></w:r>' + r('保留')) +
      p('<w:r><mc:AlternateContent><mc:Choice><w:txbxContent>' + p(r('文本框')) + '</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>' + p(r('文本框')) + '</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>') +
      '<w:tbl><w:tr>' + cell(p(r('序号'))) + cell(p(r('活动名称'))) + '</w:tr><w:tr>' + cell(p(r('1'))) + cell(p(r('“读书&lt;月&gt;”')), p(r('活动'))) + '</w:tr>' +
      '<w:tr>' + cell(p(r('2'))) + cell('<w:tbl><w:tr>' + cell(p(r('内表'))) + cell(p(r('两格'))) + '</w:tr></w:tbl>', '<w:p/>') + '</w:tr></w:tbl>' +
      p(r('附&#20214;')) +
      '<w:sectPr/></w:body></w:document>';
    expect(wordXmlToText(xml).split('\n')).toEqual([
      '计划',
      '一、内容 & 要求',
      '时间\t地点',
      '上午',
      '下午',
      '保留',
      '文本框',
      '',
      '序号\t活动名称',
      '1\t“读书<月>” 活动',
      '2\t内表 两格',
      '附件',
    ]);
  });

  it('reads an appendix table of a Word document as rows', async () => {
    const { Document, Packer, Paragraph, Table, TableCell, TableRow } = await import('docx');
    const rows = [
      ['序号', '活动名称', '时间', '责任单位'],
      ['1', '“书香机关”读书月', '4月1日至30日', '县直机关工委'],
      ['2', '青年干部座谈会', '5月4日上午', '团县委、县委组织部'],
    ];
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('2025年机关文化活动方案'),
            new Paragraph('一、活动安排'),
            new Paragraph('附件：活动安排表'),
            new Table({ rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const p = parsePlan(await readPlanFile(bytes, '方案.docx'));
    expect(p.activities.map((a) => [a.title, a.start, a.units])).toEqual([
      ['“书香机关”读书月', '2025-04-01', ['县直机关工委']],
      ['青年干部座谈会', '2025-05-04T09:00', ['团县委', '县委组织部']],
    ]);
  });
});
