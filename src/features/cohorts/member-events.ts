import type { Middleware } from '../../pipeline/compose';

/** The group rules a newcomer is welcomed with (seed: 二(二)3 微信群管理, 培训会场制度). */
export const GROUP_RULES = [
  '群规：严禁发布危害国家利益的言论，禁止涉及黄赌毒等敏感话题；',
  '相互包容、相互监督，禁止歧视、攻击、骚扰、过激等不良言行；',
  '上课提前 5 分钟入场并签到，不迟到、不早退；开课前手机调为静音。',
].join('\n');

/**
 * Members joining a bound group are enrolled as trainees and welcomed with the rules;
 * members leaving are recorded. Other events pass on.
 */
export const memberEvents: Middleware = async (ctx, next) => {
  const { event, deps } = ctx;
  if (event.type === 'message') return next();
  if (!ctx.cohort || !event.members?.length) return;
  const selfId = deps.self().id;
  const people = event.members.filter((m) => m.id !== selfId);
  if (event.type === 'member_joined') {
    const newcomers = people.filter((m) => !deps.config.ADMIN_IDS.includes(m.id));
    await deps.stores.members.enrolTrainees(ctx.cohort.id, event.platform, newcomers, ctx.now);
    if (newcomers.length === 0) return;
    await ctx.send(
      { kind: 'group', id: event.conversation.id },
      {
        text: `欢迎加入「${ctx.cohort.name}」！\n${GROUP_RULES}\n请发送 #登记 <姓名> <手机> <乡镇/村> 完成学员登记。`,
        mentions: newcomers,
      },
    );
    return;
  }
  for (const m of people) await deps.stores.members.markLeft(ctx.cohort.id, event.platform, m.id, ctx.now);
};
