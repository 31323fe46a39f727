/**
 * 本周要办 (`?panel=due`): deadlines of this Monday–Sunday week and the events whose reminders
 * fall due in it, with overdue deadlines (past and not done) marked in red until someone marks
 * them done. What counts and when is shared/src/reminders.
 */
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { EventRecord } from '@shared/schema/types';
import { todayIn } from '@shared/time/dates';
import { t } from '../../i18n';
import { ALL_DATES as EVER, useWorkspace } from '../../stores/workspace-context';

export default function DueSoonPanel(props: { onOpen: (record: EventRecord, occurrenceStart: string) => void; onClose: () => void }) {
  const ws = useWorkspace();
  const [rules] = createResource(() => import('@shared/reminders'));
  const [events] = createResource(
    () => [ws.revision(), ws.groupsKnown()] as const,
    () => ws.queryEvents(EVER.from, EVER.to),
  );
  const [permission, setPermission] = createSignal(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);
  const allow = async () => {
    setPermission(await Notification.requestPermission());
    void ws.checkReminders();
  };
  const items = createMemo(() => {
    const r = rules();
    const list = events();
    if (!r || !list) return null;
    return r.dueThisWeek(list, { today: todayIn(ws.timezone()), timezone: ws.timezone() }).sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  });
  return (
    <aside class="side-panel due-panel" aria-labelledby="due-heading">
      <header class="section-head">
        <h2 id="due-heading">{t('dueTitle')}</h2>
        <button type="button" class="icon-btn" aria-label={t('close')} onClick={() => props.onClose()}>
          ×
        </button>
      </header>
      <p class="muted small-print">{t('remindersHint')}</p>
      <Show when={permission() === 'default'}>
        <button type="button" class="small" data-testid="allow-notifications" onClick={() => void allow()}>
          {t('allowNotifications')}
        </button>
      </Show>
      <Show when={permission() === 'denied'}>
        <p class="muted small-print">{t('notificationsDenied')}</p>
      </Show>
      <ul class="due-list" data-testid="due-soon">
        <For each={items() ?? []} fallback={<li class="muted">{items() ? t('nothingDue') : t('loading')}</li>}>
          {(item) => (
            <li data-testid="due-item" data-overdue={item.overdue ? 'true' : 'false'} classList={{ overdue: item.overdue }}>
              <Show when={item.overdue}>
                <span class="conflict-icon hard" aria-hidden="true">
                  !
                </span>
              </Show>
              <span class="due-date">{item.date}</span>
              <button type="button" class="link-button" onClick={() => props.onOpen(item.event as EventRecord, item.occurrenceStart)}>
                {item.event.title}
              </button>
              <span class="muted">{item.overdue ? t('overdue') : item.reasons.includes('deadline') ? t('deadline') : t('reminder')}</span>
            </li>
          )}
        </For>
      </ul>
    </aside>
  );
}
