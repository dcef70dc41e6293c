import type { LecturerCertificateKind, LecturerDetails } from '../../domain/types';
import { evaluateLecturerTiers, lecturerAge, type LecturerProfile, type LecturerTier, type TierEligibility } from './lecturer-tier';
import { LECTURER_PROFILE_EXAMPLE, LECTURER_TIER_LABEL, NO_CERTIFICATE_WITH_PROOF } from './texts';

/**
 * Sorts a certificate, by its name, into the kinds seed (四) tells apart: T1, 专家级, platform
 * (支付宝大学 and the like), 专业技能, any other 讲师证; anything else counts for no rule.
 */
export function classifyCertificate(name: string): LecturerCertificateKind {
  if (/T1/i.test(name)) return 't1';
  if (/专家/.test(name)) return 'expert';
  if (/支付宝|淘宝|阿里|抖音|巨量|快手|拼多多|京东|视频号|平台/.test(name)) return 'platform';
  if (/技能|职业资格|电子商务师|技师/.test(name)) return 'skill';
  if (/讲师/.test(name)) return 'lecturer';
  return 'other';
}

/** The tier of one lecturer, or the profile data that is missing to give one. */
export type LecturerTierAssessment =
  | {
      status: 'incomplete';
      lecturerName: string;
      /** Whether any 讲师资料 was recorded for this lecturer at all. */
      recorded: boolean;
      /** What is missing, in Chinese: 年龄, 从业年限, 证书. */
      missing: string[];
    }
  | {
      status: 'assessed';
      lecturerName: string;
      /** The highest tier whose checkable conditions all hold; null when not even 普通级. */
      tier: LecturerTier | null;
      age: number | null;
      industryYears: number;
      certificates: string[];
      employmentProofProvided: boolean;
      satisfactionRate: number | null;
      tiers: Record<LecturerTier, TierEligibility>;
    };

/** What the recorded profile lacks for the tier rules: 年龄, 从业年限, 证书 (a certificate list, or 从业证明 instead). */
export function missingLecturerDetails(details: LecturerDetails | undefined): string[] {
  const missing: string[] = [];
  if (details?.ageYears === undefined && details?.birthDate === undefined) missing.push('年龄');
  if (details?.industryYears === undefined) missing.push('从业年限');
  if (details?.certificates === undefined && details?.employmentProofProvided !== true) missing.push('证书');
  return missing;
}

const TIERS_HIGH_TO_LOW: LecturerTier[] = ['expert', 'midSenior', 'ordinary'];

/**
 * Assesses a lecturer's tier (SPEC §3.5, seed (四)) from the recorded profile and the satisfied
 * share of the survey (null: nobody answered). Without age, years or certificates nothing is
 * guessed: the assessment names what is missing. Otherwise the highest tier whose checkable
 * conditions all hold is given, with the judgement calls left to staff. `timetableProvided`
 * is whether the bot holds the lecturer's timetable; `asOf` (yyyy-MM-dd) turns a birth date into an age.
 */
export function assessLecturerTier(input: {
  lecturerName: string;
  details: LecturerDetails | undefined;
  satisfactionRate: number | null;
  timetableProvided: boolean;
  asOf: string;
}): LecturerTierAssessment {
  const { lecturerName, details, satisfactionRate } = input;
  const missing = missingLecturerDetails(details);
  if (!details || missing.length > 0) return { status: 'incomplete', lecturerName, recorded: details !== undefined, missing };
  const profile: LecturerProfile = {
    name: lecturerName,
    certificates: details.certificates ?? [],
    ...(details.ageYears !== undefined ? { ageYears: details.ageYears } : {}),
    ...(details.birthDate !== undefined ? { birthDate: details.birthDate } : {}),
    ...(details.industryYears !== undefined ? { industryYears: details.industryYears } : {}),
    detailedTimetableProvided: input.timetableProvided,
    employmentProofProvided: details.employmentProofProvided === true,
  };
  const tiers = evaluateLecturerTiers(profile, satisfactionRate, input.asOf);
  return {
    status: 'assessed',
    lecturerName,
    tier: TIERS_HIGH_TO_LOW.find((t) => tiers[t].eligible) ?? null,
    age: lecturerAge(profile, input.asOf),
    industryYears: details.industryYears ?? 0,
    certificates: profile.certificates.map((c) => c.name),
    employmentProofProvided: profile.employmentProofProvided === true,
    satisfactionRate,
    tiers,
  };
}

// Rounded down, as on the scorecard, so a rate just under a threshold never reads as the threshold.
const pct = (rate: number): string => `${Math.floor(rate * 1000 + 1e-6) / 10}%`;

/** The tier as Chinese text: a headline with its evidence, then what each higher tier lacks and what staff should confirm. */
export function renderLecturerTier(a: LecturerTierAssessment): string[] {
  if (a.status === 'incomplete') {
    const who = a.recorded ? '' : `尚未登记「${a.lecturerName}」的讲师资料，`;
    return [
      `${LECTURER_TIER_LABEL}：资料不全（缺${a.missing.join('、')}），无法评定`,
      `  · ${who}请讲师本人或工作人员补充，例如：${LECTURER_PROFILE_EXAMPLE}`,
    ];
  }
  const certificates = a.certificates.length > 0 ? `证书 ${a.certificates.join('、')}` : a.employmentProofProvided ? NO_CERTIFICATE_WITH_PROOF : '无证书';
  const satisfaction = a.satisfactionRate === null ? '学员满意度 无人填写' : `学员满意度 ${pct(a.satisfactionRate)}`;
  const evidence = `${satisfaction}，从业 ${a.industryYears} 年，${a.age === null ? '年龄不详' : `${a.age} 周岁`}，${certificates}`;
  const lines = [a.tier ? `${LECTURER_TIER_LABEL}：${a.tiers[a.tier].name}（${evidence}）` : `${LECTURER_TIER_LABEL}：不符合任何等级（${evidence}）`];
  const reached = a.tier ? TIERS_HIGH_TO_LOW.indexOf(a.tier) : TIERS_HIGH_TO_LOW.length;
  for (const t of TIERS_HIGH_TO_LOW.slice(0, reached)) lines.push(`  · 未达${a.tiers[t].name}：${a.tiers[t].failing.join('；')}`);
  if (a.tier && a.tiers[a.tier].needsConfirmation.length > 0) {
    lines.push(`  · 待工作人员确认：${a.tiers[a.tier].needsConfirmation.join('；')}`);
  }
  return lines;
}
