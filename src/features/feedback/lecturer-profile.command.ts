import { DateTime } from 'luxon';
import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { AppError } from '../../kernel/app-error';
import type { LecturerDetails } from '../../domain/types';
import { CERTIFICATE_KIND_NAMES, classifyCertificate, LECTURER_PROFILE_EXAMPLE, LECTURER_PROFILE_USAGE, missingLecturerDetails } from './lecturer-tier-assessment';

type Field = 'age' | 'birth' | 'years' | 'certificates' | 'proof';

const KEYWORDS: [string, Field][] = [
  ['年龄', 'age'],
  ['出生日期', 'birth'],
  ['出生', 'birth'],
  ['从业证明', 'proof'],
  ['从业年限', 'years'],
  ['从业', 'years'],
  ['证书', 'certificates'],
];
// A keyword starts a field only at the start of the text or after a space or list separator, so
// 「讲师证书」 inside a certificate name is not read as a new field.
const FIELD_START = new RegExp(`(^|[\\s,，、;；])(${KEYWORDS.map(([k]) => k).join('|')})`, 'gu');
const SEPARATORS = /^[\s,，、;；:：]+|[\s,，、;；:：]+$/gu;

const halfWidth = (text: string) => text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

const profileArgs = z.custom<RawArgs>().transform((raw, ctx) => {
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (raw.mentions.length > 1) return fail('一次只能填写一位讲师的资料');
  const text = halfWidth([raw.text, ...raw.lines].join(' ')).replace(/\s+/gu, ' ').trim();
  const starts = [...text.matchAll(FIELD_START)].map((m) => ({ at: (m.index ?? 0) + (m[1] ?? '').length, keyword: m[2] ?? '' }));
  if (starts.length === 0) return fail('请至少写一项：年龄（或出生）、从业、证书、从业证明');
  const before = text.slice(0, starts[0]!.at).replace(SEPARATORS, '');
  if (before) return fail(`看不懂「${before}」`);

  // The fields this message states; the others keep their stored value.
  const stated: LecturerDetails = {};
  const seen = new Set<Field>();
  for (const [i, start] of starts.entries()) {
    const field = KEYWORDS.find(([k]) => k === start.keyword)![1];
    if (seen.has(field)) return fail(`「${start.keyword}」写了两次`);
    seen.add(field);
    const value = text.slice(start.at + start.keyword.length, starts[i + 1]?.at ?? text.length).replace(SEPARATORS, '');
    if (field === 'age') {
      const m = /^(\d{1,3})\s*(?:周岁|岁)?$/u.exec(value);
      const age = Number(m?.[1]);
      if (!m || age < 18 || age > 100) return fail('年龄要写 18–100 的整数，例如：年龄 45');
      stated.ageYears = age;
    } else if (field === 'birth') {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(value);
      const date = m ? DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : null;
      if (!date?.isValid || date.year < 1920) return fail('出生日期要写成 1980-05-01 这样的日期');
      stated.birthDate = date.toFormat('yyyy-MM-dd');
    } else if (field === 'years') {
      const m = /^(\d{1,2}(?:\.\d)?)\s*年?$/u.exec(value);
      const years = Number(m?.[1]);
      if (!m || years > 60) return fail('从业年限要写 0–60 的年数，例如：从业 8 年');
      stated.industryYears = years;
    } else if (field === 'certificates') {
      const names = value === '无' ? [] : value.split(/[,，、;；]+/u).map((n) => n.trim()).filter((n) => n !== '');
      if (value !== '无' && names.length === 0) return fail('证书要写名称，多个用逗号分开；没有证书写：证书 无');
      if (names.length > 10 || names.some((n) => n.length > 40)) return fail('证书最多 10 个，每个名称不超过 40 个字');
      stated.certificates = names.map((name) => ({ kind: classifyCertificate(name), name }));
    } else {
      if (/^(有|已提供|是)$/u.test(value)) stated.employmentProofProvided = true;
      else if (/^(无|没有|未提供|否)$/u.test(value)) stated.employmentProofProvided = false;
      else return fail('从业证明写「有」或「无」');
    }
  }
  if (stated.ageYears !== undefined && stated.birthDate !== undefined) return fail('年龄和出生日期只写一个');
  return { target: raw.mentions[0] ?? null, stated };
});

/** The stored profile after a message: stated fields replace old ones, and an age replaces a birth date (or the reverse). */
export function mergeLecturerDetails(old: LecturerDetails | undefined, stated: LecturerDetails): LecturerDetails {
  const merged: LecturerDetails = { ...old, ...stated };
  if (stated.ageYears !== undefined) delete merged.birthDate;
  if (stated.birthDate !== undefined) delete merged.ageYears;
  return merged;
}

function describe(d: LecturerDetails): string {
  const age = d.ageYears !== undefined ? `年龄 ${d.ageYears} 周岁` : d.birthDate !== undefined ? `出生 ${d.birthDate}` : '年龄 未填';
  const years = d.industryYears !== undefined ? `从业 ${d.industryYears} 年` : '从业 未填';
  const certificates =
    d.certificates === undefined
      ? '证书 未填'
      : d.certificates.length === 0
        ? '证书 无'
        : `证书 ${d.certificates.map((c) => `${c.name}（${CERTIFICATE_KIND_NAMES[c.kind]}）`).join('、')}`;
  const proof = d.employmentProofProvided === undefined ? '从业证明 未填' : `从业证明 ${d.employmentProofProvided ? '有' : '无'}`;
  return [age, years, certificates, proof].join('；');
}

/**
 * 讲师资料 [@讲师] 年龄/出生 从业 证书 从业证明: records a lecturer's profile for the tier rules
 * (SPEC §3.5, seed (四)). Staff fill in any lecturer of the cohort; a lecturer only their own.
 */
export const lecturerProfileCommand = defineCommand({
  name: '讲师资料',
  aliases: ['lecturerprofile'],
  summary: '登记讲师资料（年龄、从业年限、证书），用于评定讲师等级',
  usage: LECTURER_PROFILE_USAGE,
  examples: [LECTURER_PROFILE_EXAMPLE, '#讲师资料 出生 1980-05-01 从业 3 年 证书 无 从业证明 有'],
  allowed: ['staff', 'lecturer'],
  where: 'any',
  needsCohort: true,
  args: profileArgs,
  async handle(ctx, { target, stated }) {
    const { stores } = ctx.deps;
    const sender = ctx.event.sender;
    const who = target ?? sender;
    if (who.id !== sender.id && !ctx.hasRole('staff')) {
      throw new AppError('LECTURER_PROFILE_NOT_OWN', '讲师只能填写自己的资料；其他讲师的资料请本人或工作人员填写。');
    }
    const member = await stores.members.find(ctx.cohort.id, ctx.event.platform, who.id);
    if (!member?.roles.includes('lecturer')) {
      throw new AppError(
        'LECTURER_PROFILE_NOT_LECTURER',
        target ? `${who.name} 还不是本班讲师，请先发送 #授权 @${who.name} 讲师。` : `你不是本班讲师。工作人员请 @ 要填写资料的讲师，例如：${LECTURER_PROFILE_EXAMPLE}`,
      );
    }
    const details = mergeLecturerDetails(member.lecturerDetails, stated);
    await stores.members.setLecturerDetails(ctx.cohort.id, ctx.event.platform, who.id, details);
    const missing = missingLecturerDetails(details);
    await ctx.reply(
      `已记录 ${member.name} 的讲师资料：${describe(details)}。` +
        (missing.length > 0 ? `\n还缺${missing.join('、')}，补全后才能评定讲师等级。` : '\n讲师等级将在讲师考核表和结业报告中评定。'),
    );
  },
});
