import { DateTime } from 'luxon';
import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { AppError } from '../../kernel/app-error';
import type { LecturerDetails } from '../../domain/types';
import { classifyCertificate, missingLecturerDetails } from './lecturer-tier-assessment';
import {
  CERTIFICATE_KIND_NAMES,
  LECTURER_PROFILE_ERRORS as WHY,
  LECTURER_PROFILE_EXAMPLE,
  LECTURER_PROFILE_NOT_OWN,
  LECTURER_PROFILE_USAGE,
  lecturerProfileRecorded,
  NOT_STATED,
  notALecturer,
} from './texts';

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
  if (raw.mentions.length > 1) return fail(WHY.oneLecturer);
  const text = halfWidth([raw.text, ...raw.lines].join(' ')).replace(/\s+/gu, ' ').trim();
  const starts = [...text.matchAll(FIELD_START)].map((m) => ({ at: (m.index ?? 0) + (m[1] ?? '').length, keyword: m[2] ?? '' }));
  if (starts.length === 0) return fail(WHY.noField);
  const before = text.slice(0, starts[0]!.at).replace(SEPARATORS, '');
  if (before) return fail(WHY.unreadable(before));

  // The fields this message states; the others keep their stored value.
  const stated: LecturerDetails = {};
  const seen = new Set<Field>();
  for (const [i, start] of starts.entries()) {
    const field = KEYWORDS.find(([k]) => k === start.keyword)![1];
    if (seen.has(field)) return fail(WHY.twice(start.keyword));
    seen.add(field);
    const value = text.slice(start.at + start.keyword.length, starts[i + 1]?.at ?? text.length).replace(SEPARATORS, '');
    if (field === 'age') {
      const m = /^(\d{1,3})\s*(?:周岁|岁)?$/u.exec(value);
      const age = Number(m?.[1]);
      if (!m || age < 18 || age > 100) return fail(WHY.age);
      stated.ageYears = age;
    } else if (field === 'birth') {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(value);
      const date = m ? DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : null;
      if (!date?.isValid || date.year < 1920) return fail(WHY.birthDate);
      stated.birthDate = date.toFormat('yyyy-MM-dd');
    } else if (field === 'years') {
      const m = /^(\d{1,2}(?:\.\d)?)\s*年?$/u.exec(value);
      const years = Number(m?.[1]);
      if (!m || years > 60) return fail(WHY.years);
      stated.industryYears = years;
    } else if (field === 'certificates') {
      const names = value === '无' ? [] : value.split(/[,，、;；]+/u).map((n) => n.trim()).filter((n) => n !== '');
      if (value !== '无' && names.length === 0) return fail(WHY.certificateNames);
      if (names.length > 10 || names.some((n) => n.length > 40)) return fail(WHY.certificateLimits);
      stated.certificates = names.map((name) => ({ kind: classifyCertificate(name), name }));
    } else {
      if (/^(有|已提供|是)$/u.test(value)) stated.employmentProofProvided = true;
      else if (/^(无|没有|未提供|否)$/u.test(value)) stated.employmentProofProvided = false;
      else return fail(WHY.proof);
    }
  }
  if (stated.ageYears !== undefined && stated.birthDate !== undefined) return fail(WHY.ageAndBirth);
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
  const age = d.ageYears !== undefined ? `年龄 ${d.ageYears} 周岁` : d.birthDate !== undefined ? `出生 ${d.birthDate}` : `年龄 ${NOT_STATED}`;
  const years = d.industryYears !== undefined ? `从业 ${d.industryYears} 年` : `从业 ${NOT_STATED}`;
  const certificates =
    d.certificates === undefined
      ? `证书 ${NOT_STATED}`
      : d.certificates.length === 0
        ? '证书 无'
        : `证书 ${d.certificates.map((c) => `${c.name}（${CERTIFICATE_KIND_NAMES[c.kind]}）`).join('、')}`;
  const proof = d.employmentProofProvided === undefined ? `从业证明 ${NOT_STATED}` : `从业证明 ${d.employmentProofProvided ? '有' : '无'}`;
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
      throw new AppError('LECTURER_PROFILE_NOT_OWN', LECTURER_PROFILE_NOT_OWN);
    }
    const member = await stores.members.find(ctx.cohort.id, ctx.event.platform, who.id);
    if (!member?.roles.includes('lecturer')) {
      throw new AppError('LECTURER_PROFILE_NOT_LECTURER', notALecturer(target ? who.name : null));
    }
    const details = mergeLecturerDetails(member.lecturerDetails, stated);
    await stores.members.setLecturerDetails(ctx.cohort.id, ctx.event.platform, who.id, details);
    await ctx.reply(lecturerProfileRecorded(member.name, describe(details), missingLecturerDetails(details)));
  },
});
