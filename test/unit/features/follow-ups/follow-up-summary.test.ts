import type { FollowUp } from '../../../../src/domain/types';
import { parseFollowUpAnswer, renderFollowUpSummary } from '../../../../src/features/follow-ups';

const asked = new Date('2027-04-01T10:00:00+08:00');
const answered = new Date('2027-04-02T10:00:00+08:00');
const visit = (name: string, text: string | null): FollowUp => ({
  cohortId: 'c1',
  wave: 30,
  platform: 'wechaty',
  userId: `u-${name}`,
  name,
  askedAt: asked,
  ...(text === null ? {} : { ...parseFollowUpAnswer(text), answeredAt: answered, answerText: text }),
});

describe('renderFollowUpSummary', () => {
  const visits = [
    visit('张三', '开了 抖音 3000 需要直播带货指导'),
    visit('李四', '开了 快手和微信小店 月销1.5万'),
    visit('王五', '还没开，想学怎么选品'),
    visit('赵六', '开了 抖音 800'),
    visit('钱七', null),
  ];
  const text = renderFollowUpSummary({ cohortName: '电商直播班', wave: 30, visits });

  it('counts answers, shops opened and not, and the sales total', () => {
    expect(text.split('\n').slice(0, 2)).toEqual(['「电商直播班」结业 30 天回访小结', '回复 4/5 人，已开店 3 人，未开店 1 人，月销售合计 18800 元']);
  });

  it('says which platforms the trainees sell on, most used first', () => {
    expect(text).toContain('开店平台：抖音 2 人，快手 1 人，微信小店 1 人');
  });

  it('lists each answer in pinyin order of names with its platform, sales and help, and who has not answered', () => {
    expect(text.split('\n').slice(3)).toEqual([
      '各人回复：',
      '· 李四：已开店，平台 快手、微信小店，月销 15000 元',
      '· 王五：未开店，需要 学怎么选品',
      '· 张三：已开店，平台 抖音，月销 3000 元，需要 直播带货指导',
      '· 赵六：已开店，平台 抖音，月销 800 元',
      '未回复：钱七',
    ]);
  });

  it('keeps every help request however many trainees ask', () => {
    const many = Array.from({ length: 30 }, (_, i) => visit(`学员${i + 1}`, '没开 需要选品指导'));
    const lines = renderFollowUpSummary({ cohortName: '班', wave: 90, visits: many }).split('\n');
    expect(lines.filter((l) => l.includes('需要 选品指导'))).toHaveLength(30);
  });

  it('leaves out the platform line when nobody named one', () => {
    const none = renderFollowUpSummary({ cohortName: '班', wave: 180, visits: [visit('甲', '还没开'), visit('乙', null)] });
    expect(none).toBe('「班」结业 180 天回访小结\n回复 1/2 人，已开店 0 人，未开店 1 人，月销售合计 0 元\n各人回复：\n· 甲：未开店\n未回复：乙');
  });
});
