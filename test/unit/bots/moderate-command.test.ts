import { PassThrough, Readable } from 'node:stream';
import { runModerateCommand } from '../../../bots/moderate-command';

/** Runs `cohort-bot moderate` on the given input chunks and returns the texts of its verdicts. */
async function verdicts(chunks: (string | Buffer)[]): Promise<string[]> {
  let raw = '';
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => {
    raw += chunk.toString('utf8');
  });
  const code = await runModerateCommand([], { input: Readable.from(chunks), output });
  expect(code).toBe(0);
  return raw
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

describe('cohort-bot moderate: one verdict per input line', () => {
  it('keeps a lone CR inside its line instead of starting a new one', async () => {
    expect(await verdicts(['第一行\r还是第一行\n第二行\r\n第三\r行'])).toEqual(['第一行\r还是第一行', '第二行', '第三\r行']);
  });

  it('reads a CRLF split across two chunks as one line end', async () => {
    expect(await verdicts(['甲\r', '\n乙\n'])).toEqual(['甲', '乙']);
  });

  it('keeps a character split across two chunks whole', async () => {
    const bytes = Buffer.from('加微信\n好的\n', 'utf8');
    expect(await verdicts([bytes.subarray(0, 4), bytes.subarray(4)])).toEqual(['加微信', '好的']);
  });

  it('prints exactly as many verdicts as there are lines, whatever CRs they hold', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${'\r'.repeat(i % 3)}${i}${'\r'.repeat(i % 4)}x`);
    const input = lines.map((l, i) => `${l}${i % 2 === 0 ? '\n' : '\r\n'}`).join('');
    expect(await verdicts([input])).toEqual(lines);
  });

  it('takes a CR that ends the input as part of the last line', async () => {
    expect(await verdicts(['甲\n乙\r'])).toEqual(['甲', '乙\r']);
  });
});

describe('cohort-bot moderate: its arguments and word lists', () => {
  const run = async (args: string[], env: NodeJS.ProcessEnv) => {
    let err = '';
    const errStream = new PassThrough();
    errStream.on('data', (c: Buffer) => (err += c.toString()));
    const code = await runModerateCommand(args, { input: Readable.from(['你好\n']), output: new PassThrough() }, errStream, env);
    return { code, err };
  };

  it('refuses an unknown flag with the usage', async () => {
    const { code, err } = await run(['--lexcon', 'a.txt'], {});
    expect(code).toBe(2);
    expect(err).toBe('unknown option --lexcon\nusage: cohort-bot moderate [--lexicon <path>[,<path>…]]\n');
  });

  it('names the missing word list and where it came from, in one line', async () => {
    expect(await run([], { MODERATION_LEXICON: '/nonexistent/words.txt' })).toEqual({ code: 1, err: 'cannot read the word list /nonexistent/words.txt (from MODERATION_LEXICON): ENOENT\n' });
    expect(await run(['--lexicon', '/nonexistent/a.txt'], {})).toEqual({ code: 1, err: 'cannot read the word list /nonexistent/a.txt (from --lexicon): ENOENT\n' });
  });
});
