import { ladderStep, ruleFor } from '../../../../src/features/moderation/moderation-ladder';

describe('ladderStep', () => {
  const config = { muteAfter: 3, removeAfter: 5 };
  it.each([
    [1, 'warn'],
    [2, 'warn'],
    [3, 'mute'],
    [4, 'mute'],
    [5, 'remove'],
    [9, 'remove'],
  ])('with %i warnings in force the step is %s', (active, step) => {
    expect(ladderStep(active, config)).toBe(step);
  });
  it('follows configured thresholds', () => {
    expect(ladderStep(2, { muteAfter: 2, removeAfter: 3 })).toBe('mute');
  });
});

describe('ruleFor', () => {
  it('cites the seed rule for 黄赌毒', () => {
    expect(ruleFor('赌博')).toBe('禁止涉及黄赌毒等敏感话题');
  });
  it('cites the solicitation rule for ads', () => {
    expect(ruleFor('广告')).toContain('加微信');
  });
});
