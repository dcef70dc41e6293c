import { slangRuleFactors } from '../../../../src/features/moderation/detection/find-slang';
import { isRuleName, reviewReasonName, ruleLabel, ruleWordName } from '../../../../src/features/moderation/rule-names';

describe('the Chinese names staff read for the detector’s internal names', () => {
  it('names every slang rule, so none reaches staff by its internal name', () => {
    const unnamed = slangRuleFactors()
      .map((r) => r.name)
      .filter((name) => !isRuleName(name) || /[a-z]/.test(ruleWordName(name)));
    expect(unnamed).toEqual([]);
  });

  it('names the contact finders and the model; a listed word stays itself', () => {
    expect(['phone-number', 'contact-id', 'link', 'review-model'].map(ruleWordName)).toEqual(['手机号', '联系方式（微信号/QQ号）', '链接', '整句判断']);
    expect(ruleWordName('加微信')).toBe('加微信');
  });

  it('writes a stored rule as category：name', () => {
    expect(ruleLabel('广告:phone-number')).toBe('广告：手机号');
    expect(ruleLabel('色情:毛片')).toBe('色情：毛片');
    expect(ruleLabel('刷屏')).toBe('刷屏');
  });

  it('puts each review reason in Chinese', () => {
    // [the detector's reason, the matched word, what staff read]
    const cases: Array<[string | undefined, string, string]> = [
      ['uncategorised word', '哈宝', '共用词表里的词，没有标类别'],
      ['broad category (违法犯罪)', '代开发票', '「违法犯罪」类里含义较宽的词'],
      ['cuts through two words', '干鸡', '由前后两个词拼出，可能是巧合'],
      ['a short word heard in a line typed in pinyin', '大麻', '整句是拼音，读音像「大麻」，也可能是别的词'],
      ['slang guess (lure-guess)', 'lure-guess', '疑似招揽说法'],
      ['statistical guess (87 %)', 'review-model', '整句与以往的违规消息相似（估计 87%）'],
      ['said laughing (threat-kill)', 'threat-kill', '威胁伤人，但同一句里在笑，可能是玩笑'],
      [undefined, 'contact-id', '联系方式（微信号/QQ号）'],
      ['heard across two everyday words typed in pinyin', '甲基', '整句是拼音，读音像「甲基」，但由前后两个词拼出，可能是巧合'],
      ['a sound-alike across two words', '脚交', '读音像「脚交」，但由前后两个词拼出，可能是巧合'],
      ["sounds like a classmate's name", '锦涛', '读音像「锦涛」，但在同学的名字里'],
      ['a sound-alike in a message that prices produce', '老江', '读音像「老江」，但这句在给农产品报价'],
      ["a classmate's own produce offered", '加我微信', '学员推销自家农产品，群里是否允许请工作人员决定'],
      ['asked about, nothing offered', '加盟连锁', '在打听这类生意，没有推销'],
    ];
    expect(cases.map(([reason, word]) => reviewReasonName(reason, word))).toEqual(cases.map(([, , chinese]) => chinese));
  });
});
