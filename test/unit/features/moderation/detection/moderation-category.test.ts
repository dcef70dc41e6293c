import { toModerationCategory } from '../../../../../src/features/moderation/detection/moderation-category';

describe('toModerationCategory', () => {
  it.each([
    ['政治', '政治'],
    ['反动词库', '政治'],
    ['色情类型', '色情'],
    ['赌博', '赌博'],
    ['毒品', '毒品'],
    ['涉枪涉爆', '暴恐'],
    ['暴恐词库', '暴恐'],
    ['辱骂', '辱骂'],
    ['广告类型', '广告'],
    ['ads-solicitation', '广告'],
    ['违法犯罪', '违法犯罪'],
    ['补充词库', '未分类'],
    ['', '未分类'],
  ])('maps %s to %s', (raw, expected) => {
    expect(toModerationCategory(raw)).toBe(expected);
  });
});
