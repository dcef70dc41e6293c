import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { DEFAULT_SCORING, type ScoringConfig } from '../../kernel/scoring-config';
import { AppError } from '../../kernel/app-error';
import { localDay } from '../../kernel/local-time';
import { maskPhone, maskPhonesInText } from '../../kernel/privacy';
import type { Attendance, AttendanceStatus, Cohort, Member, Session } from '../../domain/types';
import type { Stores } from '../../stores/create-stores';
import type { FollowUp } from '../../domain/types';
import type { LeaveRequest } from '../../domain/types';
import type { Registration } from '../../domain/types';
import type { SurveyResponse } from '../../domain/types';
import { traineeRecords } from '../points';
import { DEFAULT_SCORECARD_THRESHOLDS } from '../feedback';
import { missingStatus } from '../leave';
import { evaluateStandings, heldBackLine, recommendationBar, recommendationBarLine, recommendationList, TIER_NAMES, type TraineeRecord, type TraineeStanding } from '../points';
import { ATTENDANCE_STATUS_NAMES as STATUS, EARLY_LEAVE, NOT_SIGNED_IN } from '../attendance';
import { COHORT_UNKNOWN } from '../cohorts';

/** The archives staff can export (SPEC §2 导出; seed 第八条 培训档案管理); 档案 holds all of them. */
export const ARCHIVE_KINDS = ['签到表', '成绩表', '反馈表', '回访', '档案'] as const;

/** One exportable archive. */
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

/** A built workbook, ready to send or save. */
export interface ArchiveFile {
  fileName: string;
  buffer: Buffer;
}

/** What building an archive may be told; `now` dates the file and decides which sessions were held. */
export interface ArchiveOptions {
  scoring?: ScoringConfig;
  now?: Date;
  /**
   * The 回访 workbook with phone numbers in full, for the staff who make the follow-up calls
   * (asked for explicitly; the caller logs the access). Every other workbook, and 回访 by
   * default, shows them masked.
   */
  fullPhones?: boolean;
}

const KIND_ALIASES: Record<string, ArchiveKind> = {
  签到表: '签到表',
  签到: '签到表',
  attendance: '签到表',
  signin: '签到表',
  成绩表: '成绩表',
  成绩: '成绩表',
  scores: '成绩表',
  反馈表: '反馈表',
  反馈: '反馈表',
  feedback: '反馈表',
  回访: '回访',
  回访登记: '回访',
  followup: '回访',
  followups: '回访',
  档案: '档案',
  全部: '档案',
  archive: '档案',
  all: '档案',
};

/** Reads an archive kind as staff type it (Chinese or English), or null. */
export function parseArchiveKind(text: string): ArchiveKind | null {
  return KIND_ALIASES[text.trim().toLowerCase()] ?? null;
}

/** Everything the sheets are built from, read once per export. */
interface ArchiveData {
  /** How phone numbers are written in this workbook: masked, or in full for the follow-up calls. */
  phone: (phone: string) => string;
  cohort: Cohort;
  now: Date;
  scoring: ScoringConfig;
  sessions: Session[];
  trainees: Member[];
  attendance: Attendance[];
  approvedLeave: LeaveRequest[];
  registrations: Registration[];
  records: TraineeRecord[];
  standings: TraineeStanding[];
  responses: SurveyResponse[];
  followUps: FollowUp[];
}

/** One column of a sheet: its header, width (in characters; a Chinese character takes about two) and number format. */
interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

type Row = (string | number | null)[];

// Excel forbids these in sheet names; a colon (09:00) becomes a full-width one.
const SHEET_NAME_FORBIDDEN = /[*?:\\/[\]]/g;
const SHEET_NAME_MAX = 31;

/** Cuts text to at most `max` UTF-16 units without splitting a character. */
function truncate(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** Makes a valid, unique (case-insensitively, as Excel compares) sheet name of at most 31 characters. */
function uniqueSheetName(raw: string, used: Set<string>): string {
  const cleaned = maskPhonesInText(raw).replace(SHEET_NAME_FORBIDDEN, (c) => (c === ':' ? '：' : '_')).replace(/^'+|'+$/g, '').trim() || '表';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = `${truncate(cleaned, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      return name;
    }
  }
}

/** Widths (in characters) a portrait A4 page holds before a sheet is printed landscape. */
const PORTRAIT_WIDTH = 95;

/**
 * Adds a sheet with a bold, frozen header row, the given widths and the rows, set up to print:
 * A4, fitted to the page width, the header row repeated on every printed page, landscape when
 * the columns are too wide for portrait.
 */
function addTable(workbook: ExcelJS.Workbook, used: Set<string>, name: string, columns: Column[], rows: Row[], pageTitle?: string): ExcelJS.Worksheet {
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  const sheet = workbook.addWorksheet(uniqueSheetName(name, used), {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: width > PORTRAIT_WIDTH ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
  });
  sheet.headerFooter.oddFooter = '&C第 &P 页，共 &N 页';
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  styleHeader(sheet.getRow(1));
  sheet.addRows(rows);
  if (pageTitle) sheet.headerFooter.oddHeader = `&C${maskPhonesInText(pageTitle).replace(/&/g, '&&')}`;
  return sheet;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center' };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
}

const dayTime = (at: Date | undefined, tz: string, format: string): string | null =>
  at ? DateTime.fromJSDate(at, { zone: tz }).toFormat(format) : null;

/** The name an archive shows: the registered real name where there is one, else the group nickname. */
function namer(data: ArchiveData): (userId: string, fallback: string) => string {
  const real = new Map(data.registrations.map((r) => [r.userId, r.realName]));
  return (userId, fallback) => real.get(userId) || fallback;
}

/**
 * The order of a printed list: trainees who registered, in the order of their registration
 * forms, then the others by the pinyin of the name shown, so a sheet reads the same every day
 * and a name is easy to find.
 */
function printOrder<P extends { userId: string; nickname: string }>(people: P[], data: ArchiveData, name: (userId: string, fallback: string) => string): P[] {
  const formNo = new Map(data.registrations.map((r, i) => [r.userId, i]));
  return [...people].sort((a, b) => {
    const fa = formNo.get(a.userId);
    const fb = formNo.get(b.userId);
    if (fa !== undefined || fb !== undefined) return (fa ?? Infinity) - (fb ?? Infinity);
    return PINYIN_ORDER.compare(name(a.userId, a.nickname), name(b.userId, b.nickname));
  });
}

/** Chinese names in pinyin order (ICU's zh collation). */
const PINYIN_ORDER = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** Trainees enrolled by a session's end, in order of joining. */
const enrolledAt = (trainees: Member[], session: Session): Member[] => trainees.filter((t) => t.joinedAt.getTime() <= session.endsAt.getTime());

/** 签到表 (seed 四(二)1 学员签到表): one sheet per session; every enrolled trainee appears. */
function addSignInSheets(workbook: ExcelJS.Workbook, used: Set<string>, data: ArchiveData): void {
  const tz = data.cohort.timezone;
  const name = namer(data);
  const columns: Column[] = [
    { header: '序号', width: 6 },
    { header: '姓名', width: 14 },
    { header: '状态', width: 10 },
    { header: '迟到分钟', width: 10 },
    { header: '签到时间', width: 11 },
    { header: '签退时间', width: 11 },
    { header: EARLY_LEAVE, width: 7 },
    // Signed by hand on the printed sheet (seed 四(二)1 学员签到表).
    { header: '签名', width: 16 },
  ];
  if (data.sessions.length === 0) {
    addTable(workbook, used, '签到表', columns, []);
    return;
  }
  for (const session of data.sessions) {
    const records = data.attendance.filter((a) => a.sessionId === session.id);
    const byUser = new Map(records.map((r) => [r.userId, r]));
    const enrolled = enrolledAt(data.trainees, session);
    const listed = new Set(enrolled.map((t) => t.userId));
    const people = printOrder(
      [...enrolled.map((t) => ({ userId: t.userId, nickname: t.name })), ...records.filter((r) => !listed.has(r.userId)).map((r) => ({ userId: r.userId, nickname: r.name }))],
      data,
      name,
    );
    const rows: Row[] = people.map((p, i) => {
      const r = byUser.get(p.userId);
      const status = r ? STATUS[r.status] : missingStatus(data.approvedLeave, session, p.userId) === 'leave' ? STATUS.leave : NOT_SIGNED_IN;
      return [
        i + 1,
        name(p.userId, p.nickname),
        status,
        r?.status === 'late' ? r.minutesLate : null,
        dayTime(r?.signedInAt, tz, 'HH:mm'),
        dayTime(r?.signedOutAt, tz, 'HH:mm'),
        r?.earlyLeave ? '是' : null,
        null,
      ];
    });
    const when = DateTime.fromJSDate(session.startsAt, { zone: tz });
    const title = `${data.cohort.name} 签到表 ${when.toFormat('yyyy-MM-dd HH:mm')}-${dayTime(session.endsAt, tz, 'HH:mm')} ${session.title}${session.lecturerName ? ` 讲师：${session.lecturerName}` : ''}`;
    addTable(workbook, used, `${when.toFormat('MM-dd HH:mm')} ${session.title}`, columns, rows, title);
  }
}

/** Attendance counts of one trainee over the sessions held by `now`, as closing each session would write them. */
function attendanceCounts(data: ArchiveData, bySessionUser: Map<string, Attendance>, userId: string, joinedAt: Date): Record<AttendanceStatus, number> {
  const counts: Record<AttendanceStatus, number> = { on_time: 0, late: 0, absent: 0, leave: 0 };
  for (const session of data.sessions) {
    const record = bySessionUser.get(`${session.id}\u0000${userId}`);
    if (record) {
      counts[record.status] += 1;
      continue;
    }
    const held = session.closedAt !== undefined || session.endsAt.getTime() <= data.now.getTime();
    if (!held || joinedAt.getTime() > session.endsAt.getTime()) continue;
    counts[missingStatus(data.approvedLeave, session, userId)] += 1;
  }
  return counts;
}

/** 成绩表 (seed 第八条 3 学员成绩表): one row per trainee, in ranking order. */
function addScoresSheet(workbook: ExcelJS.Workbook, used: Set<string>, data: ArchiveData): void {
  const name = namer(data);
  const records = new Map(data.records.map((r) => [r.userId, r]));
  const joined = new Map(data.trainees.map((t) => [t.userId, t.joinedAt]));
  const bySessionUser = new Map(data.attendance.map((a) => [`${a.sessionId}\u0000${a.userId}`, a]));
  const rows: Row[] = data.standings.map((s) => {
    const r = records.get(s.userId);
    const c = attendanceCounts(data, bySessionUser, s.userId, joined.get(s.userId) ?? new Date(0));
    const counted = c.on_time + c.late + c.absent;
    return [
      name(s.userId, s.name),
      counted > 0 ? (c.on_time + c.late) / counted : null,
      c.on_time,
      c.late,
      c.absent,
      c.leave,
      r ? `${r.homeworkSubmitted}/${r.homeworkAssigned}` : null,
      r?.averageReview ?? null,
      r?.interactions ?? 0,
      r?.salesYuan ?? 0,
      s.points,
      s.rank,
      TIER_NAMES[s.tier],
      s.reasons.join('；') || null,
    ];
  });
  addTable(
    workbook,
    used,
    '成绩表',
    [
      { header: '姓名', width: 14 },
      { header: '出勤率', width: 9, numFmt: '0.0%' },
      { header: STATUS.on_time, width: 7 },
      { header: STATUS.late, width: 7 },
      { header: STATUS.absent, width: 7 },
      { header: STATUS.leave, width: 7 },
      { header: '作业(已交/布置)', width: 16 },
      { header: '作业平均分', width: 11 },
      { header: '互动次数', width: 10 },
      { header: '销售额(元)', width: 12, numFmt: '#,##0.00' },
      { header: '积分', width: 8 },
      { header: '排名', width: 7 },
      { header: '等级', width: 12 },
      { header: '说明', width: 40 },
    ],
    rows,
    `${data.cohort.name} 学员成绩表`,
  );
}

/** 反馈表 (seed 四(二)5 培训意见反馈表): anonymous answers, never a name or id, and a summary per lecturer. */
function addFeedbackSheet(workbook: ExcelJS.Workbook, used: Set<string>, data: ArchiveData): void {
  const tz = data.cohort.timezone;
  const lecturerOrder = new Map(data.responses.map((r, i) => [r.surveyId, i]));
  // Ordered by lecturer, day and scores, never by answering time, so the order does not hint at who answered.
  const rows: Row[] = data.responses
    .map((r) => ({ ...r, day: dayTime(r.answeredAt, tz, 'yyyy-MM-dd') ?? '' }))
    .sort(
      (a, b) =>
        (lecturerOrder.get(a.surveyId) ?? 0) - (lecturerOrder.get(b.surveyId) ?? 0) ||
        a.day.localeCompare(b.day) ||
        b.satisfaction - a.satisfaction ||
        b.content - a.content ||
        b.pace - a.pace ||
        a.improve.localeCompare(b.improve, 'zh'),
    )
    .map((r) => [r.lecturerName, r.satisfaction, r.content, r.pace, r.improve || null, r.day]);
  const sheet = addTable(
    workbook,
    used,
    '反馈表',
    [
      { header: '讲师', width: 14 },
      { header: '满意度', width: 9 },
      { header: '内容', width: 9 },
      { header: '节奏', width: 9 },
      { header: '建议', width: 48 },
      { header: '提交日期', width: 13 },
    ],
    rows,
    `${data.cohort.name} 培训意见反馈表（匿名）`,
  );
  const minScore = DEFAULT_SCORECARD_THRESHOLDS.satisfiedMinScore;
  const lecturers = [...new Set(data.responses.map((r) => r.lecturerName))];
  sheet.addRow([]);
  sheet.addRow(['按讲师汇总']).font = { bold: true };
  styleHeader(sheet.addRow(['讲师', '回答人数', `满意(${minScore}–5)人数`, '满意率']));
  for (const lecturer of lecturers) {
    const mine = data.responses.filter((r) => r.lecturerName === lecturer);
    const satisfied = mine.filter((r) => r.satisfaction >= minScore).length;
    const row = sheet.addRow([lecturer, mine.length, satisfied, mine.length > 0 ? satisfied / mine.length : null]);
    row.getCell(4).numFmt = '0.0%';
  }
}

/**
 * 推荐名单 (seed 四(二)7 优质学员档案; 培训效果的维护 4 不低于 5 个): the same recommendation list
 * as 排名 and the end-of-training report, only those who clear the bar, with the bar and the
 * lecturer's picks held back below it; phone masked. 等级 is the tier, which a name put forward
 * by points may not have reached.
 */
function addRecommendationSheet(workbook: ExcelJS.Workbook, used: Set<string>, data: ArchiveData): void {
  const name = namer(data);
  const standings = new Map(data.standings.map((s) => [s.userId, s]));
  const regs = new Map(data.registrations.map((r) => [r.userId, r]));
  const list = recommendationList(data.records, data.scoring);
  const rows: Row[] = list.listed.map((e, i) => {
    const s = standings.get(e.userId);
    const reg = regs.get(e.userId);
    return [
      i + 1,
      name(e.userId, e.name),
      reg?.village || null,
      reg?.products || null,
      e.reason,
      `${e.tally.attended}/${e.tally.expected}`,
      s?.points ?? null,
      s ? TIER_NAMES[s.tier] : null,
      reg ? maskPhone(reg.phone) : null,
    ];
  });
  const sheet = addTable(
    workbook,
    used,
    '推荐名单',
    [
      { header: '序号', width: 6 },
      { header: '姓名', width: 14 },
      { header: '乡镇/村', width: 20 },
      { header: '产品', width: 16 },
      { header: '推荐理由', width: 28 },
      { header: '出勤', width: 8 },
      { header: '积分', width: 8 },
      { header: '等级', width: 12 },
      { header: '手机', width: 14 },
    ],
    rows,
    `${data.cohort.name} 推荐名单（优质学员档案）`,
  );
  const bar = recommendationBar(data.scoring);
  sheet.addRow([]);
  sheet.addRow([recommendationBarLine(Math.round(bar.minAttendanceShare * 100), bar.minPointsAbove)]);
  if (list.heldBack.length) {
    sheet.addRow([heldBackLine(list.heldBack.map((h) => ({ name: name(h.userId, h.name), attended: h.tally.attended, expected: h.tally.expected, points: h.points })))]);
  }
}

/** 回访登记 (seed 四(二)10): one row per trainee and wave (30, 90, 180 days after the cohort). */
function addFollowUpSheet(workbook: ExcelJS.Workbook, used: Set<string>, data: ArchiveData): void {
  const tz = data.cohort.timezone;
  const name = namer(data);
  const yesNo = (v: boolean | undefined) => (v === undefined ? null : v ? '是' : '否');
  const phones = new Map(data.registrations.map((r) => [r.userId, r.phone]));
  const rows: Row[] = data.followUps.map((f) => [
    name(f.userId, f.name),
    phones.has(f.userId) ? data.phone(phones.get(f.userId)!) : null,
    `${f.wave} 天`,
    dayTime(f.askedAt, tz, 'yyyy-MM-dd HH:mm'),
    dayTime(f.answeredAt, tz, 'yyyy-MM-dd HH:mm'),
    yesNo(f.openedShop),
    f.shopPlatform || null,
    f.monthlySalesYuan ?? null,
    f.needsHelp || null,
    f.answerText || null,
  ]);
  addTable(
    workbook,
    used,
    '回访登记',
    [
      { header: '姓名', width: 14 },
      { header: '手机', width: 15 },
      { header: '回访批次', width: 10 },
      { header: '询问时间', width: 18 },
      { header: '回答时间', width: 18 },
      { header: '是否开店', width: 10 },
      { header: '平台', width: 12 },
      { header: '月销售额(元)', width: 14, numFmt: '#,##0.00' },
      { header: '需要帮助', width: 28 },
      { header: '回答原文', width: 40 },
    ],
    rows,
    `${data.cohort.name} 回访登记`,
  );
}

/** 学员登记表 (seed 四(二)1): the registration forms, phone masked. */
function addRegistrationSheet(workbook: ExcelJS.Workbook, used: Set<string>, data: ArchiveData): void {
  const nicknames = new Map(data.trainees.map((t) => [t.userId, t.name]));
  const rows: Row[] = data.registrations.map((r, i) => [
    i + 1,
    r.realName,
    nicknames.get(r.userId) ?? null,
    data.phone(r.phone),
    r.village,
    r.products || null,
    r.experience || null,
  ]);
  addTable(
    workbook,
    used,
    '学员登记表',
    [
      { header: '序号', width: 6 },
      { header: '姓名', width: 12 },
      { header: '群昵称', width: 16 },
      { header: '手机', width: 14 },
      { header: '乡镇/村', width: 20 },
      { header: '产品', width: 16 },
      { header: '平台经验', width: 28 },
    ],
    rows,
    `${data.cohort.name} 学员登记表`,
  );
}

/** Reads what the archive needs (plain finds per cohort, inside what FerretDB 1.24 serves). */
async function gatherArchiveData(stores: Stores, cohortId: string, kind: ArchiveKind, options: ArchiveOptions): Promise<ArchiveData> {
  const cohort = await stores.cohorts.findById(cohortId);
  if (!cohort) throw new AppError('COHORT_UNKNOWN', COHORT_UNKNOWN, `cohort ${cohortId} not found`);
  const scoring = options.scoring ?? DEFAULT_SCORING;
  const now = options.now ?? new Date();
  const needsScores = kind === '成绩表' || kind === '档案';
  const needsFeedback = kind === '反馈表' || kind === '档案';
  const [sessions, trainees, attendance, approvedLeave, registrations, records, surveys, followUps] = await Promise.all([
    stores.sessions.listByCohort(cohortId),
    stores.members.listWithRole(cohortId, 'trainee'),
    stores.attendance.listByCohort(cohortId),
    stores.leave.listByCohort(cohortId, 'approved'),
    stores.registrations.listByCohort(cohortId),
    needsScores ? traineeRecords(stores, cohort, now) : Promise.resolve([]),
    needsFeedback ? stores.surveys.listByCohort(cohortId) : Promise.resolve([]),
    kind === '回访' || kind === '档案' ? stores.followUps.listByCohort(cohortId) : Promise.resolve([]),
  ]);
  const responses = (await Promise.all(surveys.map((s) => stores.surveys.responsesOf(s.id)))).flat();
  return {
    phone: options.fullPhones === true && kind === '回访' ? (p: string) => p : maskPhone,
    cohort,
    now,
    scoring,
    sessions,
    trainees,
    attendance,
    approvedLeave,
    registrations,
    records,
    // An archive taken during the cohort shows progress; after it, the verdict.
    standings: evaluateStandings(records, scoring, localDay(now, cohort.timezone) > cohort.endDate),
    responses,
    followUps,
  };
}

/**
 * Masks anything that looks like a mobile number in every text cell (nicknames and free text
 * carry them; SPEC §4), except a cell that is exactly one of `keep` (the 回访 workbook's own phone
 * column, when full numbers were asked for).
 */
function maskPhonesEverywhere(workbook: ExcelJS.Workbook, keep: ReadonlySet<string>): void {
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && !keep.has(cell.value)) cell.value = maskPhonesInText(cell.value);
      });
    });
  });
}

/** A file name safe on every platform: characters Windows forbids become _. */
function safeFileName(text: string): string {
  const cleaned = Array.from(text, (ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return cleaned.trim() || '班级';
}

/**
 * Builds one archive of a cohort as an xlsx workbook (SPEC §3.6; seed 第八条): 签到表 (a sheet
 * per session), 成绩表, 反馈表 (anonymous), 回访 (回访登记 and 学员登记表), or 档案 with every
 * sheet including 推荐名单. Phone numbers appear only masked.
 */
export async function buildArchive(stores: Stores, cohortId: string, kind: ArchiveKind, options: ArchiveOptions = {}): Promise<ArchiveFile> {
  const data = await gatherArchiveData(stores, cohortId, kind, options);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cohort-bot';
  workbook.created = data.now;
  workbook.title = maskPhonesInText(`${data.cohort.name} ${kind}`);
  const used = new Set<string>();
  if (kind === '档案') addRegistrationSheet(workbook, used, data);
  if (kind === '成绩表' || kind === '档案') addScoresSheet(workbook, used, data);
  if (kind === '档案') addRecommendationSheet(workbook, used, data);
  if (kind === '反馈表' || kind === '档案') addFeedbackSheet(workbook, used, data);
  if (kind === '回访' || kind === '档案') addFollowUpSheet(workbook, used, data);
  if (kind === '回访') addRegistrationSheet(workbook, used, data);
  if (kind === '签到表' || kind === '档案') addSignInSheets(workbook, used, data);
  const fullPhones = options.fullPhones === true && kind === '回访';
  maskPhonesEverywhere(workbook, new Set(fullPhones ? data.registrations.map((r) => r.phone) : []));
  const day = DateTime.fromJSDate(data.now, { zone: data.cohort.timezone }).toFormat('yyyyMMdd');
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${safeFileName(maskPhonesInText(data.cohort.name))}-${kind}-${day}.xlsx`, buffer };
}

/** Writes an archive into a directory (created when missing) and returns the file's absolute path. */
export async function saveArchive(file: ArchiveFile, dir: string): Promise<string> {
  const target = path.resolve(dir);
  await fs.mkdir(target, { recursive: true });
  const fullPath = path.join(target, file.fileName);
  await fs.writeFile(fullPath, file.buffer);
  return fullPath;
}
