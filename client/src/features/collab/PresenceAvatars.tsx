import { For, Show } from 'solid-js';
import { useWorkspace } from '../../stores/workspace-context';
import { displayName } from '../../stores/display-name';
import { colorFor } from '../../sync/presence';
import { t } from '../../i18n';

const initial = (name: string) => Array.from(name.trim())[0] ?? '?';

/** Everyone online in this workspace, this user first. */
export function PresenceAvatars(props: { onRename: () => void }) {
  const ws = useWorkspace();
  return (
    <Show when={ws.sync.state() !== 'local'}>
      <div class="avatars" data-testid="presence">
        <button
          type="button"
          class="avatar me"
          data-testid="my-avatar"
          style={{ background: colorFor(displayName()) }}
          title={t('renameYou', { name: displayName() })}
          aria-label={t('renameYou', { name: displayName() })}
          onClick={() => props.onRename()}
        >
          {initial(displayName())}
        </button>
        <For each={ws.sync.peers()}>
          {(p) => (
            <span class="avatar" style={{ background: p.color }} title={p.name} aria-label={p.name} role="img" data-testid="peer">
              {initial(p.name)}
            </span>
          )}
        </For>
      </div>
    </Show>
  );
}
