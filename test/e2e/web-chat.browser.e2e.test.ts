/**
 * The web chat in a real browser: headless Chromium (Debian's `chromium`, driven by
 * playwright-core, whose own browser download cannot work here) against `cohort-bot demo`
 * started as a user would, on a simulated clock that opens the first session's sign-in at once.
 * Persona switch, a 签到 burst from several trainees with the board updating in place, the
 * lecturer's homework and an uploaded image joining a trainee's submission, an @mention picked
 * from the list, a private reply, and a screenshot under the temp directory to look at.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startCliProcess, type BotProcess } from '../support/bot-process';
import { dropDatabase, mongoUriFor, redisUrl, uniqueName } from '../support/test-env';

const CHROMIUM = '/usr/bin/chromium';
const TRAINEES = 8;
/** Where the screenshots go, to be looked at after the run: the board after the burst, and the group at the end. */
const BOARD_SCREENSHOT = path.join(os.tmpdir(), 'cohort-bot-web-chat-board.png');
const SCREENSHOT = path.join(os.tmpdir(), 'cohort-bot-web-chat.png');

describe('the web chat in Chromium, against cohort-bot demo', () => {
  let demo: (BotProcess & { match: RegExpExecArray }) | undefined;
  let browser: BrowserContext | undefined;
  let page: Page;
  let userDataDir = '';
  const mongo = mongoUriFor('webchat_browser');

  /** Acts as `personaId` and sends `text` in the open chat. */
  const say = async (personaId: string, text: string) => {
    await page.selectOption('#persona', personaId);
    await page.fill('#input', text);
    await page.press('#input', 'Enter');
  };
  /** Waits until a message bubble from the bot in the open chat contains `text`. */
  const botSays = (text: string) => page.locator('.row.bot .bubble', { hasText: text }).first().waitFor({ timeout: 20_000 });

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium and fonts-noto-cjk packages (.ci/run does) to run the browser test`);
    }
    // 10x real time from 08:40: the 09:00 session's sign-in is open, on time for 90 real seconds.
    demo = await startCliProcess(
      ['demo', '--speed', '10', '--start', '08:40', '--trainees', String(TRAINEES)],
      { MONGODB_URI: mongo, REDIS_URL: redisUrl(), QUEUE_PREFIX: uniqueName('webchat_browser'), WEB_PORT: '0', SIGNIN_BOARD_INTERVAL_MS: '1000' },
      /^(http:\/\/127\.0\.0\.1:\d+\/)$/m,
    );
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-bot-chromium-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 480, height: 900 },
      locale: 'zh-CN',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(demo.match[1]!);
    await page.waitForSelector('body[data-ready="1"][data-live="1"]', { timeout: 20_000 });
    expect(errors).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (demo && demo.child.exitCode === null) {
      demo.child.kill('SIGTERM');
      await demo.exited;
    }
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    await dropDatabase(mongo);
  });

  it('opens on the demo class group and switches persona between staff, the lecturer and trainees', async () => {
    await expect(page.textContent('#title')).resolves.toContain('电商直播演示班');
    const personas = await page.$$eval('#persona option', (options) => options.map((o) => o.textContent ?? ''));
    expect(personas).toEqual(expect.arrayContaining(['演示工作人员 · 工作人员', '张老师 · 讲师', '王秀英 · 学员']));
    expect(personas.filter((p) => p.endsWith('· 学员'))).toHaveLength(TRAINEES);
    await page.selectOption('#persona', 'demo-trainee-3');
    await expect(page.inputValue('#persona')).resolves.toBe('demo-trainee-3');
    await page.fill('#input', '老师好');
    await page.press('#input', 'Enter');
    await page.locator('.row.mine .bubble', { hasText: '老师好' }).waitFor();
    await page.selectOption('#persona', 'demo-lecturer');
    // The same message is now someone else's: on the left, with the sender's name.
    await page.locator('.row:not(.mine)', { hasText: '老师好' }).locator('.name', { hasText: '张桂兰' }).waitFor();
  });

  it('shows a 签到 burst from several trainees on one board that updates in place', async () => {
    await say('demo-trainee-1', '签到');
    await botSays('已签到 1/');
    const boardId = await page.locator('.row.bot:has(.bubble.board)').first().getAttribute('data-id');
    for (const n of [2, 4, 5, 6]) await say(`demo-trainee-${n}`, '签到');
    await botSays(`已签到 5/${TRAINEES}`);
    const boards = page.locator('.row.bot:has(.bubble.board)');
    await expect(boards.count()).resolves.toBe(1);
    await expect(boards.first().getAttribute('data-id')).resolves.toBe(boardId);
    await expect(boards.first().locator('.edited').textContent()).resolves.toMatch(/^已更新 \d\d:\d\d$/);
    // In place: the board stays above the sign-ins that came after it.
    const order = await page.$$eval('.row', (rows) => rows.map((r) => (r.querySelector('.bubble.board') ? 'board' : r.querySelector('.bubble')?.textContent ?? '')));
    expect(order.indexOf('board')).toBeLessThan(order.lastIndexOf('签到'));
    await boards.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: BOARD_SCREENSHOT });
  });

  it('joins an image a trainee uploads after 交作业 to the homework the lecturer assigned', async () => {
    await say('demo-lecturer', '#布置作业 拍一张自家产品的主图 截止 21:00');
    await botSays('📚 今日作业：拍一张自家产品的主图');
    await say('demo-trainee-1', '#交作业 老树核桃 现砸现发');
    // The group sees the homework board, shown as a board; the receipts go to the trainee privately.
    await botSays(`已交 1/${TRAINEES}`);
    const homeworkBoards = page.locator('.row.bot:has(.bubble.board)', { hasText: '📚 作业《拍一张自家产品的主图》' });
    await expect(homeworkBoards.count()).resolves.toBe(1);
    const picture = await page.locator('.row.bot .avatar').first().screenshot();
    await page.setInputFiles('#image', { name: 'walnut.png', mimeType: 'image/png', buffer: picture });
    await page.locator('.row.mine .bubble.image img').waitFor();
    const loaded = await page.$eval('.row.mine .bubble.image img', (img) => (img as unknown as { naturalWidth: number }).naturalWidth);
    expect(loaded).toBeGreaterThan(0);
    await page.click('#tabs button:has-text("私聊")');
    await botSays('作业《拍一张自家产品的主图》已收到。');
    await botSays('图片已加入你的作业（共 1 张）');
    await page.click('#tabs button:has-text("电商直播演示班")');
    await expect(page.locator('.row.bot .bubble', { hasText: '已收到' }).count()).resolves.toBe(0);
    await expect(page.locator('.row.bot .bubble', { hasText: '图片已加入你的作业' }).count()).resolves.toBe(0);
    // A later submission updates the same board in place.
    const boardId = await homeworkBoards.first().getAttribute('data-id');
    await say('demo-trainee-2', '#交作业 手工红糖 古法熬制');
    await botSays(`已交 2/${TRAINEES}`);
    await expect(homeworkBoards.count()).resolves.toBe(1);
    await expect(homeworkBoards.first().getAttribute('data-id')).resolves.toBe(boardId);
    await expect(homeworkBoards.first().locator('.edited').textContent()).resolves.toMatch(/^已更新 \d\d:\d\d$/);
  });

  it('offers the group members after @ and sends the one picked as a mention', async () => {
    await page.selectOption('#persona', 'demo-lecturer');
    await page.fill('#input', '');
    await page.type('#input', '#点评 @王');
    await page.locator('#mention-list div', { hasText: '王秀英' }).click();
    await expect(page.inputValue('#input')).resolves.toBe('#点评 @王秀英 ');
    await page.type('#input', '90 主图清楚，卖点突出');
    await page.press('#input', 'Enter');
    await botSays('作业点评：90 分');
    await page.locator('.row.mine .bubble .at', { hasText: '@王秀英' }).waitFor();
  });

  it('answers a private message in the private chat only', async () => {
    await page.selectOption('#persona', 'demo-trainee-2');
    await page.click('#tabs button:has-text("私聊")');
    await say('demo-trainee-2', '#我的');
    await botSays('「电商直播演示班」李建国 的记录');
    await expect(page.locator('.row.bot .bubble', { hasText: '李建国 的记录' }).count()).resolves.toBe(1);
    await page.click('#tabs button:has-text("电商直播演示班")');
    await page.locator('.row.bot:has(.bubble.board)').first().waitFor();
    await expect(page.locator('.row.bot .bubble', { hasText: '李建国 的记录' }).count()).resolves.toBe(0);
  });

  it('leaves screenshots of the class group to look at', async () => {
    expect(fs.statSync(BOARD_SCREENSHOT).size).toBeGreaterThan(20_000);
    await page.selectOption('#persona', 'demo-trainee-1');
    await page.locator('.row.bot .bubble.board', { hasText: '📚 作业《' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(20_000);
  });
});
