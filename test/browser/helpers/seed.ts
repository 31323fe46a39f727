import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { settleIndex } from './settle';

/**
 * Put a workspace built in Node into the open page, through the app's test hook (`__cc`):
 * a Yjs update is exactly what a sync would deliver. Optionally names the workspace.
 */
export async function seedDoc(page: Page, doc: Y.Doc, name?: string): Promise<void> {
  const update = Array.from(Y.encodeStateAsUpdate(doc));
  await page.evaluate(
    ({ u, name }) => {
      const cc = (globalThis as any).__cc;
      cc.applyUpdate(new Uint8Array(u));
      if (name) cc.doc.getMap('meta').set('name', name);
    },
    { u: update, name },
  );
  await settleIndex(page);
}
