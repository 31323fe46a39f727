import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createGroupRecordsWriter, readGroupRecords, type GroupRecords } from '../../client/src/storage/group-records';
import { openWorkspace } from '../../client/src/storage/open-workspace';
import { deleteWorkspace } from '../../client/src/storage/workspace-registry';
import { db } from '../../client/src/storage/db';

const records = (title: string): GroupRecords => ({
  plans: [{ id: 'p1', title, year: 2026 }],
  sections: [{ id: 's1', planId: 'p1', parentId: '', order: 1, label: '一、', title: '理论学习', level: 1 }],
  campaigns: [{ id: 'c1', title: '读书月', start: '2026-04-01', end: '2026-05-01' } as GroupRecords['campaigns'][number]],
  teams: [],
});

describe('group records (the persisted plans, sections, campaigns and teams)', () => {
  it('writes at most once per delay, the latest state, and skips a write of what is stored', async () => {
    vi.useFakeTimers();
    try {
      const put = vi.spyOn(db().groupRecords, 'put');
      const writer = createGroupRecordsWriter('gr-1', 500);
      writer.schedule(() => records('v1'));
      writer.schedule(() => records('v2'));
      writer.schedule(() => records('v3'));
      expect(put).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(500);
      expect(put).toHaveBeenCalledTimes(1);
      writer.schedule(() => records('v3'));
      await vi.advanceTimersByTimeAsync(500);
      expect(put).toHaveBeenCalledTimes(1);
      // Disposing writes what is still waiting.
      writer.schedule(() => records('v4'));
      writer.dispose();
      expect(put).toHaveBeenCalledTimes(2);
      put.mockRestore();
    } finally {
      vi.useRealTimers();
    }
    await new Promise((r) => setTimeout(r, 20));
    expect((await readGroupRecords('gr-1'))?.plans[0]?.title).toBe('v4');
  });

  it('is handed to the workspace when it opens, absent on a first open, and deleted with the workspace', async () => {
    const first = await openWorkspace('gr-2', '测试');
    expect(first.groupRecords).toBeNull();
    first.close();
    await db().groupRecords.put({ ws: 'gr-2', ...records('工作要点') });
    const again = await openWorkspace('gr-2');
    expect(again.groupRecords?.plans.map((p) => p.title)).toEqual(['工作要点']);
    expect(again.groupRecords?.campaigns.map((c) => c.title)).toEqual(['读书月']);
    again.close();
    await deleteWorkspace('gr-2');
    expect(await readGroupRecords('gr-2')).toBeNull();
  });
});
