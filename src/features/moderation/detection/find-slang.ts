import { CharClass, type CharTables } from './char-tables';
import type { MatchTier, ScanMatch } from './detector';
import type { ModerationCategory } from './moderation-category';
import { regexFactors } from './regex-factors';

/** One slang or solicitation pattern: what it means, how sure it is, and the regular expression over folded text. */
interface SlangRule {
  name: string;
  category: ModerationCategory;
  tier: MatchTier;
  pattern: RegExp;
}

// Folded text: simplified, lower case, lookalikes folded, spaces and symbols dropped, clause
// punctuation kept as '，'. Patterns are written over that text; `.{0,n}` never crosses a clause.
const G = '[^，]';
const PRIVATE = '(?:私我|私聊|(?<!回复了|回复|回了|发了|看了)私信|私发|私戳|找我|滴滴我|加我|(?<!第一次|刚|新|才)进群|(?<!^)扣1|(?<!^)扣个1|dd我|小窗|(?<![a-z])v领|看我朋友圈|懂的来|懂的私|jia我|茄我|茄微|加微|嘉我|(?:vx|wx|v信|微信|薇信|威信|徽信)搜(?:索)?)';
// Where 全套 and 一条龙 are a sex service, not a set of packaging or a one-stop shop.
const VENUE = '(?:按摩|洗浴|桑拿|会所|足浴|spa|上门|技师|小妹)';
// Where 翻倍, 高收益 and 零门槛 are an investment lure, not a sales figure or a crop.
const INVEST = `(?:投资|理财|入金|本金|充值|返利|项目|炒股|股票|币|外汇|期货|黄金现货|现货|${PRIVATE})`;
const rule = (name: string, category: ModerationCategory, tier: MatchTier, source: string): SlangRule => ({ name, category, tier, pattern: new RegExp(source, 'g') });

/**
 * Slang, euphemism and contactless solicitation that no word list holds. `public` rules are
 * unambiguous phrasings (上分下分, 包夜, 溜冰); `review` rules are guesses that staff confirm.
 * Written from how such offers are phrased (docs/moderation.md), not from the corpus lines.
 */
const RULES: readonly SlangRule[] = [
  // 赌博
  rule('gambling-credit', '赌博', 'public', `上分${G}{0,2}下分|下分${G}{0,2}上分|首充${G}{0,3}送|首存${G}{0,3}(?:送|翻倍)|充${G}{0,3}送彩金|彩金|带单${G}{0,3}(?:稳|必|包)|跟单必|必中|稳胆|赌狗|三缺一${G}{0,8}(?:[0-9一二三四五六七八九十百]+(?:块|元)?(?:一个庄|一把|底|一局))|一个庄|pc28|加拿大28|带你回本|底注|缺(?:两|一|三)人${G}{0,3}(?:上车|速来|来)|拼三张|(?:牛牛|金花)${G}{0,8}(?:微信|转账|钱)|翻本|输了${G}{0,3}(?:[0-9]+|[一二三四五六七八九十两几]+)万|房卡群|竞猜群|一场一结|抽水(?:少|低)|龙虎斗${G}{0,4}(?:跟|买|押)|十把九中|把把中|赢了${G}{0,3}抽(?:一成|[0-9]+)|游戏${G}{0,3}(?:能|可以)?(?:换钱|提现)|(?:块|元|百|十)底(?![价部下线子层座板肥])(?=，|$|[^，]{0,3}(?:结|来|速|群|局|麻将|打牌))|充一百送|提(?:现|款)秒到|竞猜${G}{0,6}(?:下单|跟我|带你|稳)|bjl|让分(?:盘)?${G}{0,8}(?:内部消息|跟单|带单)|(?:斗牛|牛牛|金花)群|[一二三四五六七八九十百千0-9]+起押|足彩${G}{0,3}(?:带单|推荐|跟单|稳)|让分${G}{0,4}(?:跟单|下注|带单)|必须回本|回本计划|计划${G}{0,2}(?:发我|带我)|跟我下(?:注|的)|(?:马场|赌场|场子|场)${G}{0,2}赢了(?:[0-9]+|[一二三四五六七八九十几两]+)[千万百]`),
  rule('gambling-games', '赌博', 'public', `时时彩|六合彩|百家乐(?!超市|商场|购物|便利|家具|广场)|串关|不限额|二八杠|买码|三中三|特码|特马(?!拉松)|pg电子|爆分|斗鸡${G}{0,6}押|菠菜(?:网|平台|站|带单)|博彩|赌球|(?<!不)赌钱|买球|外围${G}{0,4}(?:盘口|球)|盘口|北京赛车|幸运飞艇|pc蛋蛋|快三(?![点天个年月分周十百千万小时斤岁])|大小单双|押大小|炸金花|金花牛牛|牛牛${G}{0,3}(?:群|房|上分|下注|押|庄)|牌九|老虎机|真人荷官|坐庄|葡京|线上赌场|网上赌场|提款秒到|(?:组${G}{0,1}局|德州)${G}{0,8}，?${G}{0,8}(?:[0-9]+(?:元|块)?买入|带入)|扫雷${G}{0,2}(?:红包|群)|红包接龙`),
  rule('gambling-cash', '赌博', 'public', `(?:棋牌|捕鱼|扑克|麻将|斗地主|骰子|掷色子|摇色子)${G}{0,8}，?${G}{0,6}(?:提现|兑换现金|上分|充值|现金局|输赢|(?<![不没戒])赌|一底|一炮)|(?:棋牌|捕鱼|扑克|麻将|斗地主|骰子|龙虎斗|百家乐|牛牛|拼三张)${G}{0,8}一把|输赢${G}{0,2}(?:[0-9]+|[一二两三四五六七八九十几][十百千万块])|(?:一百|五十|十块|[0-9]+)一(?:底|炮|把)|(?:赔率|押注|(?<!皮)下注(?!射)|押一把|网赌|回血)|(?:输|亏|回血)${G}{0,6}上岸|带我${G}{0,2}(?:回本|上岸|回血)|上岸${G}{0,3}(?:回血|翻本)|(?:跑得快|斗地主|掼蛋|麻将|牌九|扎金花|梭哈|推筒子|打牌)${G}{0,8}，?${G}{0,8}(?:[0-9]+|[一二两三四五六七八九十]+)(?:块|元)?一(?:张|番|底|炮|把|局)|输了${G}{0,3}(?:红包|转账|微信)结|(?:边境|境外|缅甸|澳门|越南|老挝|那边)${G}{0,4}玩(?:两|几|一)把|输了算我的|(?:哪个|什么)台子${G}{0,4}(?:能|可以)?上分|彩票${G}{0,10}，?${G}{0,10}(?:来我(?:们)?这|回报率高|跟我(?:买|玩))|来我这(?:玩|打)(?:两|几)把|小赌怡情${G}{0,10}(?:翻|来|玩)|(?:全|都)压(?:在)?${G}{0,6}(?:大小|这把|这一把)`),
  rule('gambling-venue', '赌博', 'review', `(?:有局|开局|(?<![跳爬端摆])上桌(?!吃|子)|场子|赌场|开房${G}{0,2}(?:玩|局)|有人放风|三公${G}{0,6}(?:老地方|人不够|差(?:两|一|三)个))|(?:搞|玩)菠菜(?!种|苗|籽|地)|菠菜${G}{0,8}(?:平台|出款|网址|担保)`),
  // 毒品
  rule('drugs-slang', '毒品', 'public', `(?<!上面|冰上|河上|湖上|场)溜冰(?![场鞋馆课摔])|能量粉${G}{0,8}(?:吸|精神|提神)|吸一口${G}{0,6}(?:精神|提神|飘)|(?:新到|到了|来了)${G}{0,3}(?:一批)?叶子(?!菜)|止咳水${G}{0,8}(?:出|卖|成箱|便宜|懂的|批发)|(?:卖|出|有)${G}{0,2}止咳水|冰妹|冰壶(?!比赛|运动|队|赛|项目)|(?<![0-9.])k粉(?!丝)|打k|飞叶子|麻古|(?<!一瓶)神仙水(?!${G}{0,4}(?:抹脸|擦脸|护肤|精华|面膜|化妆))|摇头丸|笑气|g水|上头${G}{0,3}(?:电子烟|药)|(?:卖|出|有|要)${G}{0,2}(?:(?<!加)冰(?!糖|箱|柜|袋|块|淇|激|棍|镇|沙|粉|凉|爽|皮|鲜|冻|雹)|(?<!白)白的|叶子(?!菜)|(?<!的)果子(?=${G}{0,6}(?:嗨|懂的|飞|蹦|有货|都有|老客户|溜))|邮票|麻果|蓝精灵|聪明药)|(?:麻果|聪明药|蓝精灵)${G}{0,8}，?${G}{0,4}(?:一盒|一颗|一粒|一克|一包|[0-9]+(?:元|块)|便宜|包邮)|嗨药|助兴的|y片|出点k|(?<![a-z])k${G}{0,3}(?:质量|面交)|邮票${G}{0,4}，?${G}{0,6}(?:嗨|舌头|贴)|喝了飘|吃了飘|不用处方|想要飞|飞一下${G}{0,4}找我|邮票${G}{0,3}跳跳糖|有白面吗|白面${G}{0,3}，?${G}{0,4}不是做馒头|冰du|四号货|喵喵${G}{0,3}(?:浴盐|有货|到货|要不要)|浴盐${G}{0,3}喵喵|咔咔${G}{0,3}(?:到了|到货|来了|有货)|4号货|(?:手上|手里|谁)有(?:没有)?(?:四号|4号)(?=，|$)|(?:四号|4号)，?急(?:要|需)|要土的|罂粟${G}{0,8}(?:收果|有人要|割浆)|(?:有|要|卖|出)${G}{0,2}(?<![a-z])ice(?![a-z])|叶子${G}{0,4}(?:要不要|纯的|好抽)|那个草${G}{0,6}抽|(?:种|有)${G}{0,4}草${G}{0,6}(?:自己)?抽|不是卖的那种|不是吃的那种|抽一口${G}{0,3}(?:爽翻|飘|嗨)|蹦迪专用|跳跳糖${G}{0,8}(?:效果猛|蹦迪|嗨)|冰(?:到了|到货|来了)${G}{0,6}(?:货好|纯|老地方|懂的)|货好${G}{0,2}老地方见|(?:有|手上有)点货${G}{0,3}，?${G}{0,2}(?:白的|冰|纯的)|(?:搞|来)点白的|(?:种|有)${G}{0,4}草，${G}{0,3}(?:自己)?抽|(?:咔|卡)哇${G}{0,2}(?:潜艇|饮料)|(?:肉|货|冰|糖)["”]?${G}{0,8}能溜|白的${G}{0,10}(?:小包|[0-9一二两三]+克)|依托咪酯|小冰糖(?:到了|到货|有货|，?老顾客|，?老客户)|飞一口|(?:咖啡包|奶茶包)(?!装)${G}{0,6}(?:新款|懂的|嗨|上头|飞|到了|到货)|上头(?:电子)?烟(?:弹)?|太空油|魔幻蘑菇|迷幻蘑菇|神奇蘑菇|(?:4|四)号(?:货)?(?:到了|到货|有货)${G}{0,6}(?:老规矩|老地方)`),
  rule('drugs-effect', '毒品', 'review', `(?:嗨一|一起嗨|想嗨|带你飞|飞行员|纯度${G}{0,2}(?:高|够|好)|高纯度|(?:吃|溜|嗑)了${G}{0,4}(?:一晚上|一夜|整晚|一宿)(?:都)?不(?:睡|困)|纯货|溜一口|(?<![还都也])有货吗|我这有货|(?:有没有|来点|要点|带点)k(?![a-z0-9线歌])|k${G}{0,3}局上|要的${G}{0,4}懂的都懂)|(?:东西|货)${G}{0,6}(?:包在|藏在|夹在)${G}{0,6}里|别问(?:是啥|是什么|里面)|老地方交易|货${G}{0,4}纯度|白面${G}{0,3}，?${G}{0,3}(?:不掺假|纯度|纯的)|(?:云南|缅甸|边境|那边)${G}{0,6}带${G}{0,3}(?:点|些)?(?:东西|货)${G}{0,4}，?${G}{0,6}(?:谁要|要的|纯的|要不要)`),
  // 色情
  rule('sex-services', '色情', 'public', `(?:妹子|美女|小妹|姑娘|学生妹)${G}{0,4}(?:多少钱|什么价|几百)${G}{0,2}(?:一晚|一次|一个钟|包夜|过夜)|(?:同城|美女|小妹|妹子|学生|少妇|全套|包夜)${G}{0,6}上门服务|上门服务${G}{0,6}(?:美女|小妹|妹子|学生|少妇|全套|包夜|过夜|一个钟)|一夜(?:[0-9]+|[一二三四五六七八九十两]+[百千])|私密直播|打赏解锁|加钟|果聊|(?:00后|学生)妹子${G}{0,8}(?:按摩|服务|会所|放松)|黄网|看黄|福利群${G}{0,8}(?:美女|尺度)|尺度大|约p(?![a-z])|(?<![a-z])yp(?![a-z])|一对一视频${G}{0,6}(?:脱|裸)|可以脱|一楼一凤|同城${G}{0,3}(?:yp|可约)|真实可约|可上门|不是酒托|免费看${G}{0,3}(?:黄|片)|[0-9]+一个钟|(?<!网吧)包夜(?![班宵打干分装加])|${VENUE}${G}{0,4}(?:全套|一条龙)|(?:全套|一条龙)${G}{0,3}(?:按摩|洗浴|桑拿|小妹|技师|上门)|大保健|老司机${G}{0,4}开车${G}{0,10}，?${G}{0,6}资源|资源在这${G}{0,4}(?:滴滴|上车|私我)|嫩模${G}{0,3}(?:上门|包夜|一晚|服务)|(?:酒店|宾馆)${G}{0,2}(?:均可|都可以)${G}{0,6}(?:分钟|小时)到|特殊服务|莞式|楼凤|外围女|援交|约炮|一夜情|裸聊|陪睡|找小姐|学生妹|丝足|技师${G}{0,4}服务|福利(?:视频|姬)|看片(?!子)|(?<![姜菊])黄片|十八禁|18禁|(?<!汁)原味(?=${G}{0,4}(?:袜|内衣|内裤|私|照|图|穿))|(?:卖|出|收|要)${G}{0,2}原味(?![瓜花坚薯饼奶酸麻辣蒜香五口的款和])|性药|延时的|裸照|骚照|看得我都硬了|都看硬了|(?:宾馆|酒店|房)${G}{0,4}开好了${G}{0,10}(?:妹子|美女|姑娘|小妹)|全露(?![营天台水])|(?:十二点|半夜|深夜)以后${G}{0,4}(?:露|脱)|网黄|我(?:老婆|媳妇)不在${G}{0,4}嘿嘿|你老公不行${G}{0,8}(?:我|找我|帮)|让哥哥${G}{0,2}(?:摸|亲|抱)|(?:衣服|裤子|上衣)脱了${G}{0,4}，?${G}{0,4}(?:打赏|刷(?:个)?(?:礼物|火箭))|(?:打赏|刷(?:个)?(?:礼物|火箭))${G}{0,6}脱(?![销贫水皮单节发离口落])`),
  rule('sex-lure', '色情', 'review', `(?:就在你附近|(?:小哥哥|哥哥|帅哥)${G}{0,3}一个人吗|空虚寂寞|寂寞${G}{0,3}(?:加我|私我)|有没有人来陪|(?<!亲子|小孩的|孩子|儿童|娃)陪玩(?!活动|项目)|同城交友|同城${G}{0,2}约|(?<![预邀签相赴履节违特])约吗|(?:裙子|裤子)(?:好|真|这么|那么)短${G}{0,2}，?${G}{0,10}(?:丝袜|给我看|让我看)|穿(?:黑)?丝袜来|开(?:个)?房(?:不|吗|去不|去吗)(?=，|$|我请)|身材(?:真|这么|那么|好)(?:好|辣|火辣)${G}{0,2}，?${G}{0,10}(?:单独|开房|私下|晚上(?:来|去|陪|见))|(?:弯腰|走光|领口|裙底)${G}{0,6}，?${G}{0,8}(?:看到了|看见了)${G}{0,2}嘿嘿|咱俩${G}{0,4}开(?:个)?房|看了别害羞|那是我下面|老公不在家${G}{0,12}(?:找你|门别锁)|来我房间|腿真白|让哥几个看看|让哥看看|领口${G}{0,4}低一点|好想摸|床上${G}{0,4}(?:肯定)?(?:很)?厉害|腰(?:那么|这么|真)细|胸露出来|露(?:点|出)胸|衣服开低|陪哥${G}{0,3}喝|去宾馆补|(?<![a-z])yyq(?![a-z])|胸(?:那么|这么)大|门别锁|很好约吧|谁先上|av(?:的)?群)|身材${G}{0,12}(?:摸一下|摸摸|摸一把)|(?:这么|真|好)骚(?![扰动乱])|陪${G}{0,2}喝酒${G}{0,12}(?:别的节目|节目|特殊服务)|还有别的节目|看我空间有惊喜|晚上来我家${G}{0,10}(?:老婆|媳妇)不在|(?:小媳妇|小娘们|小少妇)${G}{0,4}晚上来|穿(?:少|露|透)(?:一)?点${G}{0,10}(?:嘿嘿|粉丝才多|刷礼物)`),
  // 广告: contactless solicitation, traffic for sale, loan and investment lures
  rule('lure-private', '广告', 'public', `(?<!(?:同学|学员|大家)${G}{0,4})${PRIVATE}${G}{0,4}(?:领取|领红包|领福利|拿链接|拿内部|拿盘口|给盘口|送|带你|发链接|发资料|登记|详聊)|(?:领取|领红包|领福利)${G}{0,6}${PRIVATE}|(?:私我|私聊|私信)${G}{0,2}(?:领|拿)|(?:${PRIVATE}|拉你)${G}{0,4}福利群|福利群${G}{0,8}(?:免费|送|领)|(?:vx|wx|v信|微信|薇信|威信|徽信)搜(?:索)?${G}{0,12}(?:每天上新|天天上新|优惠|福利|下单)|没抢到的${G}{0,2}(?:加我|私我)|(?:dd我|滴滴我)${G}{0,2}(?:有优惠|优惠|打折)`),
  rule('lure-redpacket', '广告', 'public', `0元购|(?:按摩椅|保健品|养生壶|理疗仪|磁疗)${G}{0,10}免费(?:体验|领|送)|免费(?:体验|领|送)${G}{0,6}(?:按摩椅|保健品|养生壶|理疗仪|磁疗)|到店${G}{0,2}(?:就)?领${G}{0,4}(?:大米|鸡蛋|油|米)|零元购|人人有份|帮我助力${G}{0,8}领|转(?:发|满)${G}{0,3}[0-9一二三四五六七八九十几]+个群|(?:点击|点)链接${G}{0,4}(?:登录|认领)|逾期作废|提现就差|真(?:的)?能提现|下载${G}{0,12}绑${G}{0,2}银行卡|绑(?:定)?银行卡才能|换了新号${G}{0,12}转|先转${G}{0,6}验证|验证一下账户|我是${G}{0,4}官方客服|保证金${G}{0,6}可以退了|下载${G}{0,4}会议软件|百万保障|(?:保证金|扣费)${G}{0,12}(?:下载|会议软件|联系我)|etc${G}{0,8}(?:失效|认证)|点击链接重新认证|涉嫌洗钱${G}{0,12}(?:配合|转入)|安全账户|拼团返现|拉人越多|过期作废|扫${G}{0,4}二维码${G}{0,4}(?:认证|领取|登记)|(?:补贴|扶持资金|补助)${G}{0,12}(?:扫|点击|点)${G}{0,6}(?:二维码|链接)|每(?:户|人)可领|(?:补贴|退款|理赔|退税)${G}{0,12}，?${G}{0,6}(?:点${G}{0,2}链接)${G}{0,8}(?:银行卡|登记|领取)|隐藏(?:优惠)?券|好评返现${G}{0,6}，?${G}{0,6}(?:${PRIVATE}|拉群)|进群领|加群领|转发${G}{0,10}(?:群|朋友圈|好友)${G}{0,4}，?${G}{0,6}(?:领|送|得|返)${G}{0,6}(?:红包|现金|[0-9一二三四五六七八九十百]+元)|点${G}{0,3}链接领|扫码领|扫码进群|点击头像|扫${G}{0,3}头像|集赞送|拉人头|(?:进群|加群|扫码|红包|领)${G}{0,6}先到先得|先到先得${G}{0,6}(?:进群|加群|扫码|红包)|话费${G}{0,3}(?:[0-9一二三四五六七八九]折|打折)${G}{0,4}充|先充后付|(?:1|一)元(?:抢购|秒杀)${G}{0,2}(?:苹果|iphone|手机|茅台|金条)|链接在我(?:空间|主页|朋友圈)|回复${G}{0,2}红包|立得现金`),
  rule('traffic-sale', '广告', 'public', `(?:出售|卖|买(?!家)|收购|代刷|刷)${G}{0,4}(?:粉丝|好评|账号|手机号|微信号|抖音号|粉丝群)|(?:出售|卖|代刷|刷)${G}{0,4}流量|(?:出售|卖|买|(?<!我(?:去|来)?帮忙)刷)(?:点|些|的)?人气|(?:出售|转让)${G}{0,3}(?:店铺|账号|号)，?${G}{0,2}(?:带|有)(?:粉|流量)|涨粉${G}{0,6}(?:${PRIVATE}|套餐|神器|包月|[0-9一二三四五六七八九十百千万]+(?:元|块))|(?:${PRIVATE}|代刷|秒)${G}{0,4}涨粉|(?:账号|淘宝号|抖音号|快手号|微信号|老号|粉丝号)${G}{0,4}回收|回收${G}{0,2}(?:账号|淘宝号|抖音号|快手号|微信号|老号)|出${G}{0,2}(?:粉丝号|抖音号|快手号|老号|淘宝号)|播放量${G}{0,6}只要|(?:出售|转让|出)${G}{0,2}(?:天猫店|淘宝店|c店|网店|抖店|快手小店|小店)|(?:宝妈|创业|精准|兼职)粉${G}{0,10}(?:引流|一个|[0-9]+(?:元|毛|块))|(?:个赞|百赞|千赞|万赞|千粉|万粉|条评论)${G}{0,2}(?:[0-9]+|[一二三四五六七八九十两]+)(?:元|块|毛)|机器人不封号|好评代刷|代刷${G}{0,4}(?:好评|五星)|五星带图|粉${G}{0,3}只要[0-9一二三四五六七八九十]|真人活粉|活粉|不掉粉|代投|保证${G}{0,3}(?:上万|[0-9一二三四五六七八九十]+万)播放|(?:好评|评价|晒图)${G}{0,4}一条${G}{0,2}(?:[0-9]+|[一二三四五六七八九十两]+)(?:元|块|毛)|可过户|带资质过户|(?:白条|花呗|借呗|信用卡)${G}{0,6}(?:回收|套现|提现|取现)|包上(?:首页|热搜)|(?:小黄车|橱窗|蓝v|店铺)${G}{0,12}包开|包开${G}{0,3}[0-9一二三四五六七八九十百两]+(?:元|块|一个)|真人粉|刷单|刷好评|(?<!我(?:去|来)?帮忙)刷人气|包上热门|包上推荐|投多少返多少|代运营${G}{0,6}(?:包上热门|${PRIVATE})|直播间假人|涨人气${G}{0,8}${PRIVATE}|机器人挂(?:榜|人)|挂人${G}{0,4}(?:一小时|[0-9一二三四五六七八九十]+(?:元|块))|基础销量${G}{0,6}(?:包安全|代做|代刷)|工作室${G}{0,2}接单|(?:销量|评价)${G}{0,6}包安全|(?:小红书|抖音|快手|视频|公众)号${G}{0,6}[千万0-9一二三四五六七八九十]+粉${G}{0,8}(?:可改名|改名|出|卖|转让|需要)|(?:卖|出)${G}{0,2}(?:小红书|抖音|快手)号|(?:卖|出)${G}{0,2}(?:淘宝|拼多多|抖音|快手)店${G}{0,10}(?:钻|皇冠|带流量|接手)`),
  rule('job-lure', '广告', 'public', `(?:日结|日赚|日入|月入过万|一单一结|一单${G}{0,2}[0-9一二三四五六七八九十]+块${G}{0,6}(?:日结|兼职|在家|任务|佣金)|点赞任务|点赞(?:关注)?${G}{0,4}(?:赚钱|佣金)|先垫付|垫付${G}{0,3}返|(?:柬埔寨|缅甸|菲律宾|迪拜)${G}{0,10}(?:高薪|招聘|月薪|包吃包住|机票)|(?:高薪|月薪过万)${G}{0,12}(?:柬埔寨|缅甸|菲律宾)|机票报销|零成本创业|在家${G}{0,4}(?:赚|兼职(?!给))|在家做${G}{0,6}(?:兼职|日结|月入|日入)|月入(?:[0-9一二三四五六七八九十两几]+万|五位数|六位数)|无货源${G}{0,6}(?:项目|带你|月入)|打字员|学费先交后退|包分配${G}{0,8}底薪|点赞员|做任务${G}{0,4}(?:赚|佣金|返)|手工活外发|副业${G}{0,4}${PRIVATE}|想赚钱${G}{0,6}(?:${PRIVATE}|联系)|想赚钱的(?:加|私|找|来|联系|滴|扣|[a-z])|押金${G}{0,4}(?:才能|才)派|包你回本|先交${G}{0,6}(?:上架费|体检费|服务费|入会费|押金|保证金|服装费|工装费|培训费)|(?:面试|入职|上岗)(?:前|之前)?${G}{0,3}(?:先)?交${G}{0,6}(?:服装费|工装费|押金|培训费|体检费|保证金|资料费)|一票${G}{0,3}(?:一块|[0-9]+元|[0-9一二三四五]+毛|红包)|投完截图|截图(?:发我|给我)${G}{0,4}(?:返|一单|[0-9一二三四五六七八九十]+元))|空包${G}{0,6}(?:我来|代发|一单)|不用真发货|给佣金${G}{0,4}一单|(?:点赞|关注|评论)${G}{0,4}(?:每单|一单)${G}{0,2}[0-9一二三四五六七八九十]+(?:元|块)|有(?:个)?手机就(?:行|能做|可以做)`),
  rule('loan-lure', '广告', 'public', `(?:(?:处理|协商)${G}{0,6}逾期|停息挂账|延期减免|(?:办理|代办|办)信用卡${G}{0,4}，?${G}{0,4}(?:额度高|高额度|大额度|包下卡|包下|秒批|快速下卡|提额)|信用卡${G}{0,4}(?:代还|提额|取现)|低息${G}{0,6}(?:${PRIVATE}|秒批|下款|无抵押|不看征信)|无抵押|秒批|征信花了${G}{0,10}(?:也能下|能下|可下|秒下)|负债高${G}{0,6}(?:也能下|能下|可下)|专做${G}{0,2}疑难客户|秒下款|当天下款|当天放款|黑户${G}{0,4}(?:贷|口子|下款)|口子${G}{0,4}(?:下款|秒批|放款|黑户)|(?:下款|放款)${G}{0,4}口子|无需征信|小额贷款|套现|急用钱)`),
  rule('invest-lure', '广告', 'public', `(?:(?<!哪有|没有|哪里有)稳赚不赔|保本保息|${INVEST}${G}{0,6}(?:翻倍|高收益|零门槛)|(?:翻倍|高收益|零门槛)${G}{0,6}${INVEST}|每天返|内幕消息|必涨|早进早赚|躺着赚钱|挖矿|虚拟币|数字货币${G}{0,4}项目|带你${G}{0,4}(?:投资|炒股|赚钱|翻倍|稳赚|翻身|回血)|(?:导师|老师|跟单)${G}{0,6}稳赚|(?:导师|老师)${G}{0,4}带单|全额赔付|入会费|下面发展|发展的人${G}{0,6}(?:业绩|提成)|投(?:一|两|五|十)(?:百|千|万)返|原始股|一股变十股|无需货源${G}{0,8}(?:月赚|月入)|月赚[0-9一二三四五六七八九十]+万|带你${G}{0,4}(?:玩|炒)${G}{0,2}(?:币|数字货币|虚拟货币|外汇|期货|股票)|看实盘|翻(?:两|三|四|五|十|几)倍${G}{0,8}(?:进群|带|私|跟)|亏了${G}{0,3}(?:包赔|全赔|赔付)|躺赚|躺着(?:赚|收钱)|年赚${G}{0,2}[0-9一二三四五六七八九十百千]+万|下线越多|发展下线|拉${G}{0,2}[0-9一二三四五六七八九十几两]+个人${G}{0,4}回本|股票群|发财的机会|炒币|保底收益|(?:外汇|原油|黄金)${G}{0,6}带单|一周翻倍|投${G}{0,2}[0-9一二三四五六七八九十百千万]+${G}{0,6}分红${G}{0,2}[0-9一二三四五六七八九十百千万]+|保底分红|(?:月收益|年化|年回报|一年回报)${G}{0,2}(?:百分之[一二三四五六七八九十]+|[0-9]{2,}%)|投${G}{0,2}[0-9一二三四五六七八九十百千万]+${G}{0,4}一年回报${G}{0,2}[0-9一二三四五六七八九十百千万]+)|(?:治|根治|治好)${G}{0,6}(?:高血压|糖尿病|癌症|痛风)${G}{0,12}停药(?!期)|能停药(?!期)|祖传秘方${G}{0,10}(?:见效|根治|疗程|治好)|(?:牛皮癣|白癜风|糖尿病|高血压|痛风|癌症)${G}{0,10}(?:秘方|见效|根治)|一个疗程${G}{0,2}见效|根治(?:高血压|糖尿病|癌症)|(?:吃|喝|用)${G}{0,6}停药(?!期)|互助盘|资金盘|已经有人提现|投${G}{0,2}[0-9一二三四五六七八九十百千万]+${G}{0,8}回${G}{0,2}[0-9一二三四五六七八九十百千万]+`),
  rule('lure-guess', '广告', 'review', `(?:(?<!(?:问题|不懂|不会|疑问|不明白)${G}{0,6})${PRIVATE}(?:$|，)|流量卡${G}{0,3}${PRIVATE}|贷款${G}{0,6}利息低|有(?:需要|要)${G}{0,2}(?:贷款|借钱|借款)${G}{0,3}(?:的|吗)|(?:买|卖)粉(?![条丝皮笔刷底饼蒸])${G}{0,3}，?${G}{0,6}(?:便宜|详聊|私我|私聊|vx|v我|加我)|内部价|内部渠道|免费送${G}{0,4}${PRIVATE}|免费领|群主发福利|好项目|不赚钱不要钱|互助平台|看广告${G}{0,4}(?:赚钱|提现)|邀请码|躺着也能赚|回复1了解|想了解的回复1|代理价${G}{0,3}${PRIVATE}|天天出单|零加盟费|免加盟费|加盟${G}{0,8}，?${G}{0,8}，?${G}{0,8}回本|去听就送|听讲座${G}{0,4}送|免费体检|复制${G}{0,8}打开${G}{0,4}(?:某宝|淘宝|tb|拼多多|抖音)|转入${G}{0,6}个人(?:账户|账号|微信|支付宝)|原号被封|新号${G}{0,20}转我|私发我红包|转到${G}{0,3}卡号|一棵树${G}{0,3}[0-9一二三四五六七八九十百千万]+${G}{0,8}分红|有需要${G}{0,2}(?:私聊|私我|找我|加我)|这是我的新微信|新微信${G}{0,16}转|(?:请|直接)转(?:给)?我(?!们)|(?<![a-z])[wv]信${G}{0,2}(?:搜|加|找)|搜我签名|看我签名|名额(?:有限|不多)${G}{0,4}先到先得|砍一刀|做(?:保险|理财|贷款)的${G}{0,16}${PRIVATE}|领鸡蛋|(?:原石|翡翠|和田玉|玉石)${G}{0,8}捡漏|捡漏${G}{0,8}起拍|一人加盟${G}{0,2}全家致富|(?:开会|听课|讲座)${G}{0,10}(?:免费吃饭|送鸡蛋)|免费吃饭${G}{0,4}送(?:鸡蛋|米|油)|老号不用了|请大家加这个微信|年年分红|点我头像|看(?:我)?朋友圈${G}{0,4}(?:特价|清仓|优惠)|转我微信|交${G}{0,6}(?:定金|押金|工本费|资料费)给我|二维码缴纳|不起号退款|包起号|高价回收${G}{0,4}(?:旧手机|手机|电脑)|互粉|回关必回|无限流量${G}{0,6}(?:[0-9]|九块九|不限速)|加企鹅)`),
  // 违法犯罪
  rule('illegal-trade', '违法犯罪', 'public', `(?:出租|收|出售|收购|卖)${G}{0,2}(?:银行卡|身份证|手机卡|微信号|个人信息|公民${G}{0,3}信息)|代考|包过|假学历|假证|假病历|假发票|病假条|迷药|洗钱|跑分|走私|高仿|一比一${G}{0,3}(?:复刻|原单|高仿|货源|出货)|盗版|仿真枪|枪支|弹药|偷拍|杀猪盘|穿山甲|野生动物|代办${G}{0,8}，?${G}{0,3}不用本人|保过|(?:出售|卖|有)${G}{0,3}(?:考试答案|考题答案|真题答案)|黑车|不用实名|免实名|无需实名|不用本人|人脸(?:认证|识别)${G}{0,2}代过|代过${G}{0,4}(?:人脸|实名|认证)|收${G}{0,4}野生|野生${G}{0,6}(?:现金收|收购|出售)|(?<!养殖的|养殖|人工)娃娃鱼(?!${G}{0,6}有证|是人工|是养殖)|果子狸|电鱼机|电鱼${G}{0,4}(?:包教|出售|卖)|(?:执照|许可证|资格证|残疾证|证件|证)(?!在网上|网上)${G}{0,6}(?:都能做|都能办|能办(?![吗么不])|不用实体|不用鉴定)|不用鉴定|对公账户${G}{0,6}(?:三方|流水|出)|走流水|走账|面单数据|查人服务|查开房|给钱就查|(?:开房记录|行踪轨迹|通话记录)${G}{0,8}(?:都能查|能查|可查)|[0-9一二三四五六七八九十]+毛一条|不问来路|资质挂靠|挂靠资质|不用厂房${G}{0,6}(?:不用检测|下证)|卖(?!家)${G}{0,4}(?:学员|客户|业主|家长|会员|学生)名单|所有人的电话${G}{0,6}(?:给钱|买|卖)|回收${G}{0,4}(?:茅台|五粮液|名酒)${G}{0,2}(?:空瓶|酒瓶|瓶子)|(?:茅台|五粮液)空瓶${G}{0,4}(?:回收|收)|多报(?:了)?${G}{0,4}(?:亩|面积|产量|人数|头)|补贴照样拿|(?:出售|收购|回收)${G}{0,4}医保卡|医保卡${G}{0,12}(?:卖给我|[0-9一二三四五六七八九]折收)|来路(?:别问|不要问)|别问来路|(?:普通|外地|别的|一般)${G}{0,4}米${G}{0,8}(?:做成|冒充|当成?|就成|变成|装(?:进)?)${G}{0,2}五常|装(?:进)?${G}{0,3}(?:五常|大牌|名牌|别人家?)的?(?:袋子|袋|包装|盒子|箱子)|(?:外地|普通|别的|一般|外省|外县)${G}{0,6}(?:贴上?|装进?|换上?|套上?)(?!我|咱|自己|自家|新|快递)${G}{1,8}的(?:箱子|袋子|包装|盒子|标签|牌子)${G}{0,2}卖|原单(?:正品|尾货)|从(?:别人|人家)的?(?:车|电动车|摩托|家|地里|园子|棚)${G}{0,2}(?:卸|拆|弄|顺|偷)(?:下来|来)?的|肉里?注(?:点|些)?水|(?:给|往)(?:猪|牛|羊)${G}{0,2}注(?:点|些)?水|(?:林场|山上|山里|保护区|野生)${G}{0,6}红豆杉|(?:农药|化肥|酒|油|蜂蜜|奶|醋|酱油)里?(?:兑|掺)(?:点|些)?水${G}{0,2}，?${G}{0,8}(?:看不出|吃不出|喝不出|原价|照样卖|没人知道)|(?:材料|证明|手续|合同|发票)${G}{0,4}做(?:成)?假|做假(?:材料|证明|手续|合同|账)|没(?:有)?(?:建|种|养|盖|买)${G}{0,2}也能(?:报|领|批)|(?<![请放休度寒暑])假(?![期日如设装])(?:的)?(?:农药|兽药|化肥|种子|食品|营业|经营)?(?:登记证|许可证|资格证|证书|执照)|(?:硫磺|硫黄)熏${G}{0,6}，?${G}{0,8}(?:颜色好看|好看|发白|白得|好卖|放得久|卖相)|掺${G}{0,3}(?:石子|石头|沙子|铁砂)|(?:加|掺|灌)${G}{0,4}压秤|工业(?:盐|酒精|明胶|油|碱)(?:腌|泡|做|炸|兑)|偷的抢的|解id锁|捡的手机${G}{0,4}解|不用许可证|狗药|一针倒|(?<!被人|被)冒领|(?:名额|补贴)${G}{0,6}领出来|(?:名额|补贴|扶贫款|低保)${G}{0,10}(?:，${G}{0,8}){0,2}(?:对半分|五五分|三七分)|(?:宰|杀)(?:之|以)?前${G}{0,2}灌${G}{0,2}水|灌(?:点|些)?水${G}{0,4}，?${G}{0,6}(?:多卖|压秤|多称)|假冒名牌|跟专柜一样|吊牌齐全|流水${G}{0,6}抽${G}{0,2}(?:[0-9一二三四五]+个点)|(?:假|仿)(?:茅台|五粮液|名酒|烟)|包装一模一样|保护区${G}{0,8}(?:偷偷|采|挖|打)|(?:收|卖|出)${G}{0,2}(?:猴子|猕猴(?!桃)|穿山甲|鹦鹉|熊掌|猫头鹰|老鹰)|(?:收购|出售|收|卖)${G}{0,3}(?:熊胆|虎骨|虎皮|象牙|犀牛角|玳瑁)|熊胆${G}{0,3}虎骨|百草枯${G}{0,8}(?:有要的|出售|正品|原液|批发|包邮|便宜)|租${G}{0,3}(?:支付宝|微信|银行卡|账号)${G}{0,4}，?${G}{0,4}(?:每天|一天|给)|作弊${G}{0,4}(?:耳机|设备|器材)|不用考${G}{0,3}直接拿|蟹扣${G}{0,8}(?:要多少有多少|挂上就是)|身份证${G}{0,4}借来|(?:题|试题|考题)和答案${G}{0,4}(?:我都有|出售)|答案我都有|下套逮|(?:狍子|麂子|果子狸|野猪)(?=${G}{0,4}(?:新鲜|要的|出售))|走边境|边境小道|收${G}{0,2}病死猪|没有采伐证|红豆杉${G}{0,4}(?:也要|收(?!藏))|掏来的|(?:画眉|八哥|绣眼|百灵)${G}{0,8}(?:都是野的|一只)|改${G}{0,3}生产日期|过期${G}{0,8}照样卖|空包(?!装)${G}{0,4}(?:一个|[0-9一二三四五六七八九十]+毛|代发|单号)|(?:卖|出|有需要)${G}{0,4}快递单号|病死猪${G}{0,6}(?:收|卖|做成)|(?:瘟死|病死)的?(?:猪|鸡|牛|羊|鸭)${G}{0,8}，?${G}{0,8}(?:收|卖|做成?腊肉|做成?香肠)|外地${G}{0,8}贴${G}{0,8}(?:地理标志|商标|牌子)|(?:冒用|假冒|盗用)${G}{0,6}(?:地理标志|商标)|注水(?:牛|猪|羊)?肉|加重剂|盗伐|没手续${G}{0,6}(?:便宜|自己来拉|出)|酒瓶回收|灌好的|没(?:有)?检疫(?!证明)|边境过来|掺${G}{0,2}香精|不用体检|假(?:检测|质检)报告|租${G}{0,2}身份证|贴${G}{0,3}五常|兑了水的|换个瓶子${G}{0,6}卖|套补贴|套取${G}{0,2}补贴|假合同${G}{0,6}(?:就行|套|领|骗)|虚报${G}{0,6}(?:面积|补贴|产量|人数|头|亩|只)|补贴${G}{0,4}虚报|假流水|(?:做|刷)${G}{0,2}流水${G}{0,4}(?:领|套|骗)${G}{0,2}补贴|(?<![拿掏取])出身份证|手持(?:的|照)也有|(?:甲醛|福尔马林|工业碱|双氧水)(?:泡|浸)(?:的|过)|都打点好了|走的海上|买家(?:的)?(?:手机号|电话|信息)${G}{0,6}(?:一个|[0-9]+)|查${G}{0,8}买家(?:的)?(?:手机号|电话)|不用送样|(?:检测报告|质检报告|检疫证)${G}{0,3}(?:可以做|代做|能做)|装啥${G}{0,2}都行|答案实时|精准客户${G}{0,4}(?:数据|资源|名单)|(?:数据|信息|号码|手机号|客户|名单)${G}{0,12}，?${G}{0,6}(?:[0-9一二三四五六七八九十百千万]+条)|地沟油${G}{0,8}(?:便宜|炒菜香|都在用|出售|批发|有货|一桶|成本低|好卖|炒的|做的|炸的)|破解${G}{0,6}(?:后台|账号|密码)|查竞争对手${G}{0,8}(?:订单|客户|电话)|(?:没|没有|无)(?:批号|批文)${G}{0,10}(?:便宜|效果|一样|要的)|出${G}{0,3}(?:快递|客户|用户|网购|一手)数据|数据${G}{0,4}含${G}{0,2}(?:电话|地址|姓名)|(?:要|卖|出|有)${G}{0,2}假币|假币${G}{0,6}(?:一比|看不出|便宜)|(?:认证|证书|证)${G}{0,8}不用审核|这招你们也可以试|(?:冒充|说是|说我是)${G}{0,4}扶贫办|骗平台的?(?:仅退款|退款|补贴)|(?:没被发现|不会被发现)${G}{0,6}想学|瘦肉精${G}{0,8}(?:哪里|买|卖|有货|便宜)|加点?瘦肉精|谁要鹰|(?:刚掏的|掏)窝${G}{0,6}(?:小的|几只|[0-9一二三四五]+只)|(?:别|不要|不许|不能)问${G}{0,2}(?:里面|里头|箱子里|包裹里)${G}{0,2}(?:是啥|是什么|装的|有啥)|假的?${G}{0,8}(?:标签|商标|防伪码|合格证|地理标志|溯源码)${G}{0,12}(?:都能印|能印|可以印|随便印|[0-9一二三四五六七八九十百千万]+张起)|地沟油${G}{0,6}(?:回收|收购|高价|有多少要多少|出售)|(?:回收|收购|高价收)${G}{0,4}地沟油|(?:老人|老年人)${G}{0,8}(?:咋|怎么)?忽悠|忽悠${G}{0,4}(?:老人|老年人)|(?:我有|卖|出)${G}{0,2}话术${G}{0,6}(?:包成交|成交率|包会)|(?:勾兑|掺假|掺水|兑水)${G}{0,6}(?:教程|配方|技术|方法)|(?:掺|兑|加)${G}{0,4}(?:糖浆|香精|色素)${G}{0,16}(?:吃不出|喝不出|看不出|测不出|查不出|谁吃得出|谁看得出|都这么干)|加点?香精${G}{0,6}(?:就成|变成|冒充|当成?)|(?:这招|这个办法)最好使|冒充${G}{0,4}(?:平台|官方|快递)?客服${G}{0,12}(?:转账|先付|打款|退款|理赔)|骗到钱${G}{0,4}分你|话术我有|我有话术|过期${G}{0,6}换${G}{0,2}(?:个)?(?:标签|包装|日期)|换(?:个)?标签${G}{0,6}(?:接着|继续|照样)卖|空壳公司|(?:出|卖|收)营业执照${G}{0,10}(?:空壳|对公|一套|全套)|当${G}{0,2}(?:土蜂蜜|纯蜂蜜|土鸡蛋|土鸡|散养|野生|正宗)${G}{0,2}卖${G}{0,6}(?:谁看得出|谁吃得出|看不出|吃不出|多赚|没人看得出)|(?:收|收购|买)${G}{0,4}快递单号|带收件人(?:电话|信息|地址)|(?:蜂蜜|土蜂蜜)${G}{0,4}(?:拿|用)白糖熬|白糖熬的${G}{0,10}卖|收${G}{0,4}社保卡|社保卡${G}{0,6}给钱|工业(?:盐|酒精|明胶|油)${G}{0,4}(?:当|冒充|充)|卖${G}{0,2}假(?:农药|化肥|种子)${G}{0,8}(?:利润|贴|便宜|包装|合伙|一样)|贴${G}{0,2}大牌(?:标签|商标|包装)|(?:牛|猪|羊)肉注水|(?:怎么|咋)${G}{0,4}不容易被查|(?:普通|外地|别的|一般)(?:大)?米${G}{0,4}贴${G}{0,2}(?:个)?(?:标|牌)|买一(?:台|头|亩|只)报(?:两|三|几|[0-9]+)(?:台|头|亩|只)|换${G}{0,2}(?:个)?(?:合格证|检测报告)${G}{0,4}(?:照样|接着|继续)卖|农残超标${G}{0,10}(?:照样卖|接着卖)`),
  rule('theft-guess', '违法犯罪', 'review', `(?:他|她|人)家没人(?:看|守)(?=，|$)|(?:他|她|人)家没装监控|家的(?:羊|牛|猪|鸡|鸭|鹅|狗)牵(?:走|两|几)|(?:摘|掰|拿)${G}{0,2}(?:隔壁|别人|人家|邻村)${G}{0,3}(?:家|村)?的?(?:核桃|果子|苹果|橘子|玉米|西瓜|梨|桃|橙子)${G}{0,6}，?${G}{0,4}(?:晚上|半夜|没人)`),
  // 暴恐: threats without a listed word
  rule('threat-kill', '暴恐', 'public', `(?:弄死|砍死|捅死|打死|撞死|杀了|砍了|捅了|崩了|宰了|剁了)${G}{0,3}(?:你|他|她|全家)|(?:砍|捅|杀|弄死)你(?!要)|(?:炸了|烧了|(?<![地重终起盘])点了|砸)${G}{0,6}(?:(?<![大全])家|店|房子|学校|中心|教室|公司|厂|村委|政府|大楼)|放(?:把|一把)?火(?![锅腿车候力柴炉])|点(?:把|一把)火|把(?:你|他|她|你们|他们)(?:给)?(?:弄死|砍死|捅死|打死|杀了|砍了|捅了|崩了|宰了|剁了|废了)|把${G}{0,8}(?:家|店|房子|学校|车|楼|政府|中心|办公室|合作社|村委会|村委|快递站|超市)(?:给)?(?:炸了|烧了|点了|砸了)|谁不服打谁|(?:家|店|房子|学校|车)${G}{0,6}给(?:它|他|你|她)?(?:炸了|烧了|点了|砸了)(?![一两二三四五六七八九十几0-9个锅盘次遍])|(?:你|他|她)的?(?:腿|手|胳膊|狗腿)(?:给)?(?:打断|打折|砍了|卸了)|(?:弄死|砍死|捅死|杀了|砍了|捅了|宰了)${G}{0,3}(?:老师|班长|助教|老板|群主|那人|这人|那个人|那家伙)|(?<![a-z])kill${G}{0,3}(?:你|他|她|全家|you)|(?<![a-z])sha(?:了|死)(?:你|他|她|全家)|打断${G}{0,4}腿|砸(?:你|他|她)(?:们)?(?:家)?的?(?:门|店|车|窗|玻璃)|一把火(?:烧|点|就没)|(?:带|拿)汽油|同归于尽|一起完蛋|(?:他|她|你)(?:家|的)?${G}{0,3}(?:塘|鱼|猪|牛|羊|鸡|庄稼|果树)${G}{0,8}(?:下药|下毒|给毒|毒了|毒死)|让${G}{0,4}死光|全家${G}{0,2}(?:都)?(?:杀了|砍了|弄死)|泼${G}{0,3}硫酸|躺着出|往死里打|拿刀${G}{0,6}(?:去|砍|找)|出不了这个村|满地找牙|卸(?:你|他|她)${G}{0,2}(?:胳膊|腿)|我有枪|崩了谁|绑了(?:他|你|她)(?:的)?(?:娃|孩子|儿子|女儿)|出事我兜着|把(?:他|她|你)堵了|教训${G}{0,8}(?:一条腿|[0-9一二三四五六七八九十]+(?:千|万|块))|横着出去|别想活着|撒点东西|投毒|(?:弄死|砍死|捅死|打死)谁|(?:带|放|装|做)${G}{0,2}炸弹|报复社会|做炸弹|自制${G}{0,3}(?:炮|炸|枪)|(?<!一针)见血(?!封喉)|带(?:上)?家伙|来一个(?:捅|砍|打|弄)一个|带刀|我有刀|(?<![砍切一])一刀(?![切两一割]|砍到底)|收拾你|找人${G}{0,4}(?:打|收拾|弄)|(?:砍|杀|捅)${G}{0,2}几个人|等着收尸|搞到${G}{0,2}(?:猎枪|土枪|手枪|枪)|(?:猎枪|土枪|土铳|火药枪|气枪|钢珠枪|手枪)${G}{0,6}(?:价格好说|要能用|出售|出手|有货|(?:[0-9]+|[一二三四五六七八九十百千两]+)(?:块|元)?出)|(?:拿|用|一)枪${G}{0,8}(?:崩了|毙了|打死|干掉|突突了)|把${G}{0,4}(?:村支书|支书|书记|村长|主任|镇长|乡长|县长|老板|老师|班长|助教|群主)(?:给)?(?:崩了|毙了|弄死|砍了|宰了|捅了)|(?:放|埋|装)了(?:个|点)?东西${G}{0,4}，?${G}{0,8}(?:会响|准时响|就响|要响|炸|爆)|(?<![a-z])ak${G}{0,3}(?:散件|组装|配件)|散件${G}{0,6}自己组装|(?:早晚|迟早)我?${G}{0,3}(?:炸了|烧了|弄死)|把${G}{0,8}(?:站|店|家|房子|学校|中心|公司|厂|政府|大楼|村委)(?:给)?(?:砸了|烧了|炸了)|开车${G}{0,2}(?:冲进|撞进|撞死)|谁也别拦着?|砍得好|(?:就该|应该)多砍|多砍几个|(?:汽油|炸药)${G}{0,6}，?${G}{0,6}(?:等着|看新闻)|明天看新闻|给(?:他|她|你|那(?:个|人|货)?)${G}{0,2}放(?:点)?血|(?:老子要?|去|把|非要?)炸(?:了|掉|平)(?:这个|那个|你们?的?|他们?的?)${G}{0,4}(?:站|店|厂|楼|家|学校|政府|派出所|公司|村委|仓库|库房|大棚|合作社|厂房)|捅(?:几个(?!洞|眼|孔)|几刀|死)|(?:去|到)${G}{0,8}门口${G}{0,4}(?:捅|砍)|(?:抱|扛|带|拎)着?${G}{0,2}(?:煤气罐|汽油|炸药)${G}{0,6}(?:去|来)|(?<!别)(?:卖|出售)${G}{0,2}(?:弓弩|弩箭|钢珠枪|气狗)|弓弩${G}{0,8}(?:威力大|猎用|快递到家|包邮)|(?<!弓)弩${G}{0,2}，?${G}{0,8}(?:射程|邮寄|快递到家|包邮|威力大)|射程${G}{0,6}，?${G}{0,6}(?:邮寄|快递到家|包邮)`),
  rule('threat-guess', '暴恐', 'review', `(?:你小心点|你出门小心|你等着|想死是吧|成全你|堵他|别让我碰到|(?:知道|晓得|清楚)你(?:家)?住(?:在)?哪|(?:下班|放学)${G}{0,6}(?:路上)?小心|(?:放学|下班)${G}{0,10}(?:清楚|知道)|你自己掂量|到时候别哭|信不信由你|(?<!(?:结冰|下雪|路滑|下雨|大风|降温|雾大)了?${G}{0,2})出门小心|晚上别出门|别睡太死|还能开几天|(?:家|住)${G}{0,2}哪${G}{0,2}我(?:都)?(?:知道|清楚)|待不下去|走着瞧|不是吓唬|(?<!我家|送完?|接|带)(?:女儿|儿子|孩子|老婆|家人)${G}{0,4}(?:在哪|上学)|别一个人走夜路|活不到(?:明天|天亮)|你自己看着办|开不下去|(?:下班|放学)${G}{0,6}(?:路上)?(?:走慢点|慢点走)|让(?:他|你|她)(?:们)?知道${G}{0,2}厉害|买好(?:了)?刀|(?:停|车|店)${G}{0,2}在哪${G}{0,2}我(?:都)?(?:知道|清楚))`),
  // 辱骂: insults the lists miss, and their initialisms
  rule('insult', '辱骂', 'public', `你全家${G}{0,3}(?:死|不得好死|遭报应|骗子|畜生|垃圾)|脑残|(?:你|这)个老货|一把年纪白活|妈卖(?:麻)?批|臭要饭的|村姑就是村姑|二b(?![a-z])|(?<![a-z])(?:nt|zz)(?:是吧|吧|啊|一个|一枚)|二逼|去(?:s|si)(?:吧|啊)(?![a-z])|(?:是个|你个|这个|真是个?|一个)nt(?![a-z])|说的就是你，?(?:猪|狗|蠢|傻|笨|废物)|智障|弱智|蠢货|畜生|傻x|傻b|煞笔|沙比|傻逼|(?<![a-z])(?:nmsl|cnm|tmd|nmd|sb|rnm)(?![a-z])|滚犊子|猪脑子|(?<!我家(?:那个|的|这个)?)狗东西|废物|垃圾老师|杂种|贱人|婊子|眼瞎了?就别|(?:绿茶|心机|白莲)婊|王八蛋|老不死|狗日|你算哪根葱|死胖子|乡巴佬|(?:你|他|她)${G}{0,4}脑子进水|脑子进水了?吧|脑子有病|脑子是不是(?:有病|进水)|你(?:这个|个)(?:残废|瘪三|瞎子|聋子|瘸子|蠢猪)|瘪三|死三八|瘪犊子|损样|痴线|扑街|憨批|傻狍子|八婆|你是猪(?:吧|啊|吗)|有病吧|你是不是有病|神经病|去死(?!皮)|穷鬼|狗眼|懂个屁|狗屁|死肥猪|死老太婆|老太婆|龟儿子|臭不要脸|不要脸|你(?:马|吗)死|浪费老子|丑八怪|丢人现眼|老东西(?:，|$)|被驴踢|被门夹|尼玛的|土鳖|你(?:爹|妈|娘)死了|没一个好东西|外地佬|低能儿|瓜怂|一看就是小偷|肥猪一头|脑子有坑|回(?:你们)?山沟|(?:瘸子|聋子|哑巴|瞎子|残废)${G}{0,2}(?:也来|就别|还来|还想)|滚回(?:山里|老家|你们那)|少数民族${G}{0,6}(?:不讲信用|都是骗|滚)|蛮子|人都是骗子|村妇(?!联)|肥婆|文盲也来|(?:蠢|笨)(?:得|的)(?:跟|像|和)猪|(?:文盲|没文化的)${G}{0,4}(?:就别|别出来)|别出来丢人|你(?:这个|个)nc(?![a-z])|草拟[吗马嘛麻]|草泥[吗嘛]|你 ?[tT][mM](?![a-zA-Z])|你${G}{0,4}有大病|孬种|傻缺|傻叉|鳖孙|龟孙|(?:都是|全是|净是|尽是|净说|尽说)屁话`),
  rule('insult-guess', '辱骂', 'review', `(?:什么东西|也配|滚出去|闭嘴|是个沙雕|沙雕一个|寡妇门前|(?<![一二三四五六七八九十千0-9]|运费|价格|花了|要|卖)二百五(?![十元块斤克个毛的一二三四五六七八九0-9]))`),
  // 政治: calls to action and circumvention the lists miss
  rule('politics-guess', '政治', 'review', `(?:没收${G}{0,6}(?:宅基地|土地|存款)|旧钱${G}{0,8}作废|新币${G}{0,3}(?:要)?发行|发行新币|收回${G}{0,6}宅基地|存款要冻结|冻结存款|要打仗了|取不出钱|存款${G}{0,3}取出来|政府不敢|不敢让你(?:看|知道)|让全世界看看|(?:听说|据说)上面要|大家赶紧转发|瞒报|官方${G}{0,2}(?:在)?(?:隐瞒|瞒着)|真相被封锁|银行要倒闭|挤兑|存款${G}{0,3}冻结|强制征地|囤米囤油|内部消息${G}{0,12}(?:税|取消|冻结|告诉家里)|养殖税|(?:又要|要)交农业税|(?:马上|很快)(?:就)?(?:会)?被删|一把手被带走|转发让更多人知道|贪了${G}{0,4}(?:[0-9一二三四五六七八九十几]+个?(?:亿|千万))|(?:89|八九)年那(?:件)?事|恢复农业税|农业税${G}{0,4}恢复|赶紧把地退了|交地租|捂盖子|人为的${G}{0,8}(?:实验|地震)|被删之前|转发到所有群|储备见底|赶紧囤|打了不孕|紧急扩散|不能再忍了|晚了就删|大家快转发)|数字${G}{0,2}(?:全是|都是)编的|上面骗我们|上面故意|内部人(?:说|讲|透露)|内部消息|粮食${G}{0,4}(?:统购|没收)|(?:维尼|维尼熊|小熊维尼)${G}{0,2}又在|八平(?!米|方)${G}{0,4}(?:又|割韭菜|连任)`),
  rule('politics', '政治', 'public', `静坐|示威|堵门|横幅拉起来|人越多越好|政府${G}{0,4}倒台|横幅带上|拉横幅|活不下去了?${G}{0,8}，?${G}{0,6}(?:都起来|站起来|起来吧)|(?:县委|县政府|市委|市政府|镇政府|乡政府|政府|信访局)门口${G}{0,6}(?:讨(?:个)?说法|聚集|静坐|拉横幅)|不给(?:个)?说法就不走|上街(?![买逛卖吃玩])|集体上访|退党|(?<![羊猪牛狗猫鸡贼偷])翻墙(?!跑|出去|进来|进去|逃|过去|过来)|vpn|揭露${G}{0,3}黑幕|罢市|(?<![机器车脑])罢工|不转不是中国人|该起来了|人头税|(?<![a-z])gcd(?![a-z])|组织起来${G}{0,10}闹|冲会场|票箱砸|砸${G}{0,2}票箱|一起去${G}{0,4}闹|国家没救了|能移民的赶紧走|联合起来${G}{0,8}不能再忍|推翻(?!重来|重做|重拍|了?之前|原来)|打倒|独立万岁|falun|法轮|共匪|土共|破国家|国家${G}{0,3}早该完蛋|包子${G}{0,6}(?:作秀|下台|皇帝|坐那个位置|连任)|包子${G}{0,10}(?:搞什么名堂|搞名堂)|(?<![0-9])64(?:那年|事件|那件事)|六四(?:那年|事件|那件事)|(?<![a-z])tg(?![a-z])${G}{0,6}(?:完|垮|倒)|赵家人|五月三十五(?:日|号)?|5月35(?:日|号)|信tg|tg(?:那一套|的话|那套)|(?:(?<![0-9])8964(?![0-9])|八九六四|六四)${G}{0,3}(?:永不忘|勿忘|不忘|别忘|蜡烛|那年|事件|真相|纪念)|(?<![0-9])64${G}{0,2}(?:别忘|勿忘|永不忘)${G}{0,4}(?:点)?蜡烛|挂路灯|新疆${G}{0,4}集中营|(?:(?<![a-z])zf(?![a-z])|政府)${G}{0,6}(?:黑社会|土匪|流氓)|白纸运动|举起?白纸|白纸革命|(?:8[xX乘]8|八乘八)${G}{0,2}(?:那天|那年|的事|事件|不能忘|勿忘)|(?:8[xX乘]8|八乘八)${G}{0,8}(?:不能忘|勿忘|别忘)|(?<![0-9])88${G}{0,4}(?:那天|那年)${G}{0,4}(?:不能忘|勿忘)|[tT][gG] ?(?:亡|必亡|完蛋|倒台)|天灭|庆丰(?:大)?帝|包子帝|维权的?朋友们?${G}{0,8}(?:广场|集合|见面|聚)|带上?白纸${G}{0,4}(?:去|来|到|广场|集合)?|白纸${G}{0,4}(?:广场|集合)|总加速师|(?:维尼|小熊维尼|维尼熊)${G}{0,4}(?:又)?(?:在电视上|讲话|画大饼|上电视|要连任|连任)|这(?:个)?国家(?:完了|没救了)|(?<![0-9])64${G}{0,6}(?:三十多年|不能忘|勿忘|那年)|一起(?:起来)?反了|起来造反|(?:团结|联合|组织)起来${G}{0,4}(?:反抗|反了|造反)|(?<![a-z])zf(?![a-z])${G}{0,3}(?:就是|都是)骗子|刁(?:大大|近平|包子)|坦克${G}{0,4}(?:压人|碾人|轧人|压死)|坦克人|(?:广场|长安街)${G}{0,3}坦克|坦克${G}{0,3}(?:广场|长安街)|死了多少学生|国家${G}{0,2}迟早(?:要)?完|(?:8|八)的?平方${G}{0,6}(?:年|那件事|那天|那一天|记得|记住)`),
];

const NONE: readonly ScanMatch[] = Object.freeze([]);
const CLAUSE = new Set([...'，。！？；,.!?;\n'].map((c) => c.charCodeAt(0)));
const CLAUSE_UNIT = 0xff0c; // '，' as written into the folded text

/**
 * Slang and contactless-solicitation hits in a message. The text is folded as the lexicon layer
 * folds it (so 菠菜 written 菠 菜 or in traditional characters still matches); each hit carries
 * its rule's category and tier and its span in the original text.
 *
 * Most messages contain none of the short strings every match of a rule must contain (its
 * factors, worked out from the rule's expression: 上分, 溜冰, 私我 …), so the fold also marks
 * which rules can match at all and only those expressions run; a message no rule can match is
 * never turned into a string.
 */
export function findSlang(text: string, tables: CharTables): readonly ScanMatch[] {
  const buf = foldForSlang(text, tables, SCRATCH);
  if (buf.length < 2 || buf.candidates === 0) return NONE;
  return runRules(text, buf, buf.candidates);
}

/**
 * Rules that can match a message, from its folded tokens as the lexicon layer holds them
 * (NormalisedText: dropped characters and clause punctuation removed, repeats collapsed into a
 * run count). Every stretch of the slang fold without a clause mark is a stretch of the tokens
 * with their repeats written out, so a rule's literal (a string up to eight characters that
 * every match of it contains, 老师带你 rather than 老师) found among them marks it; the mask is
 * never smaller than the rules that match. The literals are one small automaton, and a repeat
 * is read at most as many times as the longest literal is long (the automaton's state only
 * depends on that many last characters).
 */
export function slangCandidates(cps: Int32Array, runs: Int32Array, length: number): number {
  const { present, out } = LITERALS;
  let candidates = LITERALS.always;
  let state = 0;
  for (let k = 0; k < length; k++) {
    const cp = cps[k] as number;
    if (cp >= 0x10000 || ((present[cp >>> 5] as number) & (1 << (cp & 31))) === 0) {
      state = 0;
      continue;
    }
    const times = Math.min(runs[k] as number, LITERAL_MAX);
    for (let r = 0; r < times; r++) {
      state = literalStep(state, cp);
      candidates |= out[state] as number;
    }
  }
  return candidates;
}

/** findSlang limited to the rules of a mask from slangCandidates (the same hits: the others cannot match). */
export function findSlangAmong(text: string, tables: CharTables, candidates: number): readonly ScanMatch[] {
  if (candidates === 0) return NONE;
  const buf = foldForSlang(text, tables, SCRATCH);
  if (buf.length < 2) return NONE;
  return runRules(text, buf, candidates & buf.candidates);
}

/** findSlang without the factor prefilter: every rule's expression runs (the reference the prefilter is tested against). */
export function findSlangUnfiltered(text: string, tables: CharTables): readonly ScanMatch[] {
  const buf = foldForSlang(text, tables, SCRATCH);
  if (buf.length < 2) return NONE;
  return runRules(text, buf, ALL_RULES);
}

function runRules(text: string, buf: FoldBuffer, candidates: number): readonly ScanMatch[] {
  const folded = buf.toString();
  const origin = buf.origin;
  let out: ScanMatch[] | null = null;
  for (let i = 0; i < RULES.length; i++) {
    if (i < 31 && ((candidates >>> i) & 1) === 0) continue;
    const r = RULES[i] as SlangRule;
    r.pattern.lastIndex = 0;
    for (let m = r.pattern.exec(folded); m; m = r.pattern.exec(folded)) {
      if (m[0].length === 0) {
        r.pattern.lastIndex++;
        continue;
      }
      const start = origin[m.index] as number;
      const end = (origin[m.index + m[0].length - 1] as number) + 1;
      (out ??= []).push({ word: r.name, category: r.category, start, end: endOfChar(text, end), layer: 'solicitation', tier: r.tier, ...(r.tier === 'review' ? { reason: `slang guess (${r.name})` } : {}) });
    }
  }
  return out ?? NONE;
}

/** End of the UTF-16 character that starts at `at - 1` (a surrogate pair spans two units). */
function endOfChar(text: string, end: number): number {
  const c = text.charCodeAt(end - 1);
  return c >= 0xd800 && c < 0xdc00 ? end + 1 : end;
}

/** The message folded for the slang patterns (UTF-16 units), the offset in the original text of each unit, and the rules that can match. */
class FoldBuffer {
  length = 0;
  units = new Uint16Array(256);
  origin = new Int32Array(256);
  candidates = 0;

  push(unit: number, at: number): void {
    if (this.length === this.units.length) {
      const units = new Uint16Array(this.length * 2);
      units.set(this.units);
      this.units = units;
      const origin = new Int32Array(this.length * 2);
      origin.set(this.origin);
      this.origin = origin;
    }
    this.units[this.length] = unit;
    this.origin[this.length++] = at;
  }

  toString(): string {
    const n = this.length;
    if (n <= 2048) return String.fromCharCode.apply(null, this.units.subarray(0, n) as unknown as number[]);
    let s = '';
    for (let i = 0; i < n; i += 2048) s += String.fromCharCode.apply(null, this.units.subarray(i, Math.min(i + 2048, n)) as unknown as number[]);
    return s;
  }
}

const SCRATCH = new FoldBuffer();

/**
 * Fold the message for the slang patterns into `buf` (one origin per UTF-16 unit: a character
 * kept outside the BMP, 𠮷, is two units) and mark the rules whose factors occur in it.
 */
function foldForSlang(text: string, tables: CharTables, buf: FoldBuffer): FoldBuffer {
  const { foldBmp, classBmp } = tables;
  const { single, pairStart, pairs } = FACTORS;
  buf.length = 0;
  let candidates = FACTORS.always;
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    const at = i;
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
      cp = text.codePointAt(i) as number;
      i++;
    }
    if (cp < 0x10000 ? CLAUSE_BMP[cp] === 1 : CLAUSE.has(cp)) {
      // A decimal point (18.8元) ends no clause.
      if (cp === 0x2e && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) continue;
      if (buf.length > 0 && prev !== CLAUSE_UNIT) {
        candidates |= single[CLAUSE_UNIT] as number;
        if (prev >= 0 && pairStart[prev] === 1) candidates |= pairs.get(((prev << 16) | CLAUSE_UNIT) >>> 0) ?? 0;
        buf.push(CLAUSE_UNIT, at);
        prev = CLAUSE_UNIT;
      }
      continue;
    }
    const f = cp < 0x10000 ? (foldBmp[cp] as number) : tables.foldAstral(cp);
    if (f >= 0) {
      if ((f < 0x10000 ? (classBmp[f] as number) : tables.classOf(f)) === CharClass.STRIP) continue;
      if (f < 0x10000) {
        candidates |= single[f] as number;
        if (prev >= 0 && pairStart[prev] === 1) candidates |= pairs.get(((prev << 16) | f) >>> 0) ?? 0;
        buf.push(f, at);
        prev = f;
      } else {
        // Factors are BMP text: a character outside it only breaks pairs.
        buf.push(0xd800 + ((f - 0x10000) >> 10), at);
        buf.push(0xdc00 + ((f - 0x10000) & 0x3ff), at);
        prev = -1;
      }
    } else if (f === -2) {
      const outs = tables.foldMulti.get(cp);
      if (!outs) continue;
      for (const o of outs) {
        if (tables.classOf(o) === CharClass.STRIP) continue;
        if (o < 0x10000) {
          candidates |= single[o] as number;
          if (prev >= 0 && pairStart[prev] === 1) candidates |= pairs.get(((prev << 16) | o) >>> 0) ?? 0;
          buf.push(o, at);
          prev = o;
        } else {
          buf.push(0xd800 + ((o - 0x10000) >> 10), at);
          buf.push(0xdc00 + ((o - 0x10000) & 0x3ff), at);
          prev = -1;
        }
      }
    }
  }
  buf.candidates = candidates;
  return buf;
}

function isDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39;
}

const CLAUSE_BMP = new Uint8Array(0x10000);
for (const c of CLAUSE) if (c < 0x10000) CLAUSE_BMP[c] = 1;

/** Bit i: rule i. Rules past the 31st have no bit and always run. */
const ALL_RULES = 0x7fffffff;

interface FactorTables {
  /** Rules with a one-character factor, per character. */
  single: Uint32Array;
  /** Characters that begin a two-character factor. */
  pairStart: Uint8Array;
  /** Rules with a two-character factor, keyed (first << 16 | second). */
  pairs: Map<number, number>;
  /** Rules whose factors could not be worked out: they always run. */
  always: number;
  /** Rules with a factor holding the clause mark '，' (slangCandidates cannot see clause marks). */
  clause: number;
}


function factorTables(rules: readonly SlangRule[]): FactorTables {
  const single = new Uint32Array(0x10000);
  const pairStart = new Uint8Array(0x10000);
  const pairs = new Map<number, number>();
  let always = 0;
  let clause = 0;
  rules.forEach((r, i) => {
    if (i >= 31) return;
    const bit = 1 << i;
    // A case-insensitive expression matches strings its factors do not spell.
    const factors = r.pattern.ignoreCase ? null : regexFactors(r.pattern.source);
    if (!factors) {
      always |= bit;
      return;
    }
    for (const f of factors) {
      if (f.includes(String.fromCharCode(CLAUSE_UNIT))) clause |= bit;
      const a = f.charCodeAt(0);
      if (f.length === 1) single[a] = (single[a] as number) | bit;
      else {
        const key = ((a << 16) | f.charCodeAt(1)) >>> 0;
        pairStart[a] = 1;
        pairs.set(key, (pairs.get(key) ?? 0) | bit);
      }
    }
  });
  return { single, pairStart, pairs, always, clause };
}

/** The rules' factors, for tests and docs: rule name → strings of which every match contains one (null: the rule always runs). */
export function slangRuleFactors(): Array<{ name: string; factors: string[] | null }> {
  return RULES.map((r) => ({ name: r.name, factors: regexFactors(r.pattern.source) }));
}

const FACTORS = factorTables(RULES);

/** Longest literal the token prefilter looks for. */
const LITERAL_MAX = 8;

/** The rules' long literals as an Aho–Corasick automaton over UTF-16 units (steps in an open-addressing table). */
interface LiteralAutomaton {
  /** Bit per BMP unit: the unit occurs in some literal (any other unit sends the automaton home). */
  present: Int32Array;
  /** Goto table: keys state * 0x10000 + unit (-1 empty), values the next state. */
  keys: Int32Array;
  next: Int32Array;
  mask: number;
  fail: Int32Array;
  /** Rules marked on reaching a state (its literals and those of its suffixes). */
  out: Int32Array;
  /** Rules that run whatever the message: no literal could be worked out, or one holds a clause mark only. */
  always: number;
}

function literalAutomaton(rules: readonly SlangRule[]): LiteralAutomaton {
  let always = 0;
  const literals: Array<{ text: string; bit: number }> = [];
  rules.forEach((r, i) => {
    if (i >= 31) return;
    const bit = 1 << i;
    const factors = r.pattern.ignoreCase ? null : regexFactors(r.pattern.source, LITERAL_MAX);
    if (!factors) {
      always |= bit;
      return;
    }
    for (const f of factors) {
      // The tokens hold no clause marks: the part before the first one is the literal to look for.
      const clauseAt = f.indexOf(String.fromCharCode(CLAUSE_UNIT));
      const text = clauseAt < 0 ? f : f.slice(0, clauseAt);
      if (text.length === 0) always |= bit;
      else literals.push({ text, bit });
    }
  });
  const present = new Int32Array(0x10000 >>> 5);
  let states = 1;
  for (const l of literals) states += l.text.length;
  let size = 64;
  while (size < states * 2) size *= 2;
  const keys = new Int32Array(size).fill(-1);
  const next = new Int32Array(size);
  const mask = size - 1;
  const out = new Int32Array(states);
  const fail = new Int32Array(states);
  const children: number[][] = [[]];
  const go = (state: number, unit: number): number => {
    for (let slot = literalSlot(state, unit, mask); ; slot = (slot + 1) & mask) {
      const k = keys[slot] as number;
      if (k === -1) return -1;
      if (k === state * 0x10000 + unit) return next[slot] as number;
    }
  };
  let count = 1;
  for (const { text, bit } of literals) {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      present[unit >>> 5] = (present[unit >>> 5] as number) | (1 << (unit & 31));
      let child = go(state, unit);
      if (child < 0) {
        child = count++;
        children.push([]);
        let slot = literalSlot(state, unit, mask);
        while ((keys[slot] as number) !== -1) slot = (slot + 1) & mask;
        keys[slot] = state * 0x10000 + unit;
        next[slot] = child;
        (children[state] as number[]).push(unit, child);
      }
      state = child;
    }
    out[state] = (out[state] as number) | bit;
  }
  // Breadth first: failure links, and each state's marks include its suffixes'.
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head] as number;
    const edges = children[u] as number[];
    for (let e = 0; e < edges.length; e += 2) {
      const unit = edges[e] as number;
      const v = edges[e + 1] as number;
      let f = u === 0 ? -1 : (fail[u] as number);
      let target = 0;
      while (f >= 0) {
        const t = go(f, unit);
        if (t >= 0) {
          target = t;
          break;
        }
        f = f === 0 ? -1 : (fail[f] as number);
      }
      fail[v] = target;
      out[v] = (out[v] as number) | (out[target] as number);
      queue.push(v);
    }
  }
  return { present, keys, next, mask, fail: fail.subarray(0, count), out: out.subarray(0, count), always };
}

function literalSlot(state: number, unit: number, mask: number): number {
  return (Math.imul(state * 0x10000 + unit, 0x9e3779b1) >>> 16) & mask;
}

const LITERALS = literalAutomaton(RULES);

/** The literal automaton's state after `unit` from `state` (failure links followed). */
function literalStep(state: number, unit: number): number {
  const { keys, next, mask, fail } = LITERALS;
  for (;;) {
    const key = state * 0x10000 + unit;
    for (let slot = literalSlot(state, unit, mask); ; slot = (slot + 1) & mask) {
      const k = keys[slot] as number;
      if (k === key) return next[slot] as number;
      if (k === -1) break;
    }
    if (state === 0) return 0;
    state = fail[state] as number;
  }
}
