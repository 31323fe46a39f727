/**
 * Bytes → text for .txt plans. Offices save plans as UTF-8 (often with a BOM,
 * from Notepad) or as GBK/GB18030 (older Windows tools), so we try strict UTF-8
 * first and fall back to GB18030, a superset of GBK and GB2312. Anything that
 * is not plausibly text is refused with a clear message rather than parsed into
 * garbage sections.
 */
import { PlanInputError } from './errors';

export { PlanInputError, isPlanInputError } from './errors';
export type { PlanInputErrorCode } from './errors';

/** A plan is a few dozen KB; 5 MB of text is far beyond any real one. */
export const MAX_PLAN_TEXT_BYTES = 5 * 1024 * 1024;

export function tooLargeError(bytes: number, limit = MAX_PLAN_TEXT_BYTES): PlanInputError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new PlanInputError(
    'too-large',
    `文件过大（${mb(bytes)} MB），工作计划文本不应超过 ${mb(limit)} MB`,
    `File too large (${mb(bytes)} MB); a plan's text must not exceed ${mb(limit)} MB`,
  );
}

export function emptyError(): PlanInputError {
  return new PlanInputError('empty', '文件为空或只有空白，没有可导入的计划内容', 'The file is empty or blank: no plan text to import');
}

export function binaryError(): PlanInputError {
  return new PlanInputError(
    'binary',
    '这不是文本文件（看起来是二进制数据），请导入 .txt 或 .docx 格式的计划',
    'This is not a text file (it looks like binary data); import the plan as .txt or .docx',
  );
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

let gbDecoder: TextDecoder | null | undefined;
function gb18030(): TextDecoder | null {
  if (gbDecoder === undefined) {
    try {
      gbDecoder = new TextDecoder('gb18030');
    } catch {
      // Small-ICU Node builds lack legacy encodings; browsers all have it.
      gbDecoder = null;
    }
  }
  return gbDecoder;
}

/** Which encoding `decodePlanBytes` used; handy in the UI ("read as GB18030"). */
export type PlanEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function detectAndDecode(bytes: Uint8Array): { text: string; encoding: PlanEncoding } {
  if (bytes.length > MAX_PLAN_TEXT_BYTES) throw tooLargeError(bytes.length);
  if (bytes.length === 0) throw emptyError();
  if (startsWith(bytes, UTF8_BOM)) {
    return checked(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8');
  }
  // UTF-16 only with a BOM: without one, NUL bytes mean binary.
  if (startsWith(bytes, [0xff, 0xfe])) return checked(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return checked(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  if (hasNul(bytes)) throw binaryError();
  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch (e) {
    if (e instanceof PlanInputError) throw e;
  }
  const gb = gb18030();
  if (!gb) {
    throw new PlanInputError(
      'bad-encoding',
      '无法识别文件编码：不是 UTF-8，且当前环境不支持 GB18030 解码',
      'Unrecognised encoding: not UTF-8, and this runtime cannot decode GB18030',
    );
  }
  const text = gb.decode(bytes);
  // GB18030 maps every byte sequence to something; a high share of U+FFFD or
  // of characters outside CJK/ASCII/punctuation means it was not GBK either.
  if (replacementRatio(text) > 0.01) throw binaryError();
  return checked(text, 'gb18030');
}

/** Bytes of a .txt plan → its text (BOM stripped). Throws `PlanInputError`. */
export function decodePlanBytes(bytes: Uint8Array): string {
  return detectAndDecode(bytes).text;
}

function hasNul(bytes: Uint8Array): boolean {
  // Scanning the first 64 KB is enough: binaries have NULs early (headers).
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function replacementRatio(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return text.length ? bad / text.length : 0;
}

function checked(text: string, encoding: PlanEncoding): { text: string; encoding: PlanEncoding } {
  return { text: checkPlanText(text), encoding };
}

/**
 * Validates text that reaches us as a string (paste, docx extraction, decoded
 * files): not blank, not huge, not control-character soup. Returns it unchanged.
 */
export function checkPlanText(text: string): string {
  // UTF-16 length ×3 bounds the UTF-8 size; exact enough for a sanity limit.
  if (text.length > MAX_PLAN_TEXT_BYTES) throw tooLargeError(text.length * 2);
  if (!/\S/.test(text)) throw emptyError();
  let control = 0;
  let nul = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c < 0xa0)) control++;
  }
  if (nul > 0 || control / text.length > 0.02 || replacementRatio(text) > 0.05) throw binaryError();
  return text;
}
