import { CharTables } from '../../../../../src/features/moderation/detection/char-tables';
import { findSlang } from '../../../../../src/features/moderation/detection/find-slang';

const tables = CharTables.shared();

function spans(text: string): Array<{ word: string; category: string; tier: string | undefined; text: string }> {
  return findSlang(text, tables).map((m) => ({ word: m.word, category: m.category, tier: m.tier, text: text.slice(m.start, m.end) }));
}

/** Each [text, category, tier] is caught by a slang hit of that category at that tier. */
function expectCaught(cases: ReadonlyArray<readonly [string, string, string]>): void {
  for (const [text, category, tier] of cases) expect({ text, hit: spans(text).some((h) => h.category === category && h.tier === tier) }).toEqual({ text, hit: true });
}

/** Each hit as category/tier, for the holdout classes below. */
function cats(text: string): string[] {
  return spans(text).map((s) => `${s.category}/${s.tier}`);
}

describe('findSlang', () => {
  it('gives spans in the original text when characters outside the BMP come before the hit', () => {
    // 𠮷 (U+20BB7) is kept by the fold and is two UTF-16 units: the spans must not shift.
    expect(spans('𠮷𠮷有人卖冰吗')).toEqual([{ word: 'drugs-slang', category: '毒品', tier: 'public', text: '有人卖冰' }]);
    expect(spans('𠮷包夜')).toEqual([{ word: 'sex-services', category: '色情', tier: 'public', text: '包夜' }]);
    const [hit] = findSlang('😀𠮷，私我领取红包', tables);
    expect(hit).toMatchObject({ start: 5, end: 9 });
  });

  it('catches slang and euphemism no word list has, publicly', () => {
    expect(spans('老地方上分下分秒到账')).toEqual([expect.objectContaining({ category: '赌博', tier: 'public', text: '上分下分' })]);
    expect(spans('周末一起溜冰啊，老价钱')).toEqual([expect.objectContaining({ category: '毒品', tier: 'public', text: '溜冰' })]);
    expect(spans('有上门服务，包夜八百')).toEqual([expect.objectContaining({ category: '色情', tier: 'public', text: '包夜' })]);
    expect(spans('同城美女上门服务')).toEqual([expect.objectContaining({ category: '色情', tier: 'public', text: '同城美女上门服务' })]);
    // A farm machinery team comes to the field: 上门服务 alone is no sex service.
    expect(spans('农机服务队可以上门服务，收割一亩60')).toEqual([]);
  });

  it('catches solicitation phrased without a contact id: red-packet lures, traffic for sale, loans, threats', () => {
    expect(spans('群里的朋友私我领取红包')).toEqual([expect.objectContaining({ category: '广告', tier: 'public', text: '私我领取' })]);
    expect(spans('出售抖音粉丝，一千起')).toEqual([expect.objectContaining({ category: '广告', tier: 'public', text: '出售抖音粉丝' })]);
    expect(spans('无抵押秒批，急用钱的来')).toEqual(expect.arrayContaining([expect.objectContaining({ category: '广告', tier: 'public', text: '无抵押' })]));
    expect(spans('再说一句弄死你')).toEqual([expect.objectContaining({ category: '暴恐', tier: 'public', text: '弄死你' })]);
  });

  it('sends guesses to review with the reason', () => {
    const [hit] = findSlang('你等着，下课别走', tables);
    expect(hit).toMatchObject({ category: '暴恐', tier: 'review', reason: 'slang guess (threat-guess)' });
  });

  it('leaves shop and farm talk alone: rice noodles, rock sugar, a usb cable', () => {
    expect(spans('我们卖米粉，也卖红薯粉')).toEqual([]);
    expect(spans('卖冰糖橙，一斤五块')).toEqual([]);
    expect(spans('插上usb线就能充电')).toEqual([]);
    expect(spans('你个SB')).toEqual([expect.objectContaining({ category: '辱骂', text: 'SB' })]);
  });

  it('catches threats with the object fronted by 把, a named person as target, or written in latin letters', () => {
    expect(spans('早晚把他捅了')).toEqual([expect.objectContaining({ category: '暴恐', tier: 'public', text: '把他捅了' })]);
    expect(spans('把你店给砸了')).toEqual([expect.objectContaining({ category: '暴恐', tier: 'public' })]);
    expect(spans('迟早砍死那个班长')).toEqual([expect.objectContaining({ category: '暴恐', tier: 'public' })]);
    expect(spans('kill 他')).toEqual([expect.objectContaining({ category: '暴恐', tier: 'public' })]);
    expect(spans('sha了她')).toEqual([expect.objectContaining({ category: '暴恐', tier: 'public' })]);
    // Slaughtering livestock is farm work.
    expect(spans('明天把那头猪杀了')).toEqual([]);
  });

  it('catches a stake across a clause break, forward-chain and credit-card lures, threats to a place or a limb, and a curse on a family', () => {
    expect(spans('来玩两把骰子，输赢五百')).toEqual(expect.arrayContaining([expect.objectContaining({ category: '赌博', tier: 'public' })]));
    expect(spans('转发这条消息到三个群，领五十元红包')).toEqual([expect.objectContaining({ category: '广告', tier: 'public' })]);
    expect(spans('办理信用卡，额度高')).toEqual([expect.objectContaining({ category: '广告', tier: 'public' })]);
    expect(spans('这破学校迟早给它炸了')).toEqual([expect.objectContaining({ category: '暴恐', tier: 'public' })]);
    expect(spans('我要把他腿打断')).toEqual([expect.objectContaining({ category: '暴恐', tier: 'public' })]);
    expect(spans('你全家都是骗子')).toEqual([expect.objectContaining({ category: '辱骂', tier: 'public' })]);
    // A decimal point ends no clause: 领18.8红包.
    expect(spans('转发此消息到3个群，截图给我领18.8红包')).toEqual([expect.objectContaining({ category: '广告', tier: 'public' })]);
    expect(spans('新葡京线上版，提款秒到')).toEqual(expect.arrayContaining([expect.objectContaining({ category: '赌博', tier: 'public' })]));
    expect(spans('打跑得快，5块一张，输了红包结')).toEqual(expect.arrayContaining([expect.objectContaining({ category: '赌博', tier: 'public' })]));
    expect(spans('电话卡批发，不用实名')).toEqual([expect.objectContaining({ category: '违法犯罪', tier: 'public' })]);
    expect(spans('晚上去砸你门')).toEqual([expect.objectContaining({ category: '暴恐', tier: 'public' })]);
    expect(spans('我知道你家住哪，小心点')).toEqual(expect.arrayContaining([expect.objectContaining({ category: '暴恐', tier: 'review' })]));
    for (const text of ['黄金现货投资，老师每天带单', '京东白条、花呗额度高价回收', '同城yp，真实可约', '出实名手机卡，不用本人', '你那个店一把火就没了', '老师讲的什么狗屁', '输了二十多万了，有没有老哥带我回本上岸的']) {
      expect({ text, public: spans(text).some((h) => h.tier === 'public') }).toEqual({ text, public: true });
    }
    for (const text of ['拼三张房卡群，一块底，微信结账', '果聊一次五十', '残疾证能办，不用鉴定', '那个主播抢我粉丝，我要泼她硫酸', '退税通知：点击链接登录认领，逾期作废', '今晚我去他塘里下药，让他的鱼死光']) {
      expect({ text, public: spans(text).some((h) => h.tier === 'public') }).toEqual({ text, public: true });
    }
    for (const text of ['德州扑克局 线上 底注五十 缺两人 上车', '帮忙走账 流水一百万抽两个点', '高薪招聘 月薪过万 包吃包住 地点柬埔寨', '找几个人把他堵了 往死里打', '【县商务局】农村电商专项补贴3600元 扫下方二维码认证领取 过期作废']) {
      expect({ text, public: spans(text).some((h) => h.tier === 'public') }).toEqual({ text, public: true });
    }
    for (const text of ['打牌三缺一，一百一个庄', '止咳水大量批发，不用处方', '一楼一凤 县城新开', '原始股内部认购，一股变十股', '您的银行卡涉嫌洗钱，请配合调查，将资金转入安全账户', '收二手手机，偷的抢的都要，不问来路', '卸你一条胳膊信不信', '你个憨批，别在群里装了']) {
      expect({ text, public: spans(text).some((h) => h.tier === 'public') }).toEqual({ text, public: true });
    }
    // The same words in class talk.
    for (const text of ['小孩的陪玩活动有挖红薯、喂兔子、捉鱼', '中通这个月给我们站点降了三毛 一单一块八', '银饰纯度要写999还是足银', '包夜班的话明天一整天都废了', '有没有跟我一样在家做手工皂的', '鱼塘下药要看天气，阴天别下', '这款底价一百二，不能再低了', '我表弟考公上岸了，以后不来上课了', '橱窗带货要满一千粉才能开', '我家孩子周末想去溜冰场', '羊圈墙太矮了，羊老翻墙跑出去', '明信片5块一张', '骰子和扑克都能在拼多多上架吗', '转发到朋友圈的链接点不开', '信用卡能付学费吗', '学校门口的炸鸡店给它炸了两锅', '你全家都是做茶叶的吗', '他的腿摔伤了，请假一周']) {
      expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
    }
  });

  it('does not take a stock question (还有货吗) for a drug ask', () => {
    expect(spans('你们店的苹果还有货吗')).toEqual([]);
    expect(spans('兄弟有货吗')).toEqual([expect.objectContaining({ category: '毒品', tier: 'review' })]);
  });

  it('catches drug slang offered with a price, ads across a clause break, and loan openers', () => {
    expect(spans('麻果，一颗八十')).toEqual([expect.objectContaining({ category: '毒品', tier: 'public' })]);
    expect(spans('转让账号，带粉五万')).toEqual([expect.objectContaining({ category: '广告', tier: 'public' })]);
    expect(spans('卖粉，加我详聊')).toEqual(expect.arrayContaining([expect.objectContaining({ category: '广告' })]));
    expect(spans('卖粉条，加我详聊')).toEqual(expect.not.arrayContaining([expect.objectContaining({ word: 'lure-guess', text: expect.stringContaining('卖粉') })]));
    expect(spans('有需要借钱的吗')).toEqual([expect.objectContaining({ category: '广告', tier: 'review' })]);
    expect(spans('代办驾照，不用本人')).toEqual([expect.objectContaining({ category: '违法犯罪', tier: 'public' })]);
    expect(spans('有考试答案，保过')).toEqual([
      expect.objectContaining({ category: '违法犯罪', tier: 'public', text: '有考试答案' }),
      expect.objectContaining({ category: '违法犯罪', tier: 'public', text: '保过' }),
    ]);
  });

  it('does not take an everyday compound holding a slang term for the slang (over-broad patterns)', () => {
    for (const text of ['快三点了，准备上课', '上桌吃饭了', '冰壶比赛看了吗', '有叶子菜吗', '看片子医生说没事', '原味瓜子五块一袋', '去死皮的膏', '用打火机点火', '一刀切不合适', '下午上街买菜']) {
      expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
    }
    // The slang itself still matches.
    expect(spans('玩快三吗')).toEqual([expect.objectContaining({ category: '赌博', tier: 'public' })]);
    expect(spans('有人要冰壶吗')).toEqual(expect.arrayContaining([expect.objectContaining({ category: '毒品', tier: 'public' })]));
    expect(spans('小心我放把火')).toEqual([expect.objectContaining({ category: '暴恐', tier: 'public' })]);
    expect(spans('出原味内衣')).toEqual([expect.objectContaining({ category: '色情', tier: 'public' })]);
  });
});

describe("findSlang: the twenty-second to twenty-ninth holdouts' classes", () => {
  it('catches threats with a gun or a timed device, dead livestock and borrowed origin labels, drugs by number, fees before an interview, each in its category', () => {
    const cases: Array<[string, string, string]> = [
      ['拿枪把书记崩了', '暴恐', 'public'],
      ['我在车站放了东西，三点准时响', '暴恐', 'public'],
      ['土铳三百出，打兔子好用', '暴恐', 'public'],
      ['病死的羊我收，拉去做香肠', '违法犯罪', 'public'],
      ['外地大米贴我们的地理标志卖', '违法犯罪', 'public'],
      ['谁手里有4号', '毒品', 'public'],
      ['从缅甸那边带了点货，纯的', '毒品', 'review'],
      ['面试前先交五百工装费', '广告', 'public'],
      ['dd我 有优惠', '广告', 'public'],
      ['直播间涨人气 私我', '广告', 'public'],
    ];
    expectCaught(cases);
  });

  it('catches initialisms and a letter for 死, goods "not to be asked about", medical-insurance cards bought, protests at a government gate, free trials of health gadgets, 咔咔, rice passed off as 五常, 嫩模, paid promotion, inflated acreage, 8964 and tuition "refunded later", 喵喵, rnm, a call to rise up and loans despite bad credit, class lists sold, empty Moutai bottles bought, 臭要饭的, 64 with candles, 五月三十五, 老司机 with links, licences without a factory, cure claims, 老货 and 妈卖批', () => {
    const cases: Array<[string, string]> = [
      ['二逼 说你呢', '辱骂'],
      ['去s吧 烦人', '辱骂'],
      ['那个卖鸡蛋的是个nt', '辱骂'],
      ['新到一批电脑 来路别问 便宜出', '违法犯罪'],
      ['外地米冒充五常卖', '违法犯罪'],
      ['周一一起去县政府门口讨个说法', '政治'],
      ['保健品 理疗仪 免费体验 老年人都来', '广告'],
      ['咔咔到了 老地方', '毒品'],
      ['nt是吧 这都不会', '辱骂'],
      ['zz一个', '辱骂'],
      ['谁家医保卡用不完 卖给我 九折收', '违法犯罪'],
      ['嫩模上门 半小时到', '色情'],
      ['包子又在搞什么名堂', '政治'],
      ['帮你上热门 包上推荐', '广告'],
      ['他去年多报了五十亩 补贴照样拿', '违法犯罪'],
      ['二B 讲的啥', '辱骂'],
      ['谁还信tg的话', '政治'],
      ['8 9 6 4 勿忘', '政治'],
      ['主播培训 学费先交后退', '广告'],
      ['喵喵 有货', '毒品'],
      ['rnm 退钱', '辱骂'],
      ['村姑就是村姑', '辱骂'],
      ['活不下去了 都起来吧', '政治'],
      ['征信花了能下', '广告'],
      ['有人卖学员名单吗 给钱', '违法犯罪'],
      ['高价回收茅台空瓶', '违法犯罪'],
      ['臭要饭的', '辱骂'],
      ['6 4 别忘了点蜡烛', '政治'],
      ['五月三十五号 别忘了', '政治'],
      ['老司机开车 资源在这 上车', '色情'],
      ['资质挂靠 三天下证', '违法犯罪'],
      ['祖传秘方 治白癜风 一个疗程见效', '广告'],
      ['你个老货', '辱骂'],
      ['妈卖批', '辱骂'],
    ];
    for (const [text, category] of cases) expect({ text, hit: spans(text).some((h) => h.category === category && h.tier === 'public') }).toEqual({ text, hit: true });
    expect(spans('听说明年恢复农业税 大家赶紧把地退了')).toEqual(expect.arrayContaining([expect.objectContaining({ category: '政治', tier: 'review' })]));
    expect(spans('某局长贪了三个亿 转发让更多人知道')).toEqual(expect.arrayContaining([expect.objectContaining({ category: '政治', tier: 'review' })]));
    expect(spans('吃了一晚上都不困')).toEqual([expect.objectContaining({ category: '毒品', tier: 'review' })]);
    const guesses: Array<[string, string]> = [['我是做保险的 重疾养老都有 需要的私聊我', '广告'], ['腰那么细 床上肯定很厉害', '色情'], ['听说马上会被删 一把手被带走了', '政治'], ['胸露出来点 刷礼物的多', '色情'], ['他就是个沙雕', '辱骂']];
    for (const [text, category] of guesses)
      expect({ text, review: spans(text).some((h) => h.category === category && h.tier === 'review') }).toEqual({ text, review: true });
    for (const text of ['祖传秘方腌的腊肉', '闹钟五点准时响', '要鸡蛋的找我 便宜', '一起去快递站讨个说法', '做蛋糕加点香精', '药店收医保卡吗', '遇到疑难客户怎么办', '卖家客户名单怎么导出', '班里所有人的电话要登记', '老司机开车稳 大家上车', '营业执照三天下证', '早上都起来吧 去赶集', '我征信花了 贷款下不来', '价格89.64元', '明早八点在县政府门口集合去参观', '来路不明的手机别收', '我们的蜂蜜不加香精', '真空包装的好卖', '我有5k粉丝了'])
      expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });

  it('leaves the everyday phrasings alone', () => {
    for (const text of ['四号发货，大家别急', '手机闹钟定时响', '死猪不怕开水烫', '怎么给直播间涨人气', '我们的大米申请了地理标志', '面试前要准备什么'])
      expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });
});

describe("findSlang: the thirtieth to thirty-eighth holdouts' classes", () => {
  it('catches parcels taken in unasked, printed fake labels, gutter oil bought up, a threat to bleed someone, meat that "can be smoked", lewd invitations, new spellings of insults and the white-paper protest, each in its category', () => {
    const cases: Array<[string, string, string]> = [
      ['帮我们代收快递包裹 一次五百 别问里面是啥', '违法犯罪', 'public'],
      ['假的五常大米标签 地理标志 我们这都能印 一万张起', '违法犯罪', 'public'],
      ['地沟油 高价回收 有多少要多少', '违法犯罪', 'public'],
      ['明天就去给他放血', '暴恐', 'public'],
      ['有没有人出"猪肉" 要好的 能溜的', '毒品', 'public'],
      ['你老公不行 我可以帮帮你', '色情', 'public'],
      ['晚上来我家 我老婆不在 嘿嘿', '色情', 'public'],
      ['草拟吗 说的就是你', '辱骂', 'public'],
      ['你tm是不是有大病', '辱骂', 'public'],
      ['周六晚上广场举白纸 都来', '政治', 'public'],
      ['老人保健品咋忽悠 我有话术 包成交', '违法犯罪', 'public'],
      ['白的 要不要 小包 一克起', '毒品', 'public'],
      ['老子要炸了这个快递站', '暴恐', 'public'],
      ['8×8那天的事 不能忘', '政治', 'public'],
      ['tg亡 天灭', '政治', 'public'],
      ['蜂蜜勾兑教程 加糖浆 成本十块卖八十 买家吃不出来', '违法犯罪', 'public'],
      ['庆丰帝又出新语录了', '政治', 'public'],
      ['维权的朋友们 周六广场见 带上白纸', '政治', 'public'],
      ['依托咪酯 现在哪里能搞到 急', '毒品', 'public'],
      ['美女主播直播的时候穿少点 粉丝才多 嘿嘿', '色情', 'review'],
      ['点赞关注 每单3元 做完就结 有手机就行', '广告', 'public'],
      ['工作室接单 淘宝 拼多多 基础销量 包安全', '广告', 'public'],
      ['互助盘 投一千 半个月回两千 已经有人提现了', '广告', 'public'],
      ['普通米加点香精 就成五常香米了', '违法犯罪', 'public'],
      ['冒充平台客服 让买家先转账 这招最好使', '违法犯罪', 'public'],
      ['过期肉换个标签 接着卖 没人查', '违法犯罪', 'public'],
      ['小姐姐 让哥哥摸一下好不好嘛', '色情', 'public'],
      ['信不信我去中心门口捅几个', '暴恐', 'public'],
      ['再催我 我就抱着煤气罐去你们中心', '暴恐', 'public'],
      ['总加速师 再加把劲 早点崩', '政治', 'public'],
      ['维尼熊又在电视上画大饼了', '政治', 'public'],
      ['维尼熊又在那装了', '政治', 'review'],
      ['卖 小红书号 千粉 可改名 需要滴', '广告', 'public'],
      ['64 三十多年了 不能忘', '政治', 'public'],
      ['今年卖果子的钱我准备全压在这把大小上了', '赌博', 'public'],
      ['这个国家迟早要完 大家一起起来反了', '政治', 'public'],
      ['8的平方年 那件事 谁还记得', '政治', 'public'],
      ['出营业执照 空壳公司的 能开对公账户', '违法犯罪', 'public'],
      ['蜂蜜兑点糖浆当土蜂蜜卖 谁看得出来 一斤多赚三十', '违法犯罪', 'public'],
      ['收购快递单号 带收件人电话的', '违法犯罪', 'public'],
      ['土蜂蜜拿白糖熬的 成本几块卖八十 我教你们', '违法犯罪', 'public'],
      ['收老人的社保卡 给钱', '违法犯罪', 'public'],
      ['工业盐当食盐卖 腌咸菜没人查得出', '违法犯罪', 'public'],
      ['冒充平台客服给买家打电话退款 话术我有', '违法犯罪', 'public'],
      ['套取补贴 搞个假合同就行', '违法犯罪', 'public'],
      ['卖假农药 贴大牌标签 利润高', '违法犯罪', 'public'],
      ['牛肉注水 怎么打不容易被查', '违法犯罪', 'public'],
      ['举起白纸 我们要自由', '政治', 'public'],
      ['8平方 记住那一天', '政治', 'public'],
      ['魔幻蘑菇 吃了能看到彩虹 需要滴滴', '毒品', 'public'],
      ['洋鸡蛋泡茶水当土鸡蛋卖 一个多赚两毛 没人看得出', '违法犯罪', 'public'],
      ['五常大米 拿普通米贴个标 挣翻了', '违法犯罪', 'public'],
      ['农机补贴 买一台报两台 有人一起搞不', '违法犯罪', 'public'],
      ['蜂蜜里兑点糖浆 谁吃得出来 我们都这么干', '违法犯罪', 'public'],
      ['卖弓弩 猎用 威力大 快递到家', '暴恐', 'public'],
      ['四号到了 老规矩', '毒品', 'public'],
      ['小熊维尼又要连任了 哈哈 这国家完了', '政治', 'public'],
      ['卖淘宝店 三钻 带流量 接手就能出单', '广告', 'public'],
      ['冒充快递客服打电话说理赔 骗到钱分你一半', '违法犯罪', 'public'],
      ['孬种 有本事别撤回', '辱骂', 'public'],
      ['大家搞菠菜吗 有好平台 出款快', '赌博', 'review'],
      ['农残超标的菜 换个合格证照样卖', '违法犯罪', 'public'],
    ];
    expectCaught(cases);
  });

  it('leaves the same words alone where farm and family talk use them', () => {
    for (const text of ['给羊放血要快', '今天带孩子去县城溜冰场溜冰了 摔了好几跤', '一针见血 老师说到点子上了', '兽医站说用恩诺沙星拌料 停药期过了再卖蛋', '早安 刚送完孩子上学', '这个标签能印吗 我们自己的品牌', '气炸了 这个快递站又丢件', '这批货88那天发', '拜拜88 别忘了交作业', '在家兼职给网店做客服 一个月一千多', '直播的时候猫跳上桌了 笑死', '路结冰了 出门小心', '视频剪得不行 推翻重来了', '新店先别开 先把基础销量和评价做起来', '塑料袋上捅几个洞 透气', '孩子要买维尼熊玩具', '你家有多少果子', '明天有冰雹 果子要盖网', '全压在大棚上了', '快递站双十一包夜分拣 缺人 有人去打工吗', '营业执照办下来了', '今天县里抓了一个卖假化肥的 一袋里一半是土', '哪有稳赚不赔的买卖 种地还看天呢', '羊驱虫用伊维菌素 皮下注射', '我们有弓弩比赛', '派出所说弓弩也是管制的 网上别买', '四号楼到了 老地方见', '菠菜种子什么时候播', '八平米的冷库够用吗'])
      expect({ text, hits: spans(text).filter((h) => h.tier === 'public').map((h) => h.word) }).toEqual({ text, hits: [] });
  });
});

describe("findSlang: the thirty-ninth to forty-eighth holdouts' classes", () => {
  it('catches ID photos for sale, soaked seafood, subsidies claimed for pigs never raised, fake turnover, gutter oil, relabelled rice, coffee-pack drugs, 白面 offered pure, stripping for tips, free-meal sales meetings and 傻缺', () => {
    expectCaught([
      ['出身份证照片 正反面都有', '违法犯罪', 'public'],
      ['手持的也有 开店认证用', '违法犯罪', 'public'],
      ['福尔马林泡过的鱿鱼 放一个月都不坏', '违法犯罪', 'public'],
      ['养羊补贴虚报了二十只 没人来数', '违法犯罪', 'public'],
      ['找人做个假流水 贷款好批', '违法犯罪', 'public'],
      ['地沟油做的火锅底料 成本低', '违法犯罪', 'public'],
      ['外地米装进五常的袋子 卖得可好了', '违法犯罪', 'public'],
      ['奶茶包到货了 懂的来', '毒品', 'public'],
      ['白面 纯度高 老客户优先', '毒品', 'review'],
      ['刷个火箭就脱 懂吧', '色情', 'public'],
      ['上衣脱了 打赏五百', '色情', 'public'],
      ['听讲座免费吃饭 还送鸡蛋 带上身份证', '广告', 'review'],
      ['傻叉 说了八百遍了', '辱骂', 'public'],
      ['普通苹果装进洛川苹果的盒子卖', '违法犯罪', 'public'],
      ['原单正品 专柜同款 一折', '违法犯罪', 'public'],
      ['拿硫磺熏过，银耳发白，卖相好', '违法犯罪', 'public'],
      ['花椒里掺点沙子 压秤', '违法犯罪', 'public'],
      ['工业碱泡的牛百叶 又白又脆', '违法犯罪', 'public'],
      ['特马今晚开猴 跟我买', '赌博', 'public'],
      ['鳖孙 又来抢单', '辱骂', 'public'],
      ['坦克碾人那年的事 不能忘', '政治', 'public'],
      ['zf都是骗子 大家联合起来反抗', '政治', 'public'],
      ['刁大大又讲话了', '政治', 'public'],
      ['庆丰大帝 又出来了', '政治', 'public'],
      ['开个房不？我出钱', '色情', 'review'],
      ['嫂子身材这么火辣 啥时候单独见一面', '色情', 'review'],
      ['你弯腰拿货那下 我都看见了嘿嘿', '色情', 'review'],
      ['证明材料我给你做假 没养也能领', '违法犯罪', 'public'],
      ['代办假兽药许可证', '违法犯罪', 'public'],
      ['摘人家的橘子 晚上去', '违法犯罪', 'review'],
      ['去缅甸玩几把 包吃住', '赌博', 'public'],
      ['买彩票不如来我这 回报率高', '赌博', 'public'],
      ['弩 射程八十米 包邮', '暴恐', 'public'],
      ['翡翠原石直播捡漏 五十起拍', '广告', 'review'],
      ['讲课的全是屁话 骗钱的', '辱骂', 'public'],
      ['输完了 哪个台子还能上分', '赌博', 'public'],
      ['摩托电瓶 从人家车上拆下来的 一百出', '违法犯罪', 'public'],
      ['给牛注点水 多卖几十斤', '违法犯罪', 'public'],
      ['保护区里挖的红豆杉 有要的吗', '违法犯罪', 'public'],
      ['酱油里兑点水 喝不出来', '违法犯罪', 'public'],
      ['上回的货纯度差 这回要好的', '毒品', 'review'],
      ['老地方交易 现金', '毒品', 'review'],
      ['美女你裙子这么短 让我看看', '色情', 'review'],
      ['枸杞用硫磺熏了 红得好卖', '违法犯罪', 'public'],
      ['小冰糖到货 老客户先拿', '毒品', 'public'],
      ['低保名额我能弄 钱五五分', '违法犯罪', 'public'],
      ['免费领养生壶 到店就领五斤米', '广告', 'public'],
      ['长安街上的坦克 谁还记得', '政治', 'public'],
      ['他家没装监控 晚上去', '违法犯罪', 'review'],
      ['我早晚去炸了他们的大棚', '暴恐', 'public'],
      ['羊杀前灌点水 多称好几斤', '违法犯罪', 'public'],
      ['飞一口 精神一整天', '毒品', 'public'],
      ['要肉的报数 不是菜市场的🐷', '毒品', 'review'],
      ['用别人的营业执照注册 封了换一个', '违法犯罪', 'public'],
      ['检查那个人 塞点钱就过', '违法犯罪', 'public'],
      ['创业贷 扫我二维码预审额度', '广告', 'public'],
      ['想一起发财的扣1', '广告', 'review'],
      ['昨天小打小闹赢了三千', '赌博', 'public'],
      ['他家鸡多 顺走几只他也不知道', '违法犯罪', 'review'],
      ['新到的弩 打得穿铁皮', '暴恐', 'public'],
      ['边境带点货回来 路子我熟', '毒品', 'review'],
      ['验收的来了 塞个购物卡就过', '违法犯罪', 'public'],
      ['帮我冲个业绩 扫一下', '广告', 'review'],
      ['那几棵兰花 夜里挖了卖', '违法犯罪', 'public'],
      ['你嗓子这么甜 叫起来肯定好听', '色情', 'review'],
      ['仿冒农药 贴个大厂的牌子 成本低', '违法犯罪', 'public'],
      ['电表做点手脚 一年省不少', '违法犯罪', 'public'],
      ['狗腿子 就会拍马屁', '辱骂', 'public'],
      ['七天瘦十斤 不节食不运动', '广告', 'public'],
      ['人丑就多读书 少发自拍', '辱骂', 'public'],
      ['出手雷 老货', '暴恐', 'public'],
      ['他家羊圈没人 去牵两只没人知道', '违法犯罪', 'review'],
      ['都记住八平方', '政治', 'public'],
      ['外地核桃当地理标志产品卖', '违法犯罪', 'public'],
      ['临期的饼干改个日期 接着卖', '违法犯罪', 'public'],
      ['网子打的 野兔 新鲜', '违法犯罪', 'public'],
      ['有片子吗 懂的 私发', '色情', 'review'],
      ['看全luo直播 九块九', '色情', 'public'],
      ['你胸真大 多拍几个特写', '色情', 'review'],
      ['晚上来我家 我男人出去打工不在', '色情', 'review'],
      ['主播什么时候穿少点播', '色情', 'review'],
      ['装逼 卖几斤烂苹果了不起啊', '辱骂', 'public'],
      ['他家牛没人看，晚上去牵', '违法犯罪', 'review'],
      ['橘子染了色 卖相好 卖得贵', '违法犯罪', 'public'],
      ['低保名额能买 一个五千', '违法犯罪', 'public'],
      ['老光棍一个 谁理你', '辱骂', 'public'],
      ['下铁夹逮野兔 拿去卖', '违法犯罪', 'public'],
      ['唱完歌整点k', '毒品', 'review'],
      ['讲得跟狗屎一样', '辱骂', 'public'],
      ['8964 不要忘', '政治', 'public'],
      ['送两条烟 保准过', '违法犯罪', 'public'],
      ['半夜去邻村偷两只羊', '违法犯罪', 'review'],
      ['买家信息能导出来 要的出价', '违法犯罪', 'public'],
      ['点赞 粉丝 5元一千 掉了包补', '广告', 'public'],
      ['弩和钢珠都能发货', '暴恐', 'public'],
      ['吃软饭的还好意思说别人', '辱骂', 'public'],
      ['防伪码可以定做', '违法犯罪', 'public'],
      ['蛤蛤续一秒', '政治', 'review'],
    ]);
  });

  it('leaves the same words alone where they are ordinary', () => {
    for (const text of ['拿出身份证 登记一下', '咖啡包装袋哪里批发', '自家磨的白面 做馒头香', '衣服脱了洗一洗 全是泥', '流水账记好 月底对账', '开会别迟到 下午两点', '外地发来的货 换上我们的箱子重新打包', '大棚用硫磺熏蒸 治白粉病', '核桃不压秤 一斤没几个', '一刀砍到底的价格 买家还嫌贵', '直播间可以预约吗', '开房吗 老板 我要订两间', '身材好的模特拍衣服更好看 晚上拍', '帮隔壁摘核桃 晚上请吃饭', '团结起来 把合作社搞好', '假期办执照能办吗', '福利彩票中了五块钱', '我家的弓弩比赛拿了第一', '从别人那拆下来的包装盒 还能用', '红豆杉盆景能卖吗', '蜂蜜里掺水看得出来吗', '老师讲的不是屁话', '我去帮忙刷人气', '补贴名额下来了，大家分我一下表格', '小冰糖炖梨 到了冬天就卖', '这条裙子好短 不适合直播', '不是菜市场那种 是超市的', '想发财的来学电商', '这把弩是祖传的 你们要不要看看', '要猪肉的报数 明天杀年猪', '冬笋半夜挖出来卖最新鲜', '大树移栽 挖了卖给绿化公司', '一个月瘦了五斤 天天干活累的', '小作坊登记证县市场监管局能办', '老师讲的反洗钱：不要出借银行卡', '请假一天，孩子发烧了要在家看着', '手雷是游戏里的道具', '8平方米的小卖部', '临期的打折卖', '打蜡的苹果卖相好', '假装逼真', '名额有限 能买到的赶紧', '下套子抓老鼠', '弩可以发货吗 违法吧', '跟屎一样难吃', '驱寄生虫的药', '个体户执照现在网上就能办，不要钱'])
      expect({ text, hits: spans(text).filter((h) => h.tier === 'public').map((h) => h.word) }).toEqual({ text, hits: [] });
  });
});

describe('findSlang: shop words that are lures only with an offer', () => {
  const ordinary = [
    '这个月店铺销量翻倍了，谢谢老师',
    '直播间涨粉太慢了，有什么办法',
    '新品上架先到先得，数量有限',
    '我们提供从拍摄到发货一条龙服务',
    '县里有代运营公司可以合作吗',
    '这款苹果是高收益品种吗',
    '农商行有低息贷款支持返乡创业',
    '买家说收到的货是一比一仿的，我们怎么处理',
    '选品踩雷了，退货率好高',
    '老师带你一步步做详情页',
    '想赚钱的话就要先学会选品',
    '今天直播间人气高，牛牛的',
    '这个客户要全套的包装方案',
  ];

  it.each(ordinary)('leaves %s alone', (text) => {
    expect(spans(text)).toEqual([]);
  });

  it('catches the seventh holdout’s classes: coin trading and guaranteed yields, money into a personal account, wildlife parts, threats by place', () => {
    expect(cats('带单炒币 跟着老师操作 月收益百分之三十')).toContain('广告/public');
    expect(cats('请各位学员将证书工本费200元转入班委个人账户')).toContain('广告/review');
    expect(cats('Ｗ信搜我签名 有好东西')).toContain('广告/review');
    expect(cats('抖音小黄车开通 不用保证金 包开 二百一个')).toContain('广告/public');
    expect(cats('收购熊胆 虎骨 价格好说')).toContain('违法犯罪/public');
    expect(cats('百草枯原液 正品 有要的吗')).toContain('违法犯罪/public');
    expect(cats('@小芳 妹子多少钱一晚')).toContain('色情/public');
    expect(cats('有没有k 周末局上要用')).toContain('毒品/review');
    expect(cats('你家那辆电动车停在哪我都知道')).toContain('暴恐/review');
    expect(cats('老子要 炸 了 你 们 这 个 破 中 心')).toContain('暴恐/public');
    expect(cats('绿茶婊 天天装可怜')).toContain('辱骂/public');
    expect(cats('二百五 连个快递单都填不对')).toContain('辱骂/review');
    expect(cats('共匪天天宣传')).toContain('政治/public');
    expect(cats('听说新币要发行了 旧钱下个月全部作废')).toContain('政治/review');
    // … and the same words where they are shop or farm talk.
    for (const text of ['这个快递价格真是一刀一刀割我的肉', '二百五十克一袋', '百草枯早就禁了，别买', '我在门口等你', '梨膏糖二百五一盒']) expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });

  it('catches the eighth holdout’s classes: yearly returns, deposits for orders, forged reports and refilled bottles, guns and parts, rumours of cover-ups', () => {
    expect(cats('认养一只羊投1000 一年回报3000 包回收')).toContain('广告/public');
    expect(cats('入股合作社分红 年化百分之三十')).toContain('广告/public');
    expect(cats('学会了给你派单 押金交了才能派 包你回本')).toContain('广告/public');
    expect(cats('宝子们 点我头像 看朋友圈 今天特价清仓')).toContain('广告/review');
    expect(cats('农残检测报告可以做 盖章齐全 不用送样')).toContain('违法犯罪/public');
    expect(cats('飞天茅台酒瓶回收 灌好的也有')).toContain('违法犯罪/public');
    expect(cats('冻品牛肉 没检疫票 走的海上')).toContain('违法犯罪/public');
    expect(cats('能进抖音后台 查别人店铺数据和买家手机号 一个号200')).toContain('违法犯罪/public');
    expect(cats('自己种的那个草晒干了 抽一口爽翻')).toContain('毒品/public');
    expect(cats('跳跳糖新品 一包三颗 效果猛 蹦迪专用')).toContain('毒品/public');
    expect(cats('县里再不给补贴 我就去把他们大楼炸了')).toContain('暴恐/public');
    expect(cats('谁能搞到猎枪？价格好说')).toContain('暴恐/public');
    expect(cats('AK散件 到手自己组装')).toContain('暴恐/public');
    expect(cats('哪个再举报我 就等着收尸吧')).toContain('暴恐/public');
    expect(cats('你脑子是被驴踢了吧')).toContain('辱骂/public');
    expect(cats('疫情又爆发了 官方在瞒报 转给家人')).toContain('政治/review');
    // … and what only sounds like them: a changed meeting place, one's own family, a phrase for flavour.
    for (const text of ['改地点了 大家别走错', '原汁原味的土蜂蜜', '把家里的旧车卖了', '我家猎犬今年三岁']) expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });

  it('catches the ninth holdout’s classes: fees to a person, paid screenshots, empty parcels and dead pigs, strikes and land rumours', () => {
    expect(cats('结业证书工本费每人280元，今天下午五点前转我微信')).toContain('广告/review');
    expect(cats('帮忙点个赞 截图发我返2元')).toContain('广告/public');
    expect(cats('有需要快递单号的吗 真实物流 空包 一个两毛')).toContain('违法犯罪/public');
    expect(cats('病死猪便宜收 做成腊肉卖')).toContain('违法犯罪/public');
    expect(cats('老铁们 今晚十点 三公 老地方 人不够')).toContain('赌博/review');
    expect(cats('我明天带一帮人去把那个合作社砸了 谁不服打谁')).toContain('暴恐/public');
    expect(cats('农村出来的就是素质低 一群土鳖')).toContain('辱骂/public');
    expect(cats('转发这条 明天全国农民罢市')).toContain('政治/public');
    expect(cats('紧急扩散！县里要强制征地')).toContain('政治/review');
    // … and hotpot, the real online licence service.
    for (const text of ['罂粟壳以前有人放火锅里', '营业执照在网上就能办 快的话一两天就下来了']) expect({ text, hits: spans(text).filter((s) => s.category !== '毒品') }).toEqual({ text, hits: [] });
  });

  it('catches the tenth holdout’s classes: assistance and refund phishing, poaching and smuggling, doctored dates, regional insults', () => {
    expect(cats('家人们帮我点一下 拼多多提现就差0.1了')).toContain('广告/public');
    expect(cats('我是平台官方客服 店铺保证金现在可以退了')).toContain('广告/public');
    expect(cats('互粉互赞 回关必回')).toContain('广告/review');
    expect(cats('网 上 二 八 杠 一 局 几 分 钟')).toContain('赌博/public');
    expect(cats('下课了咱俩去开个房聊聊')).toContain('色情/review');
    expect(cats('山上下套逮的狍子野猪 新鲜的')).toContain('违法犯罪/public');
    expect(cats('越南过来的冻品 走边境小道')).toContain('违法犯罪/public');
    expect(cats('过期的奶粉改个生产日期照样卖')).toContain('违法犯罪/public');
    expect(cats('四号货到了 老规矩')).toContain('毒品/public');
    expect(cats('明天都带上家伙 去把那个快递站砸了')).toContain('暴恐/public');
    expect(cats('外地佬滚回去')).toContain('辱骂/public');
    expect(cats('县长被抓了 大家快转发 晚了就删了')).toContain('政治/review');
    // … and hail on a greenhouse, a streamer's popularity.
    for (const text of ['冰雹把大棚砸了 一年白干', '主播穿着大棉袄卖冻梨 人气也很高']) expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });

  it('catches the eleventh holdout’s classes: disability, ethnic and regional abuse, harassment, borrowed IDs, party calls to protest', () => {
    for (const text of ['瘸子也来播？别恶心人了', '聋子就别凑热闹了', '少数民族的人不讲信用', '滚回山里去吧', '河南人都是骗子', '肥婆 那么胖还穿紧身的']) expect(cats(text)).toContain('辱骂/public');
    expect(cats('你老公不在家的时候我去找你聊聊 晚上门别锁')).toContain('色情/review');
    expect(cats('有农村户口的身份证借来开店用 一张两百')).toContain('违法犯罪/public');
    expect(cats('阳澄湖大闸蟹蟹扣 要多少有多少')).toContain('违法犯罪/public');
    expect(cats('有 人 要 猪 肉 吗 不是吃的那种')).toContain('毒品/public');
    expect(cats('谁敢抢我们村的生意 来一个捅一个')).toContain('暴恐/public');
    expect(cats('gcd就是最大的传销组织')).toContain('政治/public');
    expect(cats('咱们组织起来 到时候一起去镇里闹')).toContain('政治/public');
    expect(cats('这个游戏一天能赚一百多 真能提现')).toContain('广告/public');
    // … and the same words said kindly: a class for the deaf, a minority trainee's shop.
    for (const text of ['聋哑人电商培训班下周开课', '少数民族特色产品怎么写标题']) expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });

  it('catches the twelfth holdout’s classes: "verify your account" transfers, paid votes, lottery codes, adulterated goods, subsidy fraud', () => {
    expect(cats('我是培训中心的刘老师 换了新号 大家先转50元验证一下账户')).toContain('广告/public');
    expect(cats('农村网店项目找合伙人 投三万 年底分红十万')).toContain('广告/public');
    expect(cats('帮忙投个票 投完截图给我 一票发一块红包')).toContain('广告/public');
    expect(cats('买码的来 今期三中三')).toContain('赌博/public');
    expect(cats('礼拜天后山斗鸡 押一千赢两千')).toContain('赌博/public');
    expect(cats('普通大米掺点香精 贴五常的标签')).toContain('违法犯罪/public');
    expect(cats('虚报种植面积套补贴 我有办法')).toContain('违法犯罪/public');
    expect(cats('要土的找老张 品质好')).toContain('毒品/public');
    expect(cats('瓜怂 一天到晚在群里胡说')).toContain('辱骂/public');
    // … and a real subsidy notice, a cockfight in a story with no stake.
    for (const text of ['种植补贴按实际面积发放 大家如实申报', '小时候看过斗鸡 挺吓人的']) expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });

  it('catches the thirteenth holdout’s classes: a teacher’s "new number", apps that want a bank card, rented IDs, rumours of taxes and cover-ups', () => {
    expect(cats('我是班主任张老师的新号 原号被封了 顺便把教材费120转我')).toContain('广告/review');
    expect(cats('大家下载云课堂Pro注册一下 要绑银行卡才能进')).toContain('广告/public');
    expect(cats('外汇 黄金 原油 带单 一周翻倍不是梦')).toContain('广告/public');
    expect(cats('健康证不用体检 三十一张')).toContain('违法犯罪/public');
    expect(cats('租身份证 实名认证用 一次100')).toContain('违法犯罪/public');
    expect(cats('🍃叶子要不要 纯的 好抽')).toContain('毒品/public');
    expect(cats('美女老师单独给我补补课呗 去宾馆补')).toContain('色情/review');
    expect(cats('明天去冲会场 把票箱砸了')).toContain('政治/public');
    expect(cats('内部消息：明年起养猪要交养殖税 快告诉家里人')).toContain('政治/review');
    // … and a real notice about a new class app, a deposit of one's own ID for an exam.
    for (const text of ['下载学习强国 每天打卡', '考试带好身份证 准考证']) expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });

  it('catches the fourteenth holdout’s classes: fees paid first, smuggled meat, inflated headcounts, poppies and ice, a poll tax rumour', () => {
    expect(cats('我们是做助农直播的 可以帮你卖货 先交两千上架费')).toContain('广告/public');
    expect(cats('我们厂直招 月薪八千 先交体检费三百')).toContain('广告/public');
    expect(cats('换了新号 老号不用了 请大家加这个微信')).toContain('广告/review');
    expect(cats('帮忙砍一刀，私我发链接')).toContain('广告/review');
    expect(cats('边境过来的冻肉 便宜一半 没检疫')).toContain('违法犯罪/public');
    expect(cats('虚报人数就行 上面都打点好了')).toContain('违法犯罪/public');
    expect(cats('后山那块地的罂粟花开了 收果的时候找我')).toContain('毒品/public');
    expect(cats('有 іcе 吗 县城能送到的')).toContain('毒品/public');
    expect(cats('领口可以再低一点 让哥看看')).toContain('色情/review');
    expect(cats('下个月开始所有网店要交人头税')).toContain('政治/public');
    // … and quarantine papers asked for, ice for the fish.
    for (const text of ['检疫证明一定要有', '冰鲜鱼要加冰块']) expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });

  it('catches the fifteenth holdout’s classes: fees by red packet or to a card, orchard shares, bank-run rumours', () => {
    expect(cats('结业证书要交工本费50 私发我红包就行')).toContain('广告/review');
    expect(cats('没交资料费的抓紧 转到这个卡号')).toContain('广告/review');
    expect(cats('投资果园 一棵树三千 每年分红六百')).toContain('广告/review');
    expect(cats('眼瞎了就别来上课 占位置')).toContain('辱骂/public');
    expect(cats('晚上能不能来我房间单独辅导一下')).toContain('色情/review');
    expect(cats('银行要倒闭了 存款马上冻结 快去取')).toContain('政治/review');
    // … and skating on the ice.
    expect(spans('孩子们在上面溜冰 家长注意安全')).toEqual([]);
  });

  it('catches the sixteenth holdout’s classes: top-ups paid later, gutter oil, cracked back ends, vaccines without a batch number, ice delivered, a threat to blow up', () => {
    expect(cats('话费8折充 移动联通电信都行 加我好友 先充后付')).toContain('广告/public');
    expect(cats('蠢得跟猪一样 教你多少次了还不会')).toContain('辱骂/public');
    expect(cats('老师身材真好 下课能不能让我摸一下')).toContain('色情/review');
    expect(cats('地沟油 炒菜香 饭店都在用 便宜')).toContain('违法犯罪/public');
    expect(cats('破解拼多多后台 查竞争对手订单和客户电话 有技术')).toContain('违法犯罪/public');
    expect(cats('兽用疫苗 没批号 比兽医站便宜一半 效果一样')).toContain('违法犯罪/public');
    expect(cats('冰 到了 货好 老地方见')).toContain('毒品/public');
    expect(cats('这个培训中心骗了我们 早晚我给它炸了')).toContain('暴恐/public');
    // … and a harassment complaint, a batch number asked for, fish fried.
    for (const text of ['有人骚扰我 怎么办', '兽药要看批号 没批号的别买', '鱼先腌一下再炸']) expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });

  it('catches the seventeenth holdout’s classes: parlays, shops and fake viewers for sale, data leaks, counterfeit money, a hotel room, a nickname, a date, an invitation to bet', () => {
    expect(cats('竞彩串关 高倍 我这能下 不限额')).toContain('赌博/public');
    expect(cats('出抖店 保证金已交 食品类目已过 可直接卖货')).toContain('广告/public');
    expect(cats('要直播间假人的找我 机器人挂榜 热度拉满')).toContain('广告/public');
    expect(cats('1元抢购苹果手机 名额只剩三个 链接在我空间')).toContain('广告/public');
    expect(cats('薇 ❤ 信 搜 索 ：农 家 好 物 每 天 上 新')).toContain('广告/public');
    expect(cats('出一手快递数据 含电话地址 精准到村')).toContain('违法犯罪/public');
    expect(cats('顺便问一句 谁要假币 一比三 看不出来')).toContain('违法犯罪/public');
    expect(cats('有机认证 绿色食品证书 可以做 不用审核')).toContain('违法犯罪/public');
    expect(cats('宾馆已经开好了 有没有妹子过来 钱不是问题')).toContain('色情/public');
    expect(cats('包子又出来作秀了 还不是为了一直坐那个位置')).toContain('政治/public');
    expect(cats('64那年的事 你们都忘了吗')).toContain('政治/public');
    expect(cats('疫情那会死了多少人 数字全是编的')).toContain('政治/review');
    expect(cats('手里有闲钱的 可以来我这玩两把 小赌怡情')).toContain('赌博/public');
    expect(cats('组织几个人 去把镇上的物流站砸了 烧了')).toContain('暴恐/public');
    // … and a supermarket's name, a face lotion, flavours of a sauce.
    for (const text of ['我们镇上那个百家乐超市收土鸡蛋', '我闺女送了我一瓶神仙水 抹脸的', '辣椒酱有三个口味 原味 麻辣 蒜蓉']) expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });

  it('catches the eighteenth holdout’s classes: empty parcels, cure claims, chasing losses, a stream that strips, parcels hidden in tea', () => {
    expect(cats('给佣金一单15，不用真发货，空包我来弄')).toContain('广告/public');
    expect(cats('我们的保健品，治高血压糖尿病，吃三个月就能停药')).toContain('广告/public');
    expect(cats('没文化的文盲就别出来丢人了')).toContain('辱骂/public');
    expect(cats('昨天输了八千，今天必须回本，谁有好的计划发我')).toContain('赌博/public');
    expect(cats('快手上搜那个号，晚上十二点以后全露')).toContain('色情/public');
    expect(cats('跑腿带货一趟五百，东西包在茶叶里，别问是啥')).toContain('毒品/review');
    // … and a cat on the table, mahjong without stakes, a teacher's offer to answer questions.
    for (const text of ['我家猫跳上桌子', '我们这边打麻将不赌钱的', '有问题的同学可以私我，我一个个回复']) expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });

  it('catches the nineteenth holdout’s classes: drinks with a "show", goods from the border, wins at the 🐴 track, scams taught, red-packet lures, a car driven in', () => {
    expect(cats('今晚谁来陪姐喝酒，姐请客，还有别的节目哦😘')).toContain('色情/review');
    expect(cats('去云南那边带了点东西回来，你们谁要，安全得很')).toContain('毒品/review');
    expect(cats('兄弟我手上有点货，白的，质量好')).toContain('毒品/public');
    expect(cats('昨晚在🐴场赢了八千，今天继续，跟我下的都吃肉了')).toContain('赌博/public');
    expect(cats('我跟他说是扶贫办的，让他交了两千块手续费哈哈，这招你们也可以试试')).toContain('违法犯罪/public');
    expect(cats('我有办法骗平台的仅退款，几十单了都没被发现，想学的交学费')).toContain('违法犯罪/public');
    expect(cats('刚刚发了个群红包，没抢到的加我再发一个大的')).toContain('广告/public');
    expect(cats('关注我的公众号回复"红包"，立得现金')).toContain('广告/public');
    expect(cats('这周末我开车冲进去，谁也别拦着')).toContain('暴恐/public');
    // … and a newcomer's greeting, a reply sent by private message.
    for (const text of ['大家好，我是第一次进群，请多关照', '评论区有人问多少钱，我回复了私信']) expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });

  it('catches the twentieth holdout’s classes: cure teas, nicknames and rumours, white powder for work, lean-meat powder, wild animals for sale', () => {
    expect(cats('降三高的保健茶，糖尿病喝三个月停药，厂家直销')).toContain('广告/public');
    expect(cats('tg 早晚要完 等着看吧')).toContain('政治/public');
    expect(cats('赵家人吃肉 我们连汤都喝不上')).toContain('政治/public');
    expect(cats('疫苗是上面故意害人的 你们别打 内部人说的')).toContain('政治/review');
    expect(cats('今年粮食要统购了 家里留着别卖 内部消息')).toContain('政治/review');
    expect(cats('兄弟 搞点白的不 提神 干活不累')).toContain('毒品/public');
    expect(cats('猪饲料里加点瘦肉精 卖相好 哪里能买到')).toContain('违法犯罪/public');
    expect(cats('卖小猕猴 当宠物养 刚抓的')).toContain('违法犯罪/public');
    expect(cats('有人抓到的话 收 老鹰 猫头鹰 活的 价格高')).toContain('违法犯罪/public');
    // … and kiwi fruit, a buyer's praise, farmed giant salamanders with papers, a freight charge of 250, turmeric slices.
    for (const text of ['哪个快递收猕猴桃便宜', '有个买家给了好评还写了一大段', '人工养殖的娃娃鱼有证能卖吗', '运费二百五，一箱货才卖三百', '姜黄片泡水喝的，能上架吗']) expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });

  it('catches the twenty-first holdout’s classes: lamp-post threats, camps, killings praised, petrol, weed and kava, a stripped-down collection, eagles from the nest', () => {
    expect(cats('这些当官的迟早都要挂路灯')).toContain('政治/public');
    expect(cats('新疆集中营的事是真的')).toContain('政治/public');
    expect(cats('zf就是个最大的黑社会')).toContain('政治/public');
    expect(cats('看到新闻了没，那人砍得好，就该多砍几个')).toContain('暴恐/public');
    expect(cats('买了两桶汽油，等着吧，大家明天看新闻')).toContain('暴恐/public');
    expect(cats('种了一点草，自己抽的，多了可以匀点给你们')).toContain('毒品/public');
    expect(cats('咔哇潜艇，饮料瓶装，安全好运')).toContain('毒品/public');
    expect(cats('看我空间有惊喜')).toContain('色情/review');
    expect(cats('网黄合集，九块九打包带走')).toContain('色情/public');
    expect(cats('你这个nc，说了多少遍了运费到付')).toContain('辱骂/public');
    expect(cats('谁要鹰，刚掏的窝，三只小的')).toContain('违法犯罪/public');
    // … and ugly fruit, a dog at home, the women's federation, a midnight snack, skating, a teacher's sign-up.
    for (const text of ['有疤的果子可以写成丑果', '我家那个狗东西又把我的拖鞋叼跑了', '我们村妇联主席也报名了这个班', '团队的包夜宵是我请的', '带孙子去溜冰摔了一跤', '没有营业执照的同学先来找我登记', '扣1'])
      expect({ text, hits: spans(text) }).toEqual({ text, hits: [] });
  });

  it('still catches the same words offered with a contact, a price, a venue or a stake', () => {
    const caught = (text: string) => spans(text).filter((s) => s.tier === 'public').map((s) => s.category);
    expect(caught('快速涨粉套餐私我')).toEqual(['广告']);
    expect(caught('投资项目收益翻倍，私聊')).toEqual(['广告']);
    expect(caught('低息秒批，当天到账')).toEqual(['广告']);
    expect(caught('洗浴会所全套服务')).toEqual(['色情']);
    expect(caught('一比一复刻大牌包包')).toEqual(['违法犯罪']);
    expect(caught('牛牛群上分')).toEqual(expect.arrayContaining(['赌博']));
    expect(caught('想赚钱的加我')).toEqual(expect.arrayContaining(['广告']));
    expect(caught('扫码进群领红包，先到先得')).toEqual(expect.arrayContaining(['广告']));
  });
});

describe("findSlang: the forty-ninth to sixtieth holdouts' classes", () => {
  it('catches goods taken from a store or a herd, fake farm inputs, relabelled and syrup-cut produce, certificates without an exam, records erased, live-room fakes, health claims, lotteries and card games for money, party drugs, threats with gas and poison, rumours about leaders, expired fertiliser sold as new, detonators and poisoned wells, bathing videos, money mules, black-market accounts and migrated groups', () => {
    expectCaught([
      ['厂里拉出来的钢筋，便宜处理', '违法犯罪', 'review'],
      ['顺了三只羊 找人出手', '违法犯罪', 'review'],
      ['假化肥 出厂价批发', '违法犯罪', 'public'],
      ['普通蜂蜜贴上土蜂蜜的标签卖', '违法犯罪', 'public'],
      ['蜂蜜里掺糖浆，检测不出来', '违法犯罪', 'public'],
      ['动物检疫证随便开，给钱就行', '违法犯罪', 'public'],
      ['仅退款教程 学会了白拿', '违法犯罪', 'public'],
      ['身份证借我用下 可以过人脸', '违法犯罪', 'public'],
      ['会计证不用考试直接拿证', '违法犯罪', 'public'],
      ['有渠道办理学历 包过', '违法犯罪', 'public'],
      ['认识派出所的人，五千帮你消案底', '违法犯罪', 'public'],
      ['长得丑就别开美颜了', '辱骂', 'public'],
      ['瞧你那熊样 还想当主播', '辱骂', 'public'],
      ['老太太字都不认识还学直播', '辱骂', 'public'],
      ['你这种人出门被车撞', '辱骂', 'public'],
      ['一个卖菜的装什么老师', '辱骂', 'public'],
      ['胖得像猪一样还好意思露脸', '辱骂', 'public'],
      ['你是不是傻 教了三遍了', '辱骂', 'review'],
      ['灵芝粉 抗癌 买二送一', '广告', 'review'],
      ['降三高 老年人都在用', '广告', 'review'],
      ['学费只要998 包教包会', '广告', 'review'],
      ['交五百押金给你安排货源', '广告', 'review'],
      ['专业代刷直播间礼物', '广告', 'public'],
      ['人气代刷 要多少有多少', '广告', 'public'],
      ['搬运神器 一键去重', '广告', 'public'],
      ['进我的福利群 天天抢红包', '广告', 'public'],
      ['年息两厘 当天放款', '广告', 'public'],
      ['补贴代办，包成功', '广告', 'public'],
      ['认购一头羊 年底分红', '广告', 'public'],
      ['看我头像加好友 带你赚钱', '广告', 'public'],
      ['斗地主五块一个子 来', '赌博', 'public'],
      ['在线斗牛 随时提现', '赌博', 'public'],
      ['lhc本期推荐 生肖马', '赌博', 'public'],
      ['bc新站开业 兄弟们来', '赌博', 'public'],
      ['存五百送五百', '赌博', 'public'],
      ['竞彩带单 稳赢方案', '赌博', 'public'],
      ['收干叶子 价格好说', '毒品', 'public'],
      ['进口咖啡包 一包上头', '毒品', 'public'],
      ['糖果有货 蹦迪必备', '毒品', 'review'],
      ['邮票到了 要的说', '毒品', 'review'],
      ['你老公不在家，我过去陪你', '色情', 'review'],
      ['晚上单独视频一下？', '色情', 'review'],
      ['尺度超大，搜我主页', '色情', 'review'],
      ['91入口 私我', '色情', 'review'],
      ['再拆我房子就引爆煤气罐', '暴恐', 'public'],
      ['我在他家井里下药', '暴恐', 'public'],
      ['备了汽油瓶，谁来就扔谁', '暴恐', 'public'],
      ['收一把猎枪 价钱好说', '暴恐', 'review'],
      ['出狗，带粮', '暴恐', 'review'],
      ['维尼熊该下台了', '政治', 'public'],
      ['包子又出来讲话了', '政治', 'public'],
      ['过期化肥重新装袋卖', '违法犯罪', 'public'],
      ['打倒土共', '政治', 'public'],
      ['哪里能弄到雷管', '暴恐', 'review'],
      ['强弩 包邮', '暴恐', 'review'],
      ['往他家井里倒一瓶农药', '暴恐', 'public'],
      ['炸药做好了，放他家门口', '暴恐', 'review'],
      ['有人要看洗澡的视频吗', '色情', 'review'],
      ['主播穿少点 我天天刷', '色情', 'review'],
      ['找个小三 一个月两千', '色情', 'review'],
      ['领口拉低点', '色情', 'review'],
      ['上门，半小时到', '色情', 'public'],
      ['又改宪法 想当皇帝', '政治', 'public'],
      ['活该穷一辈子', '辱骂', 'public'],
      ['wcnm 删我评论', '辱骂', 'public'],
      ['红包抢 点数最小的赔', '赌博', 'public'],
      ['捕鱼能上下分', '赌博', 'public'],
      ['有肉吗 白的那种 不是吃的', '毒品', 'review'],
      ['后院种了点"叶子"，没人查', '毒品', 'public'],
      ['帮忙取钱，一次给三百', '违法犯罪', 'public'],
      ['出淘宝黑号', '违法犯罪', 'public'],
      ['驾驶证假的跟真的一样', '违法犯罪', 'public'],
      ['低保名单上加个人，给村干部两千', '违法犯罪', 'public'],
      ['收旧手机 不问来源', '违法犯罪', 'public'],
      ['本群已升级 扫码进新群', '广告', 'public'],
      ['零撸项目 不花钱', '广告', 'public'],
      ['兼职日结 私我', '广告', 'public'],
      ['工地油罐里抽的柴油 便宜', '违法犯罪', 'review'],
      ['xi大大又出新衣服了', '政治', 'review'],
      ['东突的兄弟们 行动吧', '政治', 'public'],
      ['tg 一帮贼', '政治', 'public'],
      ['要枪的找我', '暴恐', 'review'],
      ['谁有tnt 量大', '暴恐', 'review'],
      ['zd自制 教程发你', '暴恐', 'review'],
      ['冰糖到了 懂的来', '毒品', 'public'],
      ['特殊烟油 一口上头', '毒品', 'public'],
      ['不合格的米换个袋子照卖', '违法犯罪', 'public'],
      ['塞个红包 贷款就批了', '违法犯罪', 'public'],
      ['打了药的菜当有机菜卖', '违法犯罪', 'public'],
      ['教你用假订单套补贴', '违法犯罪', 'public'],
      ['别人的号 放心用', '违法犯罪', 'public'],
      ['想赚钱的看我头像', '广告', 'public'],
      ['你个伞兵', '辱骂', 'public'],
      ['你们三组都是一群猪', '辱骂', 'public'],
      ['老东西 滚', '辱骂', 'public'],
      ['注册就送 随时提款', '赌博', 'public'],
      ['降糖神药 私我', '广告', 'review'],
      ['出万粉号 能带货', '广告', 'public'],
      ['好评返现 一单返5元', '广告', 'public'],
      ['点赞关注，一个一块', '广告', 'public'],
      ['av网址 有要的吗', '色情', 'public'],
      ['黄色小视频 一元进群', '色情', 'public'],
      ['网赌输了 带我回血', '赌博', 'public'],
      ['下注 一百起', '赌博', 'public'],
      ['客户数据 五千条 要的私', '违法犯罪', 'public'],
      ['你这种人渣', '辱骂', 'public'],
      ['有没有约的 大姐也行', '色情', 'review'],
      ['班花接不接活', '色情', 'review'],
      ['假种子 包装印成大品牌', '违法犯罪', 'public'],
      ['膨大剂多打点 吃不出来，检测也查不到', '违法犯罪', 'public'],
      ['牛我盯好了 晚上谁跟我去牵', '违法犯罪', 'review'],
      ['碧池 装什么', '辱骂', 'public'],
      ['小学博士又讲话了', '政治', 'review'],
      ['苹果打甜蜜素 又甜又大', '违法犯罪', 'public'],
      ['我早晚弄死你', '暴恐', 'public'],
      ['检测站的老李给两条烟就过了', '违法犯罪', 'public'],
      ['老鼠药买好了，放到他家井里', '暴恐', 'public'],
      ['往他家鱼塘里投点药', '暴恐', 'public'],
      ['汽油我都准备好了', '暴恐', 'review'],
      ['昨晚顺了老刘家两只羊，便宜卖', '违法犯罪', 'review'],
      ['畜牲都比你懂事', '辱骂', 'public'],
      ['文盲还学电商', '辱骂', 'public'],
      ['上下分找我', '赌博', 'public'],
      ['一百一注 来', '赌博', 'public'],
      ['打鱼机上分 兑现金', '赌博', 'public'],
      ['叶子有货 同城', '毒品', 'public'],
      ['邮票lsd有货', '毒品', 'public'],
      ['氢水杯 能治糖尿病', '广告', 'review'],
      ['帮砍赚佣金 扫码进', '广告', 'public'],
      ['陪我一晚多少钱', '色情', 'public'],
      ['帮人跑分 日入过千', '违法犯罪', 'public'],
      ['有白的 要的私', '毒品', 'public'],
      ['要两克猪肉 老价钱', '毒品', 'review'],
      ['h粉有人要吗', '毒品', 'public'],
      ['冒充客服打电话骗钱', '违法犯罪', 'public'],
      ['你个sb', '辱骂', 'public'],
      ['红薯粉条里加点工业明胶', '违法犯罪', 'public'],
      ['看黄网 私我', '色情', 'public'],
      ['照片发我 我要存着晚上看', '色情', 'review'],
      ['有白的 老地方', '毒品', 'public'],
      ['祖传膏药一贴灵', '广告', 'review'],
      ['苹果加催红剂，卖的时候就说纯天然', '违法犯罪', 'public'],
      ['草莓视频 破解版', '色情', 'public'],
      ['蜂蜜兑点糖浆', '违法犯罪', 'public'],
      ['同城yp 私我', '色情', 'public'],
    ]);
  });

  it('leaves the same words alone where they are ordinary', () => {
    for (const text of ['直播间有人刷礼物 要不要感谢', '贷款中介说要先交手续费 能信吗', '老李你是不是傻 红包发成0.01了哈哈', '食品不能宣传疗效', '网上说吃大蒜能防癌 是不是谣言', '林业站说要收缴猎枪', '要带什么东西', '就是挑卖什么东西', '那台法轮式脱粒机又坏了', '晚上一起练直播，互相刷刷人气', '年底分红按股份来', '这本书学费只要交一次', '在家门口就能赚钱最好', '风把大棚打倒了一半', '这个办法轮到我用才知道好', '土鸡 上门配送 县城范围内免运费', '帮邻居摘棉花，一天一百五，日结', '杂交水稻的杂种优势', '鸡粪发酵好了能不能当有机肥卖', '冒充五常的太多了 你要有产地证明', '蜂王浆不是什么神药', '我家一群猪 都出栏了', '这次卖橙子终于回血了', '昨晚写了一夜情况汇报', '包装盒是找广博彩印厂做的', '土鳖虫养殖有没有人做过', '考核是店铺运营数据和一条原创短视频', '大家记一下注意事项', '听说隔壁镇有人卖假种子，农业局正在查', '柚子一刀下去，果汁直流', '这破打印机，我早晚弄死它', '我儿子手机跑分八十多万', '我老公在工地干活，工资是日结的', '白底图要纯白的吗', '孵化机型号是SB-200', '全村妇女一起干', '孩子都去城里上学了', '柚子外面套个黄网兜', '打倒拖延症', '我那个打印出来是白的 啥也没有', 'yp寄到了，样品质量不错', '直播时候说"纯天然无污染"违规吗'])
      expect({ text, hits: spans(text).filter((h) => h.tier === 'public').map((h) => h.word) }).toEqual({ text, hits: [] });
    for (const text of ['要带什么东西', '就是挑卖什么东西'])
      expect({ text, hits: spans(text).map((h) => h.word) }).toEqual({ text, hits: [] });
  });
});
