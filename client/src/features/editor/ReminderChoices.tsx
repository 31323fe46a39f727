/**
 * Reminders of an event: the presets offices use (the day itself, a day, three days, a week
 * ahead). They are shown by the app while it is open in some tab: there is no push server, and
 * the field says so.
 */
import { For } from 'solid-js';
import { t } from '../../i18n';

export const REMINDER_PRESETS: ReadonlyArray<{ minutes: number; label: 'remindSameDay' | 'remind1Day' | 'remind3Days' | 'remind1Week' }> = [
  { minutes: 0, label: 'remindSameDay' },
  { minutes: 1440, label: 'remind1Day' },
  { minutes: 4320, label: 'remind3Days' },
  { minutes: 10080, label: 'remind1Week' },
];

export function ReminderChoices(props: { value: number[]; onChange: (next: number[]) => void }) {
  const toggle = (minutes: number, on: boolean) => props.onChange(on ? [...props.value.filter((m) => m !== minutes), minutes].sort((a, b) => a - b) : props.value.filter((m) => m !== minutes));
  // Reminders set elsewhere (an imported file, another app) stay and can be removed too.
  const others = () => props.value.filter((m) => !REMINDER_PRESETS.some((p) => p.minutes === m));
  return (
    <div class="field full" data-testid="reminders">
      <span>{t('reminders')}</span>
      <div class="chips" role="group" aria-label={t('reminders')}>
        <For each={REMINDER_PRESETS}>
          {(p) => (
            <label class="chip">
              <input type="checkbox" name="reminder" value={p.minutes} checked={props.value.includes(p.minutes)} onChange={(e) => toggle(p.minutes, e.currentTarget.checked)} />
              {t(p.label)}
            </label>
          )}
        </For>
        <For each={others()}>
          {(m) => (
            <label class="chip">
              <input type="checkbox" name="reminder" value={m} checked onChange={() => toggle(m, false)} />
              {t('remindMinutes', { n: m })}
            </label>
          )}
        </For>
      </div>
      <span class="hint muted reminder-hint">{t('remindersHint')}</span>
    </div>
  );
}
