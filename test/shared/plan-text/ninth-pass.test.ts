/**
 * Rules of the ninth issue-13 pass, one small text each (not the corpus's wording): speeches whose points open
 * with ordinal words.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan, sectionLabelPath } from '../../../shared/src/plan-text/index';
import { one } from './rule-helpers';

describe('a speech whose points open with 首先，其次，再次，最后', () => {
  const speech = [
    '在全镇文化工作会议上的讲话',
    '镇党委副书记 李某某',
    '',
    '同志们：',
    '',
    '今天我们召开全镇文化工作会议，回顾去年工作，安排今年任务。下面，我讲几点意见。',
    '',
    '首先，要把群众文化活动办得更红火。元宵节举办“闹元宵”灯谜竞猜会，端午节前后组织全镇龙舟赛。',
    '',
    '其次，要把阅读推广做得更扎实。4月23日在镇综合文化站举办“书香满镇”读书分享会。',
    '',
    '再次，要把志愿服务抓得更经常。每月第一个星期六开展“文明小镇”志愿服务活动。',
    '',
    '最后，要把文化队伍带得更过硬。9月举办基层文艺骨干培训班。',
    '',
    '同志们，让我们齐心协力，把全镇文化工作推上新台阶。',
  ].join('\n');

  it('makes each such paragraph a point, titled by the ordinal and its clause', () => {
    const p = parsePlan(speech);
    expect(p.sections.map((s) => s.title)).toEqual([
      '首先，要把群众文化活动办得更红火',
      '其次，要把阅读推广做得更扎实',
      '再次，要把志愿服务抓得更经常',
      '最后，要把文化队伍带得更过硬',
    ]);
    expect(p.sections.every((s) => s.label === '' && s.level === 1)).toBe(true);
  });

  it("links each point's activities to it, the last point's too", () => {
    const p = parsePlan(speech);
    const under = (has: string) => sectionLabelPath(p.sections, one(p, has).sectionId);
    expect(p.sections.find((s) => s.id === one(p, '读书分享会').sectionId)?.title).toMatch(/^其次/);
    expect(p.sections.find((s) => s.id === one(p, '培训班').sectionId)?.title).toMatch(/^最后/);
    expect(under('龙舟赛')).toBe(under('灯谜竞猜会'));
  });

  it('is not fooled by a lone closing 最后，', () => {
    const p = parsePlan(
      [
        '在读书节启动仪式上的致辞',
        '同志们：',
        '今天，第五届“书香汀川”读书节正式启动了，这是全县读书爱好者的节日。',
        '读书节期间，县图书馆将举办名家讲座、亲子阅读等活动，希望大家踊跃参加。',
        '最后，祝读书节圆满成功！',
      ].join('\n'),
    );
    expect(p.sections.map((s) => s.title)).not.toContain('最后，祝读书节圆满成功');
  });
});
