import type { RawArgs } from '../../../../src/pipeline/command';
import { registerCommand } from '../../../../src/features/registration/register.command';
import { NAME_FORM, PHONE_FORM, REGISTER_ARGS_MISSING } from '../../../../src/features/registration/texts';

const raw = (text: string, lines: string[] = []): RawArgs => ({ text, tokens: text === '' ? [] : text.split(/\s+/u), lines, mentions: [] });
const parse = (text: string, lines: string[] = []) => registerCommand.args.safeParse(raw(text, lines));
const refusal = (text: string) => {
  const r = parse(text);
  return r.success ? null : r.error.issues[0]!.message;
};

describe('登记 arguments', () => {
  it.each([
    ['with hyphens', '张三 135-2079-1900 城关镇 核桃'],
    ['with spaces', '张三 135 2079 1900 城关镇 核桃'],
    ['one digit at a time', '张三 1 3 5 2 0 7 9 1 9 0 0 城关镇 核桃'],
    ['with +86', '张三 +86 135 2079 1900 城关镇 核桃'],
    ['in full-width digits', '张三 １３５２０７９１９００ 城关镇 核桃'],
    ['after the village', '张三 城关镇 135.2079.1900 核桃'],
  ])('reads the phone written %s', (_form, text) => {
    expect(parse(text)).toEqual({ success: true, data: { realName: '张三', phone: '13520791900', village: '城关镇', products: '核桃', experience: '' } });
  });

  it('keeps a second phone in a free-text field masked', () => {
    const r = parse('张三 13520791900 城关镇 核桃 抖音开过店 备用 137.2080.7738');
    expect(r.success && (r.data as { experience: string }).experience).toBe('抖音开过店 备用 137****7738');
  });

  it('reads a form written over several lines', () => {
    expect(parse('张三', ['13520791900', '城关镇', '核桃']).success).toBe(true);
  });

  it('names what is missing or malformed', () => {
    expect(refusal('')).toBe(REGISTER_ARGS_MISSING);
    expect(refusal('张三 城关镇')).toBe(REGISTER_ARGS_MISSING);
    expect(refusal('张三 13520791900')).toBe(REGISTER_ARGS_MISSING);
    expect(refusal('张三 12345 城关镇')).toBe(PHONE_FORM);
    expect(refusal('13520791900 张三 城关镇')).toBe(NAME_FORM);
  });
});
