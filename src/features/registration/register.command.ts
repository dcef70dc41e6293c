import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { maskPhone, parseMobile } from '../../kernel/privacy';

const args = z.custom<RawArgs>().transform((raw, ctx) => {
  const [realName, phoneRaw, village, products = '', ...experience] = raw.tokens;
  const phone = parseMobile(phoneRaw ?? '');
  if (!realName || !phoneRaw || !village) {
    ctx.addIssue({ code: 'custom', message: '需要姓名、手机号和乡镇/村' });
    return z.NEVER;
  }
  if (!/^[\p{Script=Han}A-Za-z·]{2,20}$/u.test(realName)) {
    ctx.addIssue({ code: 'custom', message: '姓名写 2 到 20 个字' });
    return z.NEVER;
  }
  if (!phone) {
    ctx.addIssue({ code: 'custom', message: '手机号要 11 位，以 1 开头' });
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
    const privacy = ctx.isGroup ? '\n（手机号是个人信息，下次可以私聊我登记。）' : '';
    await ctx.reply(
      `${created ? '登记成功' : '登记已更新'}：${a.realName}，手机 ${maskPhone(a.phone)}，${a.village}${a.products ? `，产品：${a.products}` : ''}${a.experience ? `，经验：${a.experience}` : ''}${privacy}`,
    );
  },
});
