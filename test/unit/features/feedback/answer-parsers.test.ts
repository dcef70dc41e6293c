import { parseFollowUpAnswer } from '../../../../src/features/follow-ups/follow-up-service';
import { parseSurveyAnswer } from '../../../../src/features/feedback/survey-service';

describe('parseSurveyAnswer', () => {
  it('reads three scores and a suggestion', () => {
    expect(parseSurveyAnswer('5 4 4 希望多讲直播')).toEqual({ satisfaction: 5, content: 4, pace: 4, improve: '希望多讲直播' });
  });
  it('accepts full-width digits and Chinese separators', () => {
    expect(parseSurveyAnswer('５，４、３')).toEqual({ satisfaction: 5, content: 4, pace: 3, improve: '' });
  });
  it.each(['6 4 4', '5 4', '很好', '0 1 2', '5 4 4x'])('rejects %s', (text) => {
    expect(parseSurveyAnswer(text)).toBeNull();
  });
});

describe('parseFollowUpAnswer', () => {
  it('reads shop, platform, sales and help', () => {
    expect(parseFollowUpAnswer('开了 抖音 3000 需要直播带货指导')).toEqual({ openedShop: true, shopPlatform: '抖音', monthlySalesYuan: 3000, needsHelp: '直播带货指导' });
  });
  it('reads 万 amounts', () => {
    expect(parseFollowUpAnswer('开了 拼多多 月销1.5万')?.monthlySalesYuan).toBe(15000);
  });
  it('reads a shop not opened yet', () => {
    expect(parseFollowUpAnswer('还没开，想学怎么选品')).toMatchObject({ openedShop: false, needsHelp: '学怎么选品' });
  });
  it('returns null for an answer that says nothing', () => {
    expect(parseFollowUpAnswer('嗯')).toBeNull();
  });
});
