/** Records for the phase tests: an instantiated template with ids filled in, and a chain builder. */
import type { EventRecord } from '../../../shared/src/schema/types';
import { mainSpan, type Instantiated } from '../../../shared/src/phases';

export function toRecords(inst: Instantiated, mainId = 'main'): EventRecord[] {
  const id = (tempId: string) => tempId.replace('phase:', '');
  return [
    { id: mainId, ...inst.main },
    ...inst.phases.map(({ tempId, afterTempId, ...fields }) => ({
      id: id(tempId),
      ...fields,
      parentId: mainId,
      ...(afterTempId ? { after: id(afterTempId) } : {}),
    })),
  ];
}

export interface ChainLink {
  id: string;
  start: string;
  end?: string;
  after?: string;
  lagDays?: number;
  lagUnit?: 'day' | 'workday';
}

export function chain(links: ChainLink[], mainId = 'main'): EventRecord[] {
  const phases: EventRecord[] = links.map((l) => ({ title: l.id, kind: 'contest', status: 'planned', parentId: mainId, ...l }));
  return [{ id: mainId, title: 'main', kind: 'contest', status: 'planned', ...mainSpan(phases) }, ...phases];
}

export function byId(events: EventRecord[]): Map<string, EventRecord> {
  return new Map(events.map((e) => [e.id, e]));
}

/** Applies changes as a document update would. */
export function apply(events: EventRecord[], changes: Array<{ id: string; start: string; end: string }>): EventRecord[] {
  const m = new Map(changes.map((c) => [c.id, c]));
  return events.map((e) => {
    const c = m.get(e.id);
    return c ? { ...e, start: c.start, end: c.end } : e;
  });
}
