import { z } from 'zod';
import { defineCommand, type Command, type RawArgs } from './command';
import { refusalFor } from './middleware/role-guard';

const args = z.custom<RawArgs>().transform((raw) => ({ topic: raw.tokens[0]?.replace(/^[#/＃／]/u, '') ?? '' }));

/** 帮助 [命令]: what the sender may do here, with examples; or one command in detail. */
export function createHelpCommand(all: () => Command[]): Command {
  return defineCommand({
    name: '帮助',
    aliases: ['help'],
    summary: '看看我能做什么',
    usage: '#帮助 [命令]',
    examples: ['#帮助 签到'],
    allowed: 'all',
    where: 'any',
    needsCohort: false,
    args,
    async handle(ctx, { topic }) {
      const commands = all();
      if (topic) {
        const c = commands.find((x) => x.name === topic || x.aliases.includes(topic.toLowerCase()));
        if (!c) {
          await ctx.reply(`没有「${topic}」这个命令。发送 #帮助 查看全部。`);
          return;
        }
        const lines = [`#${c.name}（/${c.aliases[0] ?? c.name}）：${c.summary}`, `用法：${c.usage}`];
        if (c.examples?.length) lines.push(`例如：${c.examples.join('\n')}`);
        const refusal = refusalFor(ctx, c);
        if (refusal) lines.push(`提示：${refusal}`);
        await ctx.reply(lines.join('\n'));
        return;
      }
      const mine = commands.filter((c) => refusalFor(ctx, c) === null);
      const lines = ['我能帮你做这些（命令前加 # 或 /）：', ...mine.map((c) => `#${c.name} — ${c.summary}`)];
      if (!ctx.cohort && ctx.isGroup) lines.push('本群还没有绑定班级：工作人员请先 #新建班级，再 #绑定 <班级码>。');
      lines.push('发送 #帮助 <命令> 查看用法和例子。');
      await ctx.reply(lines.join('\n'));
    },
  });
}
