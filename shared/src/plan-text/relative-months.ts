/**
 * A speech or a notice says "下个月" and "本月" for months its date fixes: "下个月，县里组织…巡回宣讲" in a speech
 * given on 2026年6月12日 is July. The document's date is the one written on a line of its own under the title
 * ("（2026年6月12日）", "2026年1月29日"); the relative words are rewritten as that month in the matching copy only,
 * keeping its length (the display text, and the cue a draft shows, keep the speaker's words).
 */

/** A date alone on its line, brackets allowed: the day a speech was given or a notice dated. */
const DATE_LINE = /^[ \t]*[（(]?[ \t]*((?:19|20)\d{2})[ \t]*年[ \t]*(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*日[ \t]*(?:[，,][^\n]{0,16})?[）)]?[ \t]*$/m;

/** The month (1–12) and year of the date written in match[from, to), if there is one. */
export function documentMonth(match: string, from: number, to: number): { year: number; month: number } | null {
  const m = DATE_LINE.exec(match.slice(from, to));
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
}

/** `month` written in exactly `width` characters as the time rules read it ("07月", "7月", "十月"), or null. */
function monthIn(month: number, width: number): string | null {
  const digits = `${month}月`;
  if (digits.length === width) return digits;
  if (digits.length + 1 === width) return `0${digits}`;
  if (width === 2 && month === 10) return '十月';
  return null;
}

/** "下个月", "下月", "本月", "当月", "这个月": the months they name, rewritten in place (same length). */
const RELATIVE = /下个月|下一个月|下月|本月|当月|这个月/g;

export function resolveRelativeMonths(match: string, at: { month: number }): string {
  return match.replace(RELATIVE, (word) => {
    const month = word.startsWith('下') ? at.month + 1 : at.month;
    // (December's next month is next year's January: the plan's year would misplace it)
    if (month > 12) return word;
    return monthIn(month, word.length) ?? word;
  });
}
