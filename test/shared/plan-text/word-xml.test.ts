/**
 * word-xml.ts against a second implementation: generated Word documents (the `docx` library writes
 * them as Word does: runs, tabs, breaks, tables with several paragraphs per cell, hyperlinks) read by
 * docxToText and by mammoth (mammoth-oracle.ts) must give the same plan text.
 */
import { describe, expect, it } from 'vitest';
import { docxToText } from '../../../shared/src/plan-text/docx';
import { mammothText } from './mammoth-oracle';

const WORDS = ['一、', '（二）', '3.', '县委宣传部', '“书香机关”', '读书月', '活动', '4月23日', '上午9:00', '&', '<月>', 'A&B', '\u00a0', '——', '、', '。', '2026年', '每周五'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function randomDocx(seed: number): Promise<Uint8Array> {
  const { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, ExternalHyperlink, HeadingLevel, Tab } = await import('docx');
  const r = rng(seed);
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const text = () => Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(WORDS)).join('').trim() || '计划';
  const runs = () =>
    Array.from({ length: 1 + Math.floor(r() * 3) }, () => {
      const x = r();
      if (x < 0.15) return new TextRun({ text: text(), break: 1 });
      if (x < 0.3) return new TextRun({ children: [new Tab(), text()] });
      return new TextRun({ text: text(), bold: r() < 0.3 });
    });
  const paragraph = () =>
    r() < 0.1
      ? new Paragraph({ children: [new ExternalHyperlink({ link: 'https://example.org', children: [new TextRun(text())] })] })
      : new Paragraph({ children: runs(), heading: r() < 0.1 ? HeadingLevel.HEADING_1 : undefined });
  const table = () =>
    new Table({
      rows: Array.from({ length: 1 + Math.floor(r() * 3) }, () =>
        new TableRow({
          children: Array.from({ length: 2 + Math.floor(r() * 2) }, () =>
            new TableCell({ children: Array.from({ length: 1 + Math.floor(r() * 2) }, () => new Paragraph({ children: [new TextRun(text())] })) }),
          ),
        }),
      ),
    });
  const children = Array.from({ length: 3 + Math.floor(r() * 8) }, () => (r() < 0.2 ? table() : paragraph()));
  children.push(new Paragraph(text()));
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Both readers' lines with runs of blanks made one, and blank lines dropped (they differ only there). */
const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.replace(/[ \u00a0]+/g, ' ').trim())
    .filter(Boolean);

describe('word-xml against mammoth', () => {
  it('gives the same lines on 40 generated documents', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const bytes = await randomDocx(seed);
      expect(lines(await docxToText(bytes)), `seed ${seed}`).toEqual(lines(await mammothText(bytes)));
    }
  });

  it('gives the same lines on the corpus .docx', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/plan-corpus/17-docx-zhongxinzu.docx', import.meta.url)));
    expect(lines(await docxToText(bytes))).toEqual(lines(await mammothText(bytes)));
  });
});
