import pino from 'pino';
import { z } from 'zod';
import { ChatContext, type Command, type RawArgs } from '../../../../src/pipeline/chat-context';
import type { BotDeps } from '../../../../src/pipeline/bot-deps';
import type { Role } from '../../../../src/domain/types';
import { refusalFor } from '../../../../src/pipeline/middleware/role-guard';
import { chatEvent } from '../../../support/chat-event';

const deps = { log: pino({ level: 'silent' }) } as unknown as BotDeps;

function privateContext(roles: Role[]): ChatContext {
  const ctx = new ChatContext(chatEvent({ conversation: { kind: 'private', id: 'u1' }, sender: { id: 'u1', name: '某人' } }), deps, new Date());
  roles.forEach((r) => ctx.roles.add(r));
  return ctx;
}

function command(name: string, allowed: Role[]): Command {
  return { name, aliases: [], summary: '', usage: '', allowed, where: 'any', needsCohort: false, args: z.custom<RawArgs>(), handle: async () => undefined };
}

describe('refusalFor: a command the sender\'s roles do not allow', () => {
  it('a staff command tells the sender how to get the role: 授权, or a claim code from cohort-bot admin invite', () => {
    const text = refusalFor(privateContext([]), command('新建班级', ['staff']))!;
    expect(text).toMatch(/^「新建班级」只有工作人员可以使用（你的身份：未登记），本次没有做任何改动。/);
    expect(text).toContain('#授权 @你 工作人员');
    expect(text).toContain('cohort-bot admin invite');
    expect(text).toContain('#认领管理员 <认领码>');
  });

  it('an office command says the office role belongs to administrators (ADMIN_IDS or a claim code)', () => {
    const text = refusalFor(privateContext(['staff']), command('批准', ['office']))!;
    expect(text).toContain('ADMIN_IDS');
    expect(text).toContain('cohort-bot admin invite');
    expect(text).not.toContain('#授权');
  });

  it('a lecturer command points to 授权 as 讲师; a trainee command refused to staff adds nothing', () => {
    expect(refusalFor(privateContext(['trainee']), command('上课', ['lecturer']))).toContain('#授权 @你 讲师');
    expect(refusalFor(privateContext(['staff']), command('签到', ['trainee']))).toBe('「签到」只有学员可以使用（你的身份：工作人员），本次没有做任何改动。');
  });

  it('refuses nothing the sender may run', () => {
    expect(refusalFor(privateContext(['staff']), command('新建班级', ['staff']))).toBeNull();
  });
});
