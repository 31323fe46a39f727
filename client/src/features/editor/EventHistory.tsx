import { createMemo, createSignal, For, Show } from 'solid-js';
import type { EventRecord } from '@shared/schema/types';
import type { HistoryEntry } from '@shared/schema';
import type { Result } from '@shared/workspace';
import { useWorkspace } from '../../stores/workspace-context';
import { formatDateTime, kindLabel, statusLabel, t, type MessageKey } from '../../i18n';

const FIELD_KEYS: Partial<Record<string, MessageKey>> = {
  title: 'title', kind: 'kind', status: 'status', start: 'start', end: 'end', location: 'location',
  leadUnit: 'leadUnit', units: 'units', participants: 'participants', contact: 'contact', notes: 'notes',
  rrule: 'recurrence',
};

const fieldName = (f: string) => (FIELD_KEYS[f] ? t(FIELD_KEYS[f]!) : f);

function show(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return t('emptyValue');
  if (field === 'kind' && typeof value === 'string') return kindLabel(value as EventRecord['kind']);
  if (field === 'status' && typeof value === 'string') return statusLabel(value as EventRecord['status']);
  if (Array.isArray(value)) return value.join('、') || t('emptyValue');
  return String(value).replace('T', ' ');
}

/**
 * Who set which field to what, newest first. Values overwritten by a concurrent edit are
 * marked and can be restored (or dismissed); any earlier value can be restored.
 */
export function EventHistory(props: { record: EventRecord; readOnly: boolean; onRestored: () => void }) {
  const ws = useWorkspace();
  const [open, setOpen] = createSignal(false);
  const lost = createMemo(() => ws.read.lostValues(props.record));
  const entries = createMemo(() => (open() ? ws.read.history(props.record.id).reverse() : []));
  const isLost = (e: HistoryEntry) => lost().some((l) => l.field === e.f && JSON.stringify(l.value ?? null) === JSON.stringify(e.v ?? null));
  const [error, setError] = createSignal('');
  /** A restored value may no longer fit the rest of the event (an end before a new start): say why. */
  const attempt = (result: Result<unknown>) => {
    if (result.ok) {
      setError('');
      props.onRestored();
    } else setError(result.error.message);
  };
  const restore = (field: string, value: unknown) => attempt(ws.run('history.restore', { id: props.record.id, field, value }));
  const when = (at: number) => formatDateTime(at);

  return (
    <section class="history" data-testid="event-history">
      <Show when={lost().length > 0}>
        <div class="lost" data-testid="lost-values">
          <strong>⚠ {t('lostValues')}</strong>
          <For each={lost()}>
            {(l) => (
              <div class="lost-row" data-testid="lost-value">
                <span>
                  {fieldName(l.field)}：<b>{show(l.field, l.value)}</b>（{l.by ?? '—'}，{when(l.at)}）
                </span>
                <Show when={!props.readOnly}>
                  <button
                    type="button"
                    data-testid="restore-lost"
                    onClick={() => restore(l.field, l.value)}
                  >
                    {t('restoreValue')}
                  </button>
                  <button
                    type="button"
                    onClick={() => attempt(ws.run('history.dismiss', { id: props.record.id, lost: l }))}
                  >
                    {t('keepCurrent')}
                  </button>
                </Show>
              </div>
            )}
          </For>
        </div>
      </Show>
      <Show when={error()}>
        <p class="error" role="alert" data-testid="history-error">
          {error()}
        </p>
      </Show>
      <button type="button" class="link-btn" data-testid="toggle-history" onClick={() => setOpen(!open())}>
        {open() ? '▾' : '▸'} {t('history')}
      </button>
      <Show when={open()}>
        <Show when={entries().length > 0} fallback={<p class="muted">{t('noHistory')}</p>}>
          <ul class="history-list">
            <For each={entries()}>
              {(e) => (
                <li classList={{ lost: isLost(e) }} data-testid="history-entry">
                  <span class="muted">{when(e.at)}</span> {e.by ?? '—'} · {fieldName(e.f)}：{show(e.f, e.v)}
                  <Show when={isLost(e)}>
                    <em class="error"> · {t('lostValue')}</em>
                  </Show>
                  <Show when={!props.readOnly && JSON.stringify(e.v ?? null) !== JSON.stringify((props.record as unknown as Record<string, unknown>)[e.f] ?? null)}>
                    <button
                      type="button"
                      class="link-btn"
                      onClick={() => restore(e.f, e.v)}
                    >
                      {t('restoreValue')}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}
