/**
 * Chinese names for what the detector reports under internal names: the slang rules, the
 * contact finders, the review model and the reasons of an uncertain hit. The detector and the
 * stored records keep the internal names (stable, machine-readable); staff read these.
 */

/** The detector's rule names that are not words of the lexicon, by what staff call them. */
const RULE_NAMES: Readonly<Record<string, string>> = Object.freeze({
  'phone-number': '手机号',
  'contact-id': '联系方式（微信号/QQ号）',
  link: '链接',
  'review-model': '整句判断',
  'gambling-credit': '赌博上分下分说法',
  'gambling-games': '赌博游戏',
  'gambling-cash': '赌博提现说法',
  'gambling-venue': '疑似赌局说法',
  'drugs-slang': '毒品暗语',
  'drugs-effect': '疑似毒品说法',
  'sex-services': '色情服务说法',
  'sex-lure': '疑似色情招揽',
  'lure-private': '私聊领取类招揽',
  'lure-redpacket': '红包、助力类诱导',
  'traffic-sale': '买卖粉丝、流量或账号',
  'job-lure': '兼职刷单类招揽',
  'loan-lure': '贷款、逾期类招揽',
  'invest-lure': '投资理财类诱导',
  'lure-guess': '疑似招揽说法',
  'illegal-trade': '买卖证件、卡号或个人信息',
  'theft-guess': '疑似偷盗',
  'threat-kill': '威胁伤人',
  'threat-guess': '疑似威胁',
  insult: '辱骂说法',
  'insult-guess': '疑似辱骂',
  politics: '聚集、煽动类说法',
  'politics-guess': '疑似政治谣言',
});

/** What staff see for a matched word: the word itself, or the Chinese name of the rule that fired. */
export function ruleWordName(word: string): string {
  return RULE_NAMES[word] ?? word;
}

/** Whether a matched "word" is one of the detector's rules rather than a word of a list. */
export function isRuleName(word: string): boolean {
  return Object.hasOwn(RULE_NAMES, word);
}

/** A stored rule (`category:word`, as moderation records keep it) as staff read it: 广告：手机号. */
export function ruleLabel(rule: string): string {
  const at = rule.indexOf(':');
  if (at < 0) return rule;
  return `${rule.slice(0, at)}：${ruleWordName(rule.slice(at + 1))}`;
}

/** Why an uncertain hit was raised (the detector's reason), in Chinese; unknown reasons pass as they are. */
export function reviewReasonName(reason: string | undefined, word: string): string {
  if (reason === undefined) return ruleWordName(word);
  if (reason === 'uncategorised word') return '共用词表里的词，没有标类别';
  if (reason === 'cuts through two words') return '由前后两个词拼出，可能是巧合';
  if (reason === 'a short word heard in a line typed in pinyin') return `整句是拼音，读音像「${word}」，也可能是别的词`;
  if (reason === 'heard across two everyday words typed in pinyin') return `整句是拼音，读音像「${word}」，但由前后两个词拼出，可能是巧合`;
  if (reason === 'a sound-alike across two words') return `读音像「${word}」，但由前后两个词拼出，可能是巧合`;
  if (reason === "sounds like a classmate's name") return `读音像「${word}」，但在同学的名字里`;
  if (reason === 'a sound-alike in a message that prices produce') return `读音像「${word}」，但这句在给农产品报价`;
  if (reason === "a classmate's own produce offered") return '学员推销自家农产品，群里是否允许请工作人员决定';
  if (reason === 'asked about, nothing offered') return '在打听这类生意，没有推销';
  const broad = /^broad category \((.+)\)$/.exec(reason);
  if (broad) return `「${broad[1]}」类里含义较宽的词`;
  const slang = /^slang guess \((.+)\)$/.exec(reason);
  if (slang) return ruleWordName(slang[1] as string);
  const laughing = /^said laughing \((.+)\)$/.exec(reason);
  if (laughing) return `${ruleWordName(laughing[1] as string)}，但同一句里在笑，可能是玩笑`;
  const model = /^statistical guess \((\d+) %\)$/.exec(reason);
  if (model) return `整句与以往的违规消息相似（估计 ${model[1]}%）`;
  return reason;
}
