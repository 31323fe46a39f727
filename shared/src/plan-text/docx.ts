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
  extractRawText(input: unknown): Promise<{ value: string }>;
}

/** Extracts the paragraphs' text (one paragraph per line). Throws `PlanInputError`. */
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
    ({ value } = await mammoth.extractRawText({ arrayBuffer, buffer: bytes }));
  } catch (e) {
    throw badDocx(e instanceof Error ? e.message.slice(0, 120) : undefined);
  }
  // mammoth separates paragraphs with blank lines; plans read better with one break.
  return checkPlanText(value.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n'));
}
