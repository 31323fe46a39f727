import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initWorkspaceDoc, readMeta, UNTITLED_WORKSPACE_NAMES } from '../../../shared/src/schema';
import { apiFor } from './fixtures';

const OUTLINE = { title: '2026年全民阅读活动方案', year: 2026, sections: [] };

describe('importing a plan into a workspace that has no name yet', () => {
  it.each(UNTITLED_WORKSPACE_NAMES.map((n) => [n]))('renames the workspace "%s" after the plan, one undo step', (name) => {
    const doc = new Y.Doc();
    initWorkspaceDoc(doc, { name });
    const api = apiFor(doc);
    expect(api.run('plan.import', OUTLINE).ok).toBe(true);
    expect(readMeta(doc).name).toBe('2026年全民阅读活动方案');
    api.undo();
    expect(readMeta(doc).name).toBe(name);
  });

  it('keeps a name someone chose', () => {
    const doc = new Y.Doc();
    initWorkspaceDoc(doc, { name: '县委宣传部' });
    apiFor(doc).run('plan.import', OUTLINE);
    expect(readMeta(doc).name).toBe('县委宣传部');
  });
});
