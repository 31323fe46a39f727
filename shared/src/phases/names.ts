/**
 * A phase's own name: its title minus its main event's title and the separator phases are
 * titled with ("读书知识竞赛·复赛" → "复赛", "Reading contest – Final" → "Final"). A title that does
 * not start with the main's (renamed since) is kept whole. One definition for the template
 * maker, the timeline and the editor's phase list.
 */
export function phaseName(title: string, mainTitle: string): string {
  if (!mainTitle || !title.startsWith(mainTitle)) return title;
  const rest = title.slice(mainTitle.length).replace(/^[\s·・•:：\-–—|\/]+/, '');
  return rest || title;
}
