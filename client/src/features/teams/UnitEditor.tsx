/** The dialog for one host unit of the directory. */
import { createSignal, For, Show } from 'solid-js';
import type { UnitCategory, UnitFields, UnitRecord } from '@shared/schema/types';
import { Dialog } from '../../ui/Dialog';
import { tm } from './messages';
import { categoryLabel, UNIT_CATEGORIES } from './unit-labels';

export function UnitEditor(props: {
  record?: UnitRecord;
  readOnly: boolean;
  onSave: (fields: UnitFields, id?: string) => string | null;
  onDelete: (id: string) => void;
  onClose: () => void;
}) {
  const r = props.record;
  const [name, setName] = createSignal(r?.name ?? '');
  const [category, setCategory] = createSignal<UnitCategory>(r?.category ?? 'community');
  const [address, setAddress] = createSignal(r?.address ?? '');
  const [contact, setContact] = createSignal(r?.contact ?? '');
  const [target, setTarget] = createSignal(r?.target ?? true);
  const [error, setError] = createSignal('');
  const save = (e: Event) => {
    e.preventDefault();
    if (props.readOnly) return;
    if (!name().trim()) return setError(tm('badName'));
    setError(props.onSave({ name: name().trim(), category: category(), address: address().trim() || undefined, contact: contact().trim() || undefined, target: target() }, r?.id) ?? '');
  };
  return (
    <Dialog title={tm('unit')} onClose={props.onClose} testid="unit-editor">
      <form class="editor" onSubmit={save} novalidate>
        <fieldset disabled={props.readOnly}>
          <label class="field full">
            <span>{tm('unitName')}</span>
            <input name="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} autofocus maxLength={200} />
          </label>
          <label class="field">
            <span>{tm('category')}</span>
            <select name="category" value={category()} onChange={(e) => setCategory(e.currentTarget.value as UnitCategory)}>
              <For each={UNIT_CATEGORIES}>{(c) => <option value={c}>{categoryLabel(c)}</option>}</For>
            </select>
          </label>
          <label class="field check">
            <input type="checkbox" name="target" checked={target()} onChange={(e) => setTarget(e.currentTarget.checked)} />
            <span title={tm('targetHint')}>{tm('target')}</span>
          </label>
          <label class="field full">
            <span>{tm('address')}</span>
            <input name="address" value={address()} onInput={(e) => setAddress(e.currentTarget.value)} />
          </label>
          <label class="field full">
            <span>{tm('contact')}</span>
            <input name="contact" value={contact()} onInput={(e) => setContact(e.currentTarget.value)} />
          </label>
          <Show when={error()}>
            <em class="error full" role="alert">
              {error()}
            </em>
          </Show>
        </fieldset>
        <footer class="editor-actions">
          <Show when={r && !props.readOnly}>
            <button type="button" class="danger" onClick={() => props.onDelete(r!.id)}>
              {tm('moveToTrash')}
            </button>
          </Show>
          <span class="spacer" />
          <button type="button" onClick={() => props.onClose()}>
            {tm('cancel')}
          </button>
          <Show when={!props.readOnly}>
            <button type="submit" class="primary" data-testid="save-unit">
              {tm('save')}
            </button>
          </Show>
        </footer>
      </form>
    </Dialog>
  );
}
