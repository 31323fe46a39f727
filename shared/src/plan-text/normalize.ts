/**
 * The matching copy of a text: same length, same offsets, one code unit for
 * one code unit, so a match at [i, j) in the copy is the same words at [i, j)
 * in the text shown to the user.
 *
 * - Traditional → Simplified (when the opencc table is loaded),
 * - full-width ASCII (（）１２：，；) → half-width, ideographic space → space (．
 *   stays: "2．4月中旬" is heading 2, "2.4" a figure),
 * - variant and mis-converted brackets and quotes (〔〕［］ → (), 〝〞「」 → “”),
 * - interpuncts (・･·) → ·.
 */
import { traditionalTable, type CharMap } from './traditional';

const FIXED: Record<string, string> = {
  '〔': '(',
  '〕': ')',
  '［': '(',
  '］': ')',
  '﹙': '(',
  '﹚': ')',
  '〝': '“',
  '〞': '”',
  '〃': '”',
  '「': '“',
  '」': '”',
  '『': '‘',
  '』': '’',
  '\u3000': ' ',
  '\u00a0': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\t': ' ',
  '・': '·',
  '･': '·',
  '•': '·',
  '﹑': '、',
};

const fixedCodes = new Map<number, number>(Object.entries(FIXED).map(([a, b]) => [a.charCodeAt(0), b.charCodeAt(0)]));

export function normalizeChar(c: number, t2s: CharMap | null): number {
  const fixed = fixedCodes.get(c);
  if (fixed !== undefined) return fixed;
  // Full-width ASCII block FF01–FF5E maps to 0x21–0x7E.
  if (c >= 0xff01 && c <= 0xff5e && c !== 0xff0e) return c - 0xfee0;
  if (t2s && c >= 0x3400) return t2s.get(c) ?? c;
  return c;
}

// A flat 64K lookup table per character map: the copy is made several times per
// parse, and one array read per code unit is far cheaper than Map lookups.
const luts = new WeakMap<CharMap, Uint16Array>();
let plainLut: Uint16Array | null = null;
function lutFor(t2s: CharMap | null): Uint16Array {
  const cached = t2s ? luts.get(t2s) : plainLut;
  if (cached) return cached;
  const lut = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) lut[c] = normalizeChar(c, t2s);
  if (t2s) luts.set(t2s, lut);
  else plainLut = lut;
  return lut;
}

// Decoding the code units back in one call is several times faster than fromCharCode chunks.
const utf16 = new TextDecoder('utf-16le');

/** Same-length matching copy of `text` (see module comment). */
export function matchingCopy(text: string, t2s: CharMap | null = traditionalTable()): string {
  const lut = lutFor(t2s);
  // (a title or key: a typed array and a TextDecoder call cost more than the copy — thousands per long paste)
  if (text.length <= 32) {
    let s = '';
    for (let i = 0; i < text.length; i++) s += String.fromCharCode(lut[text.charCodeAt(i)]);
    return s;
  }
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = lut[text.charCodeAt(i)];
  return utf16.decode(out);
}

/** A label or title reduced for comparison: matching copy, no spaces or punctuation. */
export function compactForMatch(s: string, t2s: CharMap | null = traditionalTable()): string {
  return matchingCopy(s, t2s).replace(/[\s\p{P}\p{S}]/gu, '');
}
