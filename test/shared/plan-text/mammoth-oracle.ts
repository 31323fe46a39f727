/**
 * The second implementation word-xml.ts is checked against: mammoth (a devDependency only) converts
 * a .docx to HTML, and `docxHtmlToText` reads that HTML the way the app read .docx files before
 * word-xml.ts (one line per paragraph, a table row as tab-separated cells).
 */
import mammoth from 'mammoth';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? all),
  );

/** mammoth's HTML → plan text (mammoth writes plain, well-formed HTML: p, h1–h6, li, table/tr/td, strong, em, a). */
export function docxHtmlToText(html: string): string {
  const cellText = (c: string) => c.replace(/<\/(?:p|h\d|li)>/gi, ' ').replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
  const withRows = html.replace(/<tr[^>]*>([\s\S]*?)<\/tr>/gi, (_, row: string) => {
    const cells = [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((m) => cellText(m[1]));
    return `\n${cells.join('\t')}\n`;
  });
  const text = withRows
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|h\d|li|table|tbody|thead|ol|ul)>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((l) => l.replace(/[ \u00a0]+$/g, ''))
    .join('\n');
}

/** A .docx's text through mammoth, with the same blank-line folding as docxToText. */
export async function mammothText(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return docxHtmlToText(value).replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n').replace(/^\n+/, '');
}
