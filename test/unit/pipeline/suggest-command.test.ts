import { editDistance, soundsLikeBareWord, suggestCommand } from '../../../src/pipeline/suggest-command';

/** The bot's command names (帮助 lists them). */
const NAMES = ['签到', '签退', '请假', '批准请假', '驳回请假', '交作业', '布置作业', '点评', '优秀作业', '我的', '日报', '排名', '帮助', '登记', '绑定', '课表', '新建班级', '上课', '下课', '警告', '导出'];

describe('suggestCommand: what a mistyped command most likely meant', () => {
  it.each([
    ['签道', '签到'],
    ['千到', '签到'],
    ['qiandao', '签到'],
    ['qiandap', '签到'],
    ['交做业', '交作业'],
    ['请家', '请假'],
    ['布置做业', '布置作业'],
    ['帮主', '帮助'],
    ['日保', '日报'],
  ])('%s → %s', (typed, meant) => {
    expect(suggestCommand(typed, NAMES)).toBe(meant);
  });

  it.each(['abc', '你好', '今天天气不错', '哈哈哈', '抖音好物', 'x', '1'])('guesses nothing for %s', (typed) => {
    expect(suggestCommand(typed, NAMES)).toBeNull();
  });

  it('counts edits by code point', () => {
    expect(editDistance('签道', '签到')).toBe(1);
    expect(editDistance('', '签到')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('soundsLikeBareWord: a lone word typed for 签到 or 签退 with the wrong characters', () => {
  it('names the bare word it sounds exactly like', () => {
    expect(soundsLikeBareWord('签道')).toBe('签到');
    expect(soundsLikeBareWord('钱到')).toBe('签到');
    expect(soundsLikeBareWord('签推')).toBe('签退');
  });

  it('is null for the word itself and for words that only sound close', () => {
    expect(soundsLikeBareWord('签到')).toBeNull();
    expect(soundsLikeBareWord('前台')).toBeNull();
    expect(soundsLikeBareWord('签字')).toBeNull();
  });
});
