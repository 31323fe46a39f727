/** The host-unit directory as a table: category, address, contact, whether the tour must reach it. */
import { createMemo, For, Show } from 'solid-js';
import type { UnitRecord } from '@shared/schema/types';
import { tm } from './messages';
import { categoryLabel } from './unit-labels';

export function UnitsDirectory(props: {
  units: UnitRecord[];
  editable: boolean;
  onAdd: () => void;
  onPaste: () => void;
  onEdit: (u: UnitRecord) => void;
  onToggleTarget: (u: UnitRecord) => void;
}) {
  const targets = createMemo(() => props.units.filter((u) => u.target).length);
  return (
    <section class="units-directory" aria-labelledby="units-heading" data-testid="units">
      <header class="section-head">
        <h2 id="units-heading">{tm('units')}</h2>
        <span class="muted">{tm('unitCount', { n: props.units.length, targets: targets() })}</span>
        <span class="spacer" />
        <Show when={props.editable}>
          <button type="button" data-testid="paste-units" onClick={() => props.onPaste()}>
            {tm('pasteUnits')}
          </button>
          <button type="button" class="primary" data-testid="add-unit" onClick={() => props.onAdd()}>
            + {tm('addUnit')}
          </button>
        </Show>
      </header>
      <Show when={props.units.length > 0} fallback={<p class="empty">{tm('noUnits')}</p>}>
        <table class="table">
          <thead>
            <tr>
              <th>{tm('unitName')}</th>
              <th>{tm('category')}</th>
              <th>{tm('address')}</th>
              <th>{tm('contact')}</th>
              <th title={tm('targetHint')}>{tm('target')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            <For each={props.units}>
              {(u) => (
                <tr data-testid="unit-row" data-id={u.id}>
                  <td>{u.name}</td>
                  <td>{categoryLabel(u.category)}</td>
                  <td>{u.address ?? ''}</td>
                  <td>{u.contact ?? ''}</td>
                  <td>
                    <input type="checkbox" checked={u.target} disabled={!props.editable} aria-label={`${tm('target')}: ${u.name}`} onChange={() => props.onToggleTarget(u)} />
                  </td>
                  <td class="actions">
                    <Show when={props.editable}>
                      <button type="button" class="small" onClick={() => props.onEdit(u)}>
                        {tm('edit')}
                      </button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
