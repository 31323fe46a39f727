/**
 * Paste a list of units copied from a spreadsheet: the parse (shared/src/tours/unit-paste.ts)
 * is previewed line by line, with duplicates and problems shown, before anything is saved;
 * saving adds every good line in one command (one undo step).
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { UnitFields, UnitRecord } from '@shared/schema/types';
import { parseUnitPaste, UNIT_PASTE_MESSAGES } from '@shared/tours';
import { locale } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { tm } from './messages';
import { categoryLabel } from './unit-labels';

export default function UnitPasteDialog(props: { existing: UnitRecord[]; onSave: (units: UnitFields[]) => string | null; onClose: () => void }) {
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal('');
  const parsed = createMemo(() => parseUnitPaste(text(), props.existing));
  const good = createMemo(() => parsed().rows.filter((r) => r.fields && !r.error && !r.duplicateOf && !r.duplicateOfLine).map((r) => r.fields!));
  const save = () => {
    if (good().length === 0) return setError(tm('nothingToAdd'));
    setError(props.onSave(good()) ?? '');
  };
  return (
    <Dialog title={tm('pasteTitle')} onClose={props.onClose} testid="unit-paste" wide>
      <p class="muted">{tm('pasteHelp')}</p>
      <textarea name="paste" rows={8} class="mono" value={text()} onInput={(e) => setText(e.currentTarget.value)} autofocus aria-label={tm('pasteTitle')} />
      <Show when={parsed().rows.length > 0}>
        <h3>
          {tm('preview')} · {tm('previewCount', { n: good().length })}
        </h3>
        <div class="paste-preview">
          <table class="table" data-testid="paste-preview">
            <thead>
              <tr>
                <th>{tm('line')}</th>
                <th>{tm('unitName')}</th>
                <th>{tm('category')}</th>
                <th>{tm('address')}</th>
                <th>{tm('contact')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              <For each={parsed().rows}>
                {(r) => (
                  <tr data-testid="paste-row" classList={{ skipped: !!(r.error || r.duplicateOf || r.duplicateOfLine) }}>
                    <td>{r.line}</td>
                    <td>{r.fields?.name ?? r.cells[0] ?? ''}</td>
                    <td>{r.fields ? categoryLabel(r.fields.category) : ''}</td>
                    <td>{r.fields?.address ?? ''}</td>
                    <td>{r.fields?.contact ?? ''}</td>
                    <td>
                      <Show when={r.error}>
                        <span class="problem">{UNIT_PASTE_MESSAGES[locale()][r.error!]}</span>
                      </Show>
                      <Show when={r.duplicateOf}>
                        <span class="problem">{tm('duplicate', { name: props.existing.find((u) => u.id === r.duplicateOf)?.name ?? '' })}</span>
                      </Show>
                      <Show when={r.duplicateOfLine}>
                        <span class="problem">{tm('duplicateLine', { line: r.duplicateOfLine! })}</span>
                      </Show>
                      <Show when={r.warning}>
                        <span class="warning">{UNIT_PASTE_MESSAGES[locale()][r.warning!]}</span>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={error()}>
        <em class="error" role="alert">
          {error()}
        </em>
      </Show>
      <footer class="editor-actions">
        <span class="spacer" />
        <button type="button" onClick={() => props.onClose()}>
          {tm('cancel')}
        </button>
        <button type="button" class="primary" data-testid="save-pasted-units" disabled={good().length === 0} onClick={save}>
          {tm('saveAll')}
        </button>
      </footer>
    </Dialog>
  );
}
