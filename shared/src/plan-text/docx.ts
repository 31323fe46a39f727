/**
 * .docx → plain text with mammoth. Kept in its own module and loaded with a
 * dynamic import so that the browser fetches mammoth (≈320 KB minified) only when a user
 * actually drops a .docx; pasted text and .txt files never pay for it.
 *
 * In the browser, Vite honours mammoth's `browser` field (its unzip reads
 * `arrayBuffer`); in Node its unzip reads `buffer`. We pass both so one call
 * works in either build.
 */
import { PlanInputError } from './errors';
import { checkPlanText, tooLargeError } from './decode';

/** A .docx is zipped XML: 20 MB would be hundreds of pages of text. */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function badDocx(detail?: string): PlanInputError {
  return new PlanInputError(
    'bad-docx',
    `无法读取这个 .docx 文件（文件损坏或不是 Word 文档）${detail ? `：${detail}` : ''}`,
    `Cannot read this .docx file (damaged, or not a Word document)${detail ? `: ${detail}` : ''}`,
  );
}

export function looksLikeDocx(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

interface MammothLike {
  convertToHtml(input: unknown): Promise<{ value: string }>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? all),
  );

/**
 * mammoth's HTML → plan text: one line per paragraph, and a table row as one line with its cells
 * separated by tabs, as Word puts a table on the clipboard (so table-rows.ts reads it like a
 * pasted one). mammoth writes plain, well-formed HTML (p, h1–h6, li, table/tr/td, strong, em, a),
 * so tags are handled as text here; no DOM in shared code.
 */
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

/** Extracts the paragraphs' text (one paragraph per line, a table row per line). Throws `PlanInputError`. */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  if (bytes.length > MAX_DOCX_BYTES) throw tooLargeError(bytes.length, MAX_DOCX_BYTES);
  if (bytes.length === 0) throw new PlanInputError('empty', '文件为空', 'The file is empty');
  if (!looksLikeDocx(bytes)) {
    // An old binary .doc renamed, or something else entirely.
    throw new PlanInputError(
      'bad-docx',
      '这不是 .docx 文件（旧版 .doc 请在 Word/WPS 中另存为 .docx 或 .txt）',
      'Not a .docx file (save an old .doc as .docx or .txt in Word/WPS first)',
    );
  }
  const mod = (await import('mammoth')) as unknown as MammothLike & { default?: MammothLike };
  const mammoth: MammothLike = mod.default ?? mod;
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let value: string;
  try {
    ({ value } = await mammoth.convertToHtml({ arrayBuffer, buffer: bytes }));
  } catch (e) {
    throw badDocx(e instanceof Error ? e.message.slice(0, 120) : undefined);
  }
  // One break between paragraphs: plans read better without blank lines.
  return checkPlanText(docxHtmlToText(value).replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n').replace(/^\n+/, ''));
}
