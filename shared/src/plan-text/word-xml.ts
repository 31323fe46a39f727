/**
 * A Word document's body (word/document.xml, WordprocessingML) → plan text: one line per paragraph,
 * and a table row as one line with its cells separated by tabs, as Word puts a table on the
 * clipboard (so table-rows.ts reads it like a pasted one).
 *
 * A plan needs only the words in reading order, so this reads the few elements that carry them
 * (w:p, w:t, w:tab, w:br, w:tbl/w:tr/w:tc) in one pass over the tags, instead of loading a general
 * converter (mammoth, ≈320 KB, ~0.2 s per document in the CLI) to build HTML and strip it again.
 * Skipped: deleted text of tracked changes (w:delText), field codes (w:instrText) and the
 * fallback copy of text boxes (mc:Fallback, which repeats mc:Choice). Pure: no DOM, no I/O.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (s: string) =>
  s.indexOf('&') < 0
    ? s
    : s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) =>
        e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? all),
      );

/** Elements whose content is never shown text. */
const SKIPPED = new Set(['w:delText', 'w:instrText', 'mc:Fallback', 'w:rPr', 'w:pPr']);

interface Cell {
  paras: string[];
}
interface Row {
  cells: string[];
  cell: Cell | null;
}

/** One cell's text on one line: its paragraphs, breaks and tabs become single spaces. */
const cellLine = (paras: string[]) => paras.join(' ').replace(/\s+/g, ' ').trim();

export function wordXmlToText(xml: string): string {
  const lines: string[] = [];
  // Paragraphs open inside others in text boxes: the innermost takes the words.
  const paras: string[][] = [];
  const rows: Row[] = [];
  let skip = 0;
  let inText = 0;
  const emit = (line: string) => {
    const row = rows.at(-1);
    if (row?.cell) row.cell.paras.push(line);
    else lines.push(line);
  };
  const TAG = /<(\/?)([A-Za-z][\w.-]*:[\w.-]+|[A-Za-z][\w.-]*)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m: RegExpExecArray | null; (m = TAG.exec(xml)); ) {
    const text = m[5];
    if (text !== undefined) {
      if (inText && !skip && paras.length) paras[paras.length - 1].push(decodeEntities(text));
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2];
    const selfClosing = m[4] === '/';
    if (SKIPPED.has(name)) {
      if (!selfClosing) skip += closing ? -1 : 1;
      continue;
    }
    if (skip) continue;
    switch (name) {
      case 'w:p':
        if (selfClosing) emit('');
        else if (!closing) paras.push([]);
        else if (paras.length) emit(paras.pop()!.join(''));
        break;
      case 'w:t':
        if (!selfClosing) inText += closing ? -1 : 1;
        break;
      case 'w:tab':
        // (w:tab inside w:pPr/w:tabs is a tab stop, not a character: w:pPr is skipped whole)
        if (paras.length) paras[paras.length - 1].push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (paras.length && !/w:type="page"/.test(m[3])) paras[paras.length - 1].push('\n');
        break;
      case 'w:noBreakHyphen':
        if (paras.length) paras[paras.length - 1].push('-');
        break;
      case 'w:tr':
        if (selfClosing) break;
        if (!closing) rows.push({ cells: [], cell: null });
        else {
          const row = rows.pop();
          if (!row) break;
          // (a table inside a cell: its rows are that cell's text)
          emit(rows.length ? cellLine(row.cells) : row.cells.join('\t'));
        }
        break;
      case 'w:tc': {
        const row = rows.at(-1);
        if (!row || selfClosing) break;
        if (!closing) row.cell = { paras: [] };
        else if (row.cell) {
          row.cells.push(cellLine(row.cell.paras));
          row.cell = null;
        }
        break;
      }
    }
  }
  return lines.map((l) => l.replace(/[ \u00a0]+$/g, '')).join('\n');
}
