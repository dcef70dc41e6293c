import { actionFor } from '../../../../../src/features/moderation/detection/moderation-policy';

describe('actionFor', () => {
  it('does nothing when nothing was flagged', () => {
    expect(actionFor([])).toBe('none');
  });

  it('escalates political content, whatever else was found', () => {
    expect(actionFor(['政治'])).toBe('escalate');
    expect(actionFor(['色情', '政治'])).toBe('escalate');
  });

  it.each(['色情', '赌博', '毒品', '暴恐', '辱骂', '广告', '违法犯罪', '未分类'])('warns for %s', (category) => {
    expect(actionFor([category])).toBe('warn');
  });
});
