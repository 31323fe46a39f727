import { createStore } from 'solid-js/store';
import { openFilter, type EventFilter } from '@shared/workspace/filters';

/** The calendar's filters: the shared event filter, plus whether the observances layer shows. */
export interface Filters extends EventFilter {
  observances: boolean;
}

const OBSERVANCES_KEY = 'cc.observances';

export function createFilters() {
  const [filters, setFilters] = createStore<Filters>({
    ...openFilter(),
    observances: localStorage.getItem(OBSERVANCES_KEY) !== '0',
  });
  const showObservances = (on: boolean) => {
    setFilters('observances', on);
    localStorage.setItem(OBSERVANCES_KEY, on ? '1' : '0');
  };
  return { filters, setFilters, showObservances };
}
