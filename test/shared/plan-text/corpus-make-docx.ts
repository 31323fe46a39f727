/**
 * Writes test/fixtures/plan-corpus/17-docx-zhongxinzu.docx with the `docx`
 * library (headings, numbered paragraphs and a month table, as offices type
 * them in Word). The .docx is committed; rerun after editing the text:
 *   npx tsx test/shared/plan-text/corpus-make-docx.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

export const DOCX_PARAGRAPHS = [
  '区委理论学习中心组2024年学习计划',
  '为深入学习贯彻党的二十大精神，推动理论学习走深走实，制定本计划。',
  '一、学习内容',
  '（一）深入学习党的二十大精神和党章。',
  '（二）学习党的二十届二中、三中全会精神。',
  '二、学习形式',
  '（一）集中学习研讨。中心组每月集中学习1次，每季度开展1次专题研讨。',
  '（二）专题辅导报告会。4月、9月各邀请专家举办1次专题辅导报告会。',
  '（三）读书班。7月中旬举办区委理论学习中心组读书班，为期3天。',
  '（四）调查研究。下半年围绕基层治理开展专题调研，形成调研报告。',
  '三、学习安排',
];
export const DOCX_TABLE = [
  ['时间', '学习专题', '形式'],
  ['1月', '学习中央经济工作会议精神', '集中学习'],
  ['3月', '全国两会精神专题研讨', '专题研讨'],
  ['6月', '庆祝建党103周年专题党课', '党课'],
];
export const DOCX_TAIL = ['四、有关要求', '各成员要认真做好学习笔记，撰写心得体会。'];

export async function buildCorpusDocx(): Promise<Uint8Array> {
  const para = (t: string, i: number) =>
    i === 0
      ? new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(t)] })
      : /^[一二三四五六七八九十]+、/.test(t)
        ? new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: t, bold: true })] })
        : new Paragraph({ children: [new TextRun(t)] });
  const table = new Table({
    rows: DOCX_TABLE.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
  });
  const doc = new Document({
    sections: [{ children: [...DOCX_PARAGRAPHS.map(para), table, ...DOCX_TAIL.map((t) => para(t, 1))] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/plan-corpus/17-docx-zhongxinzu.docx');
  writeFileSync(out, await buildCorpusDocx());
  console.log(`wrote ${out}`);
}
