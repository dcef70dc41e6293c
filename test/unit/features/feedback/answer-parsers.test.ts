import { parseFollowUpAnswer } from '../../../../src/features/follow-ups/follow-up-service';
import { parseSurveyAnswer } from '../../../../src/features/feedback/survey-service';

describe('parseSurveyAnswer', () => {
  it('reads an answer that starts with the word 反馈', () => {
    expect(parseSurveyAnswer('反馈 5 5 4 讲得好')).toEqual({ satisfaction: 5, content: 5, pace: 4, improve: '讲得好' });
    expect(parseSurveyAnswer('反馈：5 5 4')).toEqual({ satisfaction: 5, content: 5, pace: 4, improve: '' });
  });
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
  it('reads 微信小店 and 视频号 as platforms', () => {
    expect(parseFollowUpAnswer('开了 微信小店 2000')).toMatchObject({ openedShop: true, shopPlatform: '微信小店', monthlySalesYuan: 2000 });
    expect(parseFollowUpAnswer('视频号卖了500元')).toMatchObject({ openedShop: true, shopPlatform: '视频号', monthlySalesYuan: 500 });
  });
  it('keeps every platform named, in the order written', () => {
    expect(parseFollowUpAnswer('抖音和快手都开了 每月3000')).toMatchObject({ shopPlatform: '抖音、快手', monthlySalesYuan: 3000 });
  });
  it('does not read the digits of 1688 as sales', () => {
    expect(parseFollowUpAnswer('开了 1688 月销2万')).toMatchObject({ shopPlatform: '1688', monthlySalesYuan: 20000 });
  });
  it('returns null for an answer that says nothing', () => {
    expect(parseFollowUpAnswer('嗯')).toBeNull();
  });
});
