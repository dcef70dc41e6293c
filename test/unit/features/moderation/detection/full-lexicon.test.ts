import path from 'node:path';
import { REPO_ROOT, SHARED_DIR } from '../../../../support/paths';
import { loadCorpus, scoreCorpus } from '../../../../../bench/moderation/score-corpus';
import { loadRealChat, realChatDir, scoreRealChat, type RealChatScore } from '../../../../../bench/moderation/score-real-chat';
import { createDetector } from '../../../../../src/features/moderation/detection/create-detector';
import { tierOf, type Detector, type ScanMatch } from '../../../../../src/features/moderation/detection/detector';
import { loadLexicon } from '../../../../../src/features/moderation/detection/load-lexicon';

// Everything scored on the full shared lexicon, built once for the file (the build is the slow
// part): the shared corpus, one test per failure class of issue 16 and the real-style chat, all
// with the project's allow-lists (allow.txt, the THUOCL-derived domain-allow.txt), as the bot runs it.
let detector: Detector;
beforeAll(async () => {
  detector = createDetector(await loadLexicon([path.join(SHARED_DIR, 'lexicon/merged/lexicon.jsonl'), path.join(SHARED_DIR, 'lexicon/merged/ads-solicitation.txt')]));
});

function publicHits(text: string): ScanMatch[] {
  return detector.scan(text).matches.filter((m) => tierOf(m) === 'public');
}

/** Each text gets no public hit (the failing text and its hits show in the diff). */
function expectNoPublicHit(texts: readonly string[]): void {
  for (const text of texts) expect({ text, publicly: publicHits(text).map((m) => m.word) }).toEqual({ text, publicly: [] });
}

/** Each text gets at least one public hit. */
function expectPublicHit(texts: readonly string[]): void {
  for (const text of texts) expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: true });
}

describe('issue 16 failure classes', () => {
  it('does not drop a lexicon word without a category: it reaches staff at the review tier', () => {
    const small = createDetector({ entries: [{ word: '哈宝', categories: ['未分类'] }], allow: [] }, { solicitation: false });
    expect(small.scan('哈宝到了')).toEqual({
      flagged: false,
      categories: [],
      matches: [{ word: '哈宝', category: '未分类', start: 0, end: 2, layer: 'exact', tier: 'review', reason: 'uncategorised word' }],
    });
  });

  it('drops a lone 违法犯罪/未分类 word that is an everyday word, and keeps it when something backs it', () => {
    const small = createDetector({ entries: [{ word: '榴莲', categories: ['未分类'] }, { word: '证书', categories: ['违法犯罪'] }], allow: [] }, { solicitation: false });
    expect(small.scan('榴莲到了').matches).toEqual([]);
    expect(small.scan('结业证书下周发').matches).toEqual([]);
    // Two such words over spans of their own, or any other hit, send them to staff.
    expect(small.scan('证书和榴莲都有').matches.map((m) => [m.word, m.tier])).toEqual([
      ['证书', 'review'],
      ['榴莲', 'review'],
    ]);
    expect(small.scan('证书包夜').matches.map((m) => [m.word, m.tier])).toEqual([
      ['证书', 'review'],
      ['sex-services', 'public'],
    ]);
  });

  it('reads a sound-alike whose swapped character leans on the next word, or is a clause-final particle, as ordinary speech', () => {
    // 大吗 for 大麻: 吗 ends the question; 毒拼 for 毒品: 拼 belongs to 拼音.
    expect(publicHits('葡萄能长大吗')).toEqual([]);
    expect(publicHits('他在学毒拼音')).toEqual([]);
    // The same swap inside a clause, or with nothing to lean on, is still a disguise.
    expect(publicHits('有人卖独品吗').map((m) => m.word)).toContain('毒品');
    expect(publicHits('大吗一克多少钱').map((m) => m.word)).toContain('大麻');
  });

  it('folds small capitals and the Cyrillic letters that imitate them', () => {
    const small = createDetector({ entries: [{ word: 'porn', categories: ['色情'] }], allow: [] }, { solicitation: false, slang: false });
    // ᴘ ʀ ɴ are small capitals (ᴏ was folded before); к/м/т/н/в Cyrillic.
    expect(small.scan('看ᴘᴏʀɴ').flagged).toBe(true);
    expect(detector.scan('nмѕl').categories).toContain('辱骂');
    expect(detector.scan('线上ʙᴏᴄᴀɪ稳赚').flagged).toBe(true);
  });

  it('catches slang and contactless solicitation that no list has', () => {
    expect(detector.scan('老地方上分下分，秒到账').categories).toContain('赌博');
    expect(detector.scan('周末一起溜冰啊').categories).toContain('毒品');
    expect(detector.scan('群里的朋友私我领取红包').categories).toContain('广告');
    expect(detector.scan('再说一句弄死你').categories).toContain('暴恐');
  });

  it('folds lookalike letters from other scripts: Cyrillic, Greek, full-width, mathematical alphanumerics', () => {
    const small = createDetector({ entries: [{ word: 'porn', categories: ['色情'] }], allow: [] }, { solicitation: false, slang: false });
    // р Cyrillic er, о Cyrillic o; Ρ Greek rho, Ο Greek omicron, Ν Greek nu; full-width; bold maths.
    for (const text of ['看рorn', '看pоrn', '看ΡΟRΝ', '看ｐｏｒｎ', '看𝐩𝐨𝐫𝐧']) expect({ text, flagged: small.scan(text).flagged }).toEqual({ text, flagged: true });
    // Ϲ (Greek lunate sigma) is a C: NFKC alone would make it σ and read it as o.
    expect(detector.scan('Ϲnm，滚').categories).toContain('辱骂');
  });

  it('does not flag farm and shop vocabulary that contains or sounds like a listed word', () => {
    for (const text of ['草莓白粉病怎么治', '豌豆蛋白粉上架了', '主图要突出卖点，背景干净一点', '我们卖冰糖橙，一斤五块', '大麻花今天发货', '打底裤的链接发我'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    // Veterinary drugs (收药), pear scab (性病), a fruit-swelling regulator (集会 across 剂会): the hand-checked farm words.
    for (const text of ['兽药也能在网上卖吗', '梨树黑星病', '西瓜打了膨大剂会不会炸']) expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    // Pesticides (甲基 as the drug), cold-chain packing (加冰 across 加/冰袋), a platform inspection
    // (被查 heard as 被插), and network and telecom words the lexicon lists as 广告 or 政治.
    for (const text of ['多菌灵和甲基托布津能一起用吗', '生鲜要用泡沫箱加冰袋', '平台严禁刷单炒信，被查到直接封店', '开播前要测试网络', '我们用的是中国移动的卡', '明早八点门口集合']) {
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    }
    // … while the listed words still act where they are not part of those words.
    expect(publicHits('有人要加冰吗').map((m) => m.word)).toContain('加冰');
  });

  it('hears no sound-alike in a verb and its particle or in three swapped characters, and reads farm and echo context', () => {
    // 了 ends almost any verb: 试了 is no 湿了. Three characters that all merely sound like a name are chance.
    for (const text of ['今晚直播我试了下，才20个人在线', '快递压坏了三箱鸡蛋，理赔要拍什么照片']) expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    // A 色情 word right after a farm animal is livestock talk; a listed word written again inside an allowed word is that thing.
    for (const text of ['母猪发情了，明天请配种员过来', '黄瓜白粉病用什么药？叶子上全是一层白粉']) expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    // … and the same words still act on their own.
    expect(publicHits('今晚想看发情的视频').map((m) => m.word)).toContain('发情');
    expect(publicHits('有白粉卖吗').map((m) => m.word)).toContain('白粉');
  });

  it('hears no sound-alike of an allowed word in Han characters, and leaves halves of two words alone', () => {
    // 信号 is on the allow-list: 新号 (a new account) sounds like it and is shop talk.
    expect(publicHits('新号起号前三天要不要付费投流')).toEqual([]);
    // 氵去 is 法 split into its parts: 谁去 only sounds like it. 件人 lies inside 收件人, a parcel word.
    for (const text of ['明天谁去县里，帮我捎一捆快递袋', '上门取件的话收件人写合作社的地址']) expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    // Three characters holding an everyday word that takes in the swapped one: 渔民 in 渔民证, 讲台 in 讲台上.
    for (const text of ['渔民证同船证要年审，大家留意', '考试期间手机静音放在讲台上', '大兄弟 你说的那个配件到了没']) expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    // A name right after @ is a member's name as the platform shows it.
    expect(publicHits('【考勤】以下学员缺勤两次：@张桂兰 @李建国，请说明原因')).toEqual([]);
    // An uncategorised word cut by segmentation is no note: 鸡店 in 大盘鸡/店, 土鸡/店.
    expect(detector.scan('大盘鸡店的老板也来上课了').matches).toEqual([]);
    // 肉香 across 腊肉/香肠: not even a note to staff.
    expect(detector.scan('腊肉香肠今年做了八百斤').matches).toEqual([]);
    // Stock and hiring words of a shop.
    for (const text of ['毛尖的包装袋下周三到货', '砂糖橘秒杀九块九一斤，限量五百单', '店铺招聘一个客服']) expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
  });

  it('drops a two-character hit inside one longer word, and still reviews one reaching into a neighbouring word', () => {
    // 白粉 inside 白粉病 (a plant disease): nothing at all, not even a note to staff.
    expect(detector.scan('葡萄叶子上有白粉病').matches.filter((m) => m.word === '白粉')).toEqual([]);
    // 干鸡 across 风干/鸡 reaches into a neighbouring word: staff review it.
    expect(detector.scan('风干鸡腌了二十天了').matches.filter((m) => m.word === '干鸡').map((m) => [m.tier, m.reason])).toEqual([['review', 'cuts through two words']]);
    // 出卖 across 突出/卖点 is the halves of two words: nothing at all.
    expect(detector.scan('突出卖点').matches.filter((m) => m.word === '出卖')).toEqual([]);
  });

  it('hears no sound-alike in an opening exclamation, and takes holidays, alarms and halal food for what they are', () => {
    // 草 written apart at the start is an exclamation, not 操 paired with the next word …
    expect(publicHits('草 我的店铺又被限流了')).toEqual([]);
    // … while a sound-alike written apart in mid-sentence is still the disguise it is.
    expect(publicHits('这价格是不是太高了杀 逼').length).toBeGreaterThan(0);
    for (const text of ['祝大家国庆快乐 生意兴隆', '民宿国庆房间都订满了', '鱼塘要装断电报警', '有清真窗口的', '去年卖得爆炸 今年竞争太大了', '阿拉的茭白老嫩的'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
  });

  it('takes sizes, towns, crops, drugs for livestock, lottery shops and reports to the police for what they are', () => {
    for (const text of ['棉袜有成人码和儿童码', '成人纸尿裤有人有货源吗', '海宁大麻镇的蚕丝被', '小猪去势要不要打麻药', '福彩店老板也来学直播了 你是想卖彩票吗', '怎么防止快递暴力分拣', '干干净净的包装', '全套茶具268', '我表姐被刷单骗了八千多 报警了到现在也没追回来', '我儿子在日本读书', '柑橘大实蝇今年也特别多', '侬晓得伐 阿拉也在学'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    // … while the listed words still act on their own.
    expect(publicHits('有大麻卖吗').length).toBeGreaterThan(0);
    expect(publicHits('日本的💰命根').length).toBeGreaterThan(0);
  });

  it('reads a wording quoted to ask about the rules, and a joke told on oneself, as no violation', () => {
    for (const text of ['抖音说"加微信"会被判引流 那怎么让老客户回购', '平台规则原文："不得发布涉及枪支弹药、管制刀具、毒品及吸毒工具的商品信息"', '那我说“农家自产 原汁原味”可以吧', '我老公说我神经病 哈哈'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    // A quotation with no talk of rules is an offer like any other; so is an insult aimed at someone.
    expect(publicHits('"加微信"领红包').length).toBeGreaterThan(0);
    expect(publicHits('你就是个神经病').map((m) => m.word)).toContain('神经病');
    // 说我…的标题有极限词 reports a platform's verdict on a listed word; it does not take it back.
    expect(publicHits('后台显示违规，说我美白精tNNd华的标题有极限词').length).toBeGreaterThan(0);
  });

  it('reads the name of a sign-in as a name, and two words’ halves across a space as nothing', () => {
    for (const text of ['签到，陈建国，退休前在乡里干了三十年', '补签 梁大壮 刚喂完牛', '这种叫"猜猜我是谁" 专骗老年人 大家回去跟家里老人说说'])
      expect({ text, hits: detector.scan(text).matches.filter((m) => m.layer !== 'model') }).toEqual({ text, hits: [] });
    // The same name said elsewhere in a message is still what the lexicon says it is.
    expect(publicHits('陈建国下台').length).toBeGreaterThan(0);
  });

  it('takes a denial, news of a sentence, an anti-drug class and a crime by its legal name for reports', () => {
    for (const text of ['刚才打错字了 是杀鱼不是杀人😂', '我们村有个人玩网上百家乐 把房子都输了', '派出所说了 带彩头的聚众赌博要处理', '我隔壁村的小伙子 卖自己银行卡 五百块一张 结果被抓了 判了', '盗版书 盗版课程 别买 县里的课都是免费的', '瘦肉精是禁用的 我们养猪的谁都不许碰', '今天的禁毒宣传课 大家认真听 新型毒品会伪装成奶茶、糖果、邮票', '病死猪千万不能卖 也不能吃'])
      expect({ text, flagged: detector.scan(text).flagged }).toEqual({ text, flagged: false });
    // 你是不是智障 asks nothing: it insults.
    expect(detector.scan('你是不是智障啊，问了八百遍了').categories).toContain('辱骂');
  });

  it('reads rule lists, impersonation warnings, bans and closures as reports, and a word before a space as complete', () => {
    for (const text of ['群规：禁止发赌博、色情、暴力、政治敏感内容，禁止私自拉人建群', '平台禁售清单：枪支弹药、管制刀具、毒品、野生动物及其制品、烟草', '注意！有人冒用咱班主任头像加人 叫交培训费 认准班主任微信号', '甲胺磷早就禁了 谁家还有存货 交到农技站统一回收', '听说县城有家火锅店放罂粟壳 被查封了', '有人私信问我要不要买粉丝 十块钱一千个 买了会不会封号', '课后问题可以加助教微信 号码在群公告', '签到+李建国 今天准时', '明天要去法院处理离婚的事 请假一天', '跟主播六四分成 我六她四 合理不', '小孩被游戏里的人骗了 结果把他妈的钱转走了'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    // A platform's question kept as the shared corpus writes it (返现会不会违规) takes nothing back.
    expect(publicHits('买家秀怎么引导客户晒图，泼 尼 松返现会不会违规').length).toBeGreaterThan(0);
  });

  it('takes ethnic groups, shop terms, heritage sites and jokes on oneself for what they are, and more stories for reports', () => {
    for (const text of ['马建国（回族）第二小组 已签到', '做独立站要多少钱', '买家恶意差评 我们商家怎么维权', '我们村的抗日纪念碑拍了个视频', '我们是南京六合的 卖茉莉花茶', '我真是个猪脑子 又忘了改价格', '我敢打赌明天肯定下雨', '老王又在群里发表情包😂', '今天单子多到爆炸', '母猪不发情 兽医说可以打催情针'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['我们村有人在快手直播间玩什么押大小 输了十几万 老婆都跑了 太惨了', '大家记住 网上赌博没有能赢的 都是人家后台控制的', '提醒男同学：陌生美女加好友要视频聊天的千万别接，裸聊敲诈的太多了', '巴马火麻油标题能写火麻吗 会不会被当成大麻违规', '老师，穿山甲是保护动物，视频里拍到野生的能发吗', '"瘦肉精"那个新闻大家看到了吧 害人害己 千万别用', '对对 我也接到过 说我店铺要被关 让我加个QQ', '应该不是价格的问题，你图里是不是有微信号或者二维码', '"加微信领优惠"为什么不能说'])
      expect({ text, flagged: detector.scan(text).flagged }).toEqual({ text, flagged: false });
    // Calling someone else it is still an insult.
    expect(publicHits('你真是个猪脑子').length).toBeGreaterThan(0);
  });

  it('hears no sound-alike in a particle after a verb, and reads game nights without stakes and rule questions as no violation', () => {
    for (const text of ['我今天把我们家的黑猪拍了视频 结果被限流了', '微店也可以 门槛低', '母猪发情了 明天请人来配种', '视频被判低质了 是啥原因', '元宵节镇上舞龙 踩高跷 游行队伍老长了'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['晚上村头有人斗地主 不赌钱 就是贴纸条', '红包接龙 我们村群里以前经常搞 派出所说了那就是赌博 不能玩', '扫雷红包也是赌博 大家别玩了', '老师 "特供""特效"这两个词能用吗', '我们这说的"溜冰"就是真去冰上滑 别误会', '村里开了反诈宣传会 好多老人才知道啥叫杀猪盘', '罂粟壳绝对不能往火锅底料里放 犯法的', '可能是画面里有宰杀过程，平台对血腥画面管得严'])
      expect({ text, flagged: detector.scan(text).flagged }).toEqual({ text, flagged: false });
    // Stakes are still gambling.
    expect(detector.scan('晚上斗地主 一百一把 来的私我').categories).toContain('赌博');
  });

  it('reads the name in a leave note and the names of a 名单 as names, and a ratio as a ratio', () => {
    for (const text of ['请假条：本人李建国因家中秋收忙不过来，申请请假两天', '学员名单：王德胜、毛秀英、江春花、胡建国、李鹏飞……请核对', '我们这个产品的分成是六四 平台六我们四', '我家的鸡有点拉白屎 是不是鸡白痢', '处女座的人就是事多', '顾客说收货后不满意要退货', 'wx上发不了大文件 我用qq传给你'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['他那个就是在手机上玩什么百家乐 一开始赢了点 后来全输了', '毒品真的害人 我们村以前有个娃吸毒进去了 现在出来了在学养鸡', '虞美人和罂粟长得像 但虞美人是观赏花', '大麻在我们这边叫火麻 火麻仁是正经的食品', '大家听说过“杀猪盘”没 就是网上谈恋爱骗钱的'])
      expect({ text, flagged: detector.scan(text).flagged }).toEqual({ text, flagged: false });
    // A listed name said as news, not as a list item, is what the lexicon says it is; 她的话别信 goes on insulting.
    expect(publicHits('李鹏当年的事').length).toBeGreaterThan(0);
    expect(detector.scan('寡妇门前是非多 她的话别信').matches.length).toBeGreaterThan(0);
  });

  it('reads a sign-in with a group and a name, a name then 签到, 请假, 到 or 作业已交, a roll of names after 签到, farm and family words, and questions whether an offer is real as no violation', () => {
    for (const text of ['签到 三组 李建国', '李鹏飞 签到 今天带了自家的茶叶样品', '王丹丹今天请假 她家孩子生病', '签到 毛泽亮 李鹏飞 习小燕 胡锦荣', '温佳宝 到', '王洪志 作业已交', '小鸡公母怎么分啊，翻肛门看吗', '孩子他爹在外地打工，家里就我一个人忙', '发到各组组长那里就行，组长统一交'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['有个代运营公司找我，说交两万包做起店，这靠谱吗', '检疫证明一定要有，没检疫的肉不能上网卖', '我这款毛衣被人说是“高仿”，我气死了，明明是自己织的', '被平台判了“违规引流”，就因为我在评论区留了个微信号', '有人问我收不收野生甲鱼，我说不收', '还有拼多多砍一刀的'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
  });

  it('hears no sound-alike in a verb and its particle 过, and reads definitions, questions and stories of being cheated as reports', () => {
    for (const text of ['有没有人卖过腊肉 夏天怎么发货', '别理他 直接拉黑 直播就是这样 啥人都有', '我的快手号名字能用我们村的名字吗', '做个暴力测试 把鸡蛋箱子从一米高扔下去', '冬天村里的小河结冰了 孩子们在上面溜冰'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['抖音直播里打扑克也算赌博吗', '以前我以为"杀猪盘"是杀猪用的盘子 原来是网恋骗钱', '老师说的"虚假交易"是指刷单对吧', '以前有人找我刷单 说一单给五块 我没理他 幸好', '看新闻 有人帮人刷单 被骗了八万', '传销和电商不一样 拉人头交钱的都是传销', '色情低俗的评论要及时删 不然直播间也会被处罚', '二维码贴在快递箱上让客户加微信 算不算违规啊'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
    // 脑子进水 said of oneself is a sigh; said of someone it is an insult.
    expect(publicHits('脑子进水了 把红糖发成白糖了')).toEqual([]);
    expect(publicHits('你脑子进水了吧 这么简单都不会').length).toBeGreaterThan(0);
  });

  it('takes ice packs, rock sugar, place names and a 把-clause for what they are, and news, report buttons and rule texts for reports', () => {
    for (const text of ['泡沫箱加冰瓶 冰瓶冻两天', '冰糖 黄冰糖 老冰糖 三种怎么写标题好', '打快递总部投诉电话 或者上邮政局的申诉网站投诉', '我们那边有座山叫奶头山 老地名了', '羊肚菌本来就贵 你把烘干过程拍出来', '乡镇农产品质量安全监管站'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['我们村有人在院子里种罂粟当观赏花 被派出所拔了 还罚了款 大家别种啊', '工业大麻和毒品不是一回事 但种植要许可证', '麻黄草是中药材 但收购要资质 不能随便卖', '新闻说隔壁镇端了一个赌博窝点 抓了二十几个人', '长按视频 点举报 选低俗色情', '我微信号被盗了 如果有人用我的号找你借钱 千万别转', '我们不做高仿 只卖自家东西 踏实', '菜刀可以卖 管制刀具不行 开刃的匕首 弹簧刀都不行'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
    // 你把 before a noun is grammar; 你爸 said of someone stays an insult's sound-alike.
    expect(publicHits('你把这个链接发我一下')).toEqual([]);
  });

  it('reads names with a count after them as names, a word ending before a space as complete, and a favour’s verb as a verb', () => {
    for (const text of ['请张桂兰 李建国 魏桂芝三位学员联系我 作业没收到', '西藏牦牛肉干 我进了点货 想在直播间卖', '我儿媳妇在县城 她说可以帮我剪视频', '我老家叫 大麻村 真的 发快递被问了好几次', '村里搞民主评议 评低保 今天没上课', '种地就是靠天吃饭 跟赌一样 今年又赌输了'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['我太笨了 学了三遍还不会 猪脑子 说的是我自己😂', '平台规则里写了 枪支弹药 管制刀具 毒品 都是禁售的', '以前山里打鸟的气枪 都上交了 现在谁家有都犯法', '买家说我的茶叶是高仿的 气死了 我家自己炒的', '刚才那个骗子说 “你的社保卡涉嫌洗钱 需要把钱转到安全账户” 我差点信了'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
    // A symbol between the halves still hides a word; an insult followed by 别买他的 is still an insult.
    expect(publicHits('买卖、淫').length).toBeGreaterThan(0);
    expect(publicHits('李某某就是个沙雕加煞笔 大家别买他的蜂蜜').length).toBeGreaterThan(0);
  });

  it('reads a name before 签到 and a numbered 接龙 as names, and village, party, farm and family words as what they are', () => {
    for (const text of ['老师好 郑国庆签到', '接龙：1.王秀英 2.李建国 3.陈小梅', '今晚村里放电影，有人去吗', '我妈的快手粉丝比我还多哈哈', '松茸要走顺丰冷链，还得加冰', '老师说今年两会又提到了农村电商', '我们村支书是优秀共产党员', '我想独立开个店', '天太干了，菜苗都干死了', '淫羊藿现在什么收购价', '平台不让卖烟，我家种的烟叶只能卖给烟草站'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['我们这管傻子叫"憨包"，我就是个憨包', '景区那两只羊驼，游客都叫它草泥马，笑死', '我们村以前好多人买六合彩，后来都戒了，害人的东西', '我表哥在镇上"坐庄"收核桃，就是当收购点的意思', '奶奶说旧社会有人抽大烟，把家都败光了'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
  });

  it('takes adult education, a county, Japanese buyers, the anti-Japanese war and a visit to Tiananmen for what they are, and reads comparisons, questions and legal notes as no offer', () => {
    for (const text of ['成人自考的电商专业有人报吗', '我们博白县的空心菜也可以上网卖', '日本的客户也能下单吗', '抗日的时候我们这是游击区', '今天去天安门看升旗了，激动', '县里的农技员可以上门服务，免费看病虫害', '电子烟不能在平台上卖，违禁品'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['我们村以前是种罂粟的地方，几十年前就全铲了改种茶叶', '巴马的火麻油，就是大麻籽榨的，合法的，能上架吗', '海洛因？不是不是，我说的是海螺！语音识别错了', '投流就像赌博，没想好别乱投', '看到有人收购野生乌龟，举报了', '黄片是啥？我家就是切的黄精片', '十赌九输，我们村好几个人因为赌钱家都散了', '我们这山里有穿山甲，看到了也不能抓，保护动物', '考试作弊会取消资格的'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
    // 别信 before an insult goes on insulting.
    expect(publicHits('王秀英卖的都是烂果子，大家别信这个臭婊子').length).toBeGreaterThan(0);
  });

  it('reads names after 请假, 交作业 and 签到。。。 and in a numbered list with spaces as names, and verbs with 上 as verbs', () => {
    for (const text of ['签到。。。杜国庆', '请假 李建国 喝喜酒', '交作业 李建国 短视频拍的是我家蜂箱', '接龙：1. 王秀英 2. 李建国', '请在表格里填上你的产品和店铺名', '我家老母猪今天下了十二个', '我们是卖手枪钻的，电钻那种'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['提醒一下，群里要是有人私聊你说“兼职日结”，直接拉黑举报', '防骗小知识：官方不会让你把钱转到“安全账户”', '我们镇叫白粉镇？不是，是白沙镇，打错了哈哈', '我姑娘说网上有“杀猪盘”，专门骗中年女人谈恋爱，我给大家提个醒'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
    // A pronoun begins no name; 吓死人了 after an insult goes on insulting.
    expect(publicHits('打卡。你个他爹').length).toBeGreaterThan(0);
    expect(publicHits('死肥猪 还直播 吓死人了 快关了吧').length).toBeGreaterThan(0);
  });

  it('reads 我叫 and a misspelt 签道 before a name, conjunctions as conjunctions, and examples, warnings and stories of loss as reports', () => {
    for (const text of ['我叫王建军，跟我们县长重名了', '签道 吴德福', '香菇干的和鲜的哪个好卖', '冬天河上结冰了', '我那网店的名字叫土货大烟囱', '证书是职业技能等级证书，可以查的'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['我开播的时候没人，是不是要找人来刷人气', '上次讲座说，大麻和火麻仁不一样，火麻仁是食品可以卖', '过年的时候派出所在村里贴了禁赌通告，说打牌赌钱抓到要罚款', '老师，我被人拉进一个刷单返佣的群，我啥也没干就退了，这种要举报吗', '我姐前年被杀猪盘骗了十几万，单身的姐妹要当心', '老师举例说私我领取这种话在群里发会被当成广告', '稳赚不赔这种话听到就要警惕', '我表弟网上赌球输了二十多万，现在还在还债，大家引以为戒', '隔壁村的老杨被人骗了，对方说是公安局的，要他把钱转到安全账户'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
    // Pictures that differ from the goods are no report: 看骚😀嘴图片不一样 still counts.
    expect(publicHits('客户说收到的假睫毛颜色和看骚😀嘴图片不一样').length).toBeGreaterThan(0);
  });

  it('reads 比 and a two-character 要 as grammar, curses at pests and breeding talk as no violation, and the police called, a refusal, banned-goods talk, the group notice and a parcel card as reports', () => {
    for (const text of ['牦牛肉比卤的更好卖', '药材上网卖要办什么证', '狗日的老鼠把谷子啃了', '母猪配种，一管精液四十块', '美人指葡萄上市了', '处女果一斤六块', '泡沫箱加冰，走冷链', '去县信访办问问', '咳嗽药水放冰箱吗', '双色球开奖了没', '商标注册官费三百'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['河边有人种罂粟，我打了110', '有人问我能不能代开发票，我说不行', '他说得对，刷单被查到要封店', '淘宝禁售的东西里有管制刀具', '有事加我微信，号码在群公告里', '快递盒里放张小卡片，写上加微信送小礼物'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
    // 要 inside a longer word is still the disguise of 药 (the shared corpus's 迷魂要这个价).
    expect(publicHits('竞品卖367，有迷魂要这个价格怎么打').map((m) => m.category)).toContain('毒品');
  });

  it('reads starch, mats, fan counts, low fat, a lottery ticket, filming slaughter and pig fodder as shop talk, a name called on oneself as a joke, and a platform ban, a removal, a question asked back and "report it" as reports', () => {
    for (const text of ['红薯粉白粉粉的', '床上铺竹席', '我有5K粉丝了', '后台消息爆炸了', '牛肉低脂高蛋白', '买了张彩票', '杀鸡的视频有点血腥吗', '割猪草去了', '真空包装一个一个的', '猪脑子 我又忘了交作业'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['有人卖假证被踢了', '烟草不能在网上卖', '加微信的时候备注姓名', '有人说要"白的" 我一问 是要白糖', '有人卖"神仙水" 看到就举报'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
  });

  it('reads curses at hail, 我这 before a name, praise, navigation, parades, flavours, dried longan and years of lottery tickets as no violation, and "is it true?" and a doctor\'s prescription as reports', () => {
    for (const text of ['狗日的冰雹 菜全砸了', '我这猪脑子 又忘了', '导航找不到你家', '花灯游行直播', '牛逼啊 卖了五百单', '汁多味甜的橙子', '桂圆干 你们要吗', '我买了十几年彩票'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['老师 有个课说学完月入过万 真的假的', '医生开了点安眠药'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
    // 彩票 offered is still gambling talk.
    expect(publicHits('彩票内部消息 稳赚').length).toBeGreaterThan(0);
  });

  it('reads someone\'s mother, a politics teacher, white kudzu powder, cold chain, a printer on strike, QQ\'s games, the sun 太毒 and a child\'s protest as no violation, and a platform\'s crackdown, "report it" and private-domain selling as reports', () => {
    for (const text of ['考完试要跟他妈学做饭', '我是政治老师', '葛根粉冲出来白白的', '樱桃要发 冷链车订好了', '打印机罢工了', '小时候玩QQ农场', '日头太毒了', '娃抗议了', '白粉葛煲汤'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['平台抓了几个刷单的', '刷单的直接点举报', '老顾客加微信 做私域'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
    // An insult followed by 又 without 我 is said of someone else.
    expect(publicHits('猪脑子 又来发广告').map((m) => m.category)).toContain('辱骂');
    // A strike called is still politics; white goods offered are still drugs.
    expect(publicHits('明天全县罢工').length).toBeGreaterThan(0);
    expect(publicHits('有白的 要的私我').length).toBeGreaterThan(0);
  });

  it('reads a goose that chases whoever it sees, seedlings drying to death and a mother\'s health as no violation, and "we would rather not sell it", "don\'t do it" and a dispute settled as reports', () => {
    for (const text of ['我家大鹅见人就追', '苗不浇水会干死', '你妈身体好点没'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['走私的肉便宜 但咱们宁可不卖', '花钱抽奖就成赌博了 千万别搞', '为宅基地去上访了 后来调解好了'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
    // 你妈妈 written to disguise 你妈 (the shared corpus's repeat variant) still counts.
    expect(publicHits('标题写这样可以吗！他妈妈').length).toBeGreaterThan(0);
  });

  it('reads a pronoun and its verb (我剪的), skating on a reservoir, debts that forced someone, a mother\'s lot, packing all night and a wall climbed as no violation, and "don\'t sell it for them", quitting gambling, a group one was pulled into, a platform\'s verdict and "what is it?" as reports', () => {
    for (const text of ['我剪的视频没声音', '被逼得没办法才借的网贷', '当妈的都不容易', '今晚包夜打包', '翻墙过去捡鸡蛋'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['高仿包别帮人家卖 要被判的', '以前天天打麻将输钱 现在戒赌了', '去水库溜冰注意安全 冰薄', '有人拉我进彩票群 说跟着下注 大家别信', '杀鸡视频被平台说血腥', '神仙水是个啥 我闺女天天说'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
    // 他马的 is still 他妈的.
    expect(publicHits('开播前他马的').length).toBeGreaterThan(0);
  });

  it('reads ewes, 再 before a verb, a parcel sent, free shipping before a quote ends, political study and buyers\' prices as no violation, and "don\'t list it", "what does it mean?", "also against the rules", a warning to parents, "is it because …" and "nothing to do with it" as reports', () => {
    for (const text of ['老母羊下了两只羔', '删了再建', '发个件比城里贵', '标题"柴鸡蛋30枚包邮" 行吗', '党员政治学习', '收购商压价 庄家说多少就是多少', '我家有 年前杀 你要多少斤'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['对 烟草是专卖的 网上卖烟叶违法 别上架', '老师 加V是什么意思 是加微信吗', '补单其实就是刷单 也是违规', '新型毒品会伪装成奶茶粉 家长们注意', '店被封了 是不是因为我发了为信号', '火麻仁跟毒品没关系'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
    // A threat to kill is still one.
    expect(publicHits('再吵杀你全家').length).toBeGreaterThan(0);
  });

  it('reads a rat poison called banned, open-air films, information overload, 鸦片鱼, grain buyers, cabbage whites, paid traffic, an internet café, soaked boxes and "is that your mother?" as no violation, and "the teacher said", "that is called", a parcel taken by someone else, a habit quit, "I thought it was", a family game for fun and contacts deleted as reports', () => {
    for (const text of ['毒鼠强是禁药', '晚上放露天电影', '信息爆炸 记不住', '鸦片鱼头好吃', '收粮的庄家压价', '菜地里全是白粉蝶', '花钱买流量 按点击扣费', '儿子网吧包夜', '箱子全湿了', '第二个是你妈吧'])
      expect({ text, hits: publicHits(text).map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['老师说了 那叫走私', '我的快递被人冒领了', '以前吸毒 戒了好几年了', '还以为是罂粟 原来是虞美人', '打麻将 输赢几块钱图个乐', '把图里微信号都删了'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
    // Traffic for sale is still an ad.
    expect(publicHits('卖流量 一万播放五十').length).toBeGreaterThan(0);
  });

  it('reads 你把 before letters, a village doctor, Bama, 操作, an accountant and a cat in heat as no violation, and "send me a screenshot, I kick them", "never sell it, you get arrested" and "that counts as gambling" as reports', () => {
    for (const text of ['莫得事 你把app卸了重新装一哈', '村医说最近流感多', '火麻仁是我们巴马的特产', '我操作了好几次都不对', '专票要一般纳税人 合作社可以开 你联系张会计', '我家的猫叫春叫了一晚上'])
      expect({ text, hits: detector.scan(text).matches.map((m) => m.word) }).toEqual({ text, hits: [] });
    for (const text of ['群里要是有人发兼职刷单的 直接截图发给我 我踢了', '村里有人收购身份证和电话卡 说给钱 千万别卖 会被抓的', '抽奖要注意 不能让人花钱买抽奖机会 那就算赌博了 违规'])
      expect({ text, publicly: publicHits(text).length > 0 }).toEqual({ text, publicly: false });
    // 你爸 as a curse, and 刷单 offered, are still what they are.
    expect(publicHits('驶你爸').length).toBeGreaterThan(0);
    expect(publicHits('兼职刷单 日结 私我').length).toBeGreaterThan(0);
  });

  it('sends listed words that class chat uses in their everyday sense to staff at most (review-words.txt), and still acts on them beside another hit', () => {
    expectNoPublicHit(['合作社王主席说下周开始收核桃', '蜂王出台了 高兴', '给羊打针打哪个部位 屁股还是脖子', '跟快递谈价 手里单量就是筹码', '习近平总书记在乡村振兴讲话里提到要发展农村电商', '带孩子去北京看了升旗 天安门真壮观', '国庆放七天 快递停不停啊', '我家堂屋还挂着毛主席像 我爷爷挂的']);
    expect(publicHits('嫂子你屁股真翘 加我微信看视频').length).toBeGreaterThan(0);
    expect(publicHits('毛主席复活').length).toBeGreaterThan(0);
  });

  it('reads the thirty-first to thirty-eighth holdouts\' reports, warnings, similes, names and grammar as no violation (a poppy reported to the police, 别在群里说, 违者踢出, 信号差 我先下了 …)', () => {
    expectNoPublicHit(['路边看到几棵罂粟 已经打电话给派出所了', '跑分就是帮人洗钱 别贪那点钱', '种啥都跟下注一样 今年就赌核桃能涨价了', '以前修路要用炸药开山 现在路通了', '打鸟的气枪平台不让卖哈', '买家非要加微信私下交易 平台允许不', '七一建党节 村里组织党员看红色电影', '管理员 刚才那个卖号的我截图了 踢了吧', '有人在群里发"兼职刷单 日结" 已经截图了 管理员处理一下', '有人在网上卖假冒我们县地理标志的大米 怎么投诉', '来路不明的冻品别收 可能是走私货 查到要罚的', '派出所来村里收缴土枪了 家里有老猎枪的主动交 不追究', '瘦肉精是违禁的 我家猪纯粮食喂的', '有人往村里发法轮功传单 已经报给派出所了', '学习总书记在乡村振兴上的讲话 明天交心得体会', '天旱 花少 蜜也少', '淘宝被人打了一星 气死了', '山里信号差 我先下了', '老师说游行示威这种事别在群里说 咱们只聊卖货', "刚才那个说'无抵押秒下款'的号 群主踢一下", '麻醉药是兽医用的 咱们别自己买', '提醒：群里禁止发赌博 色情 广告 违者踢出', '我靠 下冰雹了 果子完了', '母猪不发情 兽医给打了一针催情的 现在好了', '有人发了个 澳门首充送彩金 的链接 管理员快踢了他', '下雨天 纸箱湿了 包一层塑料袋', '海关说来路不明的冻肉是走私的 别买', '中共XX县委党校的培训通知 大家看下时间', '鞭炮厂爆炸那个新闻看了没 做烟花生意的注意安全', '刷单会被降权 严重了直接封店 别干', '大麻就是汉麻 我们这以前种来织布做麻袋', '我爸手术后疼 医生给打了杜冷丁', '瓜娃子 快来签到 就差你了', '到 李鹏飞', '我表哥是人大代表 去过人民大会堂', '白粉虱 黄板一挂就好', '老人家吃安眠药 要按医生说的量', '再说一遍 不准发刷单兼职 网贷 博彩链接 发一次踢一次', '刚群里有人说溜冰 是啥意思 不是滑冰吗', '这个桃子 粉嫩粉嫩的 好看', '飞叶子 是啥意思 我孙子说的 不是好话吧', '抖音上看见说"扶贫补贴 扫码领取" 是真的不', '做生意都有风险 跟赌博差不多 所以要先算好成本', '妈的 这破网 直播又断了', '有人在群里发"点链接领红包" 我点了要填银行卡 吓得赶紧退出来']);
    // An insult goes on insulting with 别在群里说话; a snowflake is ice when it is offered.
    expect(publicHits('老不死的，别在群里说话').length).toBeGreaterThan(0);
    expect(publicHits('哪来的狗东西 在这乱叫唤').length).toBeGreaterThan(0);
    expect(publicHits('哪里有赌场，想去玩两把').length).toBeGreaterThan(0);
    expect(publicHits('❄️到货了 老地方').map((m) => m.category)).toContain('毒品');
    expectNoPublicHit(['今天下❄️了 好冷']);
    // Offered, the same things are still violations.
    expectPublicHit(['世界杯下注找我 私聊', '出售炸药 雷管 要的私我']);
  });

  it('reads the thirty-ninth to forty-eighth holdouts\' roll calls (3组李建国签到), accidents that may happen, a split of 六四 or 七三, modal verbs and results after a verb, names before a title or after 叫, kinship and A-not-A questions, comparisons, blasting, medicine, explained and glossed words, listed prohibitions, a raid, platform verdicts, advice to call the police, reports to the group owner, praise and curses at things as no violation', () => {
    expectNoPublicHit(['锂电池不能走快递，会爆炸', '他娘的，三个小时的视频白剪了，没保存', '网上赌博没有赢家，我表哥输掉了一套房', '直播带货佣金一般怎么分，六四还是七三', '不会的，老师会教', '剥兔皮那段我剪掉了，怕被限流', '今天课上放了一段央视新闻', '我现在被差评多了也无所谓了', '大家看到有人发“兼职刷单”的，截图发我，我来踢人', '日本甜柿苗哪里买', '群里那个发“美女陪聊”的已经被我移出去了', '买粉丝没用，都是僵尸粉', '妈的，下雨把刚摘的草莓都泡了', '他妈的这快递又压件了，三天不动', '不要在群里搞发红包扫雷那一套，那是赌博，违法的', '我们这以前种大麻织麻布，现在不让种了', '杜品大哥的蜂蜜又卖完了', '假冒我们合作社商标的，可以去市场监管局举报', '这破手机又卡死了，妈的', '举报一下，刚才加我好友发赌博网站的那个号，大家别理', '腊肉夏天发会不会坏', '镇上那个烟花爆竹店爆炸了', '收猪的时候注意，喂瘦肉精的千万不能收', '回头客要加微信维护好', '老师牛逼，一讲就懂', '3组李建国签到', '硝酸铵化肥要实名购买，因为能做炸药', '鱼塘投毒的事派出所已经立案了', '麻黄草是管制的，不能随便收购', '电视上说有人用工业明胶做假红枣，大家注意', '老师说杀鸡拔毛的画面别拍', '哈哈对，就是本色出演', '有人让你转寄"白色粉末"，那是贩毒的套路，千万别接', '老师讲的"枪手"是说帮别人写文案的人？', '新来的学员叫黄笃都', '遇到敲诈的可以直接报警', '双十一是一场硬仗，大家准备好弹药（库存）', '马德胜书记今天也来听课了', '谢谢马德胜老师', '直播里别出现打牌的画面，平台会判赌博违规', '一晚上卖了三百单，牛逼坏了', '他奶奶的，这个剪映又闪退了', '我家那头公猪配种特别厉害', '火麻仁油跟大麻是两回事，放心买', '建议加个爆炸音效开头', '个体户执照在镇上能办吗', '抓蛇的视频别拍，平台说涉及野生动物', '被封号了，因为在视频里留了微信号', '这个顾客真他妈难缠', '听说有人在网上买假证书，中心说了查出来取消资格', '沃柑比砂糖橘贵一点', '@群主 这个人一直私聊我发赌博链接，麻烦处理一下', '他妈的太好吃了这个脐橙', '龟儿子这个网速，卡死了', '晚上十点后直播人多吗，夜场有人看不', '刘建军到 在路上', '王秀英到', '我妈吃的降压药是医生开的', '这菌子有毒没毒啊', '修水渠要放炸药 那几天别去', '隔壁县天然气管道爆炸了 用气注意安全', '我舅舅住院 医院给打了吗啡止疼', '生孩子那会打过杜冷丁', '地里撒的白粉是石灰 消毒的', '菠菜是赌博的意思？', '群规：不许发广告 刷单 赌博 违者踢', '棋牌室被端了 说有人赌钱', '他妈的 快递员又没打电话', '妈的 网又卡了']);
    // A roll call is no cover for a drug written with it, a list needs its prohibition, and a curse at a person is still one.
    expectPublicHit(['冰毒到 老地方', '别怕 私我领红包', '妈的 你再说一遍', '出售炸药 修路开山都行', '他奶奶的 你又来捣乱', '他叫黄笃都 冰毒', '硝酸铵能做炸药 要的私我', '你个傻逼 我去举报你', '我奸掉了', '别在这装逼了', '在他家鱼塘投毒，让他倾家荡产']);
  });

  it('reads the forty-ninth and fiftieth holdouts\' warnings not to buy, people after 得, farm talk, a price that kills, kin before 的, names that hold a slang word, village parades and market days, typing slips and dialect glosses as no violation', () => {
    expectNoPublicHit(['没有检疫合格证的猪肉千万不要收', '辣得人直冒汗', '快递费简直杀人', '她妈的病好多了', '他奶奶的生日在下个月', '李法轮 签到', '我们镇上的游行有舞狮', '今天村里集会，去摆摊', 'cao是草，没选字', '老师说的大麻，我们这叫线麻', '黄片是我们土话，就是姜片', '发现谁家种罂粟要上报', '自拍杆多少钱', '民主路那家快递点', '区别买家秀和卖家秀']);
    // Farm talk, duck snacks and a smartphone reach no one, not even staff.
    for (const text of ['我们家做鸡的，存栏三万只', '周末去镇上买点鸭货', '换个智能机吧'])
      expect({ text, matches: detector.scan(text).matches.map((m) => m.word) }).toEqual({ text, matches: [] });
    // A curse at a person, a march on the county government and a drug offered stay public.
    expectPublicHit(['他奶奶的 你再来试试', '她妈的 你闭嘴', '明天去县政府门口游行', '大麻 要的私我', '别买他家的，傻逼一个']);
  });

  it('reads the fifty-first holdout\'s words across a comma, names called, a turn to treat, billing, yes-no questions with 不, 把-clauses, insults reported, kicks asked of the class teacher, threats laughed off, curses at prices and parcels (我日 快递又丢了), a cat called 咪咪 and things knocked over (把箱子推翻了) as no public violation', () => {
    expectNoPublicHit(['牦牛肉干，我表哥做的', '去地里找鸡，鸡跑了', '听老师的指令计划一下', '李鹏飞在吗，快递到了', '今天轮到我坐庄，请大家喝茶', '运费是日结还是月结', '开店要上传身份证吗，安全不', '我真是傻了，把运单号写错了', '有人骂我sb，要不要回', '发赌博链接的是谁拉进来的？班主任快踢了', '小张你再抢我沙发我就弄死你哈哈', '风把大棚打倒了一半', '这个办法轮到我用才知道好', '他妈的 化肥又涨', '我日 快递又丢了一件', '我家猫叫咪咪', '快递把箱子推翻了 蛋全碎了']);
    // The laughed-off threat still reaches staff; one sack and one stove reach no one.
    expect(detector.scan('小张你再抢我沙发我就弄死你哈哈').matches.map((m) => `${m.word}/${m.tier}`)).toEqual(['threat-kill/review']);
    for (const text of ['大麻袋哪里买', '我家灶台独一份', '牦牛肉干，我表哥做的'])
      expect({ text, matches: detector.scan(text).matches.map((m) => m.word) }).toEqual({ text, matches: [] });
    // Without the comma, the joke, the turn or the 把-clause they are still public.
    expectPublicHit(['你个sb', '再来我就弄死你', '明天一起罢运', '今晚坐庄 下注的私我', '打倒土共', '干我 约吗', '在家就能赚钱 日结', '我日 你个王八蛋', '把政府推翻了']);
  });

  it('reads the fifty-second holdout\'s day wages, protection, a bite with no venom, a volume key, bans that close a stream, hung-up scam calls, voice-typing slips, customers\' questions, arrivals, 把-clauses, one\'s own produce and wet things as no public violation', () => {
    expectNoPublicHit(['帮邻居摘棉花，一天一百五，日结', '气枪打鸟是违法的，老师讲野生动物保护也说了', '西藏独特的牦牛肉', '被蛇咬了，还好没毒', '同时按电源键和音量下键', '直播间出现色情内容会直接被封号', '有人打电话说能办假证，我直接挂了', '语音输入打成"上访"了', '把"菠菜"写成"博彩"了', '客户私信问我"有没有特殊服务"', '老师好，刘大壮来了', '客户要加我微信私下交易，平台不允许', '我爸把美颜开成了大眼睛']);
    for (const text of ['他卖自己编的竹篮子', '手机弄湿了', '组长大名叫胡锦'])
      expect({ text, matches: detector.scan(text).matches.map((m) => m.word) }).toEqual({ text, matches: [] });
    // A job lure, a contact behind 威芯, wildlife for sale and 把妹 offered stay public.
    expectPublicHit(['日结兼职，私我', '威芯 nz663388', '有人卖野生动物 私我', '把妹技巧 私我']);
  });

  it('reads the fifty-third holdout\'s perms, hybrid vigour, profiteers, charity, dumb luck, pets named in quotes, lessons that mention a word, things not allowed online and whole sentences typed in pinyin as no public violation', () => {
    expectNoPublicHit(['我二嫂新烫了个爆炸头', '杂交水稻的杂种优势', '客户骂我“奸商”，我立马补发了', '“咪咪”是我家的猫', '历史课讲到火药是四大发明之一', '烟草网上根本不允许卖', 'jintian wanshang ji dian shangke']);
    for (const text of ['做爱心助农直播', '我就是狗屎运', '能不能卖自己腌的腊肉', '卖药材要卖炮制过的'])
      expect({ text, matches: detector.scan(text).matches.map((m) => m.word) }).toEqual({ text, matches: [] });
    // Offered, they stay public.
    expectPublicHit(['火药 要的私我', '网上卖烟草 私我', '你个杂种', '出批发炸药材料']);
  });

  it('reads the fifty-fourth holdout\'s lessons on protected animals, former residences, curses at a router, medicine given by a doctor, reports, colour printers and dead-skin cream as no public violation', () => {
    expectNoPublicHit(['野生保护动物不能卖，比如穿山甲、娃娃鱼，老师上课讲过', '研学去了邓小平故居', '暑假去韶山看了毛泽东同志故居', 'Shit，又断网了，这破路由器', '这次卖橙子终于回血了', '医生给用了杜冷丁', '昨晚写了一夜情况汇报', '包装盒是找广博彩印厂做的', '土鳖虫养殖有没有人做过', '考核是店铺运营数据和一条原创短视频', '大家记一下注意事项', '媳妇买的去死皮膏']);
    // A curse at a person, a contact typed in pinyin and a bet stay public.
    expectPublicHit(['shit 你个傻逼', 'jia wo v (hh2024zz)', '下注 一百起', '娃娃鱼 要的私我']);
  });

  it('reads the fifty-fifth holdout\'s fruit cut open, machines cursed or on strike, buyers who push prices down, a vet\'s anaesthetic, single packs, the tax office, party members, old place names, visits and teasing as no public violation', () => {
    expectNoPublicHit(['柚子一刀下去，果汁直流', '这破打印机，我早晚弄死它', '收西瓜的大庄家压价太狠', '兽医用的麻醉药可别让娃碰到', '单个独立包装', '那台破收割机又罢工了', '你是猪吗哈哈哈，链接又发错了', '税务局可以代开发票', '我是中共党员', '老地名叫"大麻湾"', '明天去镇上访几个老客户']);
    // The laughed-off insult still reaches staff; without the machine, the office or the visit they stay public.
    expect(detector.scan('你是猪吗哈哈哈，链接又发错了').matches.map((m) => `${m.word}/${m.tier}`)).toEqual(['insult/review']);
    expectPublicHit(['我早晚弄死你', '明天全厂罢工', '你是猪吗', '代开发票 私我', '去北京上访']);
  });

  it('reads the fifty-sixth holdout\'s praise, phone benchmarks, things done 独立 or 独自, a printer called useless, a roll call by group, day wages and villagers as no public violation, and pinyin typed word by word as typed words', () => {
    expectNoPublicHit(['老周简直是全能神，剪辑拍摄啥都会', '我儿子手机跑分八十多万', '我家阳台独立装了个晾衣架', '这破打印机又卡纸了，真是个废物', '5组 赵小军 到', '我老公在工地干活，工资是日结的', '我侄子去西藏独自骑行', '村民运玉米的车']);
    // The cult, a person called useless, laundering by 跑分, 台湾独立 and an insult that says "don't add me" stay public.
    expectPublicHit(['信全能神 得永生', '你真是个废物', '帮人跑分 日入过千', '台湾独立', 'sjb 别加我', 'shua dan fan li, dd wo', 'jia wei xin: hb20190 dai ni zhuan']);
  });

  it('reads the fifty-seventh holdout\'s districts, deadlines, curses at the weather, a nurse\'s injection, a bomb test in the news, a drama\'s killer, an alpaca\'s nickname, a ban reported, family history and tea grades as no public violation', () => {
    expectNoPublicHit(['安置小区A片区', '作业截止时间是6月4日晚上十点', '这狗日的天,又下冰雹', '他奶奶的这雨下了半个月', '护士给打了一针杜冷丁', '听到原子弹试验成功', '全套教程在群文件', '那个杀人犯演得太像了', '孩子们管它叫草泥马', '老师说有人卖假的食品许可证,查出来店铺永久封禁', '我太爷爷那辈有人抽大烟', '普洱茶的黄片便宜']);
    // A curse at a person and the date with nothing but a call to remember stay public.
    expectPublicHit(['狗日的 你再说一遍', '6月4日 勿忘']);
  });

  it('reads the fifty-eighth holdout\'s turtle eggs, self-mockery, namesakes, a neighbour\'s mother, a sign-in after an emoji, tricks of the trade, doctors\' orders, rural credit, buds, night harvests, shops closed for fake orders, market days, handed-in homework and ultrasounds as no public violation', () => {
    expectNoPublicHit(['甲鱼蛋就是王八蛋，一个三块', '我是电脑白痴，老师多包涵', '村里有个叫李强的，跟总理同名', '你妈在家不？我给她送点菜', '签到👋 覃美玲', '签到👍🏻 李鹏飞', '看了老师的涨粉大法', '医生不让随便吃安眠药', '信用社的农户小额贷款利息低', '月季开苞了', '收割机包夜干', '平台封了几个刷单的店', '明天是我们镇上的三月三集会', '二组作业全交齐了']);
    for (const text of ['我家牛B超测了', '我草莓地里的草比苗还高'])
      expect({ text, matches: detector.scan(text).matches.map((m) => m.word) }).toEqual({ text, matches: [] });
    // The insult, the curse, the cult, a loan lure and a night offered stay public.
    expectPublicHit(['你个王八蛋', '你是白痴', '你妈的 滚', '法轮大法好', '小额贷款 当天放款 私我', '今晚包夜 300']);
  });

  it('reads the fifty-ninth holdout\'s ringtones, yes-no questions with 不, county history, corrected voice typing, a lecturer\'s reminder, a novel retold, village names, namesakes signing in, song lyrics, group notices, loyal oxen and pinyin sign-ins as no public violation', () => {
    expectNoPublicHit(['刚才谁的铃声响了', '晚上跳广场舞不', '讲县志的时候说 我们县以前出过土匪 后来被解放军剿了', '明天拿两袋白粉 哦不是 白面粉', '讲师提醒：文案里任何和冰毒、K粉有关的暗示都不能有', '看水浒 武松喝了蒙汗药那段', '我们村叫白粉坡', '3组 李克强 签到（同名同姓）', '孙女天天唱“我们是共产主义接班人”', '群公告：严禁发布刷单、兼职、贷款、赌博等信息', '畜生也通人性 我家老黄牛', 'qiandao 杨勇']);
    // Offered or said to a person, they stay public.
    expectPublicHit(['明天一起跳五不', '你个畜生', '白粉 要的私']);
  });

  it('reads the sixtieth holdout\'s sisters, veterinary vitamins, reform history, TV dramas and films, names before 同学, voice typing gone wrong, shop names in quotes and parades as no public violation', () => {
    expectNoPublicHit(['哈哈哈亲妹妹都屏蔽', '多给它喂点水，放点电解多维', '邓小平南巡讲话以后', '《人民的名义》里那个贪官', '李鹏飞同学的作业做得最好', '《孤注一掷》那个电影讲的就是网络赌博诈骗，大家去看看，提高警惕', "我刚才说'卖淫'……不是，语音转错了", "隔壁小卖部叫'老毛杂货铺'", '国庆阅兵我们全家一起看的，坦克导弹真威风']);
    // A name alone before a title, and the word offered, stay public; so does a word that is no name's opening (看淫荡老师).
    expectPublicHit(['李鹏老师', '卖淫 私聊', '看淫荡老师']);
  });

  it('reads the sixty-second holdout\'s women addressed by surname, near-explosions, hemp rope, full sets of goods, payment before shipping, a card game lost, a farm restaurant\'s name, a folk remedy and a warning to keep away as no public violation', () => {
    expectNoPublicHit(['王小姐是服务中心新来的，负责大家的结业证', '有事找李小姐报名', '高压锅别离人，上次我家的阀堵了差点爆炸，吓死', '以前家家都用大麻搓麻绳，现在我们把麻绳编成手工艺品卖', '全套农机补贴政策出来了，买拖拉机的看一下', '先小批量，款到发货，别赊账', '斗地主我当地主一把都没赢，全给农民了', '百家乐农家乐开业了，在水库边上，欢迎大家周末去吃鱼', '鹅蛋说是能去胎毒，孕妇买的多', '网络赌博十赌九输，赢的只有庄家，大家远离']);
    // The same words offered stay public: a woman without a surname, 包小姐, hemp for sale, a full service, stakes per hand.
    expectPublicHit(['找个小姐', '包小姐一晚多少', '有大麻，要的私', '全套服务398', '斗地主一把五十']);
  });

  it('reads the sixty-third holdout\'s sisters and mothers, chickens fed, a warning not to sign for a parcel, a question whether a lottery counts as gambling, a brand of cigarettes, customers in Japan and a third of returns as no public violation', () => {
    expectNoPublicHit(['你妹妹考上了没？上次听你说在复读', '收到陌生人寄来的"刷单礼品"别签收', '等下我先回去喂鸡吧，晚上再看回放', '他妈妈今天过生，他请假了', '直播间抽奖送橘子，不算赌博吧？老师说只要不让人付钱参与就行', '老王你还在抽中南海啊，换个好点的嘛', '日本有客户问能不能寄，邮费好贵', '这个月退货率好恐怖，快三成了']);
    // Said as a curse or an offer they stay public: 他妈妈 with nothing after it, a 妹妹 that is no one's kin, the lottery game offered.
    expectPublicHit(['会不会有极限词！他妈妈', '清妹妹', '快三带单']);
  });

  it('reads the sixty-fourth holdout\'s platform verdicts asked about, a game called gambling, police crackdowns, advice to call the police, gas-cylinder accidents, a village name denied, pills given only by a doctor, Japan as a market, a ewe\'s udder, a show-off and a drama\'s famous line as no public violation', () => {
    expectNoPublicHit(['看看是不是被判定刷单了，最近有没有让亲戚朋友下单', '村里谁家娃在网上玩什么"百家乐""捕鱼"，赶紧管管，那就是赌博', '六合彩在村里又冒头了，派出所说发现一起查一起', '有人拿着假冒的政府文件上门收钱的，直接报警', '液化气罐别放屋里，去年隔壁村就爆炸了一个', '我们那个村叫"白粉坡"，老地名，不是卖白粉的😂', '安眠药不能随便给老人吃，要医生开', '我想把剪纸卖到美国日本去', '母羊下了羔不让羔子吃奶，是不是乳房有问题', '小刘真是个戏精，拍视频演得跟真的一样', '华妃那句"贱人就是矫情"我们这的大妈都会说😂', '全套农机补贴政策出来了']);
    // Offered, the same words stay public: a full set as a service or a course for sale, a girl who is no one's sister, white powder for sale.
    expectPublicHit(['县城车站附近有妹子，全套三百', '出售全套农产品电商培训视频，九块九', '群里那个穿裙子的妹妹 身材真好 晚上发个照片给哥看看', '有白粉，要的私', '这是赌博网站，进来玩', '你这就是傻逼']);
  });

  it('reads the sixty-fifth holdout\'s elders\' stories of the old days, harm and danger spelled out, a hospital\'s painkiller, a question whether hemp is cannabis, a dairy cow\'s teats, a boar\'s semen, a Party lecture, village women and local dishes as no public violation', () => {
    expectNoPublicHit(['那个汉奸后来被枪毙了，我们村老人都知道', '一天两次差不多，太多了精液质量下降', '我外公讲过日本鬼子进村的事，烧了半个村子', '我家种的"日本晴"是老品种了', '杜冷丁那是医院里用的止痛药，癌症病人才用', '留守的女人顶半边天💪', '安眠药别多吃，会依赖的，要听医生的', '巴马的火麻仁油能上架吗，火麻是不是就是大麻啊？', '钢瓶有使用年限，过期的要去换，不然爆炸很危险', '学习贯彻新时代中国特色社会主义思想专题党课，本周五下午三点', '微信号别卖，有人收微信号的都是搞诈骗的', '我奶奶说她年轻时候村里有人吸鸦片，倾家荡产', '我表弟在网上赌球输了十几万，家里房子都卖了', '我们这边的"杀猪粉"是特产，杀年猪时吃的米粉', '吸毒一口就上瘾，一辈子就毁了', '我奶奶以前说罂粟壳煮汤能止泻，现在才知道违法', '先挤干净，乳房内注入头孢类乳房炎药，挤奶前后药浴乳头']);
    // Insults and offers stay public: 是不是 asks no question of 傻逼, and 鸦片 offered is no story.
    expect(publicHits('老女人们跳广场舞装扮得真好看')).toEqual([]);
    // 女人 as a review word leaves insults about women to the insult rule (老女人装什么嫩).
    expectPublicHit(['你是不是傻逼啊', '你是不是脑子有病，问了八百遍还问', '有鸦片，要的私', '老女人装什么嫩 一把年纪了还开美颜 恶心', '女人就是头发长见识短 滚回去做饭吧']);
  });

  it('reads the sixty-sixth holdout\'s prescriptions for a relative, harm from eating spelled out, a skating rink, cards played for melon seeds, a service ticket and asking whether to call the police as no public violation', () => {
    expectNoPublicHit(['医生给我妈开了安眠药，说一次只能吃半片', '微商卖的三无减肥药吃出事了，大家别乱吃', '娃放假了吵着要去溜冰场', '三缺一，谁来陪我妈打会儿扑克，输赢都是瓜子', '售后工单超时了会怎样', '店被人恶意差评，能报警吗', '果园里的防鸟网一亩要多少钱']);
    // Offered, staked or sold, the same words stay public; and birds netted for restaurants, a constitution changed to rule for life.
    expectPublicHit(['减肥药效果好，不用医生开，私我', '医生开不了的安眠药我这有，私聊', '医生给你开不了的安眠药我这有，私聊', '有冰，别乱买别家的，私我', '医生给我爸用了药，剩下的安眠药便宜出', '大夫开的，迷药我这有货', '有k粉，一克三百，吃出问题了不负责', '出止咳水，成箱批发，千万别乱用', '我给那个老王家锅里下药了，都别乱吃', '麻将，输赢花生，一颗花生抵五十，转账结', '麻将输赢不来钱，输的发红包就行，一次两百', '要不要冰，懂的来', '斗地主，输赢两百', '捕鸟网、鸟笼，山上架起来一晚上几十只，可以卖给饭店', '那位修宪就是想当皇帝，大家觉醒吧']);
  });

  it('reads the sixty-seventh holdout\'s packing filmed, a licence applied for on the phone, an insult the sender aims at themselves, a nickname, a shop category the course leaves out and a prescription as no public violation', () => {
    expectNoPublicHit(['发货视频最好录一下，打包过程全程录', '营业执照现在手机上就能办', '帮老人取现一次要带身份证和存折', '果园要挂鸟网，镇上哪家有出售？', '夜市炸鱼块特别好卖', '修宪以后法官办案终身追责', '学生带着硫酸去实验室做实验', '笨蛋，是我，我又把链接发错群了🤦', '我们村的书记叫王伟国，大家叫他伟哥', '成人用品类目我们培训不涉及，大家别问了']);
    // Exams passed for a fee, licences without the holder, insults aimed at someone else or used as a nickname, adult goods
    // offered, explosives taken to the township government and cash withdrawn for strangers stay public.
    expectPublicHit(['驾照包过，私聊', '营业执照代办，三天就能办，不用本人', '笨蛋，是我叫你来的吗', '大家都叫他傻逼', '驾照科目一到四打包过，六千全包', '残疾证手机上就能办，两千一个', '你个王八蛋，是我，我又来骂你了', '我们都叫她骚货', '出售银行卡不涉及风险', '带着硫酸去泼他', '卖成人用品，私聊', '要是补贴不发，我就带雷管去乡政府', '有没有人想挣快钱的，帮我们去银行取现，一天一千，不用问太多']);
  });

  it('reads the sixty-eighth holdout\'s tyre inflators, 屌丝 said of oneself, a famous skin toner, a video redone, an eye-catching opening and fog as no public violation', () => {
    expectNoPublicHit(['给车胎打气的气枪坏了', '我就一屌丝农民，啥也不懂，跟着学呗', '我老婆用的神仙水是SK2的，贵死了', '这个视频不行，全部推翻重拍', '这个视频开头够吸睛', '今天雾好大，出门小心']);
    // Air guns offered, 屌丝 said of someone else, drugs called 神仙水 and a government overthrown stay public.
    expectPublicHit(['卖气枪，轮胎都能打穿', '修车铺卖气枪', '你个屌丝', '有神仙水，懂的来', '起来推翻他们，重新来过', '推翻政府']);
  });

  it('reads the sixty-ninth holdout\'s warnings not to install what a stranger asks, a film, a night of packing orders, a county bulletin on an arrest, a curse at pig prices and free-range eggs as no public violation', () => {
    expectNoPublicHit(['陌生人让你下载会议软件共享屏幕的 千万别弄', '我们这片高粱地 跟《红高粱》电影里一模一样', '今晚包夜也得把这三百单打出来', '县里通报 有人非法收购病死猪 已经抓了', '他娘的 猪价又跌了', '草鸡蛋一盒三十枚', '店铺要开二次验证，防止黑客攻击', '竞争太激烈，有人恶意攻击同行店铺刷差评', '点赞截图领红包活动今晚八点开始', '过年买的糖果孩子们吃得可嗨了', '跳跳糖果放嘴里能蹦']);
    // The same words around an offer, a threat or an insult leave it public; and hackers for hire, paid follows and "candy that makes you bounce" are new slang.
    expectPublicHit(['我弄死你，别装', '你个傻逼，别装了', '出售银行卡，别转账给别人，找我', '有冰，别下载别的软件，私我', '县里通报了，我这有冰，要的私', '陌生人让你加他，你就说有冰', '有冰，上次那个已经抓起来了，我这安全', '包夜也得五百', '有黄色电影，私我', '他妈的 你又涨价', '草鸡巴', '你这个婊子，千万别装！', '代办假证，身份证驾驶证学历都能做，外面的千万别弄，找我', '县里通报：小姐上门服务照常，包夜1000', '镇上公告：收购银行卡，一张500，长期收', '陌生人让你点的链接别点，点我的，百家乐包赢', '推翻之前的政府，建立我们自己的', '气枪打气一次能打三十发，打鸟一枪一个，私聊', '修车铺老王那有气枪，铅弹也有，要的找我', '小妹包夜都得发红包预约，价格私聊', '妈的 猪价又跌了，都怪你这个狗贩子', '出神仙水 sk同款包装 夜场专用 私聊', '出电影 懂的来 私聊发资源', '糖果到了，吃了能蹦一晚上', '黑客接单 攻击同行店铺 让他直接被封', '帮我点个关注 截图给我 每人发两块红包 我直播间要人气', '在 吗 有 糖 果 吗 要 那 种 能 蹦 的']);
  });

  it('reads the seventieth holdout\'s village broadcast on guns to hand in, a farm-station technician, a shop shut out by a platform and a boar\'s semen collected as no public violation', () => {
    expectNoPublicHit(['村里广播说私藏的火药枪猎枪要上交 过期追责', '县农技站的技师明天来村里讲果树修剪', '这个月的流量被平台限了 跟被封杀了一样', '种公猪一周采精两次就够了 多了精子质量差', '孩子晚上一起睡觉啊 不然怕黑']);
    // Gunpowder offered after a broadcast, masseuses, a ban called for and semen sold stay public; a member asked to bed after her photo is new slang.
    expectPublicHit(['村里广播说了，我这有火药枪卖，私聊', '技师来讲，包你满意，上门服务', '足浴店技师小妹，加钟', '封杀他们，让他们没饭吃', '有精子库资源，私聊', '刚才那个宝妈头像挺好看 加个微信 晚上一起睡觉啊']);
  });

  it('reads the seventy-first holdout\'s navigation, the Olympics, help with subtitles and fall armyworms on maize as no public violation', () => {
    expectNoPublicHit(['我们的农家乐叫李家庄 导航搜得到', '车载导航显示还有三公里', '奥运会我们县有个运动员 听说是隔壁村的', '刚学会用剪映加字幕 真的太方便了 以前以为要找人弄 原来自己手机上点几下就行了 感谢小王老师', '草地贪夜蛾又来了 玉米叶子全是洞']);
    // Link pages, a call to boycott, threats to have someone beaten and leaves for sale stay public; so do stories that end in an offer
    // (a past case told to its end is not read as a report: too many offers and threats can be told that way).
    expectPublicHit(['以前有个赌场被端了，现在我这开了新的，来玩', '以前那个赌场被端了，现在搬到河边仓库了，晚上十点开，带现金来', '以前那家大保健被端了，现在上门服务，酒店均可，不会被查', '福利导航 搜一下就有', '以前的导航被封了，新导航搜一下就有，不会被封', '这个导航上去啥都能看，成年人自己搜', '来了一批茶叶子，纯的，老客户问我', '奥运会黑幕，抵制', '我找人弄死你', '找人收拾你', '到了一批叶子，懂的来']);
  });

  it('reads the seventy-second holdout\'s rule on fertiliser explained, a brother-in-law, the war as elders tell it, a mother asked to open a shop and a forgetful head called a pig\'s as no public violation', () => {
    expectNoPublicHit(['硝酸铵化肥现在去农资店买要登记身份证 还要写用途 说是怕有人拿去做炸药 麻烦是麻烦 也能理解', '姐夫说他明年也回来养牛', '我姐夫在广东打工', '抗战的时候日本鬼子在我们这杀了好多人 我爷爷常讲', '可以让你妈也开个店 手织毛衣', '叫你妈一起来听课', '你妈做的辣椒酱真好吃，能不能上架卖', '我这个脑子啊真是猪脑子 又忘了签到', '担心化肥被拿去做炸药，现在都要实名了']);
    // The same words in an offer, a name called, a curse and an insult aimed at someone else stay public.
    expectPublicHit(['我有硝酸铵 不怕有人拿去做炸药 私聊', '你个日本鬼子 滚', '抗战的时候我爷爷说 你就是个日本鬼子', '叫你妈来陪我一晚', '让你妈去卖吧', '你这个脑子真是猪脑子', '我看你这脑子真是猪脑子', '姐夫 小姨子 视频 私我', '你妈死了',
      // …and what a second reader wrote to get past the first drafts.
      '叫你妈来学学怎么伺候男人', '你妈妈今天在我床上', '猪脑子，说的是我们班长，大家都知道', '你个猪脑子，我又得给你讲一遍', '俺的脑子纯是猪脑子都比你强', '你这个日本鬼子，大家别理他', '你妈逼的，大家别理他', '怕配炸药麻烦的，直接找我拿成品，一公斤三百', '姐夫来玩吗，新到的小妹，年轻水嫩']);
    // Its misses: forged records offered (public), a lecturer told she is seducing the class, and fees for a guaranteed purchase (staff notes).
    expect(publicHits('帮你伪造通话截图 聊天记录 转账记录 打官司要债都能用').map((m) => m.category)).toContain('违法犯罪');
    for (const text of ['老师你今天穿那么少 是不是故意勾引我们😏', '群里发个广告 我们公司收土鸡蛋 交五百会员费就能签保底收购合同', '今天最后一天 交三百入会 以后本县所有农产品我们包销 不信的可以去公司看'])
      expect({ text, noted: detector.scan(text).matches.length > 0 }).toEqual({ text, noted: true });
    expect(detector.scan('有人伪造转账截图骗商家 大家注意').flagged).toBe(false);
  });

  it('reads the seventy-third holdout\'s pinyin lines, adult schools, family years, a platform-rules lesson, morphine in a hospital, a plan redone, a supermarket\'s name, the war told, a documentary, a roll call with a bracket, an app\'s register button, vermicelli, a cow\'s birth canal and a licensed farm as no public violation', () => {
    expectNoPublicHit(['wo bu hui da zi yong pin yin keyi ma', 'nihao laoshi wo shi xiao liu', '县成人学校晚上也有电脑班，想学的可以去', '文革的时候我爸下乡到我们村，认识了我妈', '今天讲平台规则，虚假交易、刷好评都属于严重违规，记下来', '吗啡是医院里止痛用的，我爸癌症晚期打过', '这个方案我们推翻了重做', '我舅舅的超市叫百家乐，就在汽车站旁边', '我们县抗战的时候被日军飞机轰炸过，老城死了好多人', '八九年我刚结婚，那时候村里还没通电', '纪录片里看到穿山甲，原来它是吃蚂蚁的', '签到 李鹏（三组，养羊的）', '大家先下载APP，然后点右下注册按钮', '红薯白粉条和黑粉条有啥区别', '母牛产后阴道脱出怎么处理，急', '我们镇有娃娃鱼养殖场，人家有许可证，人工繁育的才能卖']);
    // 示威 heard across 是不是违规 and 刷单 asked about in pinyin go to staff, and so does 大麻 heard in wo da ma (我大妈).
    for (const text of ['laoshi, shua dan shi bu shi wei gui de? wo bu gan gao', 'wo da ma jin tian lai shang ke le', 'shouji xinhao bu hao ting bu qing'])
      expect({ text, publicly: publicHits(text).map((m) => m.word), noted: detector.scan(text).matches.length > 0 }).toEqual({ text, publicly: [], noted: true });
    // Offers and slogans typed in pinyin stay public, chat words or not.
    expectPublicHit(['wo you da ma, dd wo', 'laoshi, shua dan fan li, jia wo', 'liu si bu neng wang, ming tian guang chang jing zuo', 'wo men yi qi qu jing zuo']);
    // Offers typed in pinyin, the year named as an event, gambling offered at a shop, a pangolin or morphine sold stay public.
    expectPublicHit(['shua dan fan li, dd wo', '八九年那件事不能忘', '百家乐上线了，私我', '穿山甲一斤八百，要的私聊', '吗啡有货，医院流出的，私聊', '白粉有货，要的私聊',
      // …and what a second reader wrote to get past the first drafts.
      'liu si bu neng wang, ming tian guang chang jing zuo', '八九年俺刚结婚，那年的坦克我到死都记得，这笔账迟早要算', '那时候日本鬼子进村也没李会计黑，姓李的全家都是日本鬼子', '成人班的妹子今晚可以上门，五百一次', '医生朋友能开吗啡，包邮到家，量大从优', '土豆白粉一克三百，老地方交货', '我们店是百家乐代理，微信充值，赢了当天就能提', '动物园里看不到的穿山甲，我们山庄能吃到，提前预订', '女主播阴道特写，比母牛产仔还清楚，私发', '世界杯下注册个号就行，赢了当天到账', '娃娃鱼养殖场直接发货，都是山沟里现抓的野货，一斤三百八', '冰毒海洛因都属于严重违规品我这全都有', '签到 法轮大法（好）', '签到 台湾独立(一组)', '禾花雀今年特别肥，我们村后山网了好多，野的，三十元一只', '你这瞎眼的玩意儿']);
    // Its misses: a protected bird sold, a job lure in initials and a blind man called names.
    expectPublicHit(['禾花雀冻的，野生的，一斤三百，要的预订', 'jz招人 sd yj高 j w', '你个瞎眼的，没看到我说了不要吗']);
  });

  it('reads the seventy-fourth holdout\'s wild mushrooms, a painkiller after surgery, a village the map cannot find, a mother\'s trade, a staff ban on gambling links, an elder\'s war story, a father\'s work in the commune years and banter as no public violation', () => {
    expectNoPublicHit(['我们这的野生菌只卖给收购站 自己不敢网上卖', '杜冷丁是医院术后用的 打了就不疼了', '我家住在杀牛坪 导航搜不到 写镇上的地址', '他妈妈是卖酸菜的 做了几十年了', '县里严打赌博 群里谁要是发赌博链接直接踢', '我爷爷是老党员 讲当年打日本鬼子的事 讲一回哭一回', '文革的时候我爸在生产队当记分员', '去你的 你才胖 我这是壮']);
    // The same words in offers, insults and curses stay public.
    expectPublicHit(['野生穿山甲收购，现金收', '杜冷丁有货，医院流出，私聊', '你妈妈是卖肉的', '去你的，傻逼', '我们村那个王二就是日本鬼子投胎',
      // …and what a second reader wrote to get past the first drafts.
      'wo you da ma', 'laoshi ni shi sha bi', 'wo gan si ni', 'wo yao fan gong', '刷单返利，日赚三百，违者直接踢', '冰毒要的私聊，发广告的一律移出', '谁要是发炸药给我 我就收 不要的直接踢', '黄色导航搜不到的话加我', '他妈是卖粉的，要货找他', '你妈妈是卖屁股的', '野生菜花蛇出售，量大从优', '癌症晚期用的杜冷丁，我这里便宜出',
      // …and what a reader of the diff found the drafts let through.
      '冰毒海洛因都属于严重违规，我这全都有', '他妈妈是卖酸菜的，要货找他', '他妈妈是卖白粉的', '八九年我刚结婚时的老照片，要的私聊，50一张']);
    // Nor do the drafts' first over-reach: a p in 'app', a birthday, 黄山, ni hao, a longer shop sign.
    expectNoPublicHit(['我给你发app截图', '你妈妈生日那天我去', '用高德导航去黄山', 'ni hao laoshi wo bu hui da zi', '我舅舅的超市名字叫百家乐']);
    // Its misses, lures with no contact id, are staff notes.
    for (const text of ['群里的姐妹们 我这边在招团长 卖货有提成 拉人还有奖励 来吗', '关注我的视频号 每天抽奖送手机 评论区留言就行', '我拉你进个群 里面天天有人发钱 动动手指就有'])
      expect({ text, noted: detector.scan(text).matches.length > 0 }).toEqual({ text, noted: true });
  });

  it('reads the seventy-fifth holdout\'s pinyin questions, a film title, a name from a TV drama, stock by sex and age, a quarry remembered, a prescription, a day before 本店, a joke in quotes, a rink, a game of the old days and sesame oil as no public violation', () => {
    expectNoPublicHit(['zhe ge zen me cao zuo a', '看了《色戒》才知道梁朝伟演技这么好', '山海情里马得福太像我们村支书了', '马德华演的猪八戒最好', '交配季节到了，公羊母羊得分圈', '小鸡糊屁股，肛门被粪便粘住了咋办', '我爷爷以前在采石场放炮，那时候炸药管得没现在这么严', '安眠药医生一次只给开七天的', '周日本店上新，有新茶', '被我儿子"绑架"到城里带孙子去了，课只能线上听了', '县城溜冰场开了，周末带娃去溜冰', '以前过年村里有人推牌九，现在抓得严没人敢了', '芝麻古法压榨，香得很，一年就榨一次']);
    // The same words in offers, curses and insults stay public.
    expectPublicHit(['cao', 'cao ni ma', '《色戒》全集，私我', '你马得福', '马得，又下雨了', '女主播阴道特写，比母牛产仔还清楚，私发', '安眠药有货，不用医生开，私聊', '日本AV资源，私我', '我要绑架你儿子', '溜冰的来，冰妹在线', '牌九上分，私聊', '麻古到了，老地方']);
    // …and what a second reader wrote in those rules' own words to get past them.
    expectPublicHit([
      'wo cao ni ma',
      'cao ni da ye',
      'kao ni ma de',
      'cao ni zu zong shi ba dai',
      'zhang lao san wo cao ni ma bi',
      'cao ni lao mu',
      'kao ni da ye de gun',
      '《少妇偷情》那种片子群里谁有，传一下',
      '《人妻乱伦》我存手机里了，晚上谁想看来我家',
      '村长老婆拍的《做爱实录》谁看了，太骚了',
      '想看《强奸》那个片子的说一声，我传群里',
      '王嫂你就跟《淫妇》里演的一样，谁都能上',
      '《三级片》我这一大堆，想要的吱声',
      '《裸聊》那个app晚上开，美女多，进去就知道',
      '马德你还好意思在群里说话',
      '马得你是不是有病',
      '马德他也配当村长',
      '马德疯了吧，敢占我家地',
      '马德逼',
      '村口发廊新来两只小鸡，100一次，包夜300',
      '王寡妇骚得跟发情的母猪一样，晚上谁去操她',
      '镇上洗脚城来了几个雏鸡，嫩得很，想开苞的找老李',
      '李家那骚货跟母猪一样，下崽都不知道是哪个野男人的',
      '这骚逼比我家母羊还骚，谁想日她晚上去她家',
      '按摩店有小鸡，全套200，懂的来',
      '以前在采石场放炮剩了几箱炸药，谁要联系老王，便宜出',
      '那时候矿上放炮的炸药随便拿，现在也还能搞到，要的吱一声',
      '以前在矿上干过爆破，炸药自己就能做，谁跟我过不去走着瞧',
      '安眠药医生不给开的话来我这拿，不要处方',
      '安眠药医生开得少，我能搞到整瓶的，要的说',
      '安眠药医生开不出来？我这多的是，量大从优',
      '安眠药医生给开了一大瓶，攒够了下到那老东西饭里',
      '安眠药医生开的那点不顶用，直接找老刘，一盒一盒地有',
      '周末日本村张寡妇去，她男人出去打工了',
      '这周末日本店老板娘，她老公不在家',
      '等过节日本村那个小寡妇去',
      '今日本人要去日王寡妇',
      '你再不还钱，你家孙子迟早被我儿子"绑架"走，你等着',
      '村长家那小子放学路上小心点，哪天被我儿子"绑架"了可别哭',
      '你家娃再欺负人，就被我家孩子"绑架"到后山去，看你找不找得到',
      '老李你闺女敢跟我家分手，等着被我儿子"绑架"回来',
      '溜冰场后面小仓库有好东西，想溜冰的晚上过去，老规矩',
      '周末别滑冰了，去老刘家溜冰，比冰场爽多了',
      '轮滑班下课后，想溜冰的去后屋，东西纯，提神',
      '县城溜冰场老板那能溜冰，懂行的都去',
      '溜冰鞋里塞了两包，溜冰的老客户自己来取',
      '旱冰场厕所里溜冰最安全，没人查',
      '晚上老张家推牌九，现在抓得严，从后门进别开灯',
      '线上百家乐开了，现在抓得严，只拉熟人进群',
      '村口发廊有小姐，现在抓得严，得熟人带着去',
      '老地方还有冰，如今抓得很严，只卖老客户',
      '谁要六合彩买码的，现在抓得严，私下找我',
      '地下赌场换地方了，这几年抓得严，开车来接',
      '摇头丸还有几颗，现在抓得严没人敢了，要的抓紧',
      '桂芝麻古还有没，给我留两颗',
      '芝麻古到货了，老客户私聊',
      '要芝麻古的找我，纯的',
      '魏秀芝麻古卖不卖',
      '老地方芝麻古，一颗五十',
      '芝麻古有货，蹦一晚上',
      'kao, zhang san zhe ge ren zhen bu shi dong xi',
      'cao le ta',
      'CAO zhe ge lao bu si de',
      'kao, cun zhang zhen bu shi ren',
      'cao cun zhang ta lao po',
      '以前在采石场干过，炸药自己会配，谁敢动我家坟地就把他家祖坟炸平',
      '那时候矿上放炮剩的炸药，我藏在后山洞里，谁要吱一声',
      '炸药雷管我都还有，当年爆破队剩的，过年炸鱼的来拿',
      '老刘以前在石场放炮，炸药能弄到，村支书再敢扣补贴就让他家屋顶上天',
      '安眠药医生开不了的找老刘，整瓶整瓶有',
      '安眠药医生给开的攒了一抽屉，够送那老不死的上路了',
      '你儿子再敢欺负我孙子，明天就被我儿子"绑架"到山里喂狼',
      '王会计再不给补贴，他家小孙子就被我家老二"绑架"了，让他掂量',
      '马德你也配当组长',
      '马德你又在群里放屁',
      '马得他家就会坑人',
    ]);
    // Its miss: a brand's packaging offered to fill with any rice.
    expectPublicHit(['五常大米的包装袋我这有，装上随便卖，一个一块钱', '茅台的盒子我有，装上就是真的']);
    expectNoPublicHit(['五常大米的包装袋在哪里定做']);
  });

  it('reads the seventy-sixth holdout\'s hens by a space, goods that draw traffic, a day\'s packing with lunch, an elder\'s war story, a loan warning, a template sent in private and a sow\'s teats as no public violation', () => {
    expectNoPublicHit(['果园里养鸡 鸡会不会把果子啄了', '以前种地看天 现在卖货看流量', '谁家有空来帮我打包 日结一百二 管午饭', '我太爷爷说当年日本鬼子来过我们镇', '贷款一定找银行 网上那些秒批的都是套路贷', '加我微信 我把标题模板发你', '母猪一胎下了十五个 奶头不够吃']);
    // The same words in offers, insults and lures stay public.
    expectPublicHit(['鸡 鸡', '看我的鸡 鸡', '卖流量，一万粉丝500', '日结200，在家就能做', '日结一百，管饭，私聊我刷单', '你们都是日本鬼子，我爷爷说的', '加我微信 我把资源发你', '加我微信，我把模板发你，一起做代理']);
    // …and what a second reader wrote in those rules' own words to get past them.
    expectPublicHit([
      '专业做卖货流量 直播间人气想要多少有多少',
      '二狗他娘就是头母猪 一胎下了仨 奶子耷拉到裤腰',
      '你个死阉鸡 鸡都没了还在群里叫唤',
      '你看村口那头母猪 下了一窝崽 奶头都让人摸黑了',
      '公猪母猪配种那样 晚上去他家圈里弄他闺女 鸡巴硬了',
      '加我微信 我发你模板 改个名字就能当营业执照用',
      '加我微信 我把作业答案文档发你 期末考试直接抄',
      '加我微信 我把文档发你 里面都是那种小电影的网址',
      '加我微信 我把表格发你 填上身份证号码就能办下来 不用本人去',
      '加我微信 我把课表发你 下注跟着表买 稳中',
      '卖东西没人看？卖东西流量包一百块一万播放 真人',
      '卖果直播流量 要多少有多少 价格好说',
      '卖米的流量我这能弄 一千人在线二十块',
      '卖茶叶流量便宜出 抖音快手都能上 滴滴我',
      '卖菜的老板看过来 卖菜流量包月三百 包你直播间人满',
      '卖货流量我这有 五十块一千人进直播间',
      '后街那个老母猪又下了一胎 没男人要 天天想鸡巴',
      '地里没淹的也能报成水灾 保险公司定损的是我表弟 赔了咱俩对半',
      '夜场招年轻姑娘陪喝酒 日结八百 管吃住 长得好看的来',
      '天天做早操 操死你个老不死的',
      '奶奶说日本鬼子杀过咱们村的人 明天去把镇上那家日本车行砸了',
      '妹子来摸摸哥的大公鸡 鸡硬不硬一摸就知道',
      '姥爷说日本鬼子都该千刀万剐 开日本车的全都砸了',
      '小姑娘想不想看看叔叔的小鸡 鸡可大了',
      '小额贷款 不看征信 秒批 外面那些都是套路贷',
      '征信花了也能下 利息低 别家都是套路 我这不是',
      '急用钱的找我 当天放款 那些网贷是套路贷 我们是正规公司',
      '想学在家挣钱的加我微信 我把课件发你 跟着做就行',
      '想看点好色 色色的东西的来我家',
      '我太爷爷说日本鬼子没一个好东西 见一个打死一个',
      '我爷爷说日本鬼子不得好死 谁家买日货就把谁家门砸了',
      '我爷爷说日本鬼子全家都得死光 谁跟日本人做生意就烧了谁家',
      '找几个人帮我转账走个流水 日结三百 管饭',
      '报个假灾 一亩地能赔八百 手续我来跑 赔下来分我三成',
      '招人办银行卡 日结两百 管午饭 卡给我们用',
      '招人去边境那边打字聊天 日结一千二 管三餐',
      '招人帮忙取钱 日结五百 管饭 不问来路',
      '无抵押秒批 当天下款 网上那些都是套路贷 找我们正规',
      '晚上谁要野鸡 鸡多少钱一晚私聊',
      '村口那个骚鸡 鸡 给钱就能睡',
      '村西头那老母猪又下了一胎 奶子大屁股圆 谁不想上',
      '欠钱不还就弄死你全家 别说我是套路贷',
      '母猪下了一窝 奶子大的那个 晚上去圈里干她',
      '母羊下了羔 谁家寡汉晚上去摸她奶子',
      '没受灾也能报灾，保险赔的钱咱们分成',
      '爷爷讲日本鬼子的种都得灭了 一个不留',
      '猪没病死也能报成病死 保险一头赔一千 耳标我帮你弄 分我一半',
      '王二婶跟母猪一样 一胎下了三个 屄都松了',
      '稳赚不赔 跟着老师带单 别的平台都是套路',
      '老一辈说日本鬼子就得杀 镇上那家日料店老板也得弄死',
      '老人们常说日本鬼子留着就是祸害 村里那家娶日本媳妇的全家都赶出去',
      '老人说日本鬼子都是畜生不如的东西 死了活该',
      '老光棍天天钻羊圈 母羊下了羔都是他的种 屄都被他搞烂了',
      '老刘家那口子就是头老母猪 下了一窝 奶子垂到肚皮上',
      '老张家儿媳跟母猪似的 一年下了一个 奶子比屁股还大',
      '谁家想骗点农业保险的找我 今年雹灾我门儿清',
      '谎报受灾面积 保险多赔 赔款咱五五分',
      '跑腿送包裹 里面装啥别问 日结六百 管吃',
      '那个胖婆娘像头母猪 崽子一窝一窝地下 奶头都不够吃 屄早松了',
      '隔壁那个母猪似的 喂了三个娃 奶头都不够吃 屁股大好操',
      '高薪招人去那边干活 日结一千 管吃住 不用带身份证 到了有人接',
      '黑户也能贷 口子下款快 别人都是套路贷 我这靠谱',
    ]);
    // Reporting a flood to the insurer is not a false report.
    expectNoPublicHit(['地里淹了的赶紧报灾 保险公司会来定损赔付', '受灾了及时报灾情 农业保险能赔一部分', '那个推销员骗我妈买了保险 退都退不了', '果园摘苹果缺人手 日结一百五 管中饭', '兔子交配完多久能摸胎', '山上的羊奶子熟了，红彤彤的']);
    // Its miss: a false disaster report to share an insurance payout.
    expectPublicHit(['帮你报假灾 农业保险赔得多 咱们分成', '报假灾骗保险的找我，分成']);
  });

  it('reads the seventy-seventh holdout\'s marksman, skating lessons, an orchard wall, a test report asked about and a platform\'s penalty as no public violation', () => {
    expectNoPublicHit(['我爷爷在部队是神枪手 打靶回回十环', '孙子放暑假去县城学溜冰了 一节课八十', '翻墙进园子偷桃子的 被我家狗追了二里地', '详情页要放检测报告吗 哪里可以做检测', '杀鸡儆猴 平台处理了几个刷单的 大家都老实了']);
    // The same words in slurs, offers and lures stay public.
    expectPublicHit(['你们回回都是猪', '学溜冰的找我，有货', '学溜冰吗 冰妹陪你', '翻墙软件免费用', '会翻墙的私我', '检测报告可以做，私聊', '检测报告我们可以做', '刷单返利，平台处理不了']);
    // …and what a second reader wrote in those rules' own words to get past them.
    expectPublicHit([
      '上架缺质检报告 能做 一份三百 包过审',
      '回回不配住咱县城 见一个打一个',
      '回回去死吧 一群畜生',
      '回回是最坏的一帮人 做生意专门坑咱们汉人',
      '回回来咱村开店 早晚要出事 把他们全赶出去',
      '回回没一个好人 他家的牛肉谁买谁倒霉',
      '回回第一个要清理的就是东头那家',
      '回回都不是好东西 大家离他们远点',
      '回回都该关起来 一个都别留',
      '在家就能学溜冰 壶我都有 下了课过来',
      '大姐 睡两晚多少钱 我包了',
      '妹子 睡你一次多少钱 开个价',
      '妹子陪我睡一晚 给你三百行不行',
      '嫂子 跟你睡一觉得给多少',
      '嫂子卖吗 晚上我去你家',
      '孙子 来 爷爷教你溜冰 一口下去精神得很',
      '官方罚了一些高仿 我这照样有货 价格好说',
      '平台处理了几个傻逼 你就是下一个 等着瞧',
      '平台处理了几个杀猪盘 咱们换个平台接着做 你负责聊 我负责收钱',
      '快手抓了一批赌博的 没事 咱们群里接着玩 微信转账',
      '想学溜冰的晚上到河边 老师带你上头',
      '想翻墙偷看境外的新闻 找我装个软件',
      '我天天翻墙进推特 那边说的才是真相',
      '我教溜冰 第一口不要钱 班里同学都来试过了',
      '抖音处理了几个卖淫的 我这妹子还在 晚上来',
      '拼多多清退了一批代考 我们还接单 价格好说',
      '教大家翻墙进外网 看看外面怎么报道咱们的 软件私我',
      '晚上翻墙偷偷看外国新闻 比咱们电视上说的真实多了',
      '暑假没事干 带你学溜冰 溜完三天不睡觉',
      '有没有人要翻墙进油管的 一个月十块 稳定不掉线',
      '检测报告 代做 农残重金属都能出 价格好说',
      '检疫证呢 代做 猪肉牛肉都行 加我',
      '检疫证呢 我们代做 一百一张 要的吱一声',
      '没有检疫证 能做 五十一张 要的吱一声',
      '淘宝查了好多刷单的 我这渠道安全 一单返八块',
      '缺检测报告吗 能做 三百一份 私聊',
      '美女卖不卖 一晚三百',
      '翻墙进脸书 加那些海外的群 一起揭露黑幕',
      '翻墙进谷歌查一下就知道当年死了多少人',
      '老师教溜冰 锡纸吸管备好就行 孩子们一学就会',
      '要检测报告的 可以做 不用寄样品 私聊',
      '详情页要放检测报告吗 我这可以做 两百一份 三天出',
      '谁想翻墙进外网看看真相 我这有梯子 一个月二十',
      '跟着教练学溜冰 比喝酒带劲多了 寒假天天整',
    ]);
    // …and what a reader of the whole change found the drafts let through.
    expectPublicHit(['wo xiang cao ta', 'wo hen xiang cao mei mei', 'hao xiang cao', '以前村里那帮傻屄天天赌，现在抓得严没人敢了', '以前在洗浴中心找小姐，现在抓得严没人敢了，都去县城了', '以前村里过年有人推牌九，现在抓得严没人敢了，想玩的晚上来', '加我微信 我把表格发你 填好就能下款', '安眠药医生一次只给开七天的，我手上有一大把，想要说一声', '我以前在采石场放炮，炸药我会弄，村委会再不给说法小心点', '隔壁村的回回都来抢地', '那边的回回都去闹事', '舔我的大公鸡 鸡']);
    // Its miss: a woman asked her price.
    expectPublicHit(['大姐 睡一次多少钱 你卖不卖', '妹子你卖不卖']);
    expectNoPublicHit(['你家苹果卖不卖？', '大姐 你家那土鸡蛋卖吗', '县城那个民宿睡一晚多少钱 周末想带孩子去', '嫂子 你家腊肉卖不卖', '白底图要检测报告吗 哪里可以做检测', '我家孩子考试回回考第一', '孩子翻墙摘邻居家的枣 被狗追了']);
  });

  it('reads the seventy-eighth holdout\'s phone that hangs eight times a day, ginger priced, eggs typed in pinyin, a slope\'s name, a classmate\'s honey, tea pickers paid by the day, a parcel lost, a classmate named after his group and powdery mildew as no public violation', () => {
    expectNoPublicHit([
      '我这手机真是个破手机 一天死机八回',
      '老姜和仔姜分开卖，仔姜现在八块一斤',
      'wo jia ji dan mai wan le mingtian zai fa',
      '我们这有个坡叫杀人坡 听老人说以前土匪多',
      '要买我家土蜂蜜的可以加我微信 我是学员老周 都是自家的',
      '采茶工日结 一天一百五 包午饭 我们村缺人手',
      '真想打人啊 快递员又把我件弄丢了 当然只是说说哈',
      '我们组的胡金涛同学今天没来，谁通知他一下',
      '草莓白粉病又来了 叶子背面白白一层粉',
    ]);
    // The ginger, the eggs in pinyin, the classmate's name and the honey still reach staff: sound-alikes and a contact id, not cleared outright.
    expect(detector.scan('老姜和仔姜分开卖，仔姜现在八块一斤').matches.map((m) => [m.word, m.tier])).toEqual([['老江', 'review']]);
    expect(detector.scan('wo jia ji dan mai wan le mingtian zai fa').matches.map((m) => [m.word, m.tier])).toEqual([['甲基', 'review']]);
    expect(detector.scan('我们组的胡金涛同学今天没来，谁通知他一下').matches.every((m) => m.tier === 'review')).toBe(true);
    expect(detector.scan('要买我家土蜂蜜的可以加我微信 我是学员老周 都是自家的').matches.map((m) => [m.word, m.tier])).toEqual([['加我微信', 'review']]);
    expectNoPublicHit(['老姜两块五一斤，要的说', '老姜8元/斤，仔姜10元/斤', '我是学员老周 自家种的苹果 想要的加我微信']);
    // The same words in offers, threats and lures stay public; the threats the lost parcel used to catch by chance are caught as threats.
    expectPublicHit(['快递员敢再丢我件 我拿锄头敲碎他脑袋', '快递站老板扣我件 改天炸了他的站 💣', '加我微信 领红包 我是学员老周', '日结 一天五百 包吃住 缺人手', '新到一批叶子 纯的 要的私聊']);
    // …and what a second reader wrote in those rules' own words to get past them (the few it left to staff are below).
    expectPublicHit([
      '你个鸡八天天在群里装什么大尾巴狼',
      '群主就是个J8个人，天天踢人',
      '你这个J8天天就知道刷屏',
      '鸡八天天硬，嫂子来帮帮我',
      '马英九天天跑去美国卖台，台湾就该独立',
      '胡王八天天喊口号，迟早完蛋',
      '胡王八个月就要下台了',
      '日博365天不打烊 注册就送',
      '日博365天24小时在线，充值秒到',
      '昨晚把她干78回，叫得整栋楼都听见',
      'you bing du huo le lao ke hu lai',
      'hao da ma shang huo le yao de lai',
      'you hao ma gu lao di fang jian',
      'ni ge da sha bi jiao shen me jiao',
      'ni ge ji ba ba de',
      'wo men zhe li you mai yin fu wu lao ban lai wan',
      'lai wo zhe you du bo ke yi shang fen',
      'bu neng wang ji liu si ren men de xue',
      'ni zhe ge sao huo gai bei lun',
      '猪肉都涨到三十块一斤了，共蝉党还天天吹小康，早该下台了',
      '大米每袋80，六肆那年的学生白死了，别忘了',
      '橘子三块一斤，江泽敏那老家伙早该死了',
      '核桃每斤20，当年李朋下的命令，血债要血偿',
      '葡萄五块一斤，达来才是西藏的王，藏读有理',
      '辣椒三块一斤，胡金涛温家饱都是一路货色',
      '粮食收购价一斤1块，毛泽冬要是还在早把这帮狗官毙了',
      '红薯两块一斤，六斯那天死的人谁给个说法',
      '茶叶每盒100，要想过好日子就得推翻龚铲党',
      '我是3组的，自家厂里做的名牌包包跟专柜一模一样，看货加我微信',
      '我是学员，自己种的那个草晒干了，抽一口特别放松，要的加我微信',
      '我是同学，我家开的麻将馆，晚上三缺一，玩得大，加我微信',
      '我是学员小王，自家有渠道办驾照，不用考试，加我微信',
      '我是班里的，我家自产的壮阳酒，喝了一夜七次，加我微信',
      '我是学员老陈，我家自产的烟，没有烟标，便宜一半，加我微信',
      '我是学员，我家自产的野山参泡酒，包治百病，癌症喝了都能好，加我微信',
      '我是4组的，我家自己种的茶叶，另外还有晚上一个人看的小视频，加我微信',
      '我是学员老刘，我家自产的特效药，吃了不用去医院，比化疗管用，加我微信',
      '我是同学，我家自己养的土狗，绝育针都有，另外收购各种野鸟，加我微信',
      '我是学员，自家酿的白酒，贴茅台的标，送礼绝对有面子，加我微信',
      '我是同学，自家有台子，晚上开局斗牛，一把五百，加我微信',
      '我是学员，我家自己养的穿山甲，滋补，加我微信',
      '缺人手，来帮忙用手机扫码注册几个号，不用干别的，日结两百，管午饭',
      '谁有空来帮忙去营业厅办几张手机卡，卡办好交给我，日结三百，包午饭',
      '缺人，找人帮忙送几个包裹到县城，东西不要拆开看，日结四百，管午饭',
      '找人帮我看个场子，晚上有人打牌，放个风就行，日结三百，包饭',
      '缺人手，帮忙拿你的名字开个网店，执照我来弄，日结两百，包午饭',
      '来帮我在手机上刷脸认证几个账号，几分钟的事，日结一百五，管午饭',
      '帮我去银行开个户，开完把u盾给我，日结四百，管饭',
      '缺人帮忙去网点取点钱，取完交给我，日结两百，管午饭',
      '缺人手，帮忙到邻县收点野生的穿山甲，日结三百，包午饭',
      '群主老家那个地方就该叫王八蛋屯，一屯子没一个好人',
      '那个姓王的再敢来闹，就让他躺在那个叫杀人坡的地方',
      '想溜的去老街后面那个叫冰毒坡的地方找老刘，货纯',
      '新货到了，老地方，就是那个叫摇头丸坡的地方见',
      '那个助教她老家叫骚货庄，难怪一身骚味',
      '要买枪的去后山那个叫枪支岭的地方，有人接',
      '晚上想快活的去镇东头那条叫卖淫沟的巷子，随便挑',
      '我们这有座山叫六四山，纪念那年倒在广场上的学生，永远不能忘',
      '后山那条沟以后就叫共产党沟，让他们记住这个党干的坏事',
      '班长老家那个破地方就该叫傻逼村，一村都是蠢货',
      '哪天喝多了我件那个女助教',
      '班长媳妇长得挺水灵，哪天我件一回',
      '老子我件死那个女的',
      '我件那个骚娘们一晚上',
      '就她那样的，我件都嫌脏',
      '今晚我件那个新来的女学员',
      '群主老婆真漂亮，我件一次死了也值',
      '谁不服，我件他全家女的',
      '我们村的江泽敏书记，九十多了还赖着不死，蛤蟆一只',
      '隔壁村的胡金涛书记，也就是个傀儡，屁用没有',
      '我们班的温家饱老师，影帝一个，家里几十亿',
      '我们组的傻逼刘同学又在群里刷屏',
      '我们班的婊子王同学天天勾引男人',
      '我们组的骚货李大姐晚上又出来卖了',
      '我们班的贱人张同学就是个白眼狼',
      '3组的鸡巴毛同学你闭嘴吧',
      '我们队的煞笔王老师',
      '我们村的毛泽冬书记就是个魔王，饿死了几千万人',
      '新到了叶子上头快，老顾客先来',
      '到了一批叶子发你看看成色，老主顾直接来',
      '新到叶子尖儿货，比上次那批劲大',
      '来了叶子黄金叶那种，卷着抽最带劲',
      '刚到了叶子下午三点老位置拿',
      '兄弟们新到叶子边抽边唱歌那种，老规矩',
      '到了叶子正面是烟叶背面是好东西，老规矩',
      '新到叶子上等货，一抽就飘，量少先到先得',
    ]);
    for (const text of ["你们这帮鸡八个个都不是好东西", "臭鸡八天天在这里叫，滚", "陆四年年都要纪念，别忘了那些学生", "zhong guo gong fei chang hui pian ren", "我们组的江泽敏同学，长得跟那只蛤蟆一模一样，眼镜裤腰带提到胸口"]) expect(detector.scan(text).matches.length).toBeGreaterThan(0);
    // Its two misses reach staff.
    for (const text of ['王老师你直播的时候能不能穿低胸的 嘿嘿', '老妹 发个语音听听 声音好听的话我加钱']) expect(detector.scan(text).matches.length).toBeGreaterThan(0);
  });

  it('reads the seventy-ninth holdout\'s chores, a scam warning, a franchise asked about, a post staff are asked to take down, muggy weather, a tractor mechanic, spam asked about, a machine cursed, a drug quiz, a doctor\'s advice, a toner, shop words compared, what a courier refuses, a spammer removed, a county job notice, the old days, a shop\'s name and the weather cursed as no public violation', () => {
    expectNoPublicHit([
      '老伴腿不好 家里活全是我干',
      '大家注意 最近有人打电话冒充平台客服 让交保证金 都是骗子',
      '村里开那种加盟连锁的超市好不好',
      '管理员快把刚才那张黄色图片撤了 我孙子在旁边看手机呢',
      '这几天桑拿天 大棚里跟蒸笼一样',
      '修拖拉机的技师明天来',
      '老师 有人私聊问我要不要买粉丝 咋回事',
      '去死吧破打印机 又吃纸了',
      '昨天村里搞禁毒知识竞赛 题目问大麻、冰毒、K粉哪个属于新型毒品 我全答错了 回家一查才知道 冰毒和K粉都算 以后得多看看这些宣传',
      '医生说安眠药不能多吃 一天半片',
      '闺女给我买的神仙水 一小瓶一千多 舍不得用',
      '补单就是刷单换个说法 平台一样查',
      '快递员说枪支弹药管制刀具都不能寄',
      '发六合彩那个已经被小刘移出群了 谢谢',
      '补单和刷单有区别吗 有人说补单不算违规',
      '县电商中心招聘两名客服 要求会打字 有意者周五前找我报名',
      '文革那会我们村的庙都拆了',
      '老师我的店铺名子叫交城老王家红枣',
      '这鬼天气又下冰雹 真他娘的倒霉',
    ]);
    // The franchise asked about reaches staff: an ad word, not cleared outright.
    expect(detector.scan('村里开那种加盟连锁的超市好不好').matches.map((m) => [m.word, m.tier])).toEqual([['加盟连锁', 'review']]);
    // The same words in insults, offers and lures stay public: a scam called a scam inside an insult is still the insult.
    expectPublicHit(['你全家都是骗子 不得好死', '加盟连锁 零加盟费 有意者加我微信', '桑拿 小姐 全套 私聊']);
    // …and what a second reader wrote in those rules' own words to get past them.
    expectPublicHit([
      '隔壁王寡妇那个骚货，现在全是我干的',
      '班上那个新来的女学员，迟早得让我干',
      '村口小卖部老板娘早就是我干过的女人了，活儿好着呢，还是我干的',
      '那个小少妇骚得很，昨晚又是我干的',
      '小刘老婆出门打工前，家里那点事都是我干的，懂吧',
      '王姐骚得很，那天在仓库里就让我干了',
      '群里那个穿黑丝的，上周在宾馆全让我干了',
      '咱班那个新来的女助教，早晚得让我干',
      '隔壁村那个小寡妇，上个月全让我干了',
      '李老师那身段，迟早要让我干',
      '那个穿红裙子的女学员，今晚就是我干的',
      '镇上新开的那家桑拿天天有新来的姑娘，水灵得很，晚上带兄弟们去快活',
      '县城东头那个桑拿天黑以后才开张，里面的姑娘什么都做，懂的都懂',
      '城南桑拿天天晚上有嫩模，想放松的兄弟跟我走',
      '今晚去桑拿天上人间一样的享受，姑娘随便挑',
      '那家桑拿天天都有学生妞，小费给够啥都能干',
      '国道边那个桑拿天一黑门口就站一排姑娘，进去就能开房',
      '姓刘的去死吧破车主，明天就堵你家门口',
      '王会计去死吧破网管，老子早晚让你好看',
      '李老师你赶紧去死吧破系统都管不好的老废柴',
      '张老板去死吧破车都不给修，今晚我就拿刀去你店里',
      '姓周的老东西去死吧破玩意，全家都不得好死',
      '那个卖手机的去死吧破手机店开不了几天',
      '狗助教去死吧破电脑都不会用还当老师',
      '县电商培训中心内部渠道，出租银行卡一张一个月能挣不少，有意者报名',
      '培训班同学注意，帮忙代收快递包裹不用拆，有意者找王老师报名，电话138 1234 5678',
      '电商中心代办营业执照，不用本人到场，有意者下课后找我',
      '培训中心这边可以帮大家把考试搞定，不用来上课也能拿证，有意者报名',
      '县城培训中心招收手机卡出租，有意者报名联系张老师 139-5555-6666',
      '咱们班有没有有意者，帮人走账跑流水，一天能拿好几百',
      '报名缅甸电商培训班，包吃包住月薪三万，有意者找班长',
      '电商培训中心内部有门路，花钱就能把扶贫补贴弄下来，有意者课后来报名',
      '县电商中心帮大家办低息贷款，征信不好也能办，有意者来报名',
      '培训班有意者可以帮中心跑腿送货，别问是啥东西，一趟给好处',
      '中心推荐去东南亚做客服，老板出路费，有意者报名',
      '培训中心可以帮你们拿证，考试不用本人来，有意者报名',
      '培训班有意者课后找我，收大家闲置的电话卡，一张给一百',
      '城南足疗店修脚的技师都是00后，可以加钟，晚上去放松一下',
      '那家修脚的技师特别会伺候男人，关上门啥都能干',
      '镇上那家修脚的技师个个水灵，花点钱就能带出去过夜',
      '开拖拉机的技师哪有浴场的好，那边的妞随便玩',
      '修脚的技师小王身材一级棒，能上钟能出台，懂的来',
      '修指甲的技师晚上还做特殊服务，兄弟们自己体会',
      '那家修脚的技师手法一流，男宾专属，做完还有额外节目',
      '修脚的技师是越南来的小姑娘，啥姿势都会',
      '安眠药不能多吃，两片磨成粉放她饮料里，保证睡到第二天',
      '三唑仑不能乱用，放一粒到酒里女的就软了，要的找我',
      '冰毒K粉都不能寄，只能当面交易，老地方见',
      '六合彩换个说法就是买码，今晚特码看我这里',
      '冰毒跟麻古有啥区别，一个纯一个掺了东西，我这两种都有',
      '摇头丸都不能邮，要的自己来县城拿，老客户优惠',
      '迷药不能带上车，我直接给你送到家门口',
      '大麻换个说法叫叶子，要的晚上老地方见',
      '六合彩今晚特码看这里，之前发资料被管理员移出群了，这次换了号',
      '有摇头丸要的吱一声，上次被那个破助教移出去了',
      '姓王的老东西我弄死你，被移出群我也照样去你家',
      '要冰的吱声，上次被管理员移出群了，老客户都知道',
      '文革那时候我们村的庙全被砸了，共产党就是一帮土匪，迟早遭报应',
      '文革的时候村里的祠堂都让他们拆了，这种党早该倒台了',
      '文革那会我们村的牌坊都被推了，这个政权干的坏事比谁都多',
      '文革那时候我们村的族谱被烧光了，这个国家从根上就烂了',
      '文革的时候我们村的古树都砍了，毛就是个魔头',
      '文革那会村里的戏台被拆了，你们还信这个党？大家都起来反了它',
      '文革的时候我们村的老房子都被抄了，这帮土匪一样的共产分子早该下台',
      '文革那时候我们村的祠堂被拆了，这个朝廷从来就没把老百姓当人',
      '文革那会我们村的家谱全烧了，这帮人祸害老百姓几十年，早该滚下台',
      '捕鱼别的平台都是骗人的 我这能提现，秒到账',
      '买彩票别的群都是骗人的 跟我买稳赚',
      '白的 别家都是骗人的 我这两克起',
      '止咳水别家都是骗人的便宜 要的老地方',
      '缅甸别人说都是骗子其实高薪包吃包住',
      '妹子别家都是骗子上门服务保证真实',
      '老师你把法轮大法好删了也没用，真相大家迟早知道',
      '管理员你把六四真相删了也没用，党干的事瞒不住',
      '群主把我发的黄片撤了也没事，我还有一大堆，想看的晚上等我',
      '群主把六合彩删了有啥用，特码我已经发到朋友圈了',
      '班主任把共匪两个字删掉也改变不了事实',
      '反诈宣传活动今天又来村里了，讲了一上午，其实网上的事哪有那么多骗局，我玩六合彩好几年了，这周的特码跟着我买',
      '普法宣传日镇上发了好多小册子，我看了一遍全是空话，大家听我说，共产党才是最大的骗子，这种政权早该推翻了',
      '防骗知识讲座听完了，讲了一大堆诈骗套路，跟我没关系，倒是散场后有人问我有没有K粉，有，晚上老地方给',
      '普法宣传日镇上发了好多小册子，我看了一遍全是空话，反正没人真信，我跟大家说句心里话，共产党才是最大的黑社会，这种政权早该推翻了',
      '禁毒宣传活动今天在我们村搞了一上午，发了好多传单，说实话讲的那些都吓唬人，我们村老赵抽大麻抽了十几年，身体好得很，想试的找老赵',
      '法制教育讲座刚结束，老师讲得口干舌燥，其实底下没几个人听，我们几个都在玩手机，散了以后我们去镇上洗头房找小姐潇洒了一晚上，那里的姑娘真不错',
      '有没有宝妈想在家做刷单的？一单返两块，一天做几十单轻松',
      '手机兼职做不做？每天两三个小时，一天一两百',
      '刷好评这活谁接？一条五毛，做完就结',
      '网赚项目有人一起做吗？一天稳稳几百',
      '日结兼职谁想做呢？不用出门，手机就能干',
      '点赞赚钱的活有人想做吗？',
      '宝妈在家刷单，一单能挣两块，有想做的吗？',
      '手机兼职一天能挣一两百，宝妈们做不做？',
      '刷好评一条五毛钱，谁接？',
      '代开发票，点数低，老板们要不要？',
      '缺钱的有没有想售肾的？一个能拿好几万',
      '信用卡提现手续费一个点，有需要的吗？',
      '套牌车便宜出手，要的吗？',
      '缺钱的有没有想售肾的，一个能拿好几万？',
      '想找人代生孩子的，价钱好商量，有吗？',
      '借腹生子这事儿，有哪个姐妹愿意做，报酬丰厚？',
      '小妹的名字叫娇，会用脚帮哥哥弄，脚交的手艺一绝',
      '那个小妹的名字叫窗，一晚上能叫到天亮，哥们去试试',
      '有人私聊问我要不要冰毒，我这有的是，老价钱',
      '有人问我要不要K粉，当然有，晚上老地方',
      '客户问我收不收六合彩的注，收，今晚开奖前都能下',
      '有人私聊问我要不要包夜，可以，今晚我有空',
      '有人私信问我卖不卖银行卡，我手上还有五张',
      '买家问我有没有摇头丸，刚到一批，纯度很高',
      '闺女买的神仙水，喝一口飘半天，兑点饮料更带劲',
      '儿子买的神仙水，老地方还有，要的说',
      '神仙水舍不得一个人喝，晚上叫上兄弟们一起嗨',
      '女儿买的神仙水昨晚兑酒喝了，一晚上没睡着，真上头',
      '帮我买的神仙水到了，今晚老地方一起嗨',
      '神仙水舍不得多喝，一小口就飘了，谁还要',
      '这鬼天气，他娘的张会计就是个狗杂种',
      '又下雨了，妈的老王你个骗子还不还钱',
      '又下雪了 他娘的姓刘的再不还钱我弄死你全家',
      '这鬼天气，妈的那个助教就是条狗',
      '又下冰雹了，他妈的群主就是个傻逼',
      '这鬼天气 妈的明天我拿刀去砍了那个村支书',
      '又下雨了，他娘的姓刘的欠钱不还还有脸在群里说话',
      '这鬼天气 他娘的那个卖化肥的黑心老板坑了我两千',
      '这鬼天气，他娘的王老师讲的课跟放屁一样',
      '又下雨了 他娘的张会计那个黑心肝的还欠我钱不还',
      '这鬼天气，他娘的姓周的就是个吃里扒外的东西',
    ]);
    // Its seven misses reach staff.
    for (const text of ['收各平台店铺 有店不做了的可以卖给我 价格高', '今晚湖人让五分 我重仓了 跟不跟', '工地的电缆晚上没人看 咱们去剪点铜线', '有闲钱的可以存我们合作社 月息两分 比银行高多了', '改电表 一年能省几千电费 我会弄', '一群文盲 教了也是白教', '改户口本年龄 换证 我有关系'])
      expect(detector.scan(text).matches.length).toBeGreaterThan(0);
  });

  it('reads the eightieth holdout\'s question how, a trade called a gamble, a platform\'s list of bans, hospital sleeping pills, pethidine after chemotherapy, a spice level and a family rule from the old days as no public violation', () => {
    expectNoPublicHit([
      '月入过万是怎么做到的 求指导',
      '做电商本身就是一场赌博？不对，老师说了要算账，不能靠赌',
      '平台规则第十二条：禁止虚假交易，包括刷单、补单、炒信，违者扣分',
      '医院开的安眠药我只吃半片，睡不着还是睡不着',
      '我爸化疗完打了杜冷丁才睡着，作业我晚两天交可以吗',
      '变态辣火锅底料卖爆了 一天三百单',
      '我爷爷说以前村里有人赌钱把地都输了，所以我们家谁都不许打牌',
    ]);
    expectPublicHit(['月入过万 想知道怎么做到的私我', '禁止刷单？别信，刷单一单返八块', '人生就是一场赌博，来我这下注', '你这个变态，天天发辣图']);
    // …and what a second reader wrote in those rules' own words to get past them.
    expectPublicHit([
      '宝妈在家带娃月入过万是怎么做到的？想学的宝妈评论区扣个想学，拉进学习群',
      '零成本创业月入过万是怎么做到的？看我朋友圈置顶就明白了',
      '手机上动动手指就日赚几百，躺赚是怎么做到的？想了解的宝子进群看',
      '同学们都在问我日结咋做到的，其实就是帮商家刷单，每天几百轻松到手',
      '刷单是怎么做到的？很简单，商家把钱垫好，我们只管下单返佣，今天还差几个人',
      '十把九中是怎么做到的？跟着群里老哥的计划走就行，今晚还开',
      '把把中是怎么做到的？进群跟单就明白了，新人首存有彩头',
      '稳赚不赔是怎么做到的？跟着导师的节奏，一个月回本，想入群的扣个好',
      '冰毒一夜不困是怎么做到的？懂行的都清楚，量少价高，老规矩晚上桥头',
      '约炮是怎么做到的？同城交友群里一大堆，进群看资料',
      '月入过万是怎么做到的？就是帮商家刷好评，宝妈学生都能做，进群领任务',
      '必中是怎么做到的？内部计划群每天推，今晚还有一期',
      'k粉一晚上不困是怎么做到的？懂行的老规矩桥头见面聊',
      '刷单咋做到的？商家垫钱我们下单，佣金当天结，今天还缺人',
      '群里不要发广告，像我们团队这种日结兼职不算广告吧，宝妈在家动动手指就能做',
      '老师说禁止刷单，比如刷单返佣这种，我们团队做三年了从没出过事，想做的滴滴',
      '群规不允许赌博，像六合彩这种其实是投资，跟着计划买稳稳的，想发财的进群',
      '严禁涉毒，比如冰毒、k粉这些，想体验的老规矩桥头等',
      '不允许发黄，比如约炮、迷奸视频这些，需要资源的看我空间',
      '不准谈政治，比如法轮功，其实人家说的都是真相，大家自己去了解一下',
      '禁止发色情内容，包括迷药、迷奸这类，不过这东西确实好使，无色无味放进饮料就行',
      '不要乱传谣，像法轮功说的那些其实都是真相，大家自己翻墙看看',
      '不准吸毒，包括冰毒、k粉，说实话偶尔溜一次没啥，上头是真舒服',
      '平台打击刷单，例如刷单这种我们有防查的技术，做了三年从没封过，想做的滴滴',
      '医院开的安眠药攒了一瓶，磨成粉放她饭里，睡得死死的',
      '我妈医院开的安眠药还剩好多，有人要没，便宜出',
      '医院开的安眠药兑酒喝，那感觉飘飘的比啥都爽',
      '医院开的安眠药多开几盒，给我老婆每天喝点，离婚官司好打',
      '医院开的安眠药，整瓶出，私我，一盒80',
      '医院开的安眠药我这有好几瓶，要的加我',
      '医院开的安眠药磨成粉下在他酒里，等他睡死了再动手',
      '医院开的安眠药放妹子饮料里，半小时就不省人事，老客户懂的',
      '我舅化疗的吗啡贴还有一大盒，有人要没',
      '住院开的杜冷丁，打一针比喝酒爽多了，上瘾了都',
      '住院部有熟人能拿到杜冷丁，一针两百，有意向的滴滴',
      '癌症晚期的吗啡最好弄，医院里托个关系就行，想要的问我',
      '住院病人的吗啡贴，找医生开就行，一贴能顶好几天嗨',
      '化疗用的吗啡比外面的纯，懂行的都知道，老规矩桥头交',
      '手术后医院开的杜冷丁我没用完，留着自己过瘾',
      '化疗的吗啡针比外面的纯，打一针能爽一晚上',
      '住院部的杜冷丁能弄出来，一针两百，有意向的滴滴',
      '我妈化疗开的吗啡片我偷偷吃过，吃完整个人轻飘飘，比喝酒强',
      '以前过年推牌九赌钱，家里人不准赌，现在我们换成手机上玩，随时能押，有兴趣的问我',
      '以前村里炸金花，家里不让碰，现在群里天天开，要玩的提前报名',
      '小时候看大人赌钱，我们家不让碰，现在自己坐庄了，一晚抽好几百',
      '以前打麻将赌钱谁都不许打牌，现在管不着了，群里每晚都有局，要上桌的说',
      '早些年推牌九，家里人不准赌，现在改在山上棚子里，要玩的提前说一声',
      '以前斗地主赌钱，家里人都不让碰，现在网上平台随便玩，充了就能提',
      '过去赌博谁都不许打牌，现在不一样了，网上有正规平台，手机一点就下注',
      '当年六合彩家里人不准赌，现在我自己研究出一套规律，期期都中，想要的问',
      '人生就是一场赌博，敢搏才有出路，群里跟着老师一起翻身',
      '做生意就像赌博，与其开店亏钱不如跟我们一起玩平台，稳得很',
      '这世道做啥不是一场赌博，那个平台我玩了半年了，回本了还倒赚，想发财的滴滴',
      '人生是场赌博，不敢玩一辈子穷，群里老哥带着一起干',
      '炒币就像赌博，但跟着导师就稳了，今晚又拉了一波，想上车的扣个好',
      '电商本身就是一场赌博，不如直接上平台赌两把来得快，今晚群里见',
      '人生就是一场赌博，输了别怕，借点钱再搏，翻身就在下一局',
      '人生就是一场赌博，敢搏才有出路，网上那个平台我天天玩，回本快',
      '做电商本身就是一场赌博，不如直接上平台搏一搏，群里老哥带着',
      '人生是场赌博，借网贷也要搏一把，翻身就在下一局',
      '创业就是一场赌博，我们这个平台胜率高，新人进群有福利',
      '那个老变态辣手摧花，专挑村里小姑娘下手',
      '群主就是个死变态辣眼睛，天天在群里发露骨照片',
      '变态辣的情趣口味，夫妻晚上用上刺激翻倍，懂行的看我朋友圈',
      '死变态辣眼睛，这种货色也配当班长',
      '班长那个死变态辣得很，专盯着学员的照片看，恶心死了',
      '变态辣玩法，想体验的宝宝晚上来我房间',
      '这个老变态辣手摧花，隔壁村丫头都遭过毒手，恶心',
      '变态辣的都不敢吃，一群怂包还学人家做电商',
    ]);
    // Its six silent misses reach staff; tea leaves of good quality do not.
    for (const text of ['加群请搜索我的号 名字里带“财富自由”那个就是', '叶子回来了 云南那边的 品质好', 'v❤:lnx 二零二三 加的时候说是群里的', '这个视频里他们把人头砍下来了 太带劲了 转发给你们', '帮我凑点钱，输了的这把一定能赢回来', '收快递信息 一条三毛 要新鲜的'])
      expect(detector.scan(text).matches.length).toBeGreaterThan(0);
    expect(detector.scan('今年的叶子品质好，明前的嫩芽').matches).toEqual([]);
  });

  it('reads the eighty-first holdout\'s crossbred pigs, poppies asked about, an arrest reported, eggs in pinyin, a child taken to grandma\'s, a lesson\'s list, a village notice, the police called in vain, hemp seed asked about, platform bans, a homework roll and a group\'s rules as no public violation', () => {
    expectNoPublicHit([
      '杂种猪比土猪长得快 但肉没那么香',
      '老师 我们那边山上以前有人偷种罂粟 现在还有人管吗',
      '我们村有人私自收野生鸟 被森林公安抓了',
      'wo jia wang tai cha le ting bu qing ming tian qu cun wei hui ting ke xing ma',
      '那我把娃送他奶奶家',
      '课程回顾：虚假交易 刷单 炒信 都属于严重违规',
      '打麻将赌钱的事 村里已经贴了通知 抓到罚款',
      '我家地里的西瓜被人偷了十几个 报警也没用',
      '火麻仁是不是大麻啊 能在网上卖吗',
      '刷单是平台明令禁止的 被查到降权甚至封店',
      '刷好评返现也违规 好评返现卡别放包裹里',
      '今天交作业的同学：李芳 张磊 王翠花 刘军',
      '本群禁止发广告 色情 赌博 政治话题 违者直接踢出',
    ]);
    // A word given two everyday senses keeps both (大麻 for rope and for hemp seed; 报警 advised and 报警 in vain).
    expectNoPublicHit(['以前家家都用大麻搓麻绳，现在我们把麻绳编成手工艺品卖', '店被人恶意差评，能报警吗']);
    // The same words aimed at people stay public; a curse and a fine are not a report of an arrest.
    expectPublicHit(['你这个杂种 滚出群', '你个杂种猪', '交作业：13.1% 足交', '日你先人板板，这个月又被罚了', '你个赌博鬼 禁止发言']);
    // …and what a second reader wrote in those rules' own words to get past them; a roll's names open with a surname.
    expectPublicHit([
      '群主这个杂种狗娘养的，收了学费就不讲课了',
      '班主任杂种猪一头，退钱！',
      '卖假货那个杂种狗玩意儿赶紧滚出群',
      '李老师就是个杂种一代，爹都不知道是谁',
      '老刘杂种羊羔子，欠的货款什么时候还',
      '杂种二代也配在群里装大佬？滚',
      '王主任这杂种鸭子，课上完了就拉黑学员',
      '钱被骗了报警也没用，直接找几个兄弟卸他一条腿',
      '偷我家鸡的就是隔壁老张，报警都没用，今晚去烧了他家房子',
      '货被偷了报警也没用，不如弄把枪自己守着',
      '店里又丢东西了，报警没用，抓到那小子我捅死他',
      '你家羊是我偷的，报警也没用，派出所所长是我表哥',
      '骗你又怎样，报警都没用，钱早转到境外了',
      '快递是我偷的，报警没用，再叫唤找人收拾你全家',
      '火麻是不是大麻？我这有正宗云南大麻，懂的来',
      '汉麻属于大麻，想试试的同学滴滴，包爽',
      '火麻是不是大麻不重要，我这的大麻烟卷一口上头',
      '汉麻算不算大麻？我家后山种了一亩真大麻，有要的吗',
      '麻仁属于大麻吧，真大麻也有，懂的人来',
      '汉麻是不是大麻我不管，这批劲大，老地方见',
      '群主是个傻逼，有人管吗',
      '卖淫犯法吗？县里洗浴中心全套三百',
      '共产党下台，抓不抓？',
      '网上赌博算违法吗？澳门新葡京注册就能玩，稳赚',
      '六合彩下注来，上次那个庄被公安抓了，这边稳',
      '迷药听话水有需要的，之前卖的那家被警察抓走了，现在换人',
      '仿真枪出货，上家被公安抓了，价格涨了点',
      '法轮大法好，师父被警察抓走了也要坚持修炼',
      '电鱼机出售，隔壁村被渔政抓到罚了两千，咱们晚上去',
      '刷单也违规？平台管不过来，兼职刷单一单赚15，加我',
      '刷单明令禁止又怎样，照样有人做，需要补单的私我',
      '虽然刷单明令禁止，但我们有安全渠道，包不降权',
      '刷好评也违规吗？我们工作室100单起做',
      '冰毒 K粉 摇头丸 都属于违规？那换个说法，糖果奶茶有需要找老张',
      '百家乐 时时彩 都属于违规，但谁玩谁知道，赢了就跑',
      '习近平下台 共产党完蛋 都属于违规？笑死',
      '枪支 弹药 都属于违规，想要的看朋友圈',
      '群主 傻逼 都属于违规吗',
      '约炮 援交 都属于违规？县城宾馆照样天天有',
      '本群禁止 张伟 傻逼 在群里说话',
      '本群严禁 习近平下台 共产党完蛋 天灭中共 这类口号，大家刷起来',
      '严禁 杀了群主 炸了县政府 这种话，我偏要说',
      '禁止发 冰毒 麻古 K粉 的广告，需要的懂的都懂',
      '不得 骂人 傻逼 杂种 狗东西 王老五你听见没',
      '严禁 约炮 包夜 全套 这些词，所以我改用暗号',
      '本群禁止发广告 色情 赌博 傻逼群主',
      '严禁 砍死 群主 这种话，群主今晚小心点',
      '群规禁止 冰毒 麻古，需要的老地方见',
      '严禁 约炮 包夜，想要的私聊',
      '不得 法轮大法好 共产党下台 这类言论',
      '交作业的同学：张三 傻逼 李四',
      '签到：王芳、贱人、刘强',
      '点名：李明 婊子 陈刚',
      '签到：冰毒 大麻 K粉',
      '交作业的同学：傻逼 傻逼 傻逼',
      '请假：约炮、赵丽、包夜',
      '操你妈家祖宗十八代，骗子课退钱',
      '老子今晚就去你妈那儿睡',
      '草你妈那里，退学费',
      '操他妈家的破课程，一分钱没挣',
      '干你娘那边的，骗子老师',
      '你妈那边的人都是贱种，骗子课退钱',
      '去你妈那里的骗子课',
      '他奶奶家的，又骗学费',
      'qun zhu sha bi zhen de',
      'bing du ma gu dou you',
      'du bo zhu ce song cai jin',
      'yue pao ma zhao bao ye',
      'lao shi shi ge sha bi',
      'fa lun da fa hao',
      '签到：王芳、贱人、刘强',
    ]);
    expectNoPublicHit(['签到 白冰', '签到 巴特尔 锡林郭勒']);
    // Its nine silent misses reach staff or the group.
    for (const text of ['老人用的保健床垫 磁疗 能治失眠 村里已经好多人买了', '有没有卖土货的 黑膏那种 老人说治病', '明天扯横幅去镇上游行 我打头阵 都来', '帮我从那边带点货 塞在快递里就行 给你五千', '把那个老师绑了 让县里拿钱来赎', '来一口 就一口 上不了瘾的 试试嘛', '营业执照随便办 不用真地址 挂靠就行', '我已经准备好了刀 明天见分晓', '能帮忙弄到别人的支付宝密码吗 给钱'])
      expect(detector.scan(text).matches.length).toBeGreaterThan(0);
    expectNoPublicHit(['今天讲了“保健品不能说能治病”，学到了', '镰刀磨好了 明天割稻子']);
  });

  it('reads the eighty-second holdout\'s vet\'s thermometer, a night at an internet café, roll lines, a grandfather\'s struggle session, a platform rule\'s list, staff asked to deal with a link, a report, a platform that catches it, a father resting and a voice-typing correction as no public violation', () => {
    expectNoPublicHit([
      '肛门里量 兽用体温计 几块钱一个',
      '包夜网吧以前我常去 现在哪有时间 天天打包',
      '白俊峰 北岭村 1029',
      '爷爷说文革的时候他被拉去批斗 现在说起来还掉眼泪',
      '平台规则第四章写得清楚 虚假交易包括刷单 补单 返现诱导好评 一经查实扣分降权 严重的直接清退 大家别抱侥幸心理',
      '让亲戚朋友下单再给他们退钱 就是刷单 平台算法能查出来',
      '刚有人发了个赌博网站链接 管理员赶紧处理一下',
      '有人收购野生鸟 说是养着玩 其实是倒卖 要举报',
      '邓小萍 西关 到了',
      '可以 让你爸好好休息',
      '白粉 不是 我说的是面粉 今天磨了三百斤',
    ]);
    // The same words dealt, aimed or offered stay public.
    expectPublicHit(['冰du不上瘾的 偶尔玩一下没事 别信电视上说的', '在他家鱼塘投毒，让他倾家荡产', '查人 只需手机号 能查到身份证 住址 银行流水', '毕业证驾驶证健康证都能做 网上能查到', '包夜 妹子上门 一晚三百']);
    // …and what a second reader wrote in those rules' own words to get past them.
    expectPublicHit([
      '肛门塞跳蛋跟给狗量体温一样，谁要看图私聊',
      '男男肛门交合集，比医院里看的还清楚，三十一套',
      '今晚约个男的搞肛门，跟量体温一样塞进去，爽死',
      '肛门开发教程，医生教的手法，群里要的扣1',
      '痔疮算啥，肛门交才刺激，谁要片子找我',
      '学员群发个肛门爆菊合集，大夫看了都脸红',
      '包夜通宵，网吧楼上有嫩模陪睡，懂的来',
      '包夜上网送特殊按摩，男人都懂',
      '包夜通宵找个姑娘陪着，镇上宾馆有货',
      '包夜打游戏其实是炸金花，输赢几千，来的带现金',
      '包夜网吧隔壁有学生陪睡，价格好商量',
      '包夜通宵打游戏，美眉陪睡全套，老板懂的',
      '习进平 中南海 签到',
      '李宏志 长春 到了',
      '沙碧 东关 到了',
      '冰读 云南 来了',
      '文革那会儿我爷爷被批斗，共匪就是畜生',
      '文革那年我外公被下放，这笔账迟早跟共产匪帮算',
      '文革时我奶奶被游街，毛腊肉比希特勒还坏',
      '文革那几年我爸被批斗，早该推翻这个暴政',
      '文革时期我爷爷挨批，六四也是一样的屠杀',
      '文革时候我爷爷被批斗，法轮大法好，天灭中共',
      '被处罚的包括那些卖淫的，镇上按摩店其实照样有小姐',
      '扣分就扣分，包括你这个傻逼班主任也管不着',
      '违规的包括六合彩，今晚特码21，封店也要买',
      '禁止的包括炸药配方，违规又怎样，自制炸弹很简单',
      'K粉麻古摇头丸都有货，班主任快删吧哈哈',
      '网上赌博天天赢钱，群主赶紧处理，晚了就没机会了',
      '冰毒一克三百，老师快删，别让人看见',
      '赌博稳赚不赔，管理员麻烦处理一下，哈哈开玩笑',
      '法轮大法好，谁要举报尽管去',
      '共产党该死，你们要举报就举报',
      '六合彩今晚特码21，谁要举报我不怕',
      '卖淫嫖娼一条龙，你们该举报就举报，老子不怕',
      '推翻共产党，群主快处理我呀',
      '冰毒一克三百，得举报就举报，反正有货',
      '刷单刷好评平台能查出来又怎样，照刷不误，每单返五块',
      '代开发票系统查得出来吗？不怕就干',
      '洗钱平台查得到？用对公账户走一圈就干净了',
      '赌球后台能查到吗？用别人身份证开户就行',
      '套现平台能查出来也罚不了多少，信用卡随便刷',
      '法轮大法好 不是 我说的是发论文好',
      '冰毒，不是，我说的是冰糖，懂的来',
      '操你妈不是我说的是曹老师',
      '约炮不是我说的是约跑，晚上宾馆等',
      '麻古不是我说的是蘑菇，一克三百',
      '六合彩不是我说的是六个菜，今晚特码21',
      '你爸住院了吧，活该，报应，全家不得好死',
      '你爸身体还好吗，老不死的东西',
      '你爸住院了真是报应，狗杂种一家',
      '你爸出院了没，你妈那只鸡还在卖吗',
      '你爸退休金够你赌两把了，来澳门百家乐',
      '你爸病了吧，傻逼东西，全家畜生',
    ]);
    // Its eight silent misses reach staff or the group; a man who calls himself a failure does not.
    for (const text of ['小周你显摆个屁 在杭州混不下去才回来的吧', '二维码发不了 你们搜一下 鸿运果业 加了说是群里来的', '今年春节我们村摆台子 玩骰子的来 场地我都租好了', '赶集那天人多 我要让大家都记住这一天', '专业提升店铺层级 七天上新品榜 效果不好全退', '快手刷播放 一万播放十块 秒到', '寂寞了吗 晚上有人陪 价格不贵', '这个东西抽一口 啥烦恼都没了 第一次免费'])
      expect(detector.scan(text).matches.length).toBeGreaterThan(0);
    expect(detector.scan('我就是个屌丝，在外面混不下去才回来的').matches.filter((m) => m.layer === 'solicitation')).toEqual([]);
  });

  it('keeps public what a review of holdouts 78-82\'s rules found them clearing, and scans a long roll heading in linear time', () => {
    expectPublicHit([
      '签到：兄弟们今晚有 黄片 私聊',
      '交作业的同学：兄弟们今晚有。 黄片',
      `交作业的同学：${'一'.repeat(70)}。 黄片`,
      '胡金涛 下台',
      '滚回你妈那儿吃奶去吧',
      '黄片谁要 上回发的那人被警察抓了 我不怕',
      '收购银行卡 村里贴了通知也没用',
      '洗浴中心的技师教你放松 一晚八百 私聊',
      '课程回顾 刷单 炒信 都属于违规，这个规定太严了我们照样做没人查得到',
      '你爸住院了吧 报应',
    ]);
    expectNoPublicHit(['医生给我爸开了安眠药，他现在睡得好多了', '神仙水抹脸一起买的还有面霜', '虚假交易包括刷单 补单 一经查实扣分降权']);
    for (const text of ['明天培训的场地已经租好了', '这个辣椒酱来一口试试', '这茶喝了上不了瘾', '我家自己熬的黑膏']) expect(detector.scan(text).matches.filter((m) => m.layer === 'solicitation')).toEqual([]);
  });

  it('keeps offers, threats and insults public that use the words of those holdouts\' warnings, stories and everyday senses', () => {
    expectPublicHit(['老子年轻的时候也是混社会的，信不信我弄死你', '趁年轻的时候多赚点，夜场招女公关，日结', '爷爷讲过，溜冰的都是有钱人，有冰的私聊', '我明天就去砍死你，有种你马上报警', '聪明药一盒300，不用医生开，顺丰到家', '笑气是医院里用的，不违法，一箱200', '咖啡包新款一喝就上瘾 要的私聊', '有冰有叶子，顺丰包邮，货到付款不满意可拒收', '你再举报我，那就是同归于尽', '这个不算毒品，提神的，要的私聊', '不是种的大麻，野生的，要的私聊', '有事找张小姐，上门服务，包你满意', '你妈妈在家等我呢', '美女乳头特写，牛逼，私聊', '想不想看鸡吧', '我家妹妹个个漂亮，上门服务', '想不想尝尝我的精液', '晚上来我家搓麻，有大麻抽', '办理全套证件，可查可验', '你再把电动车停我门口，我让你家爆炸', '老女人，装什么嫩', '快三成功率90%，跟我买']);
    expect(publicHits('我们老女人学电商不丢人，大家加油')).toEqual([]);
  });

  it('sends no model guess to staff for a message that reports a scam (截图发老师了, 是骗子吧)', () => {
    const text = '这人私聊我"日赚五百 私我" 截图发老师了 是骗子吧';
    expect(detector.scan(text).matches.filter((m) => m.layer === 'model')).toEqual([]);
  });

  it('reads emoji written for a word as the word (🐶东西, 🔞群)', () => {
    expect(publicHits('🐶东西 说的就是你').map((m) => m.category)).toContain('辱骂');
    expect(publicHits('🔞群 拉人 进').map((m) => m.category)).toContain('色情');
    expect(publicHits('@王五 说的就是你，🐷🧠').map((m) => m.category)).toContain('辱骂');
  });

  it('folds enclosed letters (🅱, 🅑) that Unicode calls emoji', () => {
    expect(publicHits('傻🅱️ 别@我').map((m) => m.word)).toEqual(['傻B']);
  });

  it('does not flag warnings against a violation', () => {
    for (const text of ['刷单是违规的，千万不要做', '拒绝网络赌博', '大家远离毒品']) expect({ text, flagged: detector.scan(text).flagged }).toEqual({ text, flagged: false });
    // … but a question is not a warning, and the clause after a warning is on its own.
    expect(detector.scan('要不要一起网络赌博').flagged).toBe(true);
    expect(detector.scan('不要迟到，有人卖毒品').flagged).toBe(true);
    // A staff warning that names the thing and then warns the group off it, across clauses.
    expect(detector.scan('辅导员提醒：最近有人冒充老师拉同学进赌博群，大家千万别点').flagged).toBe(false);
    // Reports to staff, news of an arrest, a platform's penalty asked about.
    for (const text of ['看到群里有人发澳门赌场链接的，直接截图发给管理员，我们会踢人', '新闻说隔壁县破获了一个网络赌博团伙 涉案几千万', '今天去屠宰场拍了一下分割的视频 平台会不会判血腥', '血腥画面会被限流 别拍宰杀过程'])
      expect({ text, flagged: detector.scan(text).flagged }).toEqual({ text, flagged: false });
    // Asked whether it is a scam; told not to post it again; news of what it amounts to; what a real service never asks.
    for (const text of ['镇上有人发传单说投资养殖 保证月赚一万 这种是不是骗局啊', '砍一刀那个链接别再往群里发了哈 群规里写了', '抽奖可以 但是不能让人先付钱再抽 那就变成赌博性质了', '做得对 快递理赔不会让你点链接填银行卡的', '民警说收购银行卡 电话卡的都是帮诈骗分子洗钱的 别贪那几百块', '我举报了一个直播间 卖的三无减肥药 吃了拉肚子'])
      expect({ text, flagged: detector.scan(text).flagged }).toEqual({ text, flagged: false });
    // 别理他 after an insult goes on insulting; it is no warning.
    expect(detector.scan('这人就是个智障 别理他').categories).toContain('辱骂');
  });
});

describe('real-style class chat (test/fixtures/moderation/real-chat), tune and holdout scored separately', () => {
  const lines = loadRealChat(realChatDir(REPO_ROOT));
  const scores = new Map<string, RealChatScore>();
  const tiered = (text: string): { public: string[]; review: string[] } => {
    const matches = detector.scan(text).matches;
    return { public: matches.filter((m) => tierOf(m) === 'public').map((m) => m.word), review: matches.filter((m) => tierOf(m) === 'review').map((m) => m.word) };
  };
  const score = (split: 'tune' | 'holdout'): RealChatScore => {
    let s = scores.get(split);
    if (!s) scores.set(split, (s = scoreRealChat(lines, split, tiered)));
    return s;
  };

  it('has at least 500 clean and 300 violating lines, split into tune and holdout', () => {
    expect(score('tune').clean + score('holdout').clean).toBeGreaterThanOrEqual(500);
    expect(score('tune').violations + score('holdout').violations).toBeGreaterThanOrEqual(300);
    expect(score('holdout').clean).toBeGreaterThan(100);
    expect(score('holdout').violations).toBeGreaterThan(60);
  });

  // Thresholds are what holds today (docs/moderation.md), not the targets (recall ≥ 95 %,
  // public false alarms ≤ 1 %, review notes ≤ 3 %): they guard against sliding back.
  it.each([
    // The tune split's clean lines include 20 of shop talk written for the slang rules' over-broad
    // words (涨粉, 翻倍, 先到先得 …); two of them still alarm on listed words (全套, 技师). The
    // tune split also holds the first eighty-two holdouts, tuned on once they had been scored.
    ['tune', { recall: 0.99, publicRecall: 0.7, publicFalseAlarmRate: 0.0075, reviewNoteRate: 0.016 }],
    // The holdout (the eighty-third) was written without sight of the rules or the other lines
    // (docs/moderation.md). With the review model (trained on tune only): recall 96.8 % (211 of
    // 218; 56.0 % public), public false alarms 2.82 % (16 of 568, over the 1 %), review
    // notes 2.11 % (12 of 568).
    ['holdout', { recall: 0.967, publicRecall: 0.559, publicFalseAlarmRate: 0.0282, reviewNoteRate: 0.0212 }],
  ] as const)('%s split: recall, public false alarms and review notes hold their measured levels', (split, limits) => {
    const s = score(split);
    expect(s.recall).toBeGreaterThanOrEqual(limits.recall);
    expect(s.publicRecall).toBeGreaterThanOrEqual(limits.publicRecall);
    expect(s.publicFalseAlarmRate).toBeLessThanOrEqual(limits.publicFalseAlarmRate);
    expect(s.reviewNoteRate).toBeLessThanOrEqual(limits.reviewNoteRate);
  });
});

describe('detector on the development corpus with the full lexicon (issue 5 acceptance)', () => {
  let score: ReturnType<typeof scoreCorpus>;

  beforeAll(() => {
    // Only public-tier hits count: a review-tier hit is a private note to staff, not a catch.
    score = scoreCorpus(loadCorpus(path.join(SHARED_DIR, 'corpus')), (text) =>
      detector
        .scan(text)
        .matches.filter((m) => tierOf(m) === 'public')
        .map((m) => `${m.word}|${m.category}`),
    );
  });

  it('catches at least 99% of all dirty lines with public-tier hits (issue 16)', () => {
    expect(score.recall).toBeGreaterThanOrEqual(0.99);
  });

  it.each(['plain', 'fullwidth', 'mixedcase', 'symbol', 'space', 'emoji', 'traditional', 'repeat', 'homophone', 'pinyin_partial', 'pinyin_full', 'combo'])(
    'catches at least 90% of the %s variant',
    (variant) => {
      expect(score.recallByVariant[variant]).toBeGreaterThanOrEqual(0.9);
    },
  );

  it('flags at most 0.5% of clean lines publicly (issue 16)', () => {
    expect(score.clean).toBe(2000);
    expect(score.falsePositiveRate).toBeLessThanOrEqual(0.005);
  });
});
