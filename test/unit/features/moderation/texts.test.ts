import { reviewNote } from '../../../../src/features/moderation/texts';

describe('reviewNote', () => {
  it('quotes the message with phone numbers masked', () => {
    const text = reviewNote({ cohortName: '网店班', who: '学员甲', text: '有事打 135 2079 1900', reasons: ['广告「加我」(加我)'] });
    expect(text).toContain('原文：有事打 135****1900');
    expect(text).not.toContain('2079');
  });

  it('quotes no more than 300 characters of a long message, masked before the cut', () => {
    const text = reviewNote({ cohortName: '网店班', who: '学员甲', text: `${'好'.repeat(295)}135-2079-1900${'好'.repeat(1000)}`, reasons: [] });
    const quote = /原文：(.*)\n/.exec(text)![1]!;
    expect(quote).toBe(`${'好'.repeat(295)}135**…`);
  });
});
