/** The `?` dialog: every shortcut of SHORTCUTS, grouped by where it works, in the current language. */
import { For } from 'solid-js';
import './keys.css';
import { Dialog } from '../../ui/Dialog';
import { locale } from '../../i18n';
import { SHORTCUTS, keyLabel, type ShortcutScope } from './shortcuts';

const SCOPES: { scope: ShortcutScope; zh: string; en: string }[] = [
  { scope: 'everywhere', zh: '所有页面', en: 'Everywhere' },
  { scope: 'calendar', zh: '日历', en: 'Calendar' },
  { scope: 'month-grid', zh: '月视图的日期格（Tab 到日期格上）', en: 'Days of the month view (Tab to a day)' },
  { scope: 'timeline', zh: '推进图', en: 'Timeline' },
];

export default function ShortcutsDialog(props: { onClose: () => void }) {
  const l = () => locale();
  return (
    <Dialog title={l() === 'zh' ? '键盘快捷键' : 'Keyboard shortcuts'} onClose={props.onClose} testid="shortcuts">
      {/* Focusable, so keyboard users can scroll the list when it is taller than the dialog. */}
      <div class="shortcut-groups" tabindex="0" role="region" aria-label={l() === 'zh' ? '快捷键列表' : 'List of shortcuts'}>
      <For each={SCOPES}>
        {(g) => (
          <section class="shortcut-group">
            <h3>{g[l()]}</h3>
            <table class="shortcut-table">
              <tbody>
                <For each={SHORTCUTS.filter((s) => s.scope === g.scope)}>
                  {(s) => (
                    <tr data-testid="shortcut" data-action={s.action}>
                      <td class="keys">
                        <For each={s.keys}>{(k) => <kbd>{keyLabel(k, l())}</kbd>}</For>
                      </td>
                      <td>{s[l()]}</td>
                    </tr>
                  )}
                </For>
                {g.scope === 'everywhere' && (
                  <>
                    <tr>
                      <td class="keys">
                        <kbd>Ctrl</kbd>+<kbd>Z</kbd>
                      </td>
                      <td>{l() === 'zh' ? '撤销' : 'Undo'}</td>
                    </tr>
                    <tr>
                      <td class="keys">
                        <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd>
                      </td>
                      <td>{l() === 'zh' ? '重做' : 'Redo'}</td>
                    </tr>
                    <tr>
                      <td class="keys">
                        <kbd>Esc</kbd>
                      </td>
                      <td>{l() === 'zh' ? '关闭对话框' : 'Close the dialog'}</td>
                    </tr>
                  </>
                )}
              </tbody>
            </table>
          </section>
        )}
      </For>
      </div>
    </Dialog>
  );
}
