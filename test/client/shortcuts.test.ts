import { describe, expect, it } from 'vitest';
import { SHORTCUTS, actionOf, typingIn } from '../../client/src/features/keys/shortcuts';

/** A stand-in for an event target: `closest` answers for the selectors the app asks about. */
const target = (inField: boolean) => ({ closest: (sel: string) => (inField && /input|textarea|dialog/.test(sel) ? {} : null) });
const key = (k: string, over: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; inField: boolean }> = {}) => ({
  key: k,
  ctrlKey: over.ctrlKey ?? false,
  metaKey: over.metaKey ?? false,
  altKey: over.altKey ?? false,
  target: target(over.inField ?? false) as unknown as EventTarget,
});

describe('keyboard shortcuts', () => {
  it("maps Google Calendar's keys in the calendar", () => {
    expect(['t', 'd', 'w', 'm', 'y', 'a', 'j', 'k', 'n', 'c', '/', 'e', 'Delete', '?'].map((k) => actionOf(key(k), 'calendar'))).toEqual([
      'today', 'view-day', 'view-week', 'view-month', 'view-year', 'view-list', 'next', 'prev', 'new', 'new', 'search', 'edit', 'delete', 'help',
    ]);
  });

  it('never fires while typing in a field or a dialog, nor with a modifier', () => {
    expect(actionOf(key('w', { inField: true }), 'calendar')).toBeNull();
    expect(actionOf(key('?', { inField: true }), 'everywhere')).toBeNull();
    expect(actionOf(key('t', { ctrlKey: true }), 'calendar')).toBeNull();
    expect(actionOf(key('n', { metaKey: true }), 'calendar')).toBeNull();
    expect(typingIn(null)).toBe(false);
  });

  it('keeps each scope to its keys: timeline keys do nothing in the calendar and the other way round', () => {
    expect(actionOf(key('+'), 'calendar')).toBeNull();
    expect(actionOf(key('+'), 'timeline')).toBe('timeline-zoom-in');
    expect(actionOf(key('t'), 'timeline')).toBe('timeline-today');
    expect(actionOf(key('n'), 'timeline')).toBeNull();
    expect(actionOf(key('2'), 'timeline')).toBe('timeline-zoom-to');
    expect(actionOf(key('?'), 'timeline')).toBe('help');
  });

  it('binds no key twice within a scope (and everywhere-keys are free in every scope)', () => {
    for (const scope of ['calendar', 'timeline'] as const) {
      const keys = SHORTCUTS.filter((s) => s.scope === scope || s.scope === 'everywhere').flatMap((s) => s.keys);
      expect(new Set(keys).size, scope).toBe(keys.length);
    }
    for (const s of SHORTCUTS) expect(s.zh && s.en, s.action).toBeTruthy();
  });
});
