import { negatedByContext } from '../../../../../src/features/moderation/detection/prohibitive-context';

/** Whether the first occurrence of `word` in `text` is spoken against. */
function negated(text: string, word: string): boolean {
  const start = text.indexOf(word);
  return negatedByContext(text, start, start + word.length);
}

describe('negatedByContext', () => {
  it('recognises a prohibition before the hit and a verdict after it', () => {
    expect(negated('拒绝网络赌博', '赌博')).toBe(true);
    expect(negated('大家远离毒品', '毒品')).toBe(true);
    expect(negated('刷单是违规的，千万不要做', '刷单')).toBe(true);
    expect(negated('赌博害人，别碰', '赌博')).toBe(true);
  });

  it('takes the police or an anti-fraud talk describing a scam for a report', () => {
    expect(negated('民警说现在的杀猪盘都是先聊感情再让你投资', '杀猪盘')).toBe(true);
    expect(negated('反诈课讲了跑分的套路', '跑分')).toBe(true);
    // A police officer is no cue on their own.
    expect(negated('民警来了，有人要买毒品吗', '毒品')).toBe(false);
  });

  it('takes a crackdown, a ban or an arrest for a warning, and telling the group to report or not to click for a report', () => {
    expect(negated('听说平台要严查刷单了', '刷单')).toBe(true);
    expect(negated('直播平台对低俗色情内容零容忍', '色情')).toBe(true);
    expect(negated('有人私加学员推赌博网站，大家看到直接举报，不要点链接', '赌博')).toBe(true);
    expect(negated('提醒大家：捕鱼游戏、棋牌类APP充值都涉嫌赌博，不要参与', '赌博')).toBe(true);
    expect(negated('罂粟壳不能加到卤料里', '罂粟')).toBe(true);
    expect(negated('有学员反映被拉进一个刷单返利群，亏了三千，已经报警了', '刷单')).toBe(true);
    // A space ends a clause as punctuation does: 再举报我 and a space is no warning about what follows.
    expect(negated('那个女的再举报我 我泼她硫酸', '泼她硫酸')).toBe(false);
    expect(negated('杀鱼的视频被判血腥了', '血腥')).toBe(true);
    expect(negated('严禁在群里发广告 赌博 色情 一经发现直接移出群聊并报警', '色情')).toBe(true);
    expect(negated('他让我先垫付运费 然后加倍转给我 我觉得不对劲就没理他 后来一查这是典型的骗局', '先垫付')).toBe(true);
    expect(negated('结业考试不允许代考', '代考')).toBe(true);
    expect(negated('这个就是诈骗，大家看清楚，先让你做任务返钱', '做任务返')).toBe(true);
    expect(negated('我差点被骗了，有个自称客服的让我下载个会议软件', '下载个会议软件')).toBe(true);
    // … but calling someone a scammer first is part of an insult.
    const text = '张老师就是个骗子，讲的全是废话，滚出去';
    expect(negatedByContext(text, text.indexOf('滚出去'), text.length, '辱骂')).toBe(false);
    // 不是骗子 is no verdict: the sender vouches for the offer.
    expect(negated('私我领红包，每天都有，不是骗子哈', '私我领红包')).toBe(false);
  });

  it('reaches only the clause it is written in', () => {
    expect(negated('不要迟到，今晚有人卖毒品', '毒品')).toBe(false);
  });

  it('does not take a question (要不要) or a word ending in 别 (区别) for a prohibition', () => {
    expect(negated('开播前要不要先出冰毒', '冰毒')).toBe(false);
    expect(negated('有什么区别 看裸聊', '裸聊')).toBe(false);
  });

  it('does not take a platform verdict (后台显示违规) for a warning', () => {
    expect(negated('坐庄稳赚违规导流', '坐庄')).toBe(false);
    expect(negated('加我Qq抽奖会不会被判违规', '加我')).toBe(false);
  });

  it('takes a message that goes on to call what it quotes a scam for a report', () => {
    expect(negated('有人加我说刷单返现，我拉黑了，就是骗子', '刷单')).toBe(true);
    expect(negated('群里发的做任务赚佣金，都是诈骗', '做任务')).toBe(true);
    // A scam named far off, or an offer with no verdict, says nothing about the hit.
    expect(negated('刷单返现，日结，加我，名额有限，先到先得，速来，这不是骗子', '刷单')).toBe(false);
    expect(negated('刷单返现，私我', '刷单')).toBe(false);
  });

  it('reads reports earlier in the message for any hit, but not being reported or a word that merely ends in 别', () => {
    const at = (text: string, word: string, category?: string) => {
      const start = text.indexOf(word);
      return negatedByContext(text, start, start + word.length, category);
    };
    expect(at('今天的禁毒宣传课 大家认真听 新型毒品会伪装成奶茶', '新型毒品', '暴恐')).toBe(true);
    expect(at('我举报了一个直播间 卖的三无减肥药', '减肥药', '毒品')).toBe(true);
    // Being reported is what a threat answers: 谁把我举报的，…我捅死他 threatens.
    expect(at('谁把我举报的，查出来我捅死他', '捅死他', '暴恐')).toBe(false);
    // 区别 ends in 别: 区别买家秀 tells nobody not to buy.
    expect(at('狗娘养的怎么申诉。小白提问：精选联盟和蝉妈妈有什么区别买家秀怎么引导', '狗娘养的', '辱骂')).toBe(false);
    // 拉黑你 after an insult goes on insulting.
    expect(at('狗东西，拉黑你', '狗东西', '辱骂')).toBe(false);
  });
});
