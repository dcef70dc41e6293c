import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { runImportCommand } from '../../bots/import-command';
import { startPipeline, type Pipeline } from '../support/pipeline';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-import-'));

async function writeXlsx(name: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('课表');
  for (const r of rows) ws.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

describe('cohort-bot import timetable', () => {
  let p: Pipeline;
  let code = '';
  const staff = { id: 'u-staff', name: '刘干事' };

  const run = async (file: string) => {
    const out = collect();
    const err = collect();
    const env = { MONGODB_URI: p.deps.config.MONGODB_URI, REDIS_URL: p.deps.config.REDIS_URL, QUEUE_PREFIX: p.deps.config.QUEUE_PREFIX };
    const status = await runImportCommand(['timetable', code, file], { env, out: out.stream, err: err.stream });
    return { status, out: out.text(), err: err.text() };
  };
  const sessionCount = async () => (await p.deps.stores.sessions.listByCohort((await p.deps.stores.cohorts.findByCode(code))!.id)).length;

  beforeAll(async () => {
    p = await startPipeline('import', { ADMIN_IDS: staff.id });
    const created = await p.say(staff, '#新建班级 导入测试班 2027-03-01 2027-03-03', null);
    code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
  });

  afterAll(async () => {
    await p?.stop();
  });

  it('rejects a malformed workbook naming its rows, and saves nothing', async () => {
    const file = await writeXlsx('bad.xlsx', [
      ['日期', '开始', '结束', '课程', '讲师'],
      [new Date(Date.UTC(2027, 2, 1)), '09:00', '12:00', '开店流程', '张老师'],
      ['2027-03-01', '14:00', '13:00', '倒着的课', '张老师'],
      ['明天', '09:00', '12:00', '日期不对', '李老师'],
    ]);
    const result = await run(file);
    expect(result.status).toBe(1);
    expect(result.err).toContain('第 3 行：结束时间要晚于开始时间');
    expect(result.err).toContain('第 4 行：日期“明天”看不懂');
    expect(await sessionCount()).toBe(0);
  });

  it('rejects a sheet without the header row', async () => {
    const file = await writeXlsx('noheader.xlsx', [['2027-03-01', '09:00', '12:00', '开店流程']]);
    const result = await run(file);
    expect(result.status).toBe(1);
    expect(result.err).toContain('第 1 行：要有表头行');
  });

  it('rejects a file that is not a workbook', async () => {
    const file = path.join(dir, 'fake.xlsx');
    fs.writeFileSync(file, 'not a zip');
    expect((await run(file)).err).toContain('不是有效的 .xlsx 文件');
  });

  it('imports a real workbook written by exceljs, with date cells and Excel time fractions', async () => {
    const file = await writeXlsx('good.xlsx', [
      ['日期', '开始', '结束', '课程', '讲师'],
      [new Date(Date.UTC(2027, 2, 1)), '09:00', '12:00', '开店流程', '张老师'],
      [new Date(Date.UTC(2027, 2, 1)), 14 / 24, 17 / 24, '商品上架', '张老师'],
      ['2027-03-02', '9:00', '15:30', '客服话术', ''],
    ]);
    const result = await run(file);
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
    expect(result.out).toContain('已导入 3 节课');
    const cohort = (await p.deps.stores.cohorts.findByCode(code))!;
    const sessions = await p.deps.stores.sessions.listByCohort(cohort.id);
    expect(sessions.map((s) => [s.day, s.title, s.lecturerName])).toEqual([
      ['2027-03-01', '开店流程', '张老师'],
      ['2027-03-01', '商品上架', '张老师'],
      ['2027-03-02', '客服话术', ''],
    ]);
    expect(sessions[1]!.startsAt).toEqual(new Date('2027-03-01T14:00:00+08:00'));
    expect(cohort.timetableFirstProvidedAt).toBeInstanceOf(Date);
  });

  it('imports a CSV with the same headers', async () => {
    const file = path.join(dir, 'more.csv');
    fs.writeFileSync(file, '\uFEFF日期,开始,结束,课程,讲师\n2027-03-03,09:00,12:00,"直播复盘",王老师\n');
    const result = await run(file);
    expect(result.status).toBe(0);
    expect(result.out).toContain('已导入 1 节课（全部为新增）');
    expect(await sessionCount()).toBe(4);
  });

  it('reads a GBK CSV saved by Excel on Chinese Windows, with a title row, a quoted line break, and counts what it merged', async () => {
    const csv = [
      '乡镇电商培训课程表,,,,',
      '日期,开始,结束,课程,讲师',
      '2027-03-03,09:00,12:00,直播复盘（改）,王老师',
      '2027-03-03,14:00,17:00,"短视频拍摄,',
      '剪辑实操",李老师',
      '',
    ].join('\r\n');
    const file = path.join(dir, 'gbk.csv');
    fs.writeFileSync(file, encodeGbk(csv));
    // The bytes are not UTF-8: read as UTF-8 the headers would be mojibake.
    expect(fs.readFileSync(file, 'utf8')).not.toContain('日期');
    const result = await run(file);
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
    expect(result.out).toContain('已导入 2 节课：新增 1 节，更新已有课程 1 节。');
    const cohort = (await p.deps.stores.cohorts.findByCode(code))!;
    const titles = (await p.deps.stores.sessions.listByCohort(cohort.id)).filter((s) => s.day === '2027-03-03').map((s) => [s.title, s.lecturerName]);
    expect(titles).toEqual([
      ['直播复盘（改）', '王老师'],
      ['短视频拍摄,剪辑实操', '李老师'],
    ]);
  });

  it('finds the header of a workbook under its title row', async () => {
    const file = await writeXlsx('titled.xlsx', [['城关镇电商培训课程表'], ['日期', '开始', '结束', '课程', '讲师'], ['2027-03-02', 14 / 24, 17 / 24, '店铺装修', '赵老师']]);
    const result = await run(file);
    expect(result.err).toBe('');
    expect(result.out).toContain('已导入 1 节课（全部为新增）');
    const cohort = (await p.deps.stores.cohorts.findByCode(code))!;
    expect((await p.deps.stores.sessions.listByCohort(cohort.id)).map((s) => s.title)).toContain('店铺装修');
  });

  it('refuses an old .xls file with how to convert it, and saves nothing', async () => {
    const before = await sessionCount();
    const file = path.join(dir, 'old.xls');
    fs.writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const result = await run(file);
    expect(result.status).toBe(1);
    expect(result.err).toContain('旧版 Excel（.xls）');
    expect(result.err).toContain('另存为');
    expect(await sessionCount()).toBe(before);
  });
});

/** Text in GBK, as Excel on Chinese Windows saves a CSV (via the GB18030 encoder in ICU, through a round trip check). */
function encodeGbk(text: string): Buffer {
  const out: number[] = [];
  const decoder = new TextDecoder('gb18030');
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    const bytes = GBK_TABLE.get(ch);
    if (!bytes) throw new Error(`no GBK code for ${ch}`);
    out.push(...bytes);
  }
  const buf = Buffer.from(out);
  if (decoder.decode(buf) !== text) throw new Error('GBK round trip failed');
  return buf;
}

/** Every two-byte GBK code point's character, built by decoding the GBK range once. */
const GBK_TABLE: Map<string, [number, number]> = (() => {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Buffer.from([hi, lo]));
      if ([...ch].length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  return table;
})();
