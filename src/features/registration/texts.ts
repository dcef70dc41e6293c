/** Registration's user-facing wording (学员登记表, seed 四(二)1): 登记's hints and replies, and 登记 sent in a group. */

/** 登记 without name, phone or village. */
export const REGISTER_ARGS_MISSING = '需要姓名、手机号和乡镇/村';
/** 登记 with a name that is not 2–20 characters. */
export const NAME_FORM = '姓名写 2 到 20 个字';
/** 登记 with a phone that is not a mobile number. */
export const PHONE_FORM = '手机号要 11 位，以 1 开头';

/** 登记's line in 帮助. */
export const REGISTER_SUMMARY = '填写学员登记表（姓名、手机、乡镇/村、在卖或想卖的产品、平台经验），请私聊我';
/** 登记's form. */
export const REGISTER_USAGE = '#登记 <姓名> <手机> <乡镇/村> [在卖或想卖的产品] [平台经验]';
/** 登记's example; the phone stays a placeholder, since every phone the bot says is masked. */
export const REGISTER_EXAMPLE = '#登记 张三 <你的11位手机号> 城关镇西关村 核桃 抖音开过店';

/** 登记 stored (in private chat), the phone already masked. */
export function registered(r: { created: boolean; realName: string; maskedPhone: string; village: string; products: string; experience: string }): string {
  return `${r.created ? '登记成功' : '登记已更新'}：${r.realName}，手机 ${r.maskedPhone}，${r.village}${r.products ? `，产品：${r.products}` : ''}${r.experience ? `，经验：${r.experience}` : ''}`;
}

/**
 * 登记 sent in a group, as the group reads it: nothing of the form repeated, where to register
 * instead, and whether the message was taken back (or should be, by its sender).
 */
export function registerInGroupNotice(r: { carriedData: boolean; recalled: boolean }): string {
  const head = '登记表含手机号等个人信息，不要发在群里，请私聊我登记（已私聊告诉你怎么填）。';
  if (!r.carriedData) return head;
  return r.recalled ? `${head}刚才那条消息已撤回，没有保存。` : `${head}刚才那条消息没有保存，请马上自己撤回。`;
}

/** The private note to someone who sent 登记 in a group: how to register here. */
export function registerPrivatelyHint(r: { carriedData: boolean; recalled: boolean }): string {
  const what = !r.carriedData ? '' : r.recalled ? '你在群里发的登记已撤回，没有保存。' : '你在群里发的登记没有保存，请尽快把群里那条消息撤回。';
  return `${what}请在这里（私聊）发送登记，别人看不到：\n${REGISTER_USAGE}\n例如：${REGISTER_EXAMPLE}`;
}

/** To staff privately: someone's 登记 with personal data is in the group and the bot could not take it back. */
export function registrationExposedStaffNotice(r: { cohortName: string | null; who: string; group: string }): string {
  const where = r.cohortName ? `「${r.cohortName}」的群` : `群「${r.group}」`;
  return `⚠️ ${r.who} 在${where}里发了登记表（含手机号），机器人无法撤回。请群主或管理员尽快撤回那条消息；已私聊提醒本人改为私聊登记。`;
}
