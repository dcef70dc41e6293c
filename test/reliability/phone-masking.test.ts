/**
 * Phone numbers never leak (SPEC §4): trainees register with the phone written in every form
 * people use (separators, full-width digits and forms, one digit at a time, +86/0086, invisible
 * characters), a leave reason, homework, a review, an appeal and chat carry more, all through
 * the real commands on the in-memory pipeline; then no message the bot sent (in the group or
 * privately), no cell, sheet name or header of any exported workbook (read back with exceljs),
 * no file name and no log line shows any of them in clear. A detector written here, independent
 * of the masking code, decides what "in clear" means, and is itself shown to find every raw form.
 * Last, a 登记 sent in the group is recalled where the platform can, and staff are told where it
 * cannot; nothing of it is stored or repeated.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ChatUser } from '../../src/platform/chat-event';
import { ARCHIVE_KINDS } from '../../src/features/reporting/archive-workbooks';
import { createLogger } from '../../src/kernel/logger';
import { startPipeline, type MemorySent, type Pipeline } from '../support/pipeline';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D0 = '2027-05-09';
const D1 = '2027-05-10';
const D2 = '2027-05-11';

/** One registration per written form: the phone as typed, and the national number it is. */
const FORMS: { form: string; typed: string; national: string }[] = [
  { form: 'hyphens', typed: '135-2079-1900', national: '13520791900' },
  { form: 'full-width digits', typed: '１３６２０７９９８１９', national: '13620799819' },
  { form: 'dots', typed: '137.2080.7738', national: '13720807738' },
  { form: 'spaces', typed: '138 2079 1901', national: '13820791901' },
  { form: 'middle dots', typed: '139·2079·1902', national: '13920791902' },
  { form: 'full-width low lines', typed: '150＿2079＿1903', national: '15020791903' },
  { form: 'en dashes', typed: '151–2079–1904', national: '15120791904' },
  { form: 'full-width plus, digits and hyphens', typed: '＋８６ １５２－２０７９－１９０５', national: '15220791905' },
  { form: 'one digit at a time', typed: '1 5 3 2 0 7 9 1 9 0 6', national: '15320791906' },
  { form: '+86 and spaces', typed: '+86 155 2079 1907', national: '15520791907' },
  { form: '0086 and hyphens', typed: '0086-156-2079-1908', national: '15620791908' },
  { form: 'zero-width spaces inside', typed: '157\u200b2079\u200b1909', national: '15720791909' },
  { form: 'written together', typed: '15820791910', national: '15820791910' },
];

/** Phones in free text: a second phone in a registration field, a leave reason, homework, chat, a nickname. */
const EXTRA = {
  field: { typed: '159 2080 7701', national: '15920807701' },
  nickname: { typed: '１３９ ２０８０ ７７０２', national: '13920807702' },
  leave: { typed: '186-2080-7703', national: '18620807703' },
  note: { typed: '187.2080.7704', national: '18720807704' },
  homework: { typed: '188＿2080＿7705', national: '18820807705' },
  // Written with word joiners: moderation does not read it as a phone, so the submission is stored and can be shown.
  submission: { typed: '189\u20602080\u20607706', national: '18920807706' },
  review: { typed: '+86 170-2080-7707', national: '17020807707' },
  chat: { typed: '1 7 1 2 0 8 0 7 7 0 8', national: '17120807708' },
  question: { typed: '172\u200c2080\u200c7709', national: '17220807709' },
  appeal: { typed: '0086 173 2080 7710', national: '17320807710' },
  groupForm: { typed: '175·2080·7711', national: '17520807711' },
};
const KNOWN = [...FORMS.map((f) => f.national), ...Object.values(EXTRA).map((e) => e.national)];

// The detector's own reading, written apart from src/kernel/privacy on purpose: characters that
// take no room, full-width digits, and every separator the forms above use.
const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}]/gu;
const SEPARATORS = /[\s\-‐‑‒–—―－−﹣.．·・･‧•∙_＿~～()（）+＋]/gu;
const ANY_MOBILE = /(?<!\d)(?:0086|86)?(1[3-9]\d{9})(?!\d)/g;

/**
 * Every phone number `text` shows in clear, in any of the forms above: a mainland mobile once
 * separators and invisible characters are taken out, or enough of a known number to rebuild it
 * (its first seven or its last eight digits, which masking hides).
 */
function phonesInClear(text: string): string[] {
  const flat = text.replace(INVISIBLE, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(SEPARATORS, '');
  const found = new Set([...flat.matchAll(ANY_MOBILE)].map((m) => m[1]!));
  for (const phone of KNOWN) if (flat.includes(phone.slice(0, 7)) || flat.includes(phone.slice(3))) found.add(phone);
  return [...found];
}

/** What a message shows: its text, the names it @mentions and the name of a file. */
function shownIn(m: MemorySent): string[] {
  return [m.message.text, ...(m.message.mentions ?? []).map((u) => u.name), m.message.file?.name ?? ''];
}

/** Everything a workbook shows: its title, sheet names, page headers and every cell. */
function shownInWorkbook(wb: ExcelJS.Workbook): string[] {
  const out = [wb.title ?? '', wb.creator ?? ''];
  wb.eachSheet((sheet) => {
    out.push(sheet.name, sheet.headerFooter.oddHeader ?? '', sheet.headerFooter.oddFooter ?? '');
    sheet.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text))));
  });
  return out;
}

describe('the phone detector of this test', () => {
  it('finds every raw form, in a sentence', () => {
    for (const { typed, national } of [...FORMS, ...Object.values(EXTRA)]) expect(phonesInClear(`有事请打 ${typed} 谢谢`)).toContain(national);
  });

  it('finds a partly shown number: its first seven or its last eight digits', () => {
    expect(phonesInClear('电话 135-2079-19')).toContain('13520791900');
    expect(phonesInClear('尾号 5-2079-1900')).toContain('13520791900');
  });

  it('finds nothing in masked numbers, dates, amounts and codes', () => {
    expect(phonesInClear('张三 135****1900，2027-05-10 09:00-12:00，销售额 12000 元，班级码 AB12CD，身份证 130102199003071234')).toEqual([]);
  });
});

describe('phone numbers never leak (SPEC §4)', () => {
  let p: Pipeline;
  const logLines: string[] = [];
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const lecturer: ChatUser = { id: 'u-lecturer', name: '张老师' };
  const trainees: ChatUser[] = FORMS.map((_, i) => ({ id: `u-t${i}`, name: i === 0 ? `小周${EXTRA.nickname.typed}` : `学员${i + 1}` }));
  const group = 'room-masking@chatroom';
  let cohortId = '';
  const exports: { kind: string; name: string; workbook: ExcelJS.Workbook }[] = [];
  const sayAt = (when: Date, from: ChatUser, text: string, where: string | null = group, mentions: ChatUser[] = []) => {
    p.clock.set(when);
    return p.say(from, text, where, mentions);
  };

  beforeAll(async () => {
    p = await startPipeline('phone-masking', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' }, { recall: true });
    p.deps.log = createLogger(
      'debug',
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          logLines.push(chunk.toString('utf8'));
          callback();
        },
      }),
    );
    const created = await sayAt(at(D0, '10:00'), admin, `#新建班级 脱敏班 ${D1} ${D2}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await sayAt(at(D0, '10:01'), admin, `#绑定 ${code}`);
    cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    await sayAt(at(D0, '10:02'), admin, '#授权 @张老师 讲师', group, [lecturer]);
    for (const t of trainees) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', p.clock.now());
    await sayAt(at(D0, '10:03'), admin, `#课表\n${D1.slice(5)} 09:00-12:00 开店流程 张老师\n${D2.slice(5)} 09:00-12:00 直播带货 张老师`);
    await sayAt(at(D0, '10:04'), admin, '#提交方案');
    await sayAt(at(D0, '10:05'), admin, `#批准 ${code}`, null);

    // Every form, privately, as the form's phone; one form also carries a second phone in a free-text field.
    for (const [i, { typed }] of FORMS.entries()) {
      const extra = i === 2 ? ` 备用电话${EXTRA.field.typed}` : '';
      await sayAt(at(D0, `11:${String(i).padStart(2, '0')}`), trainees[i]!, `#登记 ${'周吴郑王冯陈褚卫蒋沈韩杨朱'[i]}三 ${typed} 城关镇 核桃 抖音开过店${extra}`, null);
    }
    // And once in the group: taken back, never stored.
    await sayAt(at(D0, '11:30'), trainees[1]!, `#登记 吴三 ${EXTRA.groupForm.typed} 城关镇`);

    await sayAt(at(D1, '08:50'), trainees[0]!, '#签到');
    await sayAt(at(D1, '08:51'), trainees[1]!, '#签到');
    await sayAt(at(D1, '09:10'), trainees[2]!, `有需要的加我，电话 ${EXTRA.chat.typed}`);
    await sayAt(at(D1, '09:11'), trainees[3]!, `请问这个号码 ${EXTRA.question.typed} 能开店吗？`);
    await sayAt(at(D1, '10:00'), lecturer, `#布置作业 写三条商品标题，不会的打 ${EXTRA.homework.typed} 截止 21:00`);
    await sayAt(at(D1, '10:05'), trainees[0]!, `#交作业 老树核桃现砸现发 订购热线 ${EXTRA.submission.typed}`);
    await sayAt(at(D1, '10:06'), lecturer, '#点评');
    await sayAt(at(D1, '10:07'), lecturer, `#点评 @${trainees[0]!.name} 90 标题好，留的电话 ${EXTRA.review.typed} 也对`, group, [trainees[0]!]);
    await sayAt(at(D1, '10:08'), lecturer, `#优秀作业 @${trainees[0]!.name}`, group, [trainees[0]!]);
    // In the group a phone would be moderated as solicitation; privately the reason is filed, and the decision goes to the group.
    await sayAt(at(D1, '10:30'), trainees[4]!, `#请假 家里有事，急事打 ${EXTRA.leave.typed} ${D2.slice(5)}`, null);
    await sayAt(at(D1, '10:31'), admin, `#批准请假 1 已登记，回来联系 ${EXTRA.note.typed}`);
    await sayAt(at(D1, '10:40'), trainees[2]!, `#申诉 我不是发广告，那是我自己的号 ${EXTRA.appeal.typed}`, null);

    await sayAt(at(D1, '12:30'), admin, '#日报', null);
    await sayAt(at(D1, '12:31'), admin, '#简报', null);
    await sayAt(at(D1, '12:32'), admin, '#简报 本周', null);
    await sayAt(at(D1, '12:33'), admin, '#审核', null);
    for (const kind of ARCHIVE_KINDS) {
      const replies = await sayAt(at(D1, '12:40'), admin, `#导出 ${kind}`);
      for (const r of replies.filter((m) => m.message.file)) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(r.message.file!.data as unknown as ArrayBuffer);
        exports.push({ kind, name: r.message.file!.name, workbook });
      }
    }
  });

  afterAll(async () => {
    await p?.stop();
  });

  it('registered every form with the right phone, so the numbers are in the data the exports are made from', async () => {
    const stored = await p.deps.stores.registrations.listByCohort(cohortId);
    expect(stored.map((r) => r.phone).sort()).toEqual(FORMS.map((f) => f.national).sort());
    expect(stored.find((r) => r.userId === trainees[2]!.id)?.experience).toBe('抖音开过店 备用电话159****7701');
  });

  it('no message the bot sent, in the group or privately, shows a phone in clear', () => {
    const groupMessages = p.sent.filter((m) => m.target.kind === 'group');
    expect(groupMessages.length).toBeGreaterThan(15);
    const leaks = p.sent.flatMap((m) => shownIn(m).map((shown) => ({ to: m.target, shown, phones: phonesInClear(shown) }))).filter((l) => l.phones.length > 0);
    expect(leaks).toEqual([]);
  });

  it('echoes the leave reason and the staff note to the group with the numbers masked', () => {
    const notice = p.sent.find((m) => m.target.kind === 'group' && m.message.text.startsWith('你的请假（编号 1'));
    expect(notice?.message.text).toContain('急事打 186****7703');
    expect(notice?.message.text).toContain('回来联系 187****7704');
  });

  it('shows homework, a review and the showcase to the group with the numbers masked', async () => {
    const submissions = await p.deps.stores.submissions.listByCohort(cohortId);
    expect(submissions.map((s) => s.userId)).toEqual([trainees[0]!.id]);
    const groupText = p.sent.filter((m) => m.target.kind === 'group').map((m) => m.message.text).join('\n');
    for (const masked of ['188****7705', '189****7706', '170****7707']) expect(groupText).toContain(masked);
  });

  it('exported every archive through 导出, and no cell, sheet name, header or file name shows a phone in clear', () => {
    expect(exports.map((e) => e.kind)).toEqual([...ARCHIVE_KINDS]);
    const leaks = exports.flatMap((e) => [e.name, ...shownInWorkbook(e.workbook)].map((shown) => ({ kind: e.kind, shown, phones: phonesInClear(shown) }))).filter((l) => l.phones.length > 0);
    expect(leaks).toEqual([]);
  });

  it('keeps every registered phone in the 学员登记表, masked as 135****1900', () => {
    const archive = exports.find((e) => e.kind === '档案')!;
    const cells = shownInWorkbook(archive.workbook);
    for (const { national } of FORMS) expect(cells).toContain(`${national.slice(0, 3)}****${national.slice(-4)}`);
  });

  it('writes no phone in clear to the log', () => {
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => phonesInClear(line).length > 0)).toEqual([]);
  });
});

describe('登记 sent in a group (SPEC §4)', () => {
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const trainee: ChatUser = { id: 'u-trainee', name: '学员甲' };
  const group = 'room-register@chatroom';
  const form = '#登记 李四 135-2079-1900 东坡底乡红枣村 红枣';

  /** A bound cohort with one trainee on a platform that recalls (true), refuses to (false) or cannot (undefined). */
  async function classroom(label: string, recall: boolean | undefined): Promise<{ p: Pipeline; cohortId: string }> {
    const p = await startPipeline(label, { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' }, recall === undefined ? {} : { recall });
    p.clock.set(at(D0, '10:00'));
    const created = await p.say(admin, `#新建班级 登记班 ${D1} ${D2}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await p.say(admin, `#绑定 ${code}`, group);
    const cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    await p.deps.stores.members.setRole(cohortId, 'wechaty', trainee, 'trainee', p.clock.now());
    return { p, cohortId };
  }

  /** What of the form a message repeats: the phone in any form, the name or the village. */
  const repeats = (text: string) => [...phonesInClear(text), ...['李四', '东坡底乡', '红枣村', '2079', '1900'].filter((w) => text.includes(w))];

  describe('on a platform that can recall', () => {
    let p: Pipeline;
    let cohortId = '';
    let replies: MemorySent[] = [];

    beforeAll(async () => {
      ({ p, cohortId } = await classroom('register-recall', true));
      replies = await p.say(trainee, form, group);
    });

    afterAll(async () => {
      await p?.stop();
    });

    it('recalls the message and stores nothing', async () => {
      expect(p.recalled).toHaveLength(1);
      expect(await p.deps.stores.registrations.find(cohortId, 'wechaty', trainee.id)).toBeNull();
    });

    it('tells the sender in the group that it was taken back, repeating nothing of it', () => {
      const inGroup = replies.filter((m) => m.target.kind === 'group');
      expect(inGroup).toHaveLength(1);
      expect(inGroup[0]!.message.mentions).toEqual([trainee]);
      expect(inGroup[0]!.message.text).toContain('已撤回');
      expect(inGroup[0]!.message.text).toContain('私聊');
      expect(repeats(inGroup[0]!.message.text)).toEqual([]);
    });

    it('tells the sender privately how to register, and does not bother staff', () => {
      const privately = replies.filter((m) => m.target.kind === 'private');
      expect(privately.map((m) => m.target.id)).toEqual([trainee.id]);
      expect(privately[0]!.message.text).toContain('#登记 <姓名> <手机> <乡镇/村>');
      expect(repeats(privately[0]!.message.text)).toEqual([]);
    });

    it('then takes the form in private chat', async () => {
      const reply = await p.say(trainee, form, null);
      expect(reply.map((m) => m.message.text)).toEqual(['登记成功：李四，手机 135****1900，东坡底乡红枣村，产品：红枣']);
      expect((await p.deps.stores.registrations.find(cohortId, 'wechaty', trainee.id))?.phone).toBe('13520791900');
    });
  });

  describe.each([
    ['cannot recall', undefined, 0],
    ['refuses to recall', false, 1],
  ])('on a platform that %s', (_how, recall, attempts) => {
    let p: Pipeline;
    let cohortId = '';
    let replies: MemorySent[] = [];

    beforeAll(async () => {
      ({ p, cohortId } = await classroom(`register-${recall === undefined ? 'norecall' : 'refused'}`, recall));
      replies = await p.say(trainee, form, group);
    });

    afterAll(async () => {
      await p?.stop();
    });

    it('stores nothing', async () => {
      expect(p.recalled).toHaveLength(attempts);
      expect(await p.deps.stores.registrations.find(cohortId, 'wechaty', trainee.id)).toBeNull();
    });

    it('asks the sender in the group to take it back, repeating nothing of it', () => {
      const inGroup = replies.filter((m) => m.target.kind === 'group');
      expect(inGroup).toHaveLength(1);
      expect(inGroup[0]!.message.text).toContain('请马上自己撤回');
      expect(repeats(inGroup[0]!.message.text)).toEqual([]);
    });

    it('tells the sender and, instead of a recall, the staff privately, repeating nothing of it', () => {
      const privately = replies.filter((m) => m.target.kind === 'private');
      expect(privately.map((m) => m.target.id).sort()).toEqual([admin.id, trainee.id].sort());
      const toStaff = privately.find((m) => m.target.id === admin.id)!;
      expect(toStaff.message.text).toContain('机器人无法撤回');
      expect(toStaff.message.text).toContain(trainee.name);
      for (const m of privately) expect(repeats(m.message.text)).toEqual([]);
    });
  });

  describe('with nothing after the command word', () => {
    let p: Pipeline;

    beforeAll(async () => {
      ({ p } = await classroom('register-bare', true));
    });

    afterAll(async () => {
      await p?.stop();
    });

    it('recalls nothing and points to private chat', async () => {
      const replies = await p.say(trainee, '#登记', group);
      expect(p.recalled).toEqual([]);
      expect(replies.map((m) => m.target.kind).sort()).toEqual(['group', 'private']);
      expect(replies.find((m) => m.target.kind === 'group')!.message.text).toContain('请私聊我登记');
    });
  });
});
