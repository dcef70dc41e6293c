import { FactorGate, regexFactors } from './regex-factors';

// Clause punctuation, and a space, which chat writes between clauses: a prohibition reaches
// only the clause it is written in (我泼她硫酸 after 再举报我 and a space is no warning).
const CLAUSE_BREAK = /[，。！？；,.!?;\n \u3000]/;
const WINDOW = 12;

// Before a hit: a prohibition or a warning about it (不要刷单, 拒绝网络赌博, 远离毒品, 举报了…赌博网站),
// or the police or an anti-fraud talk reporting it (民警说现在的杀猪盘…, 反诈课讲了跑分).
// 要不要/能不能 ask a question, and 别 ends words (区别, 分别, 特别) without forbidding anything.
const BEFORE = /(?:(?:价格|价钱|物价|运费|快递费|油价|房价)(?:真是|简直|太)$|唱[“"「][^”"」]{0,8}$|(?:信用社|农商行|农信社|农行|邮储)的?[^，。！？\s]{0,4}$|封了[^，。！？\s]{0,4}$|(?:税务局|税务所|办税窗口)(?:可以|能|给)?$|(?:课|老师|书)[^，。！？\s]{0,3}(?:讲到|讲了|讲过|学到|学了|说到)$|(?:打成|写成|识别成|转成)["“「]$|轮到(?:我|你|他|她)$|(?<!要)不要|(?<!能)不能|(?<!准)不准|不许|不让|不允许|不得|(?<![区分特类级识辨差告性派鉴])别|勿|禁止|严禁|杜绝|拒绝|远离|抵制|反对|打击|举报|严查|严打|查处|涉嫌|涉及|提醒大家|温馨提醒|陌生人(?:让|叫|要)(?:你|我)|(?:老师|讲师|班主任|辅导员|民警|警方)提醒|禁毒|扫黄|禁赌|反赌|会不会(?:说|算|判)|算不算|破获|捣毁|打掉|(?<!做)不做|不碰|谨防|警惕|提防|防范|小心|当心|戒|(?:民警|警察|警方|派出所)(?:说|讲|提醒|通报)|反诈|防骗)[^，。！？；,.!?;\n]{0,8}$|被判(?:定为|定|为|成)?$|(?:外公|外婆|爷爷|奶奶|姥姥|姥爷|老人|老一辈)(?:们)?(?:都)?(?:讲过|说过|讲起|说起|讲的|以前说)[^，。！？；,.!?;\n]{0,8}$|(?:那句|这句|台词)[“"「][^”"」]{0,8}$|会(?:被)?判(?:为|成)?$|因为(?:它)?(?:能|可以)(?:用来)?(?:做|制)$|(?:鞭炮|烟花|爆竹|化工|锅炉|煤气|燃气|液化气|天然气|沼气|高压锅)(?:厂|罐|灶|池|管道|店|仓库)?(?:漏气)?$|(?:修路|开山|采石|挖渠|修(?:水)?渠|修水库|打井|打隧道|爆破|开矿)[^，。！？；,.!?;\n]{0,4}$|(?:生娃|生孩子|手术|住院|医院|术后|开刀|剖腹产|护士|癌症|晚期)[^，。！？；,.!?;\n]{0,6}(?:打|用|开|注射)(?:过|了)?$|(?:那|这)叫$|(?:还)?以为是$|被平台(?:说|判)$|叫它$|就像$|(?<!我)说(?:我|我们)(?:的|家)?[^，。！？；,.!?;\n ]{0,6}是$|(?<!是)不是$|聚众$|(?:也|这|还|就)算$|是指$|指的是$|分成(?:比例)?(?:是)?$|是不是有$|是不是就是$|是不是(?:要|该|得)[^，。！？；,.!?;\n]{0,6}$|举例(?:说)?$|比如(?:说)?$|(?:被)?(?:当成|误认为)$|没人(?:找|约)(?:我们?|你们?)?$/;
// After a hit: it is called wrong or harmful (刷单是违规的, 嫖娼…都是违法的, 赌博害人); a bare 违规
// is left out: 「后台显示违规」「会不会被判违规」 report a platform verdict, not a warning.
const AFTER = /^(?:要(?:举报|报警|上报)|保护|压价|同名|等(?:信息|内容|行为)|也(?:通人性|有感情)|(?:试验|实验)成功|演(?:得|的)|(?:同志)?(?:故居|纪念馆|铜像|雕像|诞辰|南巡|理论)|["”」]?是我(?:们)?家的|["”」]?(?:写成|打成)["“「]|还是(?:月结|周结)|一样|似的|差不多|开山|炸山|采石|开矿|那个新闻|的新闻|事故|的意思|止疼|止痛|镇痛|音效|特效|贴纸|的套路|维护|没用|不管用|织|纺|还是[三四五六七八九]|开$|开[，。,.!?！？ ]|分成|分账|[（(](?:库存|货|钱|资金))|^(?:是|就是)(?:生|熟)?(?:石灰|面粉|淀粉|石膏|滑石粉|消毒粉|漂白粉)|^(?:就是|又叫|也叫|叫)(?:汉麻|火麻)|^[^，。！？；,.!?;\n]{0,6}(?:会被(?:降权|罚|查|处罚)|被降权|县委|市委|省委|党委|党校|党支部|委员会|是兽医用|兽医用的|是医用|医用的|是违禁|违禁的|是禁用|禁用的|是违规|属于违规|都违规|算违规|是违法|违法|犯法|是犯罪|犯罪|都是骗|是骗|骗局|害人|害死人|不能碰|别碰|不要碰|千万别|坚决不|要不得|被封|封号|零容忍|被抓|被罚|坐牢|涉嫌|诈骗|的广告|被查(?!看)|封店|案子|案件|没关系|是两回事|两码事|是管制|管制的|属于管制|被踢|不能在网上|不能网上|的时候备注|时备注|不能(?:加|用|放|卖|吃|种|随便)|被枪毙|才知道(?:是)?违法|会(?:直接)?被(?:封|抓|判刑|罚|查|限流)|被限流|团伙|涉案|性质|不行|得不偿失|是禁用|禁用的|要处理|肯定抓|判了|判刑|担责|是违法|早(?:就)?禁|禁了|已经禁|被禁|是保护动物|保护动物|敲诈|管得(?:很|比较)?严|进去了|长得(?:很)?像|要及时删|被处罚|不能上网卖|不能上架|这边叫|这里叫|方言|土话|不允许|根本不让|叫["“「]|没有能赢|没有赢的|没有赢家|后台控制|会不会(?:封号|被封|被罚)|不是一回事|被盗|的规定|合法|是啥|是什么|是个(?:什么|啥)|取消资格|(?:和|跟)[^，。！？；,.!?;\n]{0,6}不一样|这种话|这种说法|这类话)/;

// After a hit, what it may not be used or sent for, what it is another name for, or how it was done (安眠药不能多吃, 枪支弹药…都不能寄,
// 刷单换个说法, 补单和刷单有区别吗, 月入过万是怎么做到的): a rule or a question, in a message that deals nothing and names no one to use it on.
const TOLD_AFTER = /^[\s，,]*不是[\s，,]*我说的是|^[^。！？]{0,10}(?:还有人管吗|有人管吗|管不管|抓不抓|违法吗|犯法吗|算违法吗)|^[^，。！？]{0,6}(?:也违规|明令禁止)|^(?:是)?(?:怎么|咋)做到的|^[^，。！？；,.!?;\n]{0,6}不能(?:多吃|多用|乱吃|乱用|寄|邮|带)|^换个?说法|^(?:有|的|啥|什么|有啥|有什么)区别|^(?:和|跟|与)[^，。！？\s]{1,4}(?:有|的|啥|什么|有啥|有什么)区别|^[^，。！？；,.!?;\n]{0,10}都不能(?:寄|邮|带|发|上飞机)/;
const TOLD_DEALT = /[她他你]|饮料|酒|软|当面|交易|老地方|要的|我这|我有|有的|两种|拿|送|给你|找我|私|老客户|吱|叫|见|但|照样|又怎样|渠道|工作室|我们(?:有|团队|工作室|做)|单起|安全|包不|包过|便宜|爽|约|今晚/;
const PLATFORM_CATCHES = /^[^，。！？]{0,8}(?:平台|算法|系统|后台)[^，。！？]{0,4}(?:能查出来|查得出来|查得到|能查到)(?![^，。！？]{0,2}(?:吗|？|\?|也|又))/;
const UNCAUGHT = /我这|我们(?:有|的)|渠道|安全|包不|包过|查不出|防查|放心|不怕|干净|随便|罚不了|没事/;
const POLICED_ASKED = /^[^。！？]{0,10}(?:还有人管吗|有人管吗|管不管|抓不抓|违法吗|犯法吗|算违法吗)/;
const GUIDANCE_ASKED = /(?:求指导|求指点|求教|请教|求带|老师|有人知道吗|谁知道)[？?！!。~\s]*$/;
const RECRUITED = /群|扣|评论区|跟着|滴滴|很简单|我们|缺人|还差|导师|计划|新人|资料|想学|想入|今晚|今天/;
// After a hit, an arrest or a fine by the authorities, or a village notice (有人私自收野生鸟 被森林公安抓了, 村里已经贴了通知 抓到罚款),
// in a message that deals nothing and carries on with nothing (上家被公安抓了，现在找我 is an offer).
const ARREST_AFTER = /^[^。！？]{0,30}(?:被[^，。！？]{0,4}(?:公安|警察|民警|派出所|渔政|城管|执法|市场监管|林业|森林)[^，。！？]{0,2}(?:抓了|抓走|逮了|拘留了|罚了)|(?:村里|镇里|镇上|乡里|派出所|县里)(?:已经)?贴了?通知|抓到(?:就)?罚)/;
const ARREST_GATE = new FactorGate(ARREST_AFTER);
const STILL_DEALING = /现在|换|这边|还有|照样|谁要|不怕|没用|要的|坚持|晚上去|咱们|涨|稳|出货|出售|有需要|有货|找我|下注|我这|修炼|来[，,。！\s]|价格/;
function arrestReported(text: string, end: number): boolean {
  // 私自 (without leave) is no private offer.
  return ARREST_GATE.admits(text, end, end + 44) && ARREST_AFTER.test(text.slice(end, end + 44)) && !OFFERED.test(text.replace(/私自/g, '')) && !STILL_DEALING.test(text);
}

const TOLD_GATE = new FactorGate(new RegExp(`${TOLD_AFTER.source}|${PLATFORM_CATCHES.source}|${POLICED_ASKED.source}`));
function toldApart(text: string, start: number, end: number): boolean {
  // Runs for every hit: the expressions' factors are looked for over the stretch first, without a slice.
  if (!TOLD_GATE.admits(text, end, end + 16)) return false;
  // A bare 区别 right after the hit compares it with what stands before it: X和<hit>有区别.
  const after = text.slice(end, end + 16);
  // The platform said to catch it (就是刷单 平台算法能查出来), with no channel that it would not catch.
  if (PLATFORM_CATCHES.test(after)) return !OFFERED.test(text) && !UNCAUGHT.test(text);
  // Whether it is policed, asked of what someone else does (山上以前有人偷种罂粟 现在还有人管吗).
  if (POLICED_ASKED.test(after) && !/有人[^，。！？]{0,6}$/.test(before(text, start, 10))) return false;
  // How it was done, asked by someone who wants guidance (月入过万是怎么做到的 求指导), not a pitch that answers itself.
  if (/^(?:是)?(?:怎么|咋)做到的/.test(after) && (!GUIDANCE_ASKED.test(text) || RECRUITED.test(text))) return false;
  if (/^(?:有|的|啥|什么|有啥|有什么)区别/.test(after) && !/[和跟与]$/.test(text.slice(Math.max(0, start - 1), start))) return false;
  return TOLD_AFTER.test(after) && !OFFERED.test(text) && !TOLD_DEALT.test(text);
}

// Right before an insult: someone called the sender it (我老公说我神经病, 说我天天…像个神经病): a
// joke told on oneself. Only adjacent: 「说我…的标题有极限词」 reports a platform, not a name.
const CALLED_ME = /(?:说|骂|笑|嫌)我(?:是个?|像个?)?$|(?:我|俺)(?:真|就|简直)?是个?$|我这(?:个)?$|说我[^，。！？；,.!?;\n ]{0,12}像个?$/;

const VICE = /赌|毒|冰|粉|罂粟|鸦片|海洛因|摇头|大麻|[kK]/;
// …a post someone else made, reported (刚有人发了个…).
const POST_REPORTED = /有人(?:在群里)?发|刚才?有人|谁发的|刚才那条/;
const STAFF_ASKED_AFTER = /(?:群主|管理员|班主任|老师)(?:快|赶紧|麻烦)?(?:处理|踢|删)/;
const REPORTED_INSULT = /骂我(?:是个?)?$/;
// The sender's own head called a pig's (我这个脑子啊真是猪脑子), in a message that compares no one else with it.
const OWN_HEAD = /(?<![你他她])(?:我|俺)(?:这个?|的)?(?:脑子|脑袋|记性)[啊呀哦唉]*(?:真|就|简直|纯)?是个?$/;
const SOMEONE_ELSE = /[你您他她]|比|不如|强|灵光/;
const CALLED_THAT = /(?:那|这)就是$/;
// Asked whether it counts (不算赌博吧？) and denied of oneself (不是卖白粉的😂): only with the question or the closing 的.
const NOT_COUNTED = /不算$/;
const ASKED_AFTER = /^[^，。！？]{0,4}[吧吗么？?]/;
const NOT_SELLING = /(?<!是)不是[卖买吸种做]$/;
const SOLD_LAST = new Set([...'卖买吸种做'].map((c) => c.charCodeAt(0)));
const CLOSING_DE = /^的(?![\u4e00-\u9fff])/;
// The sender calls themselves hopeless at something (我是电脑白痴): whatever the list files the word under.
const SELF_LABEL = /我(?:真|就|简直)?是个?(?:电脑|手机|网络|技术|路|数学|电商)$/;

// Right after an insult, even past a space: the sender says it was said of themselves (猪脑子 说的是我自己).
const SAID_OF_ME = /^[^。！？；\n]{0,4}?(?:说的是我|是说我|说我自己)(?!们)(?![^。！？；\n]*[你比])|^[ ，,!！]*我(?:又|总是|老是|怎么又)(?![^。！？；\n]*你)|^[ ，,!！]*是我[ ，,!！]+我(?:又|总是|老是|怎么又)(?![^。！？；\n]*你)/;

// Later in the message, even past a clause break: the sender calls what they quote a scam
// (「有人私信让我做任务返佣金，我没理，是诈骗吧」 reports an offer; it does not make one) or warns
// the group off it (「有人拉同学进赌博群，大家千万别点」).
const VERDICT = /(?:(?<!不)是|都是|就是|属于|肯定是|明显是)(?:典型的|一个|个)?(?:诈骗|骗子|骗局|骗人)|(?:千万)?(?:(?<![区分特类级识辨差性派鉴])别|不要)(?:点|信|进|加|拉|碰|理|上当|参与|种|搞|收|买|签收)|(?:直接|一律|坚决|赶紧|记得|就|要)拒收|拒收了|千万别(?:[，。！]|$)|直接举报|碰都不能碰|要坐牢|注意(?:辨别|甄别)|都是搞(?:诈骗|传销|赌博)|房子都卖了|听医生的|才知道(?:是)?违法|一辈子(?:就)?毁|毁一生|(?:医院|病人)才(?:能)?用|只有医院(?:里)?(?:才)?(?:能|有)|已经报警|(?:直接|赶紧|马上)报警|(?:发现|查|抓)一起(?:查|抓|处理)一起|(?<!不)要医生开|报警了|报了警|并报警|打了?110|报了110|我说不行|戒了|戒掉|老师(?:上课)?讲过|永久封(?:禁|号|店)|没选字|打错字|选错字|我们这(?:儿|里|边)?叫|原来是|图个乐|图个开心|都删了|我是中心的|别上架|专卖的|也是违规|都是违规|家长(?:们)?(?:要)?注意|别帮(?:人家|别人|他)?卖|要被判|戒赌|冰(?:太)?薄|宁可不(?:卖|做|要)|调解|点举报|吃出病|做私域|真的假的|是真是假|看到就举报|我一问|一问才|这个违法|这是违法|吓得我|赶紧删|在群公告|群公告里|一经发现|移出群聊|踢出群|(?:截图|截屏)(?:发给|发|给)(?:管理员|老师|班主任|群主)|(?:截图|截屏)(?:发给|给|发)我[，, ]?[^，。！？]{0,4}(?:踢|处理|删)|千万别(?:卖|借|租|接)|会被抓|是真的不|是不是真的|吓得赶紧|医生说|按医嘱|遵医嘱|发一次踢一次|踢一次|是啥意思|啥意思|是什么意思|(?:别|不要)在群里(?:说|发|聊)|踢一下|(?:群主|管理员|班主任|老师)(?:快|赶紧)?踢|违者(?:踢|移出|清退)|一律踢|别自己买|报给派出所|交给派出所|已(?:经)?截图|管理员处理|怎么投诉|去投诉|投诉了|要罚的|会被罚|查到要罚|主动(?:上)?交|我截图了|踢了吧|打(?:了)?电话给派出所|给派出所打(?:了)?电话|就是(?:帮人)?洗钱|别贪那|不让(?:卖|发|上架)|平台(?:允许|让不让|准不准)|平台不允许|我?直接挂了|大家(?:要)?(?:小心|注意)|(?:语音|输入法)[^，。！？]{0,4}(?:打成|识别成|转成)|打错了|写错了|会踢人|就踢人|是不是(?:骗局|诈骗|骗子|骗人)|(?:别|不要)再[^，。！？]{0,5}发|群规(?:里)?(?:写了|不允许|禁止)|(?:绝对|千万)?不能(?:随便|乱)?(?:卖|买|碰|收)|都不行|被派出所|害人的|是真的吗|96110|全铲了|铲掉了|被查出|有人被(?:查|抓|罚)|新闻上看到|不是不是|哦不是|转错了|语音转错|说错了|提高警惕|噢不是|都不能有|语音识别错|举报了|家都散了|不能抓|保护动物|都是假的|是假的|别往[^，。！？]{0,6}发|直接拉黑|拉黑举报|[？?]不是|提个醒|踢出去|要罚款|抓到要|要举报吗|就退了|退群了|要当心|引以为戒|还在还债|要不要报警|违法的吧|都犯法|(?:都)?是禁售|禁售的|上交了|差点(?:信了|上当|被骗)|派出所(?:会|要)管|被抓了|判了|判刑|已经踢了|坐牢|都别(?:去|买|碰|信)|(?<![区分特类级识辨差告性派鉴])别(?:买|去)|不要(?:买|去)|避开|不能出现|担责|是割韭菜|拿去诈骗|用来诈骗|(?:房子|家产|钱)都输|都输光|全输光|输光了|输掉了?(?:一套)?房|越陷越深|被查封|查封了|千万别沾|千万别用|犯法的|全输了|骗钱|靠谱吗|没理他|我没理|被骗|是传销|算不算违规|(?:那|这)?就是赌博|不能玩|别玩了|害人害己|太惨了|老婆(?:都)?跑了|可不敢|提醒家里|倾家荡产|家破人亡|找别人去|就跑了|已(?:经)?拉黑|拉黑了(?!你)|那是违法|查得(?:很)?严|吓死人|麻烦(?:群主|管理员|老师)?处理|取消资格|立案|帮忙踢|违法的|不让种|移出去|被我移出|(?:群主|管理员|班主任|老师)(?:快|赶紧|麻烦)?处理(?!我)|(?<![谁们])要举报(?!吗|[^，。！？]{0,3}(?:就|尽管|我不怕|不怕))|得举报|该举报|(?:大家|都|要|请|一定要?|务必)远离|(?:可以)?去[^，。！？]{0,8}举报/;
const VERDICT_REACH = 40;
// Called a serious violation in a lesson, right after the hit (虚假交易、刷好评都属于严重违规).
const RULED_SERIOUS = /^[^，。！？\s]{0,2}都属于(?:严重)?违规|^[^，。！？\s]{0,2}属于严重违规|^(?:[\s、]+[^，。！？\s、]{1,4}){1,3}[\s、]*都属于(?:严重)?违规(?![^。！]{0,3}[？?吗笑])/;
// …the spaced list only in a lesson's or a rule's words (课程回顾：虚假交易 刷单 炒信 都属于严重违规).
const LESSON_WORDS = /课程|课上|老师|讲过|回顾|平台规则|规定|规则/;
// Right before a hit, someone it is aimed at (你这个…, 你们这些…).
const AIMED_BEFORE = /(?:你个|你这个?|你们这些|他这个|她这个)$/;
// After an insult or a threat these go on insulting (别理他, 她的话别信, 大家别买他的蜂蜜, 别在群里说话); they report nothing.
const PERSONAL_NOT_VERDICT = /[理信买去说发聊加]$|报警$|吓死人|举报$|倾家荡产|家破人亡/;
// Before an insult, the same words go on insulting (大家别信这个臭…, 别在这装…).
const PERSONAL_NOT_BEFORE = /(?:别|不要)(?:信|理|买|听|在这)/;

// Right after a curse: a pest or the weather, what farmers swear at (狗日的黄鼠狼又来了), not a person.
const CURSED_PEST = /^的?\s?下?(?:这?破(?:网|信号)|这个?网(?:速|络)|网速|黄鼠狼|老鼠|耗子|野猪|蚊子|苍蝇|虫子|麻雀|獾子|天气|老天|鬼天气|冰雹|雹子|暴雨|大风|霜冻)/;

// A curse word alone, and what it is said at right after it: a parcel, the network, a machine, the
// weather going wrong again (妈的 快递又丢件了), not a person.
const CURSE_WORD = /^(?:真?他?妈的?|他奶奶的?|他娘的|狗日的?|tmd|md|妈蛋|卧槽|我靠|我日|shit|fuck)$/i;
const CURSED_THING = /^的?[\s，,!！]*(?:(?:(?![你他她])[^。！？]){0,10}白(?:剪|干|做|拍|弄|忙)了|(?:这个?)?(?:(?![你他她])[^，。！？\s]){0,4}又(?:闪退|死机|卡|坏了|丢|断|掉线|崩|涨)|(?:猪|菜|粮|蛋|鸡|牛|羊|果)?(?:价|价格|行情)(?:又|也|还)?(?:跌|涨|降|不行|差)(?![^。！？]*[你您])|这?破|这?(?:快递|物流|包裹|网|信号|手机|电脑|系统|平台|后台|天气|老天|鬼天气|雨|雪|冰雹|风)|天[\s，,!！]|下(?:雨|雪|冰雹)|刮(?:大)?风|又(?:丢|坏|卡|掉|下雨|涨价|降价|限流|被限流|压件|停)|太(?:好吃|好看|好用|香|甜|爽|牛|值|便宜|厉害|难|累|冷|热|贵)|难缠|难搞|难伺候|烦人|气人|坑人|累|贵|热|冷)/;

// A grandmother's or a mother's own things right after (他奶奶的生日是明天, 她妈的病好了): kin, not a curse.
const KIN_CURSE = /^[你他她]?(?:奶奶|妈|娘|爸|爷爷|姥姥)的?$/;
// …or her home, someone taken or going there (把娃送他奶奶家).
const KIN_PLACE = /^(?:家(?![的伙])|那儿|那里|那边)/;
const POSSESSED = /^的?(?:在家|在不在|生日|寿|病|身体|腿|手术|药|照片|电话|手机|葬礼|丧事|坟|退休金|医药费|衣服|遗像|老家|娘家|房子|[六七八九]十大寿)/;

// A machine or the network gone wrong again, cursed after it (这破手机又卡死了，妈的).
// …and no one named right after the curse (这鬼天气，他娘的姓刘的欠钱不还 curses a man).
const PERSON_AFTER = /[你您他她]|姓|老[王李张刘陈赵周]|老师|会计|助教|老板|狗|骗子|东西|欠/;
const THING_CURSED = /(?:这?鬼天气|又下(?:雨|雪|冰雹)|这?破|又(?:卡|坏|丢|断|闪退|死机|掉线))[^。！？]{0,10}[，,!！\s]*$/;

// A date with a time after it (作业截止时间是6月4日晚上十点): a deadline, not an anniversary.
const DATED = /月.{0,3}[日号]$/;
const TIME_AFTER = /^(?:晚上|上午|下午|中午|早上|前|之前|[0-9一二三四五六七八九十]+点)/;

/** What stands around a word when it is meant in its everyday sense. */
type EverydaySense = (text: string, start: number, end: number) => boolean;
const before = (text: string, start: number, reach: number): string => text.slice(Math.max(0, start - reach), start);
const EVERYDAY_SENSE = new Map<string, EverydaySense>();
// A word given several senses keeps them all: any one of them clears it.
const everyday = (words: string, sense: EverydaySense): void => {
  for (const w of words.split('|')) {
    const earlier = EVERYDAY_SENSE.get(w);
    EVERYDAY_SENSE.set(w, earlier ? (text, start, end) => earlier(text, start, end) || sense(text, start, end) : sense);
  }
};
// Anything offered, priced or arranged in the message: the everyday senses that test it never clear a hit in one.
const OFFERED = /私|找我|联系|加我|v我|vx|有货|现货|门路|搞到|弄到|能开|包邮|到家|量大|转让|出售|卖|要的|预订|懂的|[0-9０-９]|[块元克]|一[克只]|老地方|交货|来拿|来玩|来我|扫码|充值|代理|一把|开局|赢|真钱|上门|一次|妹子|飘|活的|大补|炖|现杀|捉|山庄|店里/;
// A thing knocked over (快递把箱子推翻了, 风把大棚打倒了): 把 or 被 with the thing before, 了 after.
const KNOCKED_THING = /[把被](?!政府|国家|政权|党|共产党|中共|zf|ZF)[^，。！？\s]{0,5}$/;
// Work thrown out to be done again (全部推翻重拍, 推翻之前的方案): a draft, not a government.
const REDONE = /^(?:了?重[来做拍写剪录搞弄]|了?(?:之前|原来|前面|上次|昨天)的?(?:方案|设计|计划|视频|脚本|文案|图|标题|想法|说法|版本|稿子?|主图|详情页))/;
everyday('推翻|打倒', (text, start, end) => (text.charCodeAt(end) === 0x4e86 && KNOCKED_THING.test(before(text, start, 6)) && !REDONE.test(text.slice(end, end + 3))) || (text.charCodeAt(start) === 0x63a8 && REDONE.test(text.slice(end, end + 4)) && !/党|政权|朝廷|国家|政府|共产|中共|zf/i.test(text)));
// A tyre inflator or a dust blower (给车胎打气的气枪): a workshop tool, in a message that offers or fires nothing.
const AIR_TOOL = /(?:车胎|轮胎|自行车|电动车|球)[^，。！？\s]{0,3}(?:打气|充气)|(?:打气|充气)的$|吹灰|吹尘|除尘/;
const GUN_OFFER = /卖|售|出了|转一|有货|私聊|私我|铅弹|钢珠|打鸟|打猎|狩猎|威力|包邮|打死|一枪|能打|[0-9０-９]/;
everyday('气枪', (text, start) => AIR_TOOL.test(before(text, start, 10)) && !GUN_OFFER.test(text));
// 屌丝 said of oneself (我就一屌丝农民): self-mockery, not an obscenity.
everyday('屌', (text, start, end) => text.charCodeAt(end) === 0x4e1d && /我(?:就|也|只是|就是|是|本来就是)?(?:个|一个|一)?$/.test(before(text, start, 6)));
// A machine that stops working (破收割机又罢工了): no strike.
const MACHINE_BEFORE = /(?:破|机|车|器|电脑|手机)[^，。！？\s]{0,3}$/;
everyday('罢工', (text, start) => MACHINE_BEFORE.test(before(text, start, 8)));
// A visit (去镇上访几个老客户): no petition.
const VISITED = /^(?:几|一下|一些|亲戚|朋友|老?客户|老乡|了几)/;
everyday('上访', (text, _start, end) => VISITED.test(text.slice(end, end + 4)));
// A person praised as all-capable (老周简直是全能神).
const PRAISE_BEFORE = /(?:简直|真|就)是个?$/;
everyday('全能神', (text, start) => PRAISE_BEFORE.test(before(text, start, 4)));
// A machine called useless (这破打印机又卡纸了，真是个废物).
const MACHINE_FAILED = /(?:这?破|又(?:卡|坏|丢|断|闪退|死机|掉线))(?:(?![你他她])[^。！？]){0,10}$/;
everyday('废物|垃圾', (text, start) => MACHINE_FAILED.test(before(text, start, 16)));
// Tea and tobacco leaf graded 黄片 (普洱茶的黄片, 烤烟黄片多).
const LEAF = /茶|烤烟|烟叶|烟草/;
everyday('黄片', (text) => LEAF.test(text));
// A village's parade or market day (我们村的游行活动是元宵节舞龙, 今天村里集会，卖了好多土鸡蛋): a festival, not a protest.
const VILLAGE_BEFORE = /(?:村里|村的|村上|镇上|乡里|庙会|元宵|春节|过年)[^，。！？\s]{0,6}$/;
const VILLAGE_AFTER = /^[^，。！？]{0,6}(?:舞龙|舞狮|秧歌|花灯|庙会|赶集|摆摊)/;
everyday('游行|集会', (text, start, end) => VILLAGE_BEFORE.test(before(text, start, 10)) || VILLAGE_AFTER.test(text.slice(end, end + WINDOW)));
// 牛逼 ending its clause, or with 啊 / 了 / 坏了 after it, is praise (老师牛逼，一讲就懂).
const PRAISED = /^(?:[，,。!！~～\s]|啊|了|呀|哈|坏了|死了|$)/;
everyday('牛逼|牛比|牛b|牛B', (text, _start, end) => PRAISED.test(text.slice(end, end + 3)));
// A soft-shell turtle's egg (甲鱼蛋就是王八蛋): the farmer's word for it.
everyday('王八蛋', (text) => /甲鱼|乌龟|鳖蛋/.test(text));
// Pig brain sold or cooked (猪脑子多少钱一斤, 进了一批猪脑子，卤的): food, in a message that calls no one.
const FOOD_BEFORE = /(?:卤|炖|炒|买点?|进了?一批|一斤|几斤|新鲜的?)$/;
const FOOD_AFTER = /^(?:多少钱|[0-9一二三四五六七八九十两几]+(?:块|元|斤|个)|一斤|，?卤的|炖|汤|好吃|新鲜|下锅)/;
everyday('猪脑子', (text, start, end) => !/[你他她]/.test(text) && (FOOD_BEFORE.test(before(text, start, 5)) || FOOD_AFTER.test(text.slice(end, end + 5))));
// A method (涨粉大法, 定价大法): a trick of the trade, not a cult.
const METHOD_OF = /(?:涨粉|定价|赚钱|引流|减肥|学习|带货|选品|拍摄|剪辑|直播|种植|养殖)["“「]?$/;
everyday('大法', (text, start) => METHOD_OF.test(before(text, start, 4)));
// A flower in bud (月季开苞了) and a harvester working through the night (收割机包夜干).
everyday('开苞', (text, start) => /花|月季|玫瑰|牡丹|兰|荷|桃|梨|樱/.test(before(text, start, 4)));
everyday('包夜', (text, start, end) => /机|车/.test(before(text, start, 6)) || /^(?:干|收|作业|施工|抢收|赶工)/.test(text.slice(end, end + 2)) || (/^(?:(?:也|都)得把[^，。！？]{0,8}单|打单|发货|赶单)/.test(text.slice(end, end + 12)) && !/妹|妞|美女|小姐|快餐|上门|服务|一晚|约|红包|价/.test(text)));
// A medicine a doctor prescribed, named right after 开 (医生给我妈开了安眠药): only that word, only there.
const PRESCRIBED = /(?:医生|大夫)(?:给(?:我|俺)?(?:家)?(?:妈|爸|老人|孩子|娃|奶奶|爷爷|外婆|外公|姥姥|姥爷|媳妇|老婆|老公|婆婆|公公|儿子|女儿|闺女))?开(?:了|的)?(?:点|些|一盒|一瓶)?$/;
// …or named first, the doctor who prescribes it right after (安眠药医生一次只给开七天的).
const PRESCRIBED_AFTER = /^[，,\s]?(?:医生|大夫)(?:一次|每次|一回)?(?:只|就)?(?:给)?开[一两三四五六七八九十几]+(?:天|粒|片|盒|周|个星期)(?:的|量)?(?:[，。！？\s]|$)/;
// …or the hospital that prescribed it (医院开的安眠药我只吃半片), in a message that sells, hoards or slips none (医院开的安眠药…磨成粉放她饭里 is a plan; 整瓶出，私我 an offer).
const HOSPITAL_PRESCRIBED = /医院开(?:了|的)(?:点|些|一盒|一瓶)?$/;
const PRESCRIPTION_MISUSED = /私|找我|加我|有货|卖|便宜|[0-9０-９]|[块元]|转让|谁要|要的|我这|搞到|弄到|攒|饭里|上路|老东西|老不死|多的是|整瓶|不要处方|我有|手上有|手里有|一大把|想要|多开|有的是|[她他你]|磨|粉|酒|饮料|兑|爽|飘|出|剩|解脱|一次吃|妹子|老客户|懂的|下在|放|有人要|还有/;
everyday(
  '安眠药|止痛药|镇静剂|镇定剂',
  (text, start, end) =>
    PRESCRIBED.test(before(text, start, 16)) ||
    (HOSPITAL_PRESCRIBED.test(before(text, start, 8)) && !PRESCRIPTION_MISUSED.test(text)) ||
    (PRESCRIBED_AFTER.test(text.slice(end, end + 16)) && !/私|找我|加我|有货|卖|便宜|[0-9０-９]|[块元]|转让|谁要|要的|我这|搞到|弄到|攒|饭里|上路|老东西|老不死|多的是|整瓶|不要处方|我有|手上有|手里有|一大把|想要|多开|有的是/.test(text)),
);
// Harm from eating it reported (三无减肥药吃出事了): a slimming pill's victims, not its seller.
everyday('减肥药', (text, _start, end) => /^吃出(?:事|问题|毛病|病)了/.test(text.slice(end, end + 6)));
// A film named or watched (《红高粱》电影里, 看了部电影, 电影院): the lists' sexual films are longer words (色情电影).
everyday('电影', (text, start, end) => /[》看部场]$/.test(before(text, start, 1)) || /^[里院票节]/.test(text.slice(end, end + 1)));
// A technician of the farm station or a workshop (县农技站的技师, 技师来讲果树修剪): a trade, not a masseuse.
const TECHNICIAN_SOLD = /伺候|男|水灵|过夜|身材|上钟|出台|额外|姑娘|姿势|妞|浴|玩|按摩|足疗|修脚|洗脚|[0-9０-９]|私/;
everyday('技师', (text, start, end) => !TECHNICIAN_SOLD.test(text) && (/(?:修(?:拖拉机|农机|收割机|车|机器|电脑|手机|空调|水泵|家电|电器|摩托)的|农技|农机|农业|畜牧|兽医|技术|站|所|厂|车间|县里|镇上)[^，。！？\s]{0,2}$/.test(before(text, start, 6)) || /^(?:来村|下乡|讲|上课|培训|指导|教|证|考试|职称)/.test(text.slice(end, end + 3))));
// Shut out, said of oneself (跟被封杀了一样, 账号被封杀): a penalty suffered, not a call to ban.
everyday('封杀', (text, start) => /被(?:平台|抖音|快手|官方)?$/.test(before(text, start, 4)));
// Finding the way (导航搜得到, 开导航, 车载导航显示): the lists' sexual 导航 are link pages (色情导航, 新导航搜一下就有).
everyday('导航', (text, start, end) => (/(?:开|用|跟着|看|手机|地图|高德|百度|腾讯|车载|北斗)$/.test(before(text, start, 2)) || /^(?:搜得到|搜不到|到(?:村|家|店|镇|县|门口)|过来|不准|说|仪|显示|定位)/.test(text.slice(end, end + 3))) && !/黄色|黄网|黄片|色情|成人|福利|加我|私|懂的/.test(text));
// The Games (奥运会我们县有个运动员): sport, not a political word.
everyday('奥运会|奥运', (text, _start, end) => !/^[^，。！？]{0,4}(?:黑幕|作秀|劳民伤财|抵制)/.test(text.slice(end, end + 8)));
// Calling the police, advised (可以直接报警, 赶紧报警): what to do about an offence, not one.
const ADVISED = /(?:可以|直接|赶紧|马上|快|就|去|要|请|立即|及时|建议|能|该|得)$/;
everyday('报警|报案', (text, start) => ADVISED.test(before(text, start, 4)));
// An explosion or a fire that may happen or nearly did (电池…会爆炸, 怕起火, 阀堵了差点爆炸), or one of a
// gas cylinder, a boiler or a battery named shortly before (液化气罐别放屋里，去年隔壁村就爆炸了一个): an accident, not a threat.
const MAY_HAPPEN = /(?:会|容易|可能会?|怕|担心|小心|差点|差一点|险些|差点儿)$/;
const ACCIDENT_CAUSE = /液化气|煤气|燃气|天然气|沼气|钢瓶|高压锅|锅炉|鞭炮|烟花|电池|充电宝|电动车/;
// …我让你家爆炸: a threat to someone's home, whatever the message is about.
const SOMEONES_HOME = /[你他她](?:们)?家$/;
// A rule explained by the fear it answers (怕有人拿去做炸药, 防止被人拿去造炸药): a precaution, not a recipe.
const FEARED_MISUSE = /(?<![不哪别])(?:怕|防止|担心)[^，。！？\s]{0,6}(?:做|造|制作|制造)$/;
const RULE_EXPLAINED = /登记|实名|身份证|管控|限购|规定|说是|管得严|停产|不让卖|不卖了/;
const EXPLOSIVE_OFFER = /私|找我|有货|我这|我有|[0-9０-９]|块|元|包教|配方|成品|门路|老子|等着|房子|你家|给你|发你|量大/;
// Blasting at a quarry, a mine or a road in the old days (我爷爷以前在采石场放炮，那时候炸药管得没现在这么严): work remembered, not a bomb.
const BLASTING_WORK = /采石|石场|开山|放炮|爆破|开矿|矿上|修路|打隧道|修水库/;
const LONG_AGO = /以前|那时候|那会儿?|当年|过去|年轻的时候|早些年|老早/;
// …and nothing kept, made, offered or aimed at anyone (剩了几箱, 自己会配, 谁要, 把他家…炸平).
const BLASTING_KEPT = /[你您他她]|剩|还有|藏|搞到|弄到|能做|会配|会做|会弄|能弄|我会|我能|自己|谁要|要的|来拿|吱|联系|便宜|出手|炸平|炸上天|炸鱼|炸死|祖坟|过不去|走着瞧|敢|拿|小心|好看|说法|村委|政府/;
everyday(
  '炸药',
  (text, start) => (FEARED_MISUSE.test(before(text, start, 10)) && RULE_EXPLAINED.test(text) && !EXPLOSIVE_OFFER.test(text)) || (BLASTING_WORK.test(text) && LONG_AGO.test(text) && !EXPLOSIVE_OFFER.test(text) && !BLASTING_KEPT.test(text)),
);
everyday(
  '爆炸|起火|着火|自燃',
  (text, start) => MAY_HAPPEN.test(before(text, start, 4)) || (ACCIDENT_CAUSE.test(before(text, start, 24)) && !SOMEONES_HOME.test(before(text, start, 4))),
);
// A woman addressed by her surname (王小姐是服务中心新来的, 找李小姐报名): a form of address. 包 is left out (包小姐).
// The common surnames, and the less common ones a county's roll holds (白, 党, 禹 …).
const SURNAME = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤葛白党安常乐时齐康伍卜穆萧祁米贝臧伏成谈茅庞纪舒屈项祝阮蓝闵席季强路娄童颜梅盛骆樊凌霍虞柯管房裘缪解应宗宣单杭洪左吉邢裴荣翁惠甄曲封芮储靳井巫焦巴牧谷车宫宁仇栾甘厉祖符景詹束司薄印宿怀蒲邰索卓蔺屠蒙池乔胥闻翟贡劳姬申冉雍桑桂牛寿边扈燕冀尚农温庄晏柴瞿阎慕连茹艾容古易戈居衡步耿满匡寇欧蔚隆师巩聂晁敖冷辛阚简饶鞠丰巢关查荆游权盖'].map((c) => c.charCodeAt(0)));
// A group rule: whoever posts it is kicked out (群里谁要是发赌博链接直接踢).
const POSTED_IF = /(?:谁|要是|如果|再有人|敢)[^，。！？\s]{0,4}(?:发|转|拉人进)$/;
const KICKED_AFTER = /^[^。！？，,\s]{0,6}(?:直接|一律|马上|立刻)(?:踢|移出)/;
// Staff asked to take down what someone posted (管理员快把刚才那张黄色图片撤了).
const REMOVER_ASKED = /(?:管理员|群主|班主任|老师|助教)[^，。！？你]{0,2}(?:快|赶紧|麻烦|请|帮忙)把[^，。！？]{0,6}$/;
const REMOVAL_SCORNED = /你|也没用|也没事|改变不了|我还有|我发的|别急/;
const TAKEN_DOWN = /^[^，。！？]{0,3}(?:撤了|撤回|撤掉|删了|删掉|删除|撤下)/;
function askedToRemove(text: string, start: number, end: number): boolean {
  // Runs for every hit: 撤 or 删 must follow within reach before anything is sliced.
  let near = false;
  for (let i = end; i < end + 6 && i < text.length && !near; i++) near = text.charCodeAt(i) === 0x64a4 || text.charCodeAt(i) === 0x5220;
  return near && TAKEN_DOWN.test(text.slice(end, end + 6)) && REMOVER_ASKED.test(before(text, start, 14)) && !OFFERED.test(text) && !REMOVAL_SCORNED.test(text);
}

// Whoever posted it, removed by staff, reported by another member (发六合彩那个已经被小刘移出群了 谢谢): not a repost by the one removed.
const KICKED_AFTER_POSTING = /^[^，。！？]{0,4}被[^，。！？]{0,4}(?:移出|踢出|踢)/;
const REPOSTED = /我|老子|号|要的|吱|客户|[0-9０-９]|私|有|今晚|这次|照样|也要/;
function kickedPoster(text: string, start: number, end: number): boolean {
  return start > 0 && /[发转]/.test(text.charAt(start - 1)) && KICKED_AFTER_POSTING.test(text.slice(end, end + 12)) && !REPOSTED.test(text.slice(end)) && !OFFERED.test(text);
}

/** Whether the hit is what a group rule kicks posters out for. */
function ruleAgainstPosting(text: string, start: number, end: number): boolean {
  return GATE.kicked.admits(text, end, end + 20) && KICKED_AFTER.test(text.slice(end, end + 20)) && POSTED_IF.test(before(text, start, 10));
}

/** Whether the code unit is a common surname (a name after 签到 opens with one: 签到 李鹏 is a trainee, 签到 法轮大法 is not). */
export const isSurname = (unit: number): boolean => SURNAME.has(unit);
const HAN = /\p{Script=Han}/u;
const ADDRESSED_BEFORE = /(?:找|问|叫|请|是|跟|和|给|让|谢谢|感谢|联系)$/;
const SOLICITED = /上门|按摩|包夜|全套|过夜|陪|一晚|快餐|[0-9]{3}/;
everyday('小姐', (text, start) => !SOLICITED.test(text) && start > 0 && SURNAME.has(text.charCodeAt(start - 1)) && (start < 2 || !HAN.test(text.charAt(start - 2)) || ADDRESSED_BEFORE.test(before(text, start - 1, 3))));
// Hemp as a crop and a fibre (以前家家都用大麻搓麻绳): the plant the lexicon lists, grown for rope and cloth.
everyday('大麻', (text) => /麻绳|麻线|麻布|麻袋|麻皮|麻秆|搓绳|纤维|织布|编织/.test(text));
// Kin: a sister (你妹妹考上了没, 我表妹妹).
everyday('妹妹', (text, start) => /[我你他她表堂亲]$/.test(before(text, start, 1)));
// 妈妈 with what is said of her after it (他妈妈今天过生, 你妈妈身体好点没); 请你妈妈问 stays a curse.
const MOTHER_SAID = /^(?:是卖(?![^的]{0,3}[粉冰药货叶糖身肉屁逼淫鸡])[\u4e00-\u9fff]{1,4}的|的(?:生日|病|身体|手艺|电话)|今天|昨天|明天|前天|过生|生日|住院|出院|身体|病|做的|包的|种的|养的|腌的|还好|好点|退休)/;
// Nothing sexual or insulting anywhere in the message (你妈妈今天在我床上 stays a curse).
const MOTHER_ABUSED = /伺候|舔|卖身|卖肉|卖逼|屁股|婊|卖她|鸡|上一课|陪|挨个干|干你|干她|干死|我干|劈腿|开房|睡|床|骚|过夜|一晚|老子|男人|兄弟|逼|贱|死了|去死|该死|死全家|滚|操|(?<!生)日(?![子期常])/;
// Her trade told (他妈是卖豆腐的, 你妈在镇上是卖衣服的), in a message that deals nothing itself (他妈是卖粉的，要货找他 is an offer).
const MOTHER_TRADE = /^(?:在[^，。！？\s]{0,4})?是卖(?![^的]{0,3}[粉冰药货叶糖身肉屁逼淫鸡])[\u4e00-\u9fff]{1,4}的/;
const TRADE_DEALT = /私|找|联系|加我|要货|有货|[0-9０-９]|[块元克]/;
const motherUnabused = (text: string): boolean => !MOTHER_ABUSED.test(text) && !(text.includes('是卖') && TRADE_DEALT.test(text));
// What is said of her right after `at`: MOTHER_SAID, or (`trade`) her trade with a place before it.
const saidOfMother = (text: string, at: number, trade = false): boolean =>
  (MOTHER_SAID.test(text.slice(at, at + 7)) || (trade && MOTHER_TRADE.test(text.slice(at, at + 10)))) && motherUnabused(text);
const motherSaid: EverydaySense = (text, _start, end) => text.charCodeAt(end) === 0x5988 && saidOfMother(text, end + 1);
everyday('他妈', (text, start, end) => motherSaid(text, start, end) || (MOTHER_TRADE.test(text.slice(end, end + 10)) && motherUnabused(text)));
everyday('他妈妈|你妈妈', (text, _start, end) => saidOfMother(text, end));
// The addressee's mother asked along to the course or the trade (可以让你妈也开个店, 叫你妈一起来听课).
const MOTHER_ASKED = /(?:让|叫|请|带|帮)$/;
const MOTHER_JOINS = /^(?:也|一起|都)?(?:开(?:个|一个)?(?:店|网店)|来(?:上课|听课|学|报名)|报名|学一?学|学一下|看看课|试试开店)/;
everyday('你妈', (text, start, end) => motherSaid(text, start, end) || saidOfMother(text, end, true) || (MOTHER_ASKED.test(before(text, start, 1)) && MOTHER_JOINS.test(text.slice(end, end + 6)) && !MOTHER_ABUSED.test(text)));
// A brother-in-law as a person in the family's news (姐夫说他明年也回来养牛, 我姐夫在广东): kin, not a film tag.
const KIN_BEFORE = /[我你他她俺表堂大二三小]$/;
const KIN_DOES = /^(?:说|在|也|今年|明年|去年|今天|明天|回|家里|打电话|种|养|开了?(?:个|家)?店|一起|和我|跟我|人(?:很|挺|不错|好))/;
const KIN_SEXUAL = /小姨|偷情|睡|床|视频|片|完整版|小妹|姑娘|陪|过夜|按摩|上门|一晚|一次|[0-9０-９]|私|水嫩|服务|约|玩/;
everyday('姐夫', (text, start, end) => !KIN_SEXUAL.test(text) && (KIN_BEFORE.test(before(text, start, 1)) || KIN_DOES.test(text.slice(end, end + 4))));
// Chickens fed or sold (先回去喂鸡吧, 看我家小鸡吧 is left to the review tier).
everyday('鸡吧', (text, start) => /(?:喂|养|杀|宰|抓|卖|买|炖|炒|赶)$/.test(before(text, start, 1)));
// A brand of cigarettes (还在抽中南海, 一条中南海) and a country with its customers and markets (日本有客户问能不能寄).
everyday('中南海', (text, start, end) => /(?:抽|一包|一条|一盒|买|根|支|盒)$/.test(before(text, start, 2)) || /^(?:烟|香烟|牌)/.test(text.slice(end, end + 2)));
// The war as elders tell it (抗战的时候日本鬼子在我们这杀了好多人 我爷爷常讲): history, not a name called.
const AIMED_AT_SOMEONE = /[你您]|他这|她这|这个|这种|这些|是(?:个|日本|日军)|德行|滚|汉奸|畜|不如|别理|别信|该|心黑|像|一样|一个样|投胎|比|坏|黑|狗|伪军|姓/;
// The war named right before it in its clause (抗战的时候日本鬼子…, 抗战的时候被日军飞机轰炸过).
const WAR_BEFORE = /(?:抗战|抗日|侵华|打仗|鬼子进村|打过|当年打|那时候打)[^，。！？\s]{0,6}$/;
// …or an elder tells of it (我太爷爷说当年日本鬼子来过我们镇).
const ELDER_TOLD = /(?:太爷爷|太奶奶|爷爷|奶奶|姥姥|姥爷|外公|外婆|老人|老一辈|老辈人)(?:们)?(?:常|总|以前)?(?:说|讲)(?:过)?[^，。！？\s]{0,6}$/;
// …but not when the story turns into a call against someone today (就得杀, 都得灭了, 谁家买日货就…砸).
const STORY_TURNED = /就得|都得|该|不得好死|弄死|砸|一个不留|灭了|谁家|日料|日货|老板/;
const warTold: EverydaySense = (text, start) =>
  (WAR_BEFORE.test(before(text, start, 10)) || (ELDER_TOLD.test(before(text, start, 14)) && !STORY_TURNED.test(text))) && !AIMED_AT_SOMEONE.test(text) && !OFFERED.test(text);
everyday('日本鬼子|日军', warTold);
// Years and times of the speaker's own life (八九年我刚结婚, 文革的时候我爸下乡到我们村): family history, not an event named.
const LIFE_AFTER = /^(?:的时候|那时候|那会儿?|时候?)[，,\s]?(?:我们村|村里|我们这|我们那)的?(?:庙|祠堂|牌坊|老房子|家谱|族谱|古树|戏台)|^(?:的时候|那时候|那会儿?|时候?|时期|期间|那几年|年代)?[，,\s]?(?:我|俺|咱|村里|我们村|我爸|我妈|我爷爷|我奶奶|他|她)(?:爸|妈|家)?(?:刚|才|还|下乡|出生|结婚|上学|当兵|进城|盖|分|认识|那时|被(?:拉去)?(?:批斗|下放|游街)|挨批|在(?:生产队|队里|村里|公社|大队|学校|厂里)|当(?:记分员|会计|队长|民兵|赤脚医生|老师))/;
const EVENT_TALK = /事件|学生|学潮|广场|天安门|长安街|平反|真相|纪念|不能说|敏感|政府|镇压|开枪|坦克|六月|夏天|春天|死了|血债|清算|忘|记得|转发|全校|北京|账/;
const POLITICAL_TURN = /党|共匪|匪|畜生|该死|魔|贼|狗|倒台|国家|政权|毛|魔头|反|朝廷|老百姓|下台|祸害|烂|共产|政府|主席|领导|他们|这帮|这些人|让人/;
everyday('文革|八九年', (text, _start, end) => LIFE_AFTER.test(text.slice(end, end + 10)) && !EVENT_TALK.test(text) && !OFFERED.test(text) && !POLITICAL_TURN.test(text));
// A crossbred animal or crop (杂种猪比土猪长得快): a breed, said of no one.
everyday('杂种', (text, _start, end) => /^(?:猪|鸡|牛|羊|兔|鸭|鹅|玉米|水稻|稻|优势)/.test(text.slice(end, end + 2)) && /长得|长势|出栏|肉|产蛋|产奶|品种|喂|饲料|养|配种|杂交|斤|价|比土/.test(text) && !/[你您他她]|东西|人|班主任|老师|主任|群主|老[王李张刘陈赵周]|滚|玩意|配|骗|退钱|欠|拉黑|爹|羔子/.test(text));
// Calling the police in vain after a theft (西瓜被人偷了十几个 报警也没用).
everyday('报警', (text, _start, end) => /^(?:也|都)?没用/.test(text.slice(end, end + 3)) && /偷|丢|骗|被人/.test(text) && !OFFERED.test(text) && !/你|我偷|不如|找|弄|泼|枪|黑客|收费|转|境外|表哥|所长/.test(text));
// Hemp seed asked about (火麻仁是不是大麻啊): a food the shop sells, asked whether it counts.
everyday('大麻', (text, start) => /(?:火麻|汉麻|麻仁|麻籽)[^，。！？\s]{0,3}(?:是不是|算不算|属于)$/.test(before(text, start, 10)) && !/抽|飘|嗨|叶子|货|私|[0-9０-９]|克|滴滴|劲|老地方|这批|爽|上头|种出|自用|发芽|点着|试|想要|我有/.test(text));
// An animal's temperature taken, or a vet's or a doctor's question (肛门里量 兽用体温计): nothing sexual.
everyday('肛门', (text) => /体温|兽|便血|拉稀|脱肛|痔疮/.test(text) && !/[你她]|女|男|舔|插|操|塞|跳蛋|交|合集|搞|爽|开发|教程|爆菊|视频|照片|片|图|看|约|私|找我|扣|套|玩/.test(text));
// A night at an internet café (包夜网吧以前我常去).
everyday('包夜', (text, _start, end) => /^(?:网吧|上网|通宵|打游戏)/.test(text.slice(end, end + 3)) && !/妹|女|小姐|姑娘|服务|按摩|陪|宾馆|有货|男人|懂|上门|一晚|[0-9０-９]|私/.test(text));
// The addressee's father with what is said of him (让你爸好好休息, 你爸身体好点没).
everyday('你爸', (text, _start, end) => /^(?:好好休息|多休息|身体|住院|出院|生日|病|还好|好点|退休|的(?:生日|病|身体|手术))/.test(text.slice(end, end + 4)) && motherUnabused(text) && !/报应|活该|该|死/.test(text));
// A trade called a gamble (做电商本身就是一场赌博？): a figure of speech, in a message that offers or arranges no game.
everyday('赌博', (text, start) => /(?:一场|是场|像)$/.test(before(text, start, 2)) && !OFFERED.test(text) && !/下注|上分|棋牌|网址|开局|彩|庄|筹码|押|平台|群|翻身|搏|玩|回本|赚|发财|福利|胜率|跟着|老哥|网贷|借|赢|输|局/.test(text));
// A spice level (变态辣火锅底料): hot food, said of no one.
everyday('变态', (text, _start, end) => /^辣(?:火锅|底料|椒|酱|鸡|面|粉|锅|菜|零食|口味|味|的|款|版|条)/.test(text.slice(end, end + 3)) && !/[你您他她]|人|男|女|老师|同学|群主|班长|姑娘|丫头|宝宝|货色|房间|玩法|体验|照片|手|眼/.test(text));
// A machine told to drop dead (去死吧破打印机 又吃纸了): a curse at a thing, not a person.
everyday('去死', (text, start, end) => /^[\s，,!！]*$/.test(text.slice(0, start)) && /^吧?[，,\s!！]*这?破(?:打印机|手机|电脑|车|网|机器|系统|玩意|软件|路由器|电视)(?![主管店])/.test(text.slice(end, end + 10)) && !/[你您他她]|姓|老师|助教|会计|老东西|狗|全家/.test(text));
// Muggy weather (这几天桑拿天 大棚里跟蒸笼一样).
everyday('桑拿', (text, _start, end) => /^天(?![天黑上一])/.test(text.slice(end, end + 2)) && /闷|热|蒸|汗|温度|天气|大棚|这几天|最近|湿|下雨/.test(text) && !/小姐|妹|妞|姑娘|技师|服务|按摩|包夜|全套|一条龙|快活|享受|放松|开房|嫩模|小费|兄弟|[0-9０-９]|私/.test(text));
// The farmer's own work (家里活全是我干): who does the chores, in a message that touches no one.
everyday('我干', (text, start, end) => /(?:活|事|家务|农活|地里的|田里的)[^，。！？\s]{0,3}$/.test(before(text, start, 6)) && /^(?:[的了吧啊呢]|$|[，。！？\s])/.test(text.slice(end, end + 1)) && !/你|她|女|姐|妹|嫂|寡妇|老婆|媳妇|一晚|一次|爽|舒服|床|睡|屁股|操|日|骚|宾馆|仓库/.test(text));
// Staff calling for help at the county centre (县电商中心招聘两名客服…有意者…找我报名): the class's own notice, with no pay lure.
everyday('有意者', (text) => /(?:电商|服务)中心/.test(text) && /招聘|招募|招[一两二三四五六七八九十几0-9]+名|需要[一两二三四五六七八九十几0-9]*名/.test(text) && !/日结|高薪|兼职|佣金|返|红包|学费|收费|交钱|费用|[0-9０-９][\s-]?[0-9０-９]{3}|私聊|加我|v|微|考试|拿证|补贴|贷款|征信|东南亚|出国|国外|跑腿|别问|卡|门路|花钱|好处|一趟|报酬|给钱/.test(text));
// Banter (去你的 你才胖): a friend teased back, not cursed.
everyday('去你的', (text, _start, end) => /^[，,\s!！~～]*(?:你才|我才|哪有|讨厌|哈哈|嘿嘿|😂|🤣)/.test(text.slice(end, end + 4)));
// Adult education (县成人学校, 成人高考): a school, not adult content.
everyday('成人', (text, _start, end) => /^(?:学校|教育|高考|大学|本科|专科|自考|夜校|班|礼|中专)/.test(text.slice(end, end + 2)) && !OFFERED.test(text) && !/小电影|片|约|服务|包夜/.test(text));
// Morphine given in a hospital (吗啡是医院里止痛用的, 癌症晚期打过吗啡): a medicine told of, in a message that offers none.
everyday('吗啡|杜冷丁', (text) => /医院|止痛|癌|晚期|医生|大夫|手术|化疗|住院/.test(text) && !OFFERED.test(text) && !/收|试试|感觉|便宜|转|谁要|需要|剩|多了|有人要|一针|一贴|一支|[两几]百|纯|爽|嗨|老规矩|能弄|拿到|弄出来|熟人|有意向|滴滴|想试|上瘾|门路|过瘾|攒|还有|一大盒|留着/.test(text));
// Sweet-potato vermicelli (红薯白粉条): a noodle.
everyday('白粉', (text, start, end) => (text.charCodeAt(end) === 0x6761 || /(?:红薯|土豆|山芋|地瓜|粉丝)$/.test(before(text, start, 2))) && !OFFERED.test(text) && !/纯度|吸|缅甸|包装|条子/.test(text));
// A shop or a restaurant named (超市叫百家乐): a name, not the card game.
everyday('百家乐', (text, start, end) => (/(?:超市|饭店|饭馆|饭庄|酒楼|餐馆|餐厅|宾馆|酒店|农家乐|商店|小卖部)(?:叫|名叫|名字叫)$/.test(before(text, start, 7)) || /^(?:超市|饭店|饭庄|酒楼|餐厅|大酒店|农家乐|商店|小卖部)/.test(text.slice(end, end + 3))) && !OFFERED.test(text) && !/牌|局|下注|上分|线上|网|其实/.test(text));
// A pangolin seen in a documentary or a zoo (纪录片里看到穿山甲): an animal, in a message that trades none.
everyday('穿山甲', (text) => /纪录片|动物世界|电视上|书上|动物园|科普|课本/.test(text) && !OFFERED.test(text) && !/收|价|斤|肉|货|吃到|好吃|我这|我们这/.test(text));
// A cow's, a sow's or a ewe's birth canal in a vet's question (母牛产后阴道脱出).
everyday('阴道', (text, start) => /(?:母牛|母猪|母羊|母狗|奶牛|产后|产仔|难产)[^，。！？\s]{0,4}$/.test(before(text, start, 8)) && !OFFERED.test(text) && !/你|老婆|女|照片|特写|主播|视频/.test(text));
// …and no country at all: a day word's 日 before 本店 / 本周 (周日本店上新, 节假日本店不休息).
const DAY_BEFORE_RI = /(?:周|星期|礼拜|节假|假|每|今|明|昨|前|后|当|生|节|平|工作|休息|末)$/;
const BEN_AFTER = /^本(?:店|周|月|期|次)[^，。！？\s]{0,2}(?:上新|上架|打折|休息|不休|营业|发货|活动|优惠|特价|新品|开门|关门|照常|促销|包邮|到货|停)/;
everyday('日本', (text, start, end) => (DAY_BEFORE_RI.test(before(text, start, 2)) && BEN_AFTER.test(text.slice(start + 1, start + 8)) && !/寡妇|老板娘|老婆|媳妇|妹|[她你]/.test(text)) || (text.startsWith('鬼子', end) && warTold(text, start, end)) || /^(?:有(?:客户|人|买家|朋友|亲戚)|那边|那里|客户|买家|市场|进口|订单|游客|留学|出差|旅游)/.test(text.slice(end, end + 4)) || /(?:美国|韩国|欧洲|国外|出口|卖到|发到|寄到)$/.test(before(text, start, 2)));
// An udder or a breast in a vet's or a doctor's words (母羊…是不是乳房有问题, 乳房有结节).
// A boar's or a bull's semen (精液质量下降, 冻精配种).
everyday('精液', (text) => /质量|配种|授精|冻精|采精|种猪|公猪|稀释/.test(text));
everyday('乳房|乳头', (text) => /[羊猪兔]|母牛|奶牛|挤奶|产奶|喂奶|乳腺|哺乳|医院|增生|结节/.test(text));
// Taken off in jest by family, the word in quotation marks (被我儿子"绑架"到城里带孙子去了): a figure of speech.
const KIN_TOOK = /被(?:我|俺)?(?:家)?(?:儿子|女儿|闺女|老伴|孙子|孙女|媳妇|儿媳|老公|老婆|孩子|娃|家里人?)[“"「]$/;
const KIN_ERRAND = /^[”"」](?:到|去|回)?[^，。！？\s]{0,6}(?:带孙子|带孙女|带娃|带孩子|看孩子|看娃|帮忙|做饭|过年|旅游|住几天|住了)/;
everyday('绑架|劫持', (text, start, end) => KIN_TOOK.test(before(text, start, 8)) && KIN_ERRAND.test(text.slice(end, end + 14)) && !OFFERED.test(text) && !/[你您]|等着|小心|别哭|喂狼|后山|山里|还钱|不给钱/.test(text));
// Skating (县城溜冰场开了，周末带娃去溜冰): a rink in the message, not the drug's slang.
const TAKEN_SKATING = /(?:带|陪)(?:娃|孩子|儿子|女儿|闺女|孙子|孙女|小孩)(?:去|来)?$|(?:娃|孩子|儿子|女儿|闺女|孙子|孙女|小孩)(?:想|要|爱|喜欢|学|去|在)$/;
// …or lessons a child takes (孙子放暑假去县城学溜冰了 一节课八十).
const SKATING_LESSON = /(?:孩子|娃|孙子|孙女|儿子|女儿)[^，。！？]{0,10}学$/;
everyday('溜冰', (text, start, end) => ((/溜冰场|滑冰|冰场|溜冰鞋|旱冰|轮滑/.test(text) && TAKEN_SKATING.test(before(text, start, 6))) || (SKATING_LESSON.test(before(text, start, 12)) && /^(?:了|课|班)/.test(text.slice(end, end + 1)) && /课|班|教练|暑假|寒假/.test(text))) && !OFFERED.test(text) && !/不睡|第一口|锡纸|吸管|壶|带劲|上头|整|试过|不要钱|晚上|河边/.test(text) && !/飞|嗨|货|冰妹|东西|纯|提神|爽|包|老客户|老规矩|没人查|安全|后屋|仓库|厕所/.test(text));
// Class material sent in private (加我微信 我把标题模板发你): a lecturer's file, not a lure.
const MATERIAL_SENT = /^[，,\s]*(?:我(?:把|给你|发你|私发你)|发你)[^，。！？\s]{0,4}(?:模板|课件|表格|作业|课表|笔记|讲义|ppt|PPT|文档)(?:发你|发给你|给你)?(?:[，。！？\s]|$)/;
everyday('加我微信|加我', (text, _start, end) => MATERIAL_SENT.test(text.slice(end, end + 20)) && !/赚|挣|钱|资源|福利|红包|兼职|免费|领|项目|副业|[0-9０-９]|[块元]|私|代理|货|懂的|美女|妹|姑娘|答案|考试|抄|执照|证|改个|当.{0,4}用|单独|来我家|学费|保证|贷|款|借|好东西|填好|当天/.test(text));
// Farm and packing work; a card, an account, a licence or cash fetched for someone is a mule's errand, whatever the lunch.
const FARM_WORK = /采茶|摘|收(?:玉米|麦|稻|花生|土豆|红薯|苹果|果)|插秧|割|打包|装车|装箱|搬|卸|栽|除草|施肥|打药|喂|挖|修剪|套袋|分拣|包装|贴单|拣|晾|晒|剥|掰/;
const MULE_ERRAND = /卡|号|注册|认证|刷脸|开户|u盾|U盾|取钱|取点钱|取款|转账|名字|名义|执照|身份|场子|打牌|放风|不要拆|别拆|不用拆|包裹|代收|扫码|营业厅|银行|网点/;
// A local day's farm or packing work with lunch (谁家有空来帮我打包 日结一百二 管午饭, 采茶工日结…包午饭 我们村缺人手): a neighbour's help paid, not a lure.
everyday('日结', (text) => FARM_WORK.test(text) && !MULE_ERRAND.test(text) && /帮我|来帮|帮忙|搭把手|来我家|来我这|缺人手|缺人|找人帮/.test(text) && /[管包](?:午饭|中饭|饭|一顿饭)/.test(text) && !/招|高薪|边境|夜场|姑娘|陪|转账|流水|银行卡|卡给|别问|身份证|吃住|三餐|私|[千万]|[五六七八九]百/.test(text));
// Every time (打靶回回十环, 回回都迟到): the reduplicated 回, not a name for Hui people.
everyday('回回', (text, start, end) => /(?:打靶|射击|考试|比赛|投篮|抽奖|钓鱼|[他她我你]|娃|孩子|儿子|女儿|孙子|孙女)$/.test(before(text, start, 2)) && /^(?:十环|都(?:迟到|准时|考|忘|输|赢|中|拿|满分|第一)|考(?:第一|满分)|第一名|迟到|早退|中奖|满分)/.test(text.slice(end, end + 4)) && !/回民|民族|穆斯林|清真|宗教|猪|滚|杀|绿绿|少数|他们|赶|打(?!靶)|关|清理|不配|好人|好东西/.test(text));
// A full set of farm machines, tools or furniture (全套农机补贴, 全套厨具): not a course sold or a service.
const GOODS_AFTER = /^(?:农机|农具|机械|设备|工具|家具|茶具|餐具|厨具|灶具|床品|体检|检查|检测|设施|机器)/;
everyday('全套', (text, _start, end) => GOODS_AFTER.test(text.slice(end, end + 2)));

// A prohibition that lists what it forbids, its items parted by spaces (不准发刷单 贷款 拉人头的东西).
const LIST_BEFORE = /(?:不准|不许|禁止|严禁|不要|不能|不得|杜绝|拒绝|(?<![区分特类级识辨差告性派鉴])别)再?(?:发|卖|做|搞|碰|刷|聊|发布)[^，。！？；,.!?;\n]{0,6}$/;
const LIST_ITEM_MAX = 4;
const LIST_ITEMS_MAX = 3;

// An example or a likeness named (比如刷单, 就像赌博) that the message then sells (我们团队做三年了, 跟我们一起玩平台): not a warning.
const EXAMPLE_BEFORE = /(?:比如|举例|就像)(?:说)?$/;
function exampleTurned(text: string, from: number, start: number): boolean {
  return EXAMPLE_BEFORE.test(text.slice(from, start)) && (LIST_TURNED.test(text) || OFFERED.test(text));
}

// A clause that lists what the clause before it bans (禁止虚假交易，包括刷单、补单、炒信，违者扣分).
const RULE_PENALTY = /扣分|降权|清退|封店|处罚|查实|违规|禁止/;
const LISTING = /^(?:包括|比如|例如)[^，。！？；,.!?;\n]*$/;
// …and nothing after that turns it into an offer (像六合彩这种其实是投资, 不过这东西确实好使, 需要资源的看我空间).
const LIST_TURNED = /其实|不过|但是?|可是|我们|我这|需要|看我|空间|想做|想要|想体验|想试|体验|老规矩|老地方|桥头|懂的|要的|滴滴|好使|不算|技术|团队|进群|资源|跟着|私|找我/;
const BANNED_BEFORE = /禁止|严禁|不得|不允许|不准|杜绝|打击|不要|违规/;
function listedUnderBan(text: string, from: number, start: number): boolean {
  // …or 包括 inside the clause, in a rule that names its penalty (虚假交易包括刷单 补单…一经查实扣分降权).
  // Runs for every hit: most messages hold no 包括, 比如 or 例如.
  if (text.indexOf('包括') < 0 && text.indexOf('比如') < 0 && text.indexOf('例如') < 0) return false;
  if (/包括[^，。！？]{0,12}$/.test(text.slice(Math.max(0, start - 14), start)) && RULE_PENALTY.test(text) && !OFFERED.test(text) && !LIST_TURNED.test(text)) return true;
  return from > 1 && LISTING.test(text.slice(from, start)) && BANNED_BEFORE.test(text.slice(Math.max(0, from - 24), from)) && !OFFERED.test(text) && !LIST_TURNED.test(text);
}

/** Whether the space at `gap` ends an item of a listed prohibition: the clause before it forbids, or is a short item of the list that follows one. */
function forbiddenInList(text: string, gap: number): boolean {
  let at = gap;
  for (let items = 0; items < LIST_ITEMS_MAX; items++) {
    const c = text.charCodeAt(at);
    if (c !== 0x20 && c !== 0x3000) return false;
    let from = at;
    while (from > 0 && at - from < WINDOW && ((UNIT[text.charCodeAt(from - 1)] as number) & BREAK) === 0) from--;
    if (from === at) return false;
    if (LIST_BEFORE.test(text.slice(from, at))) return true;
    if (at - from > LIST_ITEM_MAX || from === 0) return false;
    at = from - 1;
  }
  return false;
}

// Per UTF-16 unit: 1 clause break; 2 can begin a BEFORE factor; 4 an AFTER factor; 8 a VERDICT
// factor. Most hits have no such character around them, and then no expression runs.
const BREAK = 1;
const BEFORE_CUE = 2;
const AFTER_CUE = 4;
const VERDICT_CUE = 8;
const REPORT_CUE = 16;
const UNIT = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (CLAUSE_BREAK.test(String.fromCharCode(c))) UNIT[c] = BREAK;
const markCues = (re: RegExp, bit: number): void => {
  const factors = re.ignoreCase ? null : regexFactors(re.source);
  if (!factors) for (let c = 0; c < 0x10000; c++) UNIT[c] = (UNIT[c] as number) | bit;
  else for (const f of factors) UNIT[f.charCodeAt(0)] = (UNIT[f.charCodeAt(0)] as number) | bit;
};
markCues(BEFORE, BEFORE_CUE);
markCues(AFTER, AFTER_CUE);
markCues(VERDICT, VERDICT_CUE);
// VERDICT's two-unit factors (诈骗, 别点, 报警 …): most of its first characters (是, 不, 被) are everywhere.
const VERDICT_PAIRS = new Set((regexFactors(VERDICT.source) ?? []).map((f) => (f.charCodeAt(0) << 16) | f.charCodeAt(1)));

// The expressions negatedByContext runs on every hit, each behind a test of its factors over the same stretch.
const GATE = {
  before: new FactorGate(BEFORE),
  after: new FactorGate(AFTER),
  cursedPest: new FactorGate(CURSED_PEST),
  curseWord: new FactorGate(CURSE_WORD),
  kinCurse: new FactorGate(KIN_CURSE),
  dated: new FactorGate(DATED),
  reportedInsult: new FactorGate(REPORTED_INSULT),
  selfLabel: new FactorGate(SELF_LABEL),
  calledMe: new FactorGate(CALLED_ME),
  saidOfMe: new FactorGate(SAID_OF_ME),
  kicked: new FactorGate(KICKED_AFTER),
  ruledSerious: new FactorGate(RULED_SERIOUS),
};
/** First UTF-16 unit of every word with an everyday sense (EVERYDAY_SENSE): any other word is not looked up. */
const EVERYDAY_FIRST = new Uint8Array(0x10000);
for (const w of EVERYDAY_SENSE.keys()) EVERYDAY_FIRST[w.charCodeAt(0)] = 1;

/**
 * Whether the clause around [start, end) speaks against the hit instead of offering it: a
 * prohibition before it (不要, 禁止, 拒绝, 远离 …) or a verdict after it (是违规的, 都是骗局 …).
 * Warnings like 「刷单是违规的，千万不要做」 and 「拒绝网络赌博」 are the class rules, not violations;
 * a message that goes on to call what it quotes a scam (…，是诈骗吧) reports it, and so does one
 * that has called it a scam before (这个就是诈骗，…) unless the hit is an insult or a threat
 * (`category` 辱骂 / 暴恐: 张老师就是个骗子，…滚出去).
 */
export function negatedByContext(text: string, start: number, end: number, category?: string): boolean {
  let from = start;
  let cues = 0;
  for (; from > 0 && start - from < WINDOW; from--) {
    const u = UNIT[text.charCodeAt(from - 1)] as number;
    if (u & BREAK) break;
    cues |= u;
  }
  // A word aimed at someone (你妈逼的, 你这个日本鬼子) insults whatever the list files it under: 别理他 after it goes on insulting.
  const aimed = text.charCodeAt(start) === 0x4f60 || AIMED_BEFORE.test(before(text, start, 4));
  const personal = category === '辱骂' || category === '暴恐' || aimed;
  if (from < start && cues & BEFORE_CUE && GATE.before.admits(text, from, start) && BEFORE.test(text.slice(from, start)) && !(personal && PERSONAL_NOT_BEFORE.test(text.slice(from, start))) && !exampleTurned(text, from, start)) return true;
  // A word in a list of what a rule bans: a threat word too (lists file 赌博, 冰毒 under 暴恐), unless it is aimed at someone or the message deals; never an insult.
  const listable = !aimed && (!personal || (category === '暴恐' && !OFFERED.test(text) && !LIST_TURNED.test(text)));
  if (listable && from > 0 && forbiddenInList(text, from - 1)) return true;
  if (listable && listedUnderBan(text, from, start)) return true;
  // What something quoted is called (玩什么"百家乐"…，那就是赌博); said of a person it is an insult (你这就是…).
  // Each of these ends right before the hit: the unit there (是, 算, 卖 …) decides whether any is read.
  const last = from < start ? text.charCodeAt(start - 1) : 0;
  if (last === 0x662f && category !== '辱骂' && CALLED_THAT.test(text.slice(from, start)) && /["“”]/.test(text.slice(0, from))) return true;
  if (last === 0x7b97 && NOT_COUNTED.test(text.slice(from, start)) && ASKED_AFTER.test(text.slice(end, end + 6))) return true;
  if (SOLD_LAST.has(last) && NOT_SELLING.test(text.slice(from, start)) && CLOSING_DE.test(text.slice(end, end + 2))) return true;
  let to = end;
  cues = 0;
  for (; to < text.length && to - end < WINDOW; to++) {
    const u = UNIT[text.charCodeAt(to)] as number;
    if (u & BREAK) break;
    cues |= u;
  }
  if (to > end && (cues & AFTER_CUE) !== 0 && GATE.after.admits(text, end, to) && AFTER.test(text.slice(end, to))) return true;
  if (toldApart(text, start, end)) return true;
  if (!personal && arrestReported(text, end)) return true;
  if (GATE.cursedPest.admits(text, end, end + WINDOW) && CURSED_PEST.test(text.slice(end, end + WINDOW))) return true;
  // Each expression about the word itself runs only when the word holds one of its factors.
  const withDe = text.charCodeAt(end) === 0x7684;
  if (GATE.curseWord.admits(text, start, withDe ? end + 1 : end)) {
    const word = text.slice(start, end);
    if (CURSE_WORD.test(withDe ? `${word}的` : word) && (CURSED_THING.test(text.slice(end, end + WINDOW)) || (THING_CURSED.test(before(text, start, WINDOW + 2)) && !PERSON_AFTER.test(text.slice(end, end + 16))))) return true;
  }
  if (GATE.kinCurse.admits(text, start, end) && KIN_CURSE.test(text.slice(start, end)) && (POSSESSED.test(text.slice(end, end + 6)) || (KIN_PLACE.test(text.slice(end, end + 3)) && /[他她]/.test(text.charAt(start)) && /[送去到回在住]$/.test(before(text, start, 2)) && !/滚|吃奶|死|火化|操|日|骗|贱/.test(text)))) return true;
  if (GATE.dated.admits(text, start, end) && DATED.test(text.slice(start, end)) && TIME_AFTER.test(text.slice(end, end + 3))) return true;
  if (EVERYDAY_FIRST[text.charCodeAt(start)] === 1) {
    const everydaySense = EVERYDAY_SENSE.get(text.slice(start, end));
    if (everydaySense?.(text, start, end)) return true;
  }
  if (!personal && bulletinOfArrest(text, start, end)) return true;
  if (category === '暴恐' && placeNamed(text, start, end)) return true;
  if (category === '赌博' && pastimeOfOldDays(text, start, end)) return true;
  if (!personal && loanWarned(text, end)) return true;
  if (!personal && penaltyReported(text, start)) return true;
  if (category !== '辱骂' && ruleAgainstPosting(text, start, end)) return true;
  if (!personal && askedToRemove(text, start, end)) return true;
  if (!personal && kickedPoster(text, start, end)) return true;
  // RULED_SERIOUS, in a message that offers nothing anywhere.
  if (GATE.ruledSerious.admits(text, end, end + 20) && RULED_SERIOUS.test(text.slice(end, end + 20)) && (/^[^，。！？\s]{0,2}(?:都)?属于/.test(text.slice(end, end + 6)) || (LESSON_WORDS.test(text) && !/[？?]/.test(text.slice(end)) && !/照样|没人查|查不到|我们|太严/.test(text))) && !OFFERED.test(text) && !/我这|我有|门路|能搞/.test(text)) return true;
  // Calling someone a scammer first (张老师就是个骗子，…滚出去) is part of an insult or a threat, not a report of it.
  if (quotedForTheRules(text, start, end)) return true;
  // Someone insulted the sender, reported by the sender (评论区有人骂我sb): whatever the list files the word under.
  if (from < start && ((GATE.reportedInsult.admits(text, from, start) && REPORTED_INSULT.test(text.slice(from, start))) || (GATE.selfLabel.admits(text, from, start) && SELF_LABEL.test(text.slice(from, start))))) return true;
  if (
    (category === '辱骂' || category === '未分类') &&
    ((from < start && GATE.calledMe.admits(text, from, start) && CALLED_ME.test(text.slice(from, start))) ||
      (from < start && OWN_HEAD.test(text.slice(from, start)) && !SOMEONE_ELSE.test(text.slice(end))) ||
      (GATE.saidOfMe.admits(text, end, end + WINDOW) && SAID_OF_ME.test(text.slice(end, end + WINDOW))))
  )
    return true;
  // The lists file some vices under 暴恐 (赌博, 冰毒): staff asked to deal with one named (管理员赶紧处理一下) is a report, not an insult going on.
  if (category === '暴恐' && VICE.test(text.slice(start, end)) && POST_REPORTED.test(before(text, start, 12)) && STAFF_ASKED_AFTER.test(text.slice(end, end + VERDICT_REACH)) && !OFFERED.test(text) && !LIST_TURNED.test(text)) return true;
  return calledAScam(text, end, personal) || (!personal && calledAScamBefore(text, start)) || reportedBefore(text, start, end);
}

// A place whose old name holds a violent word, and the story of the name (我们这有个坡叫杀人坡 听老人说以前土匪多):
// the name after 叫, a slope, a gully or a village closing it, and the elders or the old days telling why.
const PLACE_CALLED = /(?:叫|叫做|名叫|地名叫)["“「]?$/;
const PLACE_CLOSES = /^["”」]?[坡沟岭山村河桥庄湾崖屯寨洼岗梁峪坪塘岩洞峡滩](?:$|[^\u4e00-\u9fff]|[的那这里上下有是在听以])/;
const PLACE_LORE = /老人(?:们)?(?:说|讲)|听(?:老人|老辈|爷爷|奶奶|我爸|我妈)|以前|古时候|早年|传说|据说|土匪|打仗|由来|得名/;
// …in a message that threatens, offers and calls no one (让他躺在那个叫杀人坡的地方 is a threat).
const PLACE_MISUSED = /[你您他她]|等着|弄死|砍死|打死|找人|收拾|[0-9０-９]|私|加我|让|就该|躺|埋|去|找|货|买|卖|见|拿|接|挑|想/;
function placeNamed(text: string, start: number, end: number): boolean {
  return PLACE_CLOSES.test(text.slice(end, end + 3)) && PLACE_CALLED.test(before(text, start, 4)) && PLACE_LORE.test(text) && !PLACE_MISUSED.test(text);
}

// An official bulletin or a village broadcast before the hit and an arrest, a penalty or an order to hand it in after it
// (县里通报 有人非法收购病死猪 已经抓了, 村里广播说私藏的火药枪猎枪要上交):
// news of a case, not an offer. Both are needed: a notice alone is a frame anyone can write.
const BULLETIN = /(?:县里|镇里|镇上|乡里|市里|上面|政府|公安|派出所|农业局|畜牧局|农业农村局|市场监管局)(?:发了?|刚)?(?:通报|通告|公告)[:：\s]|广播(?:里)?(?:说|通知|讲)/;
const ARRESTED = /已经?(?:被)?(?:抓|判|罚|拘留|立案|查处)|被(?:抓|判|罚|拘留|查处)|(?:要|必须|一律|主动)上交|追责|没收/;
const BULLETIN_REACH = 24;
// Runs for every hit: its factors (通报, 广播 …) are tested first over the same stretch, without a slice.
const BULLETIN_GATE = new FactorGate(BULLETIN);

// A pastime of the old days that no one dares any more (以前过年村里有人推牌九，现在抓得严没人敢了): the past before the hit,
// today's strictness after it, and nothing offered or arranged anywhere (…现在抓得严，只拉熟人 is an invitation).
const OLD_DAYS_BEFORE = /(?:以前|过去|那时候|那会儿?|小时候|早些年|当年|老早)[^。！？]{0,12}$/;
const NO_ONE_DARES = /^[^。！？]{0,16}(?:(?:现在|如今|这几年)(?:都|管得|查得)?抓得(?:很|太|比较)?严|没人敢(?:玩|赌|碰|弄)?了)/;
const STILL_ARRANGED = /熟人|后门|进群|开车|接|只卖|只拉|老客户|抓紧|换地方|得找|找我|私下|别开灯|还有|想玩|来|晚上|后山|都去|想/;

// These three run for every hit of their kind: their factors are tested first over the same stretch, without a slice.
const OLD_DAYS_GATE = new FactorGate(OLD_DAYS_BEFORE);

// …or the family banning it since (所以我们家谁都不许打牌), in a story that does not come back to today's games.
const FAMILY_BANS = /^[^。！？]{0,30}(?:谁|家里人?|我们家)(?:都)?不(?:许|准|让)(?:打牌|赌|玩牌|碰)/;
const GAME_TODAY = /现在|如今|群|手机|网上|平台|局|上桌|要玩|提前|报名|问我|有兴趣|随时|换成|改在/;

function pastimeOfOldDays(text: string, start: number, end: number): boolean {
  if (!OLD_DAYS_GATE.admits(text, Math.max(0, start - 16), start) || !OLD_DAYS_BEFORE.test(before(text, start, 16)) || OFFERED.test(text) || STILL_ARRANGED.test(text)) return false;
  return NO_ONE_DARES.test(text.slice(end, end + 30)) || (FAMILY_BANS.test(text.slice(end, end + 34)) && !GAME_TODAY.test(text));
}

// A loan warning (贷款一定找银行 网上那些秒批的都是套路贷): the bank advised, the lure called a trap, nothing offered.
const CALLED_A_LOAN_TRAP = /^[^。！？]{0,30}(?:都是|就是|是)套路贷/;
const LOAN_TRAP_GATE = new FactorGate(CALLED_A_LOAN_TRAP);
const BANK_ADVISED = /找银行|去银行|正规银行|信用社|别信|别借|千万别|不要借|别碰/;
const LOAN_OFFERED = /找我|我们|我这|正规公司|靠谱|私|[0-9０-９]|下款|放款|口子|黑户|利息低|当天|征信|弄死|全家/;

function loanWarned(text: string, end: number): boolean {
  return LOAN_TRAP_GATE.admits(text, end, end + 34) && CALLED_A_LOAN_TRAP.test(text.slice(end, end + 34)) && BANK_ADVISED.test(text) && !LOAN_OFFERED.test(text);
}

// A platform's penalty reported (杀鸡儆猴 平台处理了几个刷单的 大家都老实了), in a message that offers nothing and threatens no one.
const PENALISED_BEFORE = /(?:平台|官方|抖音|快手|淘宝|拼多多)(?:又)?(?:处理|封|抓|罚|清退|查)了(?:几个|一批|好多|一些|不少)?$/;
const PENALISED_GATE = new FactorGate(PENALISED_BEFORE);
const STILL_AT_IT = /我这|我们|照样|接着|继续|渠道|安全|下一个|等着|[你您]|还在|还有|妹子|换个|有货|接单|没事/;

function penaltyReported(text: string, start: number): boolean {
  return PENALISED_GATE.admits(text, Math.max(0, start - 12), start) && PENALISED_BEFORE.test(before(text, start, 12)) && !OFFERED.test(text) && !STILL_AT_IT.test(text);
}

function bulletinOfArrest(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - BULLETIN_REACH);
  return BULLETIN_GATE.admits(text, from, start) && BULLETIN.test(text.slice(from, start)) && ARRESTED.test(text.slice(end, end + BULLETIN_REACH + 6));
}

// Earlier in the message: the sender has already called it a scam or says they were taken in
// (这个就是诈骗，…先让你做任务返钱; 我差点被骗了，…让我下载个会议软件).
const VERDICT_BEFORE = /(?:(?<!不)是|都是|就是)(?:典型的|一个|个)?(?:诈骗|骗局|骗子)|(?:诈骗|骗子)的?(?:套路|手段|新招)|被(?:人)?骗/;
// Earlier in the message, for any hit: the police said it, the sender reported it, someone asked
// the sender to do it, or it is an anti-drug class (民警说收购银行卡…, 我举报了一个直播间 卖的…).
const REPORTED_BEFORE = /收缴|有人在群里(?:发|说)|(?:民警|警察|警方|派出所|反诈中心|海关|市场监管局?)(?:说|讲|提醒|通报)|(?:兽医|医生|护士)(?:给)?(?:打|开|用)(?![不没])(?:了|的)?(?:一针)?|(?<![把被])(?:我举报|举报了)|已举报|(?:有人|客户|顾客|买家)(?:私信|私聊)?问我(?:要不要|收不收|买不买|卖不卖|能不能|可不可以|会不会|有没有|["“「]|$)|被平台判|有人找我(?:买|卖|收|$)|有人让我|派出所说|禁毒|宣传课|群规[:：]|群公告[:：]|县志|讲历史|》里|阅兵|历史课|水浒|西游记|三国|红楼梦|电视剧|小说里|剧里|禁售|放(?:个|张|一张)?(?:小)?卡片|卡片上?(?:写|印)|规则(?:原文)?[:：]|规则里?写(?:了|着)|旧社会|解放前|(?:外公|外婆|爷爷|奶奶|姥姥|姥爷|老一辈)(?:们)?[^，。！？]{0,4}年轻(?:的)?时候|那辈|那一辈|那会儿|防骗|禁赌|通告|骗子(?:说|让|叫|打电话)|新闻(?:上|里)?(?:说|报道)|电视(?:上|里)?(?:说|报道|播)|端了|端掉|点举报|违禁词|冒用|冒充|反诈|真的害人|害死人|接到过|老师(?:说|讲)了|老师说有人|老师讲过|什么意思|是不是因为|拉我进|平台抓|抓了几个|医生开(?![不没])|也接到|接到(?:个|一个)?(?:电话|短信)|被查了|被端了|@群主|@管理员|一直私聊我|一直私信我|举报一下|平台说|被封号|封号了|被限流|听说有人/;
markCues(REPORTED_BEFORE, REPORT_CUE);
// Its two-unit factors (民警, 举报, 有人 …): a cue character alone (有, 真, 被 are everywhere) runs nothing.
const REPORT_PAIRS = new Set((regexFactors(REPORTED_BEFORE.source) ?? []).map((f) => (f.charCodeAt(0) << 16) | f.charCodeAt(1)));

/**
 * Where in a message the verdict and report expressions could begin: the two-unit factors of
 * VERDICT and REPORTED_BEFORE, and 骗. Found in one pass per message (negatedByContext runs for
 * every hit, and each looked VERDICT_REACH units around itself).
 */
class MessageCues {
  text = '';
  /** Ascending positions of a VERDICT pair, a REPORTED_BEFORE pair, and 骗. */
  verdict: number[] = [];
  report: number[] = [];
  scam: number[] = [];

  of(text: string): this {
    if (text === this.text) return this;
    this.text = text;
    this.verdict.length = 0;
    this.report.length = 0;
    this.scam.length = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const u = UNIT[c] as number;
      if ((u & VERDICT_CUE) !== 0 && VERDICT_PAIRS.has((c << 16) | text.charCodeAt(i + 1))) this.verdict.push(i);
      if ((u & REPORT_CUE) !== 0 && REPORT_PAIRS.has((c << 16) | text.charCodeAt(i + 1))) this.report.push(i);
      if (c === 0x9a97) this.scam.push(i);
    }
    return this;
  }
}
const CUES = new MessageCues();

/** Whether `positions` (ascending) holds one in [from, to]. */
function anyBetween(positions: readonly number[], from: number, to: number): boolean {
  for (let k = 0; k < positions.length; k++) {
    const p = positions[k] as number;
    if (p > to) return false;
    if (p >= from) return true;
  }
  return false;
}

/** Whether the text before `start` (within VERDICT_REACH units, across clauses) calls what follows a scam. */
function calledAScamBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - VERDICT_REACH);
  // Looked for in the reach only: a long message with no 骗 is not read back to its start for every hit.
  return anyBetween(CUES.of(text).scam, from, start - 1) && VERDICT_BEFORE.test(text.slice(from, start));
}

/** Whether the text before `start` (within VERDICT_REACH units, across clauses) reports what follows (REPORTED_BEFORE). */
function reportedBefore(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - VERDICT_REACH);
  if (anyBetween(CUES.of(text).report, from, start - 2) && REPORTED_BEFORE.test(text.slice(from, start)) && !(ASKED_ME.test(text.slice(from, start)) && ANSWERED_YES.test(text.slice(end)))) return true;
  // A lesson, a quiz or a campaign against it opening a long message (禁毒知识竞赛 题目问…… 冰毒和K粉都算): the whole message is about it.
  // …naming the same word in its opening (题目问大麻、冰毒、K粉…): a later one is the same item of the lesson.
  if (start <= VERDICT_REACH || !lessonOpens(text) || OFFERED.test(text)) return false;
  const named = text.indexOf(text.slice(start, end));
  return named >= 0 && named < VERDICT_REACH && reportedBefore(text, named, named + (end - start));
}
// What was asked of the sender, answered yes (有人问我要不要K粉，当然有): an offer, not a report.
const ASKED_ME = /(?:有人|客户|顾客|买家)(?:私信|私聊)?问我|有人找我|有人让我/;
const ANSWERED_YES = /当然有|有的是|我这|我有|还有|刚到|有货|老地方|可以|收，|收,|纯度|我有空|今晚/;
let lessonText = '';
let lessonOpened = false;
/** Whether the message opens with a lesson against a vice (LESSON_OPENS), worked out once per message. */
function lessonOpens(text: string): boolean {
  if (text !== lessonText) {
    lessonText = text;
    lessonOpened = LESSON_OPENS.test(text.slice(0, VERDICT_REACH));
  }
  return lessonOpened;
}
const LESSON_OPENS = /(?:禁毒|禁赌|反诈|防骗|普法|法制)(?:知识|宣传|教育|讲座|课|竞赛|答题|活动|日)/;

/**
 * Whether the text after `end` (within VERDICT_REACH units, across clauses) calls it a scam: 是诈骗,
 * 都是骗子 …. After an insult or a threat (`personal`), 别理他 / 她的话别信 / 吓死人了 go on insulting; they report nothing.
 */
function calledAScam(text: string, end: number, personal: boolean): boolean {
  const reach = Math.min(text.length, end + VERDICT_REACH);
  if (!anyBetween(CUES.of(text).verdict, end, reach - 1)) return false;
  const verdict = VERDICT.exec(text.slice(end, Math.min(text.length, end + VERDICT_REACH + 4)));
  return verdict !== null && !(personal && PERSONAL_NOT_VERDICT.test(verdict[0]));
}

// Double quotes (ASCII or curly) around a short stretch: chat quotes a wording to ask about it.
const OPENING_QUOTES = new Set([0x22, 0x201c]);
const CLOSING_QUOTES = new Set([0x22, 0x201d]);
const QUOTE_REACH = 60;
// Outside the quotation, the message talks about rules: what may be written, what a platform forbids.
const RULES_TALK = /规则|群规|新规|平台|违规|违禁|禁止|不得|封号|会被|可以吗|可以吧|能不能|能写|有问题吗|算不算|是不是|行不行|不能说|为什么不能|为啥不能|能用吗|能不能用|这两个词|这个词|说的|别误会|被人说|意思|是说|是指/;

/**
 * Whether [start, end) lies inside a short quotation ("加微信", “原汁原味”) in a message that talks
 * about rules outside it: 抖音说"加微信"会被判引流, 平台规则原文："不得发布…毒品…". The quoted words are
 * asked about or cited, not offered. 「」 is not counted: shop talk puts keywords in it (关键词「…」).
 */
function quotedForTheRules(text: string, start: number, end: number): boolean {
  // Most messages quote nothing: two native searches settle it.
  if (text.indexOf('"') < 0 && text.indexOf('\u201c') < 0) return false;
  let open = -1;
  for (let i = start - 1; i >= 0 && start - i <= QUOTE_REACH; i--) {
    const c = text.charCodeAt(i);
    if (OPENING_QUOTES.has(c)) {
      open = i;
      break;
    }
    if (CLOSING_QUOTES.has(c) && c !== 0x22) return false;
  }
  if (open < 0) return false;
  let close = -1;
  for (let i = end; i < text.length && i - open <= QUOTE_REACH; i++) {
    if (CLOSING_QUOTES.has(text.charCodeAt(i))) {
      close = i;
      break;
    }
  }
  if (close < 0) return false;
  // An ASCII quote opens and closes alike: the one before the hit must be an opening one (an even
  // count before it, counted back over the quotation's reach: a longer message is not a quotation).
  if (text.charCodeAt(open) === 0x22) {
    if (open > QUOTE_REACH * 4) return false;
    let before = 0;
    for (let i = 0; i < open; i++) if (text.charCodeAt(i) === 0x22) before++;
    if (before % 2 !== 0) return false;
  }
  return RULES_TALK.test(text.slice(0, open) + '\u0000' + text.slice(close + 1));
}

// Inside a slang match's own gap: what a real service never asks (理赔不会让你点链接填银行卡).
const DENIED_INSIDE = /不会(?:让|要求|叫)|从来不|绝不会|不需要你|不用你|千万不能|不能(?:卖|吃|收)|不赌|也算|被查|被端/;

// …and an offer called a scam inside it (冒充平台客服 让交保证金 都是骗子): a warning, unless the words are an insult (你全家都是骗子).
const SCAM_CALLED_INSIDE = /(?:都|就|肯定)是(?:骗|诈骗)/;
// …unless it calls others scams to sell its own (别家都是骗人的 我这…).
const SCAM_COMPARED = /别的|别家|别人|我这|我们这|跟我|找我|保证(?!金)|其实|真实|稳/;

/** Whether a slang match's own text says the offer is what is never asked, or calls it a scam: a warning phrased inside the pattern's gap. */
export function deniedInside(text: string, start: number, end: number, category?: string): boolean {
  if (end - start <= 4) return false;
  const inside = text.slice(start, end);
  return DENIED_INSIDE.test(inside) || (category !== '辱骂' && category !== '暴恐' && SCAM_CALLED_INSIDE.test(inside) && !OFFERED.test(text) && !SCAM_COMPARED.test(text));
}

/**
 * Whether a whole message reads as a report or a warning (是骗子吧, 截图发老师了, 民警说…, 别贪那点钱):
 * for a message no rule flagged, where the review model's guess is all there is to act on.
 */
export function readsAsReport(text: string): boolean {
  return REPORTED_WHOLE.test(text);
}

// Anywhere in a message: asked whether it is a scam, screenshotted for staff, reported, taken to the
// police, or called laundering to warn someone off. Calling someone a scammer (就是个骗子) is no report.
const REPORTED_WHOLE = /(?:骗子|诈骗|骗局)吧|是不是(?:骗子|诈骗|骗局)|(?:截图|截屏)(?:发|给)(?:管理员|老师|班主任|群主)|截图了|已举报|举报了|我举报|报警了|已经报警|别贪|帮人洗钱|踢了吧|踢出去|取消资格|禁毒日|诈骗的套路|赶紧上交|是真的不|吓得赶紧|有人在群里发/;
