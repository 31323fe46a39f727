/**
 * .docx → plain text: the zip is opened with fflate (a few KB) and word/document.xml read by
 * word-xml.ts. Kept in its own module and loaded with a dynamic import, so pasted text and .txt
 * files never load the unzip code.
 */
import { PlanInputError } from './errors';
import { checkPlanText, tooLargeError } from './decode';
import { wordXmlToText } from './word-xml';

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

/** What document.xml may unpack to: a 20 MB .docx of text is far below it; a zip bomb is not. */
export const MAX_DOCUMENT_XML_BYTES = 200 * 1024 * 1024;

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
  const { unzipSync } = await import('fflate');
  let xml: string;
  try {
    let tooBig = 0;
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== 'word/document.xml') return false;
        if (f.originalSize > MAX_DOCUMENT_XML_BYTES) tooBig = f.originalSize;
        return !tooBig;
      },
    });
    if (tooBig) throw tooLargeError(tooBig, MAX_DOCUMENT_XML_BYTES);
    const part = files['word/document.xml'];
    if (!part) throw badDocx('no word/document.xml');
    xml = new TextDecoder('utf-8').decode(part);
  } catch (e) {
    if (e instanceof PlanInputError) throw e;
    throw badDocx(e instanceof Error ? e.message.slice(0, 120) : undefined);
  }
  const value = wordXmlToText(xml);
  // One break between paragraphs: plans read better without blank lines.
  return checkPlanText(value.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n').replace(/^\n+/, ''));
}
