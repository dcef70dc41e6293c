import { DateTime } from 'luxon';
import { DATA_MISSING, LECTURER_TIER_NAMES, NO_CERTIFICATE_WITH_PROOF, NOT_PROVIDED } from './texts';

/** Kinds of certificate the tier rules tell apart (seed (四)). */
export type CertificateKind =
  /** T1 级电商讲师证书 (national lecturer certificate). */
  | 't1'
  /** 专家级证书. */
  | 'expert'
  /** Platform certificate such as 支付宝大学. */
  | 'platform'
  /** 专业技能证书. */
  | 'skill'
  /** Any other lecturer certificate (讲师证): enough for 普通级 (提供讲师证书即可), nothing above. */
  | 'lecturer'
  /** Anything else: listed, but counts for no rule. */
  | 'other';

/** One certificate a lecturer provided. */
export interface LecturerCertificate {
  kind: CertificateKind;
  name: string;
  issuer?: string;
  /** Last valid day (yyyy-MM-dd); with `today` given, an expired certificate counts for nothing. */
  expiresOn?: string;
}

/** What the office knows about a lecturer, as plain data; a missing figure fails the rule that needs it. */
export interface LecturerProfile {
  name: string;
  certificates: LecturerCertificate[];
  /** Age in full years; when absent, computed from `birthDate` and `today`. */
  ageYears?: number;
  /** yyyy-MM-dd. */
  birthDate?: string;
  /** Years worked in training, consulting and related industries (培训、咨询及相关行业). */
  industryYears?: number;
  /** Whether the lecturer provided a detailed timetable (详细的培训课表). */
  detailedTimetableProvided?: boolean;
  /** Practitioners without a certificate provide proof of employment instead (seed (二)1 从业证明). */
  employmentProofProvided?: boolean;
}

/** The three lecturer tiers of seed (四). */
export type LecturerTier = 'expert' | 'midSenior' | 'ordinary';

/** met / not met from the data; missing: the data to check it is absent; needs_confirmation: a judgement staff make. */
export type TierConditionStatus = 'met' | 'not_met' | 'missing' | 'needs_confirmation';

/** One condition of a tier, named in Chinese with the seed clause and the figure it was judged on. */
export interface TierCondition {
  clause: string;
  label: string;
  status: TierConditionStatus;
  detail?: string;
}

/** Eligibility for one tier: eligible when every data-checkable condition is met; judgement calls listed apart. */
export interface TierEligibility {
  tier: LecturerTier;
  name: string;
  eligible: boolean;
  /** Conditions not met or without data, in Chinese with the figure. */
  failing: string[];
  /** Judgement calls (口碑, 独到见解, …) for staff to confirm; never passed silently. */
  needsConfirmation: string[];
  conditions: TierCondition[];
}

const pct = (rate: number): string => `${Math.floor(rate * 1000) / 10}%`;

/** The lecturer's age in full years: as stated, else from the birth date on `today`; null when unknown. */
export function lecturerAge(profile: LecturerProfile, today: string | undefined): number | null {
  if (profile.ageYears !== undefined) return profile.ageYears;
  if (!profile.birthDate || !today) return null;
  return Math.floor(DateTime.fromISO(today).diff(DateTime.fromISO(profile.birthDate), 'years').years);
}

function validCertificates(profile: LecturerProfile, today: string | undefined): LecturerCertificate[] {
  return profile.certificates.filter((c) => !today || !c.expiresOn || c.expiresOn >= today);
}

const judgement = (clause: string, label: string): TierCondition => ({ clause, label, status: 'needs_confirmation' });

// "以上" includes the figure itself (民法典 第1259条): 30 岁、5 年、80% are enough.
function atLeast(clause: string, label: string, value: number | null, min: number, show: (v: number) => string): TierCondition {
  if (value === null) return { clause, label, status: 'missing', detail: DATA_MISSING };
  return { clause, label, status: value >= min ? 'met' : 'not_met', detail: show(value) };
}

const has = (clause: string, label: string, ok: boolean, names: string[]): TierCondition => ({
  clause,
  label,
  status: ok ? 'met' : 'not_met',
  detail: ok ? names.join('、') : NOT_PROVIDED,
});

function finish(tier: LecturerTier, conditions: TierCondition[]): TierEligibility {
  const failing = conditions
    .filter((c) => c.status === 'not_met' || c.status === 'missing')
    .map((c) => `${c.clause}${c.label}${c.detail ? `（${c.detail}）` : ''}`);
  const needsConfirmation = conditions
    .filter((c) => c.status === 'needs_confirmation')
    .map((c) => `${c.clause}${c.label}${c.detail ? `（${c.detail}）` : ''}`);
  return { tier, name: LECTURER_TIER_NAMES[tier], eligible: failing.length === 0, failing, needsConfirmation, conditions };
}

/**
 * Checks a lecturer against the three tiers of seed (四) 讲师来源、分级及任职资格. `satisfactionRate`
 * is the trainees' satisfaction as a fraction (0.8 = 80%), null when there is none; `today`
 * (yyyy-MM-dd) computes age from a birth date and drops expired certificates.
 */
export function evaluateLecturerTiers(
  profile: LecturerProfile,
  satisfactionRate: number | null,
  today?: string,
): Record<LecturerTier, TierEligibility> {
  if (satisfactionRate !== null && !(satisfactionRate >= 0 && satisfactionRate <= 1)) {
    throw new RangeError(`satisfactionRate must be a fraction between 0 and 1, got ${satisfactionRate}`);
  }
  const certs = validCertificates(profile, today);
  const named = (kinds: CertificateKind[]) => certs.filter((c) => kinds.includes(c.kind)).map((c) => c.name);
  const t1 = named(['t1']);
  const expertCerts = named(['expert']);
  const otherCerts = named(['platform', 'skill', 'expert']);
  const anyLecturerCert = named(['t1', 'expert', 'platform', 'skill', 'lecturer']);
  const age = lecturerAge(profile, today);
  const years = profile.industryYears ?? null;
  const showYears = (v: number) => `${v} 年`;

  const expert = finish('expert', [
    // seed: (四)1(1) 除 T1 级讲师证书外，还需要相关各类专家级证书，有相关行业从业经历
    has('(1)', '持有 T1 级讲师证书', t1.length > 0, t1),
    has('(1)', '持有专家级证书', expertCerts.length > 0, expertCerts),
    years === null
      ? { clause: '(1)', label: '有相关行业从业经历', status: 'missing', detail: DATA_MISSING }
      : { clause: '(1)', label: '有相关行业从业经历', status: years > 0 ? 'met' : 'not_met', detail: showYears(years) },
    // seed: (四)1(2) 年龄需在 30（含）周岁以上
    atLeast('(2)', '年龄 30（含）周岁以上', age, 30, (v) => `${v} 周岁`),
    // seed: (四)1(3) 在培训、及相关行业从业 5 年以上
    atLeast('(3)', '培训及相关行业从业 5 年以上', years, 5, showYears),
    // seed: (四)1(4) 在行业内有一定口碑 — a judgement
    judgement('(4)', '在行业内有一定口碑'),
    // seed: (四)1(5) 学员对讲课满意度 80% 以上
    atLeast('(5)', '学员满意度 80% 以上', satisfactionRate, 0.8, pct),
    // seed: (四)1(6) 对所从事行业有独到见解 — a judgement
    judgement('(6)', '对所从事行业有独到见解'),
  ]);

  const midSenior = finish('midSenior', [
    // seed: (四)2(1) T1 讲师证及其他平台相关证书（支付宝大学、专业技能证书等）— read as both ("及")
    has('(1)', '持有 T1 讲师证', t1.length > 0, t1),
    has('(1)', '持有平台或专业技能证书（如支付宝大学）', otherCerts.length > 0, otherCerts),
    // seed: (四)2(2) 提供详细的培训课表
    profile.detailedTimetableProvided === undefined
      ? { clause: '(2)', label: '提供详细的培训课表', status: 'missing', detail: DATA_MISSING }
      : has('(2)', '提供详细的培训课表', profile.detailedTimetableProvided, ['已提供']),
    // seed: (四)2(3) 能够配合工作人员完成实操培训 — a judgement
    judgement('(3)', '能够配合工作人员完成实操培训'),
    // seed: (四)2(4) 讲师现场讲课满意度 60% 以上
    atLeast('(4)', '学员满意度 60% 以上', satisfactionRate, 0.6, pct),
    // seed: (四)2(5) 在培训、及相关行业从业 3 年以上
    atLeast('(5)', '培训及相关行业从业 3 年以上', years, 3, showYears),
    // seed: (四)2(6) 对所从事行业有清晰认识，且有一定想法 — a judgement
    judgement('(6)', '对所从事行业有清晰认识，且有一定想法'),
  ]);

  // seed: (四)3(2) 提供讲师证书即可; (二)1 无资质的实操类人员需提供相关从业证明 — staff judge the proof
  const certificateCondition: TierCondition =
    anyLecturerCert.length > 0
      ? { clause: '(2)', label: '提供讲师证书', status: 'met', detail: anyLecturerCert.join('、') }
      : profile.employmentProofProvided
        ? { clause: '(2)', label: '提供讲师证书', status: 'needs_confirmation', detail: NO_CERTIFICATE_WITH_PROOF }
        : { clause: '(2)', label: '提供讲师证书', status: 'not_met', detail: NOT_PROVIDED };
  const ordinary = finish('ordinary', [
    // seed: (四)3(1) 在培训、咨询行业从业 1 年以上
    atLeast('(1)', '培训、咨询行业从业 1 年以上', years, 1, showYears),
    certificateCondition,
    // seed: (四)3(3) 对行业有一定了解 — a judgement
    judgement('(3)', '对行业有一定了解'),
  ]);

  return { expert, midSenior, ordinary };
}
