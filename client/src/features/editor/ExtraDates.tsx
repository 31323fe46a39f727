import { createSignal, For } from 'solid-js';
import { isValidDateValue } from '@shared/time/dates';
import { ts } from './series-messages';

/**
 * "另加日期" (RFC 5545 RDATE): days a series also takes place outside its rule. Values have
 * the start's form; a timed series' extra date takes the series' time of day unless one is given.
 */
export function ExtraDates(props: { value: string[]; allDay: boolean; startTime: string; onChange: (next: string[]) => void }) {
  const [pending, setPending] = createSignal('');
  const add = () => {
    const raw = pending();
    if (!raw) return;
    const value = props.allDay ? raw.slice(0, 10) : raw.length === 10 ? `${raw}T${props.startTime}` : raw;
    if (!isValidDateValue(value) || props.value.includes(value)) return;
    props.onChange([...props.value, value].sort());
    setPending('');
  };
  return (
    <div class="field full extra-dates" data-testid="rdates" role="group" aria-label={ts('extraDates')}>
      <span>{ts('extraDates')}</span>
      <ul>
        <For each={props.value}>
          {(d) => (
            <li data-rdate={d}>
              <span>{d.replace('T', ' ')}</span>
              <button type="button" class="link" aria-label={ts('removeDate', { date: d.replace('T', ' ') })} onClick={() => props.onChange(props.value.filter((x) => x !== d))}>
                ×
              </button>
            </li>
          )}
        </For>
      </ul>
      <span class="row">
        <input
          name="rdate"
          type={props.allDay ? 'date' : 'datetime-local'}
          aria-label={ts('newExtraDate')}
          value={pending()}
          onInput={(e) => setPending(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} data-testid="add-rdate">
          {ts('addDate')}
        </button>
      </span>
      <span class="hint">{ts('extraDatesHint')}</span>
    </div>
  );
}
