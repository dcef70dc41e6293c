import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { maskPhone, parseMobile } from '../../kernel/privacy';
import { NAME_FORM, PHONE_FORM, REGISTER_ARGS_MISSING, registered } from './texts';

const args = z.custom<RawArgs>().transform((raw, ctx) => {
  const [realName, phoneRaw, village, products = '', ...experience] = raw.tokens;
  const phone = parseMobile(phoneRaw ?? '');
  if (!realName || !phoneRaw || !village) {
    ctx.addIssue({ code: 'custom', message: REGISTER_ARGS_MISSING });
    return z.NEVER;
  }
  if (!/^[\p{Script=Han}A-Za-z·]{2,20}$/u.test(realName)) {
    ctx.addIssue({ code: 'custom', message: NAME_FORM });
    return z.NEVER;
  }
  if (!phone) {
    ctx.addIssue({ code: 'custom', message: PHONE_FORM });
    return z.NEVER;
  }
  return { realName, phone, village, products, experience: experience.join(' ') };
});

/** 登记: the trainee registration form 学员登记表 (seed: 四(二)1); the phone is masked in every reply. */
export const registerCommand = defineCommand({
  name: '登记',
  aliases: ['register'],
  summary: '填写学员登记表（姓名、手机、乡镇/村、在卖或想卖的产品、平台经验）',
  usage: '#登记 <姓名> <手机> <乡镇/村> [在卖或想卖的产品] [平台经验]',
  examples: ['#登记 张三 13800138000 城关镇西关村 核桃 抖音开过店'],
  allowed: ['trainee'],
  where: 'any',
  needsCohort: true,
  args,
  carriesPhoneNumber: true,
  async handle(ctx, a) {
    const cohort = ctx.cohort;
    const { event, deps } = ctx;
    const { created } = await deps.stores.registrations.save({ cohortId: cohort.id, platform: event.platform, userId: event.sender.id, ...a });
    await ctx.reply(registered({ created, realName: a.realName, maskedPhone: maskPhone(a.phone), village: a.village, products: a.products, experience: a.experience, inGroup: ctx.isGroup }));
  },
});
