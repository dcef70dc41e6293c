/**
 * The staff console in a real browser: headless Chromium (Debian's `chromium`, driven by
 * playwright-core) against the console runtime of `cohort-bot console`, started in-process on the
 * same MongoDB, Redis and queue prefix as a bot that runs a cohort over the gRPC Wechaty harness.
 * The cohort is set up and signs in through chat; staff get the sign-in link from the bot in a
 * private chat, open it, read the attendance grid, approve a leave (the bot's outbox worker tells
 * the trainee privately and the group), and download an export that the test opens with exceljs.
 * Screenshots to look at after the run, under os.tmpdir(): cohort-bot-console-cohorts.png (the
 * cohorts list after sign-in), cohort-bot-console-cohort.png (the cohort page before the decision)
 * and cohort-bot-console-approved.png (after it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { mock } from 'wechaty-puppet-mock';
import { AdjustableClock } from '../../src/kernel/clock';
import type { Config } from '../../src/kernel/load-config';
import type { BotRuntime } from '../../bots/bot-runtime';
import { startConsoleRuntime, type ConsoleRuntime } from '../../bots/console-command';
import { freePort, startWechatyHarness, type WechatyHarness } from '../support/wechaty-harness';
import { startTestBot, testConfig, testLog } from '../support/test-bot';
import { dropDatabase } from '../support/test-env';

const CHROMIUM = '/usr/bin/chromium';
const COHORTS_SCREENSHOT = path.join(os.tmpdir(), 'cohort-bot-console-cohorts.png');
const COHORT_SCREENSHOT = path.join(os.tmpdir(), 'cohort-bot-console-cohort.png');
const APPROVED_SCREENSHOT = path.join(os.tmpdir(), 'cohort-bot-console-approved.png');

const at = (hhmm: string, day = '01') => new Date(`2027-03-${day}T${hhmm}:00+08:00`);

describe('the staff console in Chromium, on a cohort run through the gRPC Wechaty harness', () => {
  let harness: WechatyHarness;
  let bot: BotRuntime;
  let consoleRuntime: ConsoleRuntime;
  let config: Config;
  let browser: BrowserContext | undefined;
  let page: Page;
  let userDataDir = '';
  const clock = new AdjustableClock(at('07:30'));
  let staff: mock.ContactMock;
  let lecturer: mock.ContactMock;
  let trainees: mock.ContactMock[];
  let room: mock.RoomMock;
  let code = '';
  let link = '';

  const reply = (from: mock.ContactMock, text: string, mentions: mock.ContactMock[] = []) => harness.ask(from, text, room, { mentions });
  /** Sends `text` to the bot in a private chat and returns the bot's first private answer. */
  const privately = async (from: mock.ContactMock, text: string): Promise<string> => {
    const before = harness.sentTo(from.id).length;
    from.say(text).to(harness.botUser);
    await harness.waitFor(() => harness.sentTo(from.id).length > before, `a private answer to ${text}`);
    return harness.sentTo(from.id)[before]!.text;
  };
  /** The text of the grid cell of `name` under the session column `n` (0-based). */
  const cell = (name: string, n: number) => page.locator('section', { has: page.locator('h2', { hasText: '签到表' }) }).locator('tr', { has: page.locator('td', { hasText: name }) }).locator('td').nth(n + 1);

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium and fonts-noto-cjk packages (.ci/run does) to run the browser test`);
    }
    harness = await startWechatyHarness();
    [staff, lecturer] = harness.people(['周干事', '张老师']) as [mock.ContactMock, mock.ContactMock];
    trainees = harness.people(['学员甲', '学员乙', '学员丙', '学员丁', '学员戊']);
    room = harness.room('农产品网店班', [staff, lecturer, ...trainees]);
    // The link the bot sends must open this console: its port is chosen before either starts.
    const port = await freePort();
    config = testConfig('console_browser', {
      ADMIN_IDS: staff.id,
      CONSOLE_SECRET: 'console-browser-secret-0123456789abcdef',
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_PORT: String(port),
      CONSOLE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
    bot = await startTestBot(harness, config, clock);
    consoleRuntime = await startConsoleRuntime(config, clock, testLog);

    code = /班级码：([A-Z0-9]{6})/.exec(await reply(staff, '#新建班级 农产品网店班 2027-03-01 2027-03-02'))![1]!;
    await reply(staff, `#绑定 ${code}`);
    await reply(staff, '#授权 @张老师 讲师', [lecturer]);
    await reply(lecturer, '#课表\n03-01 09:00-12:00 开店流程 张老师\n03-02 09:00-12:00 客服话术 张老师');
    await reply(staff, '#提交方案');
    expect(await reply(staff, `#批准 ${code}`)).toContain('已批准');
    clock.set(at('08:45'));
    for (const t of trainees.slice(0, 3)) harness.say(t, '签到', room);
    await harness.waitFor(() => harness.sentTo(room.id).some((m) => m.text.includes('已签到 3/5')), 'the board with 3');
    clock.set(at('09:20'));
    harness.say(trainees[3]!, '签到', room);
    await harness.waitFor(() => harness.sentTo(room.id).some((m) => m.text.includes('已签到 4/5')), 'the board with 4');
    expect(await reply(trainees[4]!, '#请假 孩子发烧去医院 03-02')).toContain('编号 1');

    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-bot-chromium-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await consoleRuntime?.stop();
    await bot?.stop();
    await harness?.stop();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    if (config) await dropDatabase(config.MONGODB_URI);
  });

  it('sends staff a one-time sign-in link in the private chat', async () => {
    const text = await privately(staff, '#后台');
    expect(text).toContain('后台登录链接');
    link = /https?:\/\/\S+/.exec(text)?.[0] ?? '';
    expect(link.startsWith(`${consoleRuntime.url}/login/`)).toBe(true);
  });

  it('signs staff in from the link after they confirm, and lists the cohort', async () => {
    await page.goto(link);
    await expect(page.locator('h1').textContent()).resolves.toBe('登录后台');
    await Promise.all([page.waitForURL(`${consoleRuntime.url}/`), page.click('button:has-text("进入后台")')]);
    const row = page.locator('tr', { hasText: code });
    await expect(row.textContent()).resolves.toContain('农产品网店班');
    await expect(row.textContent()).resolves.toContain('已批准');
    await page.screenshot({ path: COHORTS_SCREENSHOT, fullPage: true });
  });

  it('shows the attendance grid of the cohort with each trainee’s status', async () => {
    await Promise.all([page.waitForURL(/\/cohorts\/[0-9a-f]{24}$/), page.click(`a:has-text("农产品网店班")`)]);
    await expect(page.locator('h1').textContent()).resolves.toContain(`农产品网店班（${code}）`);
    for (const name of ['学员甲', '学员乙', '学员丙']) await expect(cell(name, 0).textContent()).resolves.toBe('准时');
    await expect(cell('学员丁', 0).textContent()).resolves.toBe('迟到');
    await expect(cell('学员戊', 0).textContent()).resolves.toBe('未签到');
    await expect(cell('学员戊', 1).textContent()).resolves.toBe('未签到');
    // The lecturer is no trainee of the grid.
    await expect(cell('张老师', 0).count()).resolves.toBe(0);
    await page.screenshot({ path: COHORT_SCREENSHOT, fullPage: true });
  });

  it('approves a leave: the trainee hears it privately, the group with an @mention, and the grid shows it', async () => {
    const leaveRow = page.locator('section', { has: page.locator('h2', { hasText: '请假' }) }).locator('tr', { hasText: '孩子发烧去医院' });
    await expect(leaveRow.textContent()).resolves.toContain('待审批');
    await leaveRow.locator('button', { hasText: '批准' }).click();
    // The action answers with a redirect back to the cohort page, which shows the command's reply once.
    await expect(page.locator('.flash').textContent()).resolves.toContain('已批准第 1 号请假（学员戊）');
    expect(page.url()).toMatch(/\/cohorts\/[0-9a-f]{24}$/);
    await expect(leaveRow.textContent()).resolves.toContain('已批准');
    await expect(cell('学员戊', 1).textContent()).resolves.toBe('请假');
    const trainee = trainees[4]!;
    await harness.waitFor(() => harness.sentTo(trainee.id).some((m) => m.text.startsWith('你的请假（编号 1') && m.text.includes('已批准')), 'the private decision');
    await harness.waitFor(() => harness.sentTo(room.id).some((m) => m.text.includes('你的请假（编号 1') && m.mentionIds.includes(trainee.id)), 'the group decision');
    expect((await bot.deps.stores.leave.findByNo((await bot.deps.stores.cohorts.findByCode(code))!.id, 1))!.status).toBe('approved');
    await page.screenshot({ path: APPROVED_SCREENSHOT, fullPage: true });
  });

  it('downloads the sign-in sheet as a workbook with the session’s records', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("签到表.xlsx")')]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(userDataDir, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    /** Name → status on the sheet of the session titled `title`. */
    const statuses = (title: string): Map<string, string> => {
      const sheet = workbook.worksheets.find((s) => s.name.includes(title));
      if (!sheet) throw new Error(`no sheet ${title} in ${workbook.worksheets.map((s) => s.name).join(', ')}`);
      const rows = new Map<string, string>();
      sheet.eachRow((row) => rows.set(row.getCell(2).text, row.getCell(3).text));
      return rows;
    };
    const first = statuses('开店流程');
    expect(first.get('姓名')).toBe('状态');
    expect(first.get('学员甲')).toBe('准时');
    expect(first.get('学员丁')).toBe('迟到');
    expect(first.get('学员戊')).toBe('未签到');
    expect(statuses('客服话术').get('学员戊')).toBe('请假');
  });
});
