import fc from 'fast-check';
import type { Command } from '../../src/pipeline/command';
import { parseCommand } from '../../src/pipeline/parse-command';
import type { ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type Pipeline } from '../support/pipeline';

// The bot's own command list: the fuzzer aims near real names, and validity is judged by their schemas.
let names: string[] = [];
let byName = new Map<string, Command>();
const bot = { botName: '班级助手', botId: 'bot' };

/** Random chat text: any Unicode (control characters, emoji, full-width), and near-commands. */
const chatText = (): fc.Arbitrary<string> => fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.tuple(
    fc.constantFrom('#', '/', '＃', '／', '', '@班级助手\u2005', '# '),
    fc.constantFrom(...names, '签', '课', ''),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('', '\n', '\n03-01 25:00-26:00 x', '\r\n\u0000', ' 13800138000', ' ABCDEF'),
  ).map((parts) => parts.join('')),
);

/** True when the text, as the pipeline reads it (NUL taken out by cleanEvent), is a command with arguments its schema accepts. */
function isValidCommand(raw: string): boolean {
  const text = raw.split(String.fromCharCode(0)).join('');
  const parsed = parseCommand({ text, mentions: [], mentionsBot: false, ...bot }, names);
  if (!parsed) return false;
  return byName.get(parsed.name.toLowerCase())?.args.safeParse(parsed.args).success ?? false;
}

describe('command parser under random input', () => {
  let p: Pipeline;

  beforeAll(async () => {
    p = await startPipeline('fuzz', { ADMIN_IDS: 'u-staff', FLOOD_MAX_MESSAGES: '100000' });
    names = p.bot.commands.flatMap((c) => [c.name, ...c.aliases]);
    byName = new Map(p.bot.commands.flatMap((c) => [c.name, ...c.aliases].map((n) => [n.toLowerCase(), c] as const)));
  });

  afterAll(async () => {
    await p?.stop();
  });

  it('never throws on thousands of random strings', () => {
    fc.assert(
      fc.property(chatText(), fc.boolean(), (text, mentionsBot) => {
        parseCommand({ text, mentions: [{ id: 'u1', name: text.slice(0, 3) }], mentionsBot, ...bot }, names);
      }),
      { numRuns: 10_000 },
    );
  });

  describe('through the whole pipeline', () => {
    const staff: ChatUser = { id: 'u-staff', name: '刘干事' };
    const trainee: ChatUser = { id: 'u-trainee', name: '学员甲' };
    const group = 'fuzz@chatroom';

    beforeAll(async () => {
      p.clock.set(new Date('2027-03-01T08:45:00+08:00'));
      const created = await p.say(staff, '#新建班级 模糊测试班 2027-03-01 2027-03-02', group);
      const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
      await p.say(staff, `#绑定 ${code}`, group);
      await p.say(staff, '#课表\n03-01 09:00-12:00 开店', group);
      await p.say(staff, '#提交方案', group);
      await p.say(staff, `#批准 ${code}`, group);
    });

    it('writes nothing for strings that are not valid commands, from a trainee or staff, in a group or privately', async () => {
      // Moderation logs what it flags, and notes for staff what it doubts, by design: such strings are left to its own tests.
      const samples = fc
        .sample(chatText(), { numRuns: 3000, seed: 20261126 })
        .filter((t) => !isValidCommand(t) && p.deps.detector.scan(t).matches.length === 0);
      expect(samples.length).toBeGreaterThan(2000);
      const before = await p.snapshot();
      let i = 0;
      for (const text of samples) {
        const from = i % 2 === 0 ? trainee : staff;
        await p.say(from, text, i % 3 === 2 ? null : group);
        i++;
      }
      expect(await p.snapshot()).toEqual(before);
      // Over 2,000 messages one after another: on a machine shared with the reliability fuzz this takes minutes.
    }, 240_000);
  });
});
