import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { runExportCommand } from '../../bots/export-command';
import type { ChatUser } from '../../src/platform/chat-event';
import { buildArchive, type ArchiveKind } from '../../src/features/reporting/archive-workbooks';
import { startPipeline, type MemorySent, type Pipeline } from '../support/pipeline';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D0 = '2027-02-28';
const D1 = '2027-03-01';
const D2 = '2027-03-02';
const AFTER = at('2027-03-03', '10:00');
const LONG_TITLE = '农产品短视频拍摄与剪辑实操进阶全流程详解课';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-export-'));

/** Every cell of every sheet as text. */
function allText(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((sheet) => {
    out.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text))));
  });
  return out;
}

async function open(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows from row 1 (the header), values as text, empty cells as ''. */
function rowsOf(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text);
    rows[n - 1] = cells;
  });
  return rows;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; have ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

describe('导出 archives and 简报 briefs (SPEC §2, §3.6)', () => {
  let p: Pipeline;
  let code = '';
  let cohortId = '';
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const lecturer: ChatUser = { id: 'u-lecturer', name: '张老师' };
  // 丁's nickname carries a phone number: no sheet may show it whole (SPEC §4).
  const [jia, yi, bing, ding] = ['学员甲', '学员乙', '学员丙', '学员丁13912345678'].map((name, i) => ({ id: `u-t${i}`, name })) as [ChatUser, ChatUser, ChatUser, ChatUser];
  const phones = { jia: '13800138000', yi: '13700137001' };
  const group = 'room-export@chatroom';

  const sayAt = async (when: Date, from: ChatUser, text: string, mentions: ChatUser[] = [], where: string | null = group) => {
    p.clock.set(when);
    return p.say(from, text, where, mentions);
  };
  const archive = async (kind: ArchiveKind) => open((await buildArchive(p.deps.stores, cohortId, kind, { now: AFTER })).buffer);

  beforeAll(async () => {
    p = await startPipeline('export', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000', EXPORT_DIR: path.join(dir, 'bot-exports') });
    const created = await sayAt(at(D0, '10:00'), admin, '#新建班级 导出测试班 2027-03-01 2027-03-02', [], null);
    code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await sayAt(at(D0, '10:01'), admin, `#绑定 ${code}`);
    cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    await sayAt(at(D0, '10:02'), admin, '#授权 @张老师 讲师', [lecturer]);
    for (const t of [jia, yi, bing, ding]) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', p.clock.now());
    await sayAt(at(D0, '10:03'), admin, `#课表\n03-01 09:00-12:00 开店流程 张老师\n03-02 09:00-12:00 直播带货 张老师\n03-02 14:00-17:00 ${LONG_TITLE} 张老师`);
    await sayAt(at(D0, '10:04'), admin, '#提交方案');
    await sayAt(at(D0, '10:05'), admin, `#批准 ${code}`, [], null);
    await sayAt(at(D0, '11:00'), jia, `#登记 张三 ${phones.jia} 城关镇西关村 核桃 抖音开过店`, [], null);
    await sayAt(at(D0, '11:01'), yi, `#登记 李四 ${phones.yi} 东坡底乡 红枣`, [], null);
    await sayAt(at(D0, '11:02'), ding, '#请假 家里收玉米 03-01');
    await sayAt(at(D0, '11:03'), admin, '#批准请假 1');

    // 03-01: 甲 on time and leaves early, 乙 12 minutes late, 丙 never comes, 丁 on leave.
    await sayAt(at(D1, '08:50'), jia, '#签到');
    await sayAt(at(D1, '09:12'), yi, '#签到');
    await sayAt(at(D1, '10:00'), jia, '请问主图怎么拍？');
    await sayAt(at(D1, '10:01'), lecturer, '@学员甲 用自然光，白底', [jia]);
    await sayAt(at(D1, '10:30'), admin, '#警告 @学员丙 发广告', [bing]);
    await sayAt(at(D1, '11:00'), lecturer, '#布置作业 给自家核桃拍三张主图 截止 21:00');
    await sayAt(at(D1, '11:30'), jia, '#签退');
    await sayAt(at(D1, '15:00'), jia, '#交作业 三张图已发');
    await sayAt(at(D1, '15:05'), yi, '#交作业 拍好了');
    await sayAt(at(D1, '16:00'), lecturer, '#点评 @学员甲 90 构图不错', [jia]);
    await sayAt(at(D1, '16:01'), lecturer, '#优秀作业 @学员甲', [jia]);
    // 03-02: 甲 comes to the afternoon session (2 of 3 held: clears the 60% bar); 乙 came to 1 of 3.
    await sayAt(at(D2, '13:50'), jia, '#签到');
    await sayAt(at(D2, '17:30'), lecturer, '#优秀学员 @学员甲 @学员乙', [jia, yi]);

    // Feedback and follow-ups arrive through their own flows; written here directly.
    const survey = await p.deps.stores.surveys.open(cohortId, '张老师', at(D2, '18:00'), at('2027-03-03', '18:00'), [jia.id, yi.id, bing.id]);
    const answers: [ChatUser, number, string][] = [
      [jia, 5, '多讲直播'],
      [yi, 4, ''],
      [bing, 2, '节奏太快'],
    ];
    for (const [who, satisfaction, improve] of answers) {
      await p.deps.stores.surveys.answer({
        surveyId: survey.id,
        cohortId,
        lecturerName: '张老师',
        platform: 'wechaty',
        userId: who.id,
        satisfaction,
        content: 4,
        pace: 3,
        improve,
        answeredAt: at(D2, '19:00'),
      });
    }
    for (const who of [jia, yi]) {
      await p.deps.stores.followUps.open({ cohortId, wave: 30, platform: 'wechaty', userId: who.id, name: who.name, askedAt: at('2027-04-01', '10:00') });
    }
    await p.deps.stores.followUps.answer(cohortId, 30, 'wechaty', jia.id, {
      answeredAt: at('2027-04-01', '12:00'),
      openedShop: true,
      shopPlatform: '抖音',
      monthlySalesYuan: 1200,
      needsHelp: '物流',
      answerText: '开了，抖音，1200，物流',
    });
  });

  afterAll(async () => {
    await p?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('签到表 has one sheet per session, every enrolled trainee, status, minutes late, times and early leave', async () => {
    const wb = await archive('签到表');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['03-01 09：00 开店流程', '03-02 09：00 直播带货', expect.stringMatching(/^03-02 14：00 农产品/)]);
    for (const ws of wb.worksheets) expect(ws.name.length).toBeLessThanOrEqual(31);
    const rows = rowsOf(sheet(wb, '03-01 09：00 开店流程'));
    // Registered trainees in the order of their forms, then the others by pinyin; a column to sign in by hand.
    expect(rows).toEqual([
      ['序号', '姓名', '状态', '迟到分钟', '签到时间', '签退时间', '早退', '签名'],
      ['1', '张三', '准时', '', '08:50', '11:30', '是', ''],
      ['2', '李四', '迟到', '12', '09:12', '', '', ''],
      ['3', '学员丙', '未签到', '', '', '', '', ''],
      ['4', '学员丁139****5678', '请假', '', '', '', '', ''],
    ]);
    const first = sheet(wb, '03-01 09：00 开店流程');
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Printed on A4, as wide as the page, the header row on every page, page numbers at the foot.
    expect(first.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(first.headerFooter.oddFooter).toContain('&P');
    expect(sheet(await archive('成绩表'), '成绩表').pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '1:1' });
    expect(rowsOf(sheet(wb, '03-02 09：00 直播带货')).slice(1).map((r) => r[2])).toEqual(['未签到', '未签到', '未签到', '未签到']);
  });

  it('成绩表 has one row per trainee with attendance counts, homework, interaction, points, rank and tier', async () => {
    const wb = await archive('成绩表');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['成绩表']);
    const rows = rowsOf(sheet(wb, '成绩表'));
    expect(rows[0]).toEqual(['姓名', '出勤率', '准时', '迟到', '缺勤', '请假', '作业(已交/布置)', '作业平均分', '互动次数', '销售额(元)', '积分', '排名', '等级', '说明']);
    expect(rows).toHaveLength(5);
    const zhang = rows.find((r) => r[0] === '张三')!;
    // Three sessions held by 03-03: 03-01 and 03-02 afternoon on time, 03-02 morning absent.
    expect(zhang.slice(2, 8)).toEqual(['2', '0', '1', '0', '1/1', '90']);
    expect(zhang[8]).toBe('1');
    expect(zhang[11]).toBe('1');
    expect(zhang[12]).toBe('优秀学员');
    // 李四 is the lecturer's pick too, but came to 1 of 3: below the bar, not 优秀学员.
    const li = rows.find((r) => r[0] === '李四')!;
    expect(li.slice(12)).toEqual(['基础型学员', '讲师推荐但未达推荐门槛：出勤 1/3，不足 60%']);
    const ding = rows.find((r) => r[0]!.startsWith('学员丁'))!;
    expect(ding.slice(2, 7)).toEqual(['0', '0', '2', '1', '0/1']);
  });

  it('反馈表 lists anonymous answers and a summary per lecturer, with no trainee name or id', async () => {
    const wb = await archive('反馈表');
    const rows = rowsOf(sheet(wb, '反馈表'));
    expect(rows[0]).toEqual(['讲师', '满意度', '内容', '节奏', '建议', '提交日期']);
    expect(rows.slice(1, 4)).toEqual([
      ['张老师', '5', '4', '3', '多讲直播', '2027-03-02'],
      ['张老师', '4', '4', '3', '', '2027-03-02'],
      ['张老师', '2', '4', '3', '节奏太快', '2027-03-02'],
    ]);
    expect(rows[5]![0]).toBe('按讲师汇总');
    expect(rows[6]!.slice(0, 4)).toEqual(['讲师', '回答人数', '满意(4–5)人数', '满意率']);
    expect(rows[7]!.slice(0, 3)).toEqual(['张老师', '3', '2']);
    const rate = sheet(wb, '反馈表').getRow(8).getCell(4);
    expect(rate.value).toBeCloseTo(2 / 3);
    expect(rate.numFmt).toBe('0.0%');
    const text = allText(wb).join('\n');
    for (const who of [jia, yi, bing, ding]) {
      expect(text).not.toContain(who.id);
      expect(text).not.toContain(who.name);
    }
    expect(text).not.toMatch(/张三|李四/);
  });

  it('回访 holds the follow-up visits and the registration forms, phones masked', async () => {
    const wb = await archive('回访');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['回访登记', '学员登记表']);
    const visits = rowsOf(sheet(wb, '回访登记'));
    expect(visits[0]).toEqual(['姓名', '手机', '回访批次', '询问时间', '回答时间', '是否开店', '平台', '月销售额(元)', '需要帮助', '回答原文']);
    expect(visits).toHaveLength(3);
    expect(visits.find((r) => r[0] === '张三')!.slice(1, 9)).toEqual(['138****8000', '30 天', '2027-04-01 10:00', '2027-04-01 12:00', '是', '抖音', '1200', '物流']);
    expect(sheet(wb, '回访登记').getColumn(8).numFmt).toBe('#,##0.00');
    expect(visits.find((r) => r[0] === '李四')!.slice(4, 6)).toEqual(['', '']);
    const forms = rowsOf(sheet(wb, '学员登记表'));
    expect(forms[0]).toEqual(['序号', '姓名', '群昵称', '手机', '乡镇/村', '产品', '平台经验']);
    expect(forms.slice(1)).toEqual([
      ['1', '张三', '学员甲', '138****8000', '城关镇西关村', '核桃', '抖音开过店'],
      ['2', '李四', '学员乙', '137****7001', '东坡底乡', '红枣', ''],
    ]);
  });

  it('档案 is one workbook with every sheet, the 推荐名单 of those who clear the bar, and no phone number in full', async () => {
    const file = await buildArchive(p.deps.stores, cohortId, '档案', { now: AFTER });
    expect(file.fileName).toBe('导出测试班-档案-20270303.xlsx');
    const wb = await open(file.buffer);
    expect(wb.worksheets.map((w) => w.name).slice(0, 5)).toEqual(['学员登记表', '成绩表', '推荐名单', '反馈表', '回访登记']);
    expect(wb.worksheets).toHaveLength(8);
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const listed = rowsOf(sheet(wb, '推荐名单'));
    expect(listed[0]).toEqual(['序号', '姓名', '乡镇/村', '产品', '推荐理由', '出勤', '积分', '等级', '手机']);
    expect(listed[1]).toEqual(['1', '张三', '城关镇西关村', '核桃', expect.stringMatching(/^讲师推荐（积分 [\d.]+）$/), '2/3', expect.any(String), '优秀学员', '138****8000']);
    // 乙 (picked, 1 of 3 sessions), 丙 (never came) and 丁 (0 of 2 besides leave) are below the bar: only 张三 is listed.
    expect(listed.slice(2).map((r) => r[0])).toEqual(['', '推荐门槛：出勤不少于 60% 且积分大于 0', expect.stringMatching(/^讲师推荐但未达门槛，未列入：李四（出勤 1\/3，积分 [\d.]+）$/)]);
    const text = allText(wb).join('\n');
    expect(text).toContain('138****8000');
    for (const phone of [phones.jia, phones.yi, '13912345678']) expect(text).not.toContain(phone);
  });

  it('no archive kind shows a phone number in full', async () => {
    for (const kind of ['签到表', '成绩表', '反馈表', '回访', '档案'] as const) {
      const text = allText(await archive(kind)).join('\n');
      for (const phone of [phones.jia, phones.yi, '13912345678']) expect(text).not.toContain(phone);
    }
  });

  it('the CLI writes the workbook into --out and prints its path', async () => {
    const out = collect();
    const err = collect();
    const env = { MONGODB_URI: p.deps.config.MONGODB_URI };
    const target = path.join(dir, 'cli');
    const status = await runExportCommand([code.toLowerCase(), '成绩表', '--out', target], { env, out: out.stream, err: err.stream });
    expect(err.text()).toBe('');
    expect(status).toBe(0);
    const printed = out.text().trim();
    expect(path.dirname(printed)).toBe(target);
    expect(path.basename(printed)).toMatch(/^导出测试班-成绩表-\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(printed);
    expect(rowsOf(sheet(wb, '成绩表'))).toHaveLength(5);
  });

  it('the CLI refuses an unknown kind or cohort code', async () => {
    const env = { MONGODB_URI: p.deps.config.MONGODB_URI };
    const err = collect();
    expect(await runExportCommand([code, '工资表'], { env, out: collect().stream, err: err.stream })).toBe(2);
    expect(err.text()).toContain('usage: cohort-bot export');
    const err2 = collect();
    expect(await runExportCommand(['ZZZZZZ', '档案', '--out', dir], { env, out: collect().stream, err: err2.stream })).toBe(1);
    expect(err2.text()).toContain('没有找到班级码 ZZZZZZ');
  });

  describe('导出 in chat', () => {
    const fileOf = (sent: MemorySent[]) => sent.find((s) => s.message.file)?.message.file;

    it('sends staff the workbook privately from the group and says so in the group', async () => {
      const replies = await sayAt(AFTER, admin, '#导出 成绩表');
      const file = fileOf(replies);
      expect(file?.name).toBe('导出测试班-成绩表-20270303.xlsx');
      expect(replies.find((s) => s.message.file)!.target).toEqual({ kind: 'private', id: admin.id });
      expect(replies.find((s) => s.target.kind === 'group')!.message.text).toContain('已私聊发给你');
      const wb = await open(file!.data);
      expect(rowsOf(sheet(wb, '成绩表'))).toHaveLength(5);
    });

    it('gives the 回访 workbook with full numbers only when staff ask for them, and logs the access', async () => {
      const lines: string[] = [];
      const log = p.deps.log;
      p.deps.log = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
      try {
        const replies = await sayAt(AFTER, admin, '#导出 回访 完整号码', [], null);
        expect(replies[0]!.message.text).toContain('含完整手机号，仅供回访打电话使用');
        const wb = await open(fileOf(replies)!.data);
        expect(rowsOf(sheet(wb, '回访登记')).find((r) => r[0] === '张三')![1]).toBe(phones.jia);
        expect(rowsOf(sheet(wb, '学员登记表')).map((r) => r[3])).toEqual(['手机', phones.jia, phones.yi]);
        expect(lines.some((l) => l.includes('"access":"full-phone-numbers"') && l.includes(admin.id))).toBe(true);
      } finally {
        p.deps.log = log;
      }
      const masked = await open(fileOf(await sayAt(AFTER, admin, '#导出 回访', [], null))!.data);
      expect(rowsOf(sheet(masked, '回访登记')).find((r) => r[0] === '张三')![1]).toBe('138****8000');
      const refused = await sayAt(AFTER, admin, '#导出 成绩表 完整号码', [], null);
      expect(fileOf(refused)).toBeUndefined();
      expect(refused[0]!.message.text).toContain('只有 #导出 回访 可以加「完整号码」');
    });

    it('answers in private chat with the file', async () => {
      const replies = await sayAt(AFTER, admin, '/export archive', [], null);
      expect(replies).toHaveLength(2);
      expect(replies.map((r) => r.target)).toEqual([{ kind: 'private', id: admin.id }, { kind: 'private', id: admin.id }]);
      expect(replies[0]!.message.text).toContain('档案');
      expect(fileOf(replies)?.name).toBe('导出测试班-档案-20270303.xlsx');
    });

    it('says how an administrator gets the file where the platform cannot send files, never a server path', async () => {
      const { sendFile } = p.deps.outbound;
      delete p.deps.outbound.sendFile;
      try {
        const replies = await sayAt(AFTER, admin, '#导出 签到表');
        expect(fileOf(replies)).toBeUndefined();
        expect(replies.map((r) => r.message.text)).toEqual([`「导出测试班」签到表：本平台机器人不能发送文件，请管理员在控制台运行 cohort-bot export ${code} 签到表 获取。`]);
        expect(replies[0]!.message.text).not.toContain(dir);
        expect(replies[0]!.message.text).not.toMatch(/[/\\]|\.xlsx/);
        // The command named there gives the workbook.
        const [, cohortCode, kind] = /cohort-bot export (\S+) (\S+)/.exec(replies[0]!.message.text)!;
        const out = collect();
        const status = await runExportCommand([cohortCode!, kind!, '--out', path.join(dir, 'admin')], { env: { MONGODB_URI: p.deps.config.MONGODB_URI }, out: out.stream, err: collect().stream });
        expect(status).toBe(0);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(out.text().trim());
        expect(wb.worksheets).toHaveLength(3);
      } finally {
        p.deps.outbound.sendFile = sendFile;
      }
    });

    it('refuses a trainee and a lecturer, and explains a malformed kind', async () => {
      for (const who of [jia, lecturer]) {
        const replies = await sayAt(AFTER, who, '#导出 成绩表');
        expect(fileOf(replies)).toBeUndefined();
        expect(replies.map((r) => r.message.text).join('\n')).toMatch(/「导出」只有工作人员可以使用/);
      }
      const replies = await sayAt(AFTER, admin, '#导出 工资表');
      expect(replies[0]!.message.text).toContain('格式不对：要写导出哪一种：签到表、成绩表、反馈表、回访、档案');
    });
  });

  describe('简报', () => {
    it('gives the lecturer the brief of the named day’s last session, privately when asked in the group', async () => {
      const replies = await sayAt(AFTER, lecturer, '#简报 03-01');
      expect(replies.map((r) => r.target)).toEqual([{ kind: 'private', id: lecturer.id }, { kind: 'group', id: group }]);
      expect(replies[1]!.message.text).toBe('简报含学员个人情况，已私聊发给你，不在群里公开。');
      expect(replies[0]!.message.text.split('\n')).toEqual([
        '📝 培训简报｜「导出测试班」',
        '课程：开店流程',
        '时间：2027-03-01 09:00-12:00',
        '讲师：张老师',
        '出勤：出勤率 66.7%（到课/应到 2/3 人次）；迟到 1 人次，缺勤 1 人次，请假 1 人次（不计入应到），早退 1 人次',
        '作业：布置 1 项，已交 2 份，已点评 1 份',
        // 丁 was on approved leave all of 03-01: excused from that day's homework.
        '  1. 03-01 给自家核桃拍三张主图：已交 2/3，已点评 1',
        '互动：学员提问 1 次，讲师解答 1 次',
        '亮点：优秀作业 学员甲',
        '群管理：1 次（警告 1）',
      ]);
    });

    it('briefs the day’s last session begun so far, and says when none has begun', async () => {
      const morning = (await sayAt(at(D2, '10:00'), admin, '#简报'))[0]!.message.text;
      expect(morning).toContain('课程：直播带货');
      expect(morning).toContain('未签到 4 人');
      const early = (await sayAt(at(D2, '08:00'), admin, '#简报'))[0]!.message.text;
      expect(early).toContain('03-02 还没有上过课');
    });

    it('gives a week brief with every session and hours per day', async () => {
      const text = (await sayAt(AFTER, admin, '#简报 本周'))[0]!.message.text;
      expect(text).toContain('📝 培训周报｜「导出测试班」03-01 至 03-07');
      expect(text).toContain('课程：3 节');
      expect(text).toContain('03-01 09:00-12:00 开店流程 张老师 · 出勤率 66.7%');
      expect(text).toContain('授课时长：03-01 3小时，03-02 6小时');
      // 03-01: 2 present of 3 (丁 on leave); 03-02: 1 of 8.
      expect(text).toContain('出勤：出勤率 27.3%（到课/应到 3/11 人次）');
      expect(text).not.toContain('13912345678');
    });

    it('refuses a trainee', async () => {
      const replies = await sayAt(AFTER, jia, '#简报');
      expect(replies.map((r) => r.message.text).join('\n')).toMatch(/「简报」只有工作人员、讲师可以使用/);
    });
  });

  describe('phone numbers written with spaces, hyphens, dots, full-width digits or +86 (SPEC §4)', () => {
    const room = 'room-export-phones@chatroom';
    // Nicknames as trainees type them; 周八 also registers, with a +86 hyphenated number.
    const nicknames = ['王五138 0000 1111', '138-0000-1111', '孙七+86 137 0000 3333', '周八136 0000-4444', '吴九１３４．００００．６６６６'];
    const people = nicknames.map((name, i) => ({ id: `u-p${i}`, name })) as ChatUser[];
    const clearPhones = ['13800001111', '13700003333', '13600004444', '13400006666', '13500005555', '15000007777', '15100008888'];
    // A cell shows a phone in clear when, with separators and the country prefix's + dropped, its 11 digits are there.
    const compact = (cell: string) => cell.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\s\-.．+＋]/g, '');
    let phonesCohortId = '';
    let registerReply = '';
    const phonesArchive = async (kind: ArchiveKind) => open((await buildArchive(p.deps.stores, phonesCohortId, kind, { now: AFTER })).buffer);

    beforeAll(async () => {
      const created = await sayAt(at(D0, '12:00'), admin, '#新建班级 脱敏测试班 2027-03-01 2027-03-02', [], null);
      const phonesCode = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
      await sayAt(at(D0, '12:01'), admin, `#绑定 ${phonesCode}`, [], room);
      phonesCohortId = (await p.deps.stores.cohorts.findByCode(phonesCode))!.id;
      for (const t of people) await p.deps.stores.members.setRole(phonesCohortId, 'wechaty', t, 'trainee', p.clock.now());
      await sayAt(at(D0, '12:02'), admin, '#课表\n03-01 09:00-12:00 开店流程 张老师', [], room);
      await sayAt(at(D0, '12:03'), admin, '#提交方案', [], room);
      await sayAt(at(D0, '12:04'), admin, `#批准 ${phonesCode}`, [], null);
      registerReply = (await sayAt(at(D0, '12:05'), people[3]!, '#登记 周八 +86-135-0000-5555 城关镇 核桃', [], null)).map((r) => r.message.text).join('\n');
      const survey = await p.deps.stores.surveys.open(phonesCohortId, '张老师', at(D1, '18:00'), at(D2, '18:00'), [people[0]!.id]);
      await p.deps.stores.surveys.answer({
        surveyId: survey.id,
        cohortId: phonesCohortId,
        lecturerName: '张老师',
        platform: 'wechaty',
        userId: people[0]!.id,
        satisfaction: 5,
        content: 5,
        pace: 3,
        improve: '想合作加我 +86 151-0000-8888',
        answeredAt: at(D1, '19:00'),
      });
      await p.deps.stores.followUps.open({ cohortId: phonesCohortId, wave: 30, platform: 'wechaty', userId: people[1]!.id, name: people[1]!.name, askedAt: at('2027-04-01', '10:00') });
      await p.deps.stores.followUps.answer(phonesCohortId, 30, 'wechaty', people[1]!.id, {
        answeredAt: at('2027-04-01', '12:00'),
        openedShop: false,
        needsHelp: '开店',
        answerText: '还没开，有事打 150.0000.7777',
      });
    });

    it('no cell of any archive shows them in clear; each appears masked as 138****1111', async () => {
      const masked = new Set<string>();
      for (const kind of ['签到表', '成绩表', '反馈表', '回访', '档案'] as const) {
        const cells = allText(await phonesArchive(kind));
        for (const cell of cells) {
          for (const phone of clearPhones) expect({ kind, cell, clear: compact(cell).includes(phone) }).toEqual({ kind, cell, clear: false });
          for (const m of cell.match(/1[3-9]\d\*{4}\d{4}/g) ?? []) masked.add(m);
        }
        expect(cells.join('\n')).not.toContain('138 0000 1111');
      }
      expect([...masked].sort()).toEqual(['134****6666', '135****5555', '136****4444', '137****3333', '138****1111', '150****7777', '151****8888']);
    });

    it('shows the nicknames around the masked numbers', async () => {
      const text = allText(await phonesArchive('档案')).join('\n');
      for (const shown of ['王五138****1111', '孙七137****3333', '周八136****4444', '吴九134****6666', '有事打 150****7777', '想合作加我 151****8888']) expect(text).toContain(shown);
    });

    it('registration replies show the registered phone masked, whatever form it was typed in', () => {
      expect(registerReply).toContain('登记成功：周八，手机 135****5555');
    });
  });
});
