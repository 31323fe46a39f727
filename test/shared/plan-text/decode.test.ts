import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPlanText, decodePlanBytes, detectAndDecode, MAX_PLAN_TEXT_BYTES } from '../../../shared/src/plan-text/decode';
import { docxToText } from '../../../shared/src/plan-text/docx';
import { PlanInputError } from '../../../shared/src/plan-text/errors';
import { parsePlanAsync, readPlanFile } from '../../../shared/src/plan-text/index';
import { makeDocx } from './make-docx';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/plans');
const utf8 = (s: string) => new TextEncoder().encode(s);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PlanInputError);
    const err = e as PlanInputError;
    // Every message is bilingual: Chinese, then English.
    expect(err.message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
    return err.code;
  }
  return undefined;
}

async function asyncCodeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PlanInputError);
    return (e as PlanInputError).code;
  }
  return undefined;
}

describe('decodePlanBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodePlanBytes(utf8('一、总体要求'))).toBe('一、总体要求');
    expect(decodePlanBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('一、总体要求')]))).toBe('一、总体要求');
  });

  it('reads UTF-16 with a BOM', () => {
    const s = '二、主要任务';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      bytes[2 + i * 2] = s.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    expect(decodePlanBytes(bytes)).toBe(s);
  });

  it('detects GB18030/GBK (fixture encoded with a real GB18030 encoder)', () => {
    const bytes = new Uint8Array(readFileSync(path.join(fixtures, 'gb18030-plan.txt')));
    // Not valid UTF-8, so this really exercises the fallback.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { text, encoding } = detectAndDecode(bytes);
    expect(encoding).toBe('gb18030');
    expect(text.split('\n')[0]).toBe('2024年街道宣传工作计划');
    expect(text).toContain('“邻里一家亲”书画作品展');
  });

  it('refuses empty, blank, binary and oversized input with typed errors', () => {
    expect(codeOf(() => decodePlanBytes(new Uint8Array()))).toBe('empty');
    expect(codeOf(() => decodePlanBytes(utf8(' \n\t\u3000\r\n')))).toBe('empty');
    expect(codeOf(() => decodePlanBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])))).toBe('binary');
    const noise = new Uint8Array(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24 || 1;
    expect(codeOf(() => decodePlanBytes(noise))).toBe('binary');
    expect(codeOf(() => decodePlanBytes(new Uint8Array(MAX_PLAN_TEXT_BYTES + 1).fill(0x41)))).toBe('too-large');
    expect(codeOf(() => checkPlanText('abc\u0001\u0002\u0003\u0004\u0005'))).toBe('binary');
  });
});

describe('docx', () => {
  const plan = ['2024年机关宣传工作要点', '一、加强理论学习', '（一）3月上旬举办理论骨干培训班。', '二、丰富文化活动', '（一）国庆节来临前夕举办“祖国颂”书画作品展。'].join('\n');

  it('extracts paragraphs with mammoth and parses them', async () => {
    const text = await readPlanFile(makeDocx(plan), '要点.docx');
    expect(text.trim().split('\n')).toEqual(plan.split('\n'));
    const p = await parsePlanAsync(text);
    expect(p.title).toBe('2024年机关宣传工作要点');
    expect(p.sections.map((s) => s.label)).toEqual(['一、', '（一）', '二、', '（一）']);
    expect(p.activities.find((a) => a.kind === 'exhibition')).toMatchObject({ start: '2024-09-15', end: '2024-10-01' });
  });

  it('recognises a .docx that lost its extension', async () => {
    expect(await readPlanFile(makeDocx(plan), 'upload')).toContain('一、加强理论学习');
  });

  it('refuses non-docx bytes, damaged zips and old .doc files', async () => {
    expect(await asyncCodeOf(docxToText(utf8('not a zip')))).toBe('bad-docx');
    const broken = makeDocx(plan).slice(0, 200);
    expect(await asyncCodeOf(docxToText(broken))).toBe('bad-docx');
    expect(await asyncCodeOf(readPlanFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), '旧文件.doc'))).toBe('unsupported-type');
  });
});
