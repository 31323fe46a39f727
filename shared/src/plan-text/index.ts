/**
 * Plan text → title, year, section tree and draft activities (Contract 4).
 *
 * Pipeline: decode (decode.ts / docx.ts) → clean (clean.ts) → matching copy
 * (normalize.ts, same offsets, Simplified) → title/year (title.ts) → outline
 * (headings.ts + outline.ts) → drafts (activities.ts + kinds.ts + when.ts). Activity tables pasted as
 * text (table-rows.ts) are taken out after cleaning and come back as one draft per row.
 * Pure: no DOM, no I/O. The .docx reader (fflate + word-xml.ts) and the opencc table are loaded lazily.
 */
import { cleanPlanText, joinBrokenLines, removePageFooters } from './clean';
import { documentMonth, resolveRelativeMonths } from './relative-months';
import { checkPlanText, decodePlanBytes } from './decode';
import { PlanInputError } from './errors';
import { extractActivities } from './activities';
import { matchingCopy } from './normalize';
import { findTimes, type TimeHit } from './when';
import { buildOutline } from './outline';
import { findTitle, findYear } from './title';
import { mergeTableDrafts, tableDrafts, takeTables } from './table-rows';
import { loadTraditionalTable, looksTraditional } from './traditional';
import type { PlanJson, PlanParse, PlanSection } from './types';

export type { DraftActivity, DraftKind, PlanJson, PlanParse, PlanSection } from './types';
export { PlanInputError, isPlanInputError } from './errors';
export type { PlanInputErrorCode } from './errors';
export { MAX_PLAN_TEXT_BYTES, checkPlanText, decodePlanBytes, detectAndDecode } from './decode';
export { loadTraditionalTable, looksTraditional } from './traditional';
export { labelKey } from './headings';
export { sectionAncestry, sectionLabelPath, sectionLeadPath } from './label-path';
export { compactForMatch, matchingCopy } from './normalize';

const WHOLE = { id: '', parentId: '', label: '', labelKey: '', title: '', level: 1, body: '', order: 0 };

export interface ParseOptions {
  /** Plan year when neither the title nor the text says (default: the current year). */
  defaultYear?: number;
  /** Force the plan year (e.g. the user corrected it in the preview). */
  year?: number;
}

/**
 * Parses plan text. Synchronous; a Traditional-script plan is matched against
 * Simplified rules only once the opencc table is loaded, so callers that may
 * receive Traditional text use `parsePlanAsync` (or `await loadTraditionalTable()`).
 */
export function parsePlan(raw: string, opts: ParseOptions = {}): PlanParse {
  checkPlanText(raw);
  const cleaned = cleanPlanText(raw);
  // Activity tables (附件 安排表) come out before anything reads the text as prose.
  const taken = takeTables(cleaned.text);
  let text = taken.text;
  let match = matchingCopy(text);
  let head = findTitle(text, match, cleaned.headline);
  const unfootered = removePageFooters(text, [head.title, ...head.headers]);
  if (unfootered !== text) {
    text = unfootered;
    match = matchingCopy(text);
    head = findTitle(text, match, cleaned.headline);
  }
  const joined = joinBrokenLines(text);
  if (joined !== text) {
    text = joined;
    match = matchingCopy(text);
    head = findTitle(text, match, cleaned.headline);
  }
  const year =
    opts.year ??
    findYear(
      head.title,
      match.slice(head.bodyStart),
      cleaned.metaYears,
      opts.defaultYear ?? new Date().getFullYear(),
      match.slice(head.titleEnd, head.bodyStart + 2),
      cleaned.postYear,
    );
  // "下个月" in a speech dated under its title: that date's next month (the matching copy only).
  const dated = documentMonth(match, head.titleEnd, Math.min(match.length, head.bodyStart + 40));
  if (dated && dated.year === year) match = resolveRelativeMonths(match, dated);
  const { sections, spans } = buildOutline(text, match, head.bodyStart, matchingCopy(head.title));
  const titleWindow = planWindow(head.title, year);
  // A plan with no recognisable sections still yields drafts, linked to no section ("").
  let activities =
    sections.length > 0
      ? extractActivities(text, match, sections, spans, year, [head.bodyStart, spans[0].start], head.title, titleWindow)
      : extractActivities(text, match, [WHOLE], [{ start: head.bodyStart, titleStart: head.bodyStart, titleEnd: head.bodyStart, end: match.length }], year, undefined, '', titleWindow);
  if (taken.tables.length) {
    const rows = taken.tables.flatMap((t) => {
      const sectionId = sectionAt(text, t.anchor, sections, spans);
      return tableDrafts(t, sectionId, year, titleWindow, sections.find((sec) => sec.id === sectionId)?.title);
    });
    // (a section telling how to take part or what to mind, 参与方式 / 温馨提示, only mentions an activity the table schedules)
    const terms = new Set(sections.filter((sec) => TERMS_SECTION.test(matchingCopy(sec.title).replace(/[\s。.:：]/g, ''))).map((sec) => sec.id));
    activities = mergeTableDrafts(activities, rows, (id) => terms.has(id));
  }
  return { title: head.title, year, sections, activities };
}

/** Headings of the parts of a notice that tell how to take part or what to mind, not what is held. */
const TERMS_SECTION = /^(?:参与方式|参加方式|报名方式|报名办法|参与办法|温馨提示|注意事项|有关事项|其他事项|工作要求|有关要求|活动要求)$/;

/**
 * The month, quarter or half-year a plan's title is for ("2026年5月文明实践活动安排", "第三季度学习计划"): the
 * window its recurring activities run in. A whole year, or no time, is none.
 */
function planWindow(title: string, year: number): TimeHit | undefined {
  const m = matchingCopy(title);
  const hit = findTimes(m, 0, m.length, year).find((t) => t.window && !t.recurrence && !t.festival && !t.broad);
  if (!hit?.window) return undefined;
  const [a, b] = hit.window;
  return a.slice(0, 4) === b.slice(0, 4) && !(a.endsWith('-01-01') && b.endsWith('-12-31')) ? hit : undefined;
}

/** The deepest section whose span holds the line `anchor` (a table's line before it); "" when none does. */
function sectionAt(text: string, anchor: string, sections: PlanSection[], spans: { start: number; end: number }[]): string {
  const at = anchor ? text.indexOf(anchor) : -1;
  if (at < 0) return '';
  let best = '';
  let bestStart = -1;
  spans.forEach((s, i) => {
    if (s.start <= at && at < s.end && s.start > bestStart) {
      best = sections[i].id;
      bestStart = s.start;
    }
  });
  return best;
}

/** `parsePlan` after loading the Traditional→Simplified table if the text needs it. */
export async function parsePlanAsync(raw: string, opts: ParseOptions = {}): Promise<PlanParse> {
  if (looksTraditional(raw)) await loadTraditionalTable();
  return parsePlan(raw, opts);
}

/** Contract 4's JSON, field for field (drops the app-only extras). */
export function toPlanJson(p: PlanParse): PlanJson {
  return {
    title: p.title,
    year: p.year,
    sections: p.sections.map(({ id, parentId, label, title, level, body }) => ({ id, parentId, label, title, level, body })),
    activities: p.activities.map((a) => ({
      title: a.title,
      kind: a.kind,
      sectionId: a.sectionId,
      ...(a.start !== undefined ? { start: a.start } : {}),
      ...(a.end !== undefined ? { end: a.end } : {}),
      ...(a.rrule !== undefined ? { rrule: a.rrule } : {}),
      ...(a.rdates !== undefined ? { rdates: [...a.rdates] } : {}),
      ...(a.cue !== undefined ? { cue: a.cue } : {}),
      units: [...a.units],
      ...(a.confidence !== undefined ? { confidence: a.confidence } : {}),
      ...(a.source !== undefined ? { source: [...a.source] } : {}),
    })),
  };
}

const TEXT_EXT = /\.(?:txt|text|md)$/i;

/**
 * A dropped or picked file's bytes → plan text: .docx through docx.ts (loaded
 * only now), anything else as .txt with encoding detection. Throws `PlanInputError`.
 */
export async function readPlanFile(bytes: Uint8Array, filename: string): Promise<string> {
  if (/\.docx$/i.test(filename)) {
    const { docxToText } = await import('./docx');
    return docxToText(bytes);
  }
  if (/\.(?:doc|wps|pdf|xlsx?|pptx?|zip|rar|png|jpe?g|gif)$/i.test(filename)) {
    throw new PlanInputError(
      'unsupported-type',
      `不支持 ${filename.slice(filename.lastIndexOf('.'))} 文件，请导入 .txt 或 .docx（旧版 .doc 请先另存为 .docx）`,
      `${filename.slice(filename.lastIndexOf('.'))} files are not supported; import .txt or .docx (save an old .doc as .docx first)`,
    );
  }
  if (!TEXT_EXT.test(filename)) {
    // No telling extension: a zip signature means a .docx that lost its name.
    const { looksLikeDocx, docxToText } = await import('./docx');
    if (looksLikeDocx(bytes)) return docxToText(bytes);
  }
  return decodePlanBytes(bytes);
}
