/** Registration's user-facing wording (学员登记表, seed 四(二)1): 登记's hints and reply. */

/** 登记 without name, phone or village. */
export const REGISTER_ARGS_MISSING = '需要姓名、手机号和乡镇/村';
/** 登记 with a name that is not 2–20 characters. */
export const NAME_FORM = '姓名写 2 到 20 个字';
/** 登记 with a phone that is not a mobile number. */
export const PHONE_FORM = '手机号要 11 位，以 1 开头';

/** 登记 stored, the phone already masked; in a group, a note that private chat is better for personal data. */
export function registered(r: { created: boolean; realName: string; maskedPhone: string; village: string; products: string; experience: string; inGroup: boolean }): string {
  const privacy = r.inGroup ? '\n（手机号是个人信息，下次可以私聊我登记。）' : '';
  return `${r.created ? '登记成功' : '登记已更新'}：${r.realName}，手机 ${r.maskedPhone}，${r.village}${r.products ? `，产品：${r.products}` : ''}${r.experience ? `，经验：${r.experience}` : ''}${privacy}`;
}
