import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { findPhones, maskPhone, maskPhonesInText } from '../../kernel/privacy';
import { NAME_FORM, PHONE_FORM, REGISTER_ARGS_MISSING, REGISTER_EXAMPLE, REGISTER_SUMMARY, REGISTER_USAGE, registered } from './texts';

/**
 * Reads the form: the name first, then the phone in any written form (spaces, dashes, dots,
 * full-width digits, +86) wherever it stands, and the other fields in order around it. The
 * free-text fields are kept with any other phone in them masked: the one phone of the form is
 * the phone field.
 */
const args = z.custom<RawArgs>().transform((raw, ctx) => {
  const [realName = '', ...rest] = [raw.text, ...raw.lines].join(' ').trim().split(/\s+/u);
  const others = rest.join(' ');
  if (!realName) {
    ctx.addIssue({ code: 'custom', message: REGISTER_ARGS_MISSING });
    return z.NEVER;
  }
  if (!/^[\p{Script=Han}A-Za-z·]{2,20}$/u.test(realName)) {
    ctx.addIssue({ code: 'custom', message: NAME_FORM });
    return z.NEVER;
  }
  const phone = findPhones(others)[0];
  if (!phone) {
    ctx.addIssue({ code: 'custom', message: /[0-9０-９]/.test(others) ? PHONE_FORM : REGISTER_ARGS_MISSING });
    return z.NEVER;
  }
  const fields = maskPhonesInText(`${others.slice(0, phone.start)} ${others.slice(phone.end)}`).trim().split(/\s+/u).filter((f) => f !== '');
  const [village = '', products = '', ...experience] = fields;
  if (!village) {
    ctx.addIssue({ code: 'custom', message: REGISTER_ARGS_MISSING });
    return z.NEVER;
  }
  return { realName, phone: phone.national, village, products, experience: experience.join(' ') };
});

/**
 * 登记: the trainee registration form 学员登记表 (seed: 四(二)1), in private chat only (a form
 * sent in a group is taken back by registerInGroup and never reaches here); the phone is masked
 * in the reply.
 */
export const registerCommand = defineCommand({
  name: '登记',
  aliases: ['register'],
  summary: REGISTER_SUMMARY,
  usage: REGISTER_USAGE,
  examples: [REGISTER_EXAMPLE],
  allowed: ['trainee'],
  where: 'private',
  needsCohort: true,
  args,
  carriesPhoneNumber: true,
  async handle(ctx, a) {
    const cohort = ctx.cohort;
    const { event, deps } = ctx;
    const { created } = await deps.stores.registrations.save({ cohortId: cohort.id, platform: event.platform, userId: event.sender.id, ...a });
    await ctx.reply(registered({ created, realName: a.realName, maskedPhone: maskPhone(a.phone), village: a.village, products: a.products, experience: a.experience }));
  },
});
