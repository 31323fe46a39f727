import { createSignal, For, Show } from 'solid-js';
import { useWorkspace } from '../../stores/workspace-context';
import { t } from '../../i18n';

/** Records that fail validation: counted in a bar, listed on demand, never passed to the calendar. */
export function NeedsAttention() {
  const ws = useWorkspace();
  const [open, setOpen] = createSignal(false);
  const items = () => Object.values(ws.lists.invalid);
  return (
    <Show when={items().length > 0}>
      <section class="attention" data-testid="needs-attention">
        <button type="button" class="link-btn" onClick={() => setOpen(!open())}>
          ⚠ {t('needsAttention')} ({items().length})
        </button>
        <Show when={open()}>
          <p class="muted">{t('needsAttentionHint')}</p>
          <ul>
            <For each={items()}>
              {(r) => (
                <li>
                  <code>{r.id}</code> <strong>{typeof r.raw.title === 'string' ? r.raw.title : '—'}</strong>:{' '}
                  {r.problems.join('；')}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </Show>
  );
}
