/**
 * Traditional → Simplified for MATCHING only. Rules (numbering words, activity
 * nouns, festival names) are written in Simplified; a Traditional plan is
 * converted to a parallel Simplified copy of the same length, rules run on the
 * copy, and titles/bodies are sliced from the original so they show as written.
 *
 * We take opencc-js's character table (TSCharacters, ≈50 KB minified) rather than its
 * phrase-level converters (t2cn ≈110 KB, full ≈1.2 MB): per-character mapping
 * keeps every offset aligned, and phrase choices (乾/干) do not matter for
 * matching. The table is loaded lazily so Simplified plans never fetch it.
 */

export type CharMap = Map<number, number>;

let table: CharMap | null = null;
let loading: Promise<CharMap> | null = null;

function buildTable(dict: string): CharMap {
  const map: CharMap = new Map();
  for (const entry of dict.split('|')) {
    const sp = entry.indexOf(' ');
    if (sp < 0) continue;
    const from = entry.slice(0, sp);
    const to = entry.slice(sp + 1).split(' ')[0];
    // Only BMP-to-BMP pairs: a one-for-one code unit swap keeps offsets aligned.
    if (from.length === 1 && to.length === 1 && from !== to) map.set(from.charCodeAt(0), to.charCodeAt(0));
  }
  return map;
}

/** Loads (once) the Traditional→Simplified character table. */
export function loadTraditionalTable(): Promise<CharMap> {
  if (table) return Promise.resolve(table);
  loading ??= import('opencc-js/dict/TSCharacters').then((m) => {
    table = buildTable(m.default);
    return table;
  });
  return loading;
}

/** The table if already loaded (sync parsing uses it when present). */
export function traditionalTable(): CharMap | null {
  return table;
}

/**
 * Characters that exist only in Traditional and are frequent in plan prose.
 * Enough to decide whether to load the table at all, without loading it.
 */
const TELLTALE = new Set(
  '們個來這為說時會國學對發後過還點樣種經動電話記長頭開關門問題實現應該從體黨機構設領導與傳統網絡義務陣論壇讀書議處區縣場歲屆組織幹權盡級聯萬產業環計劃辦習貫徹強員團結線單準確認識設檢範圍質響優農紀錄態勢導語',
);

export function looksTraditional(text: string): boolean {
  let hits = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) if (TELLTALE.has(text[i])) if (++hits >= 8) return true;
  return false;
}
