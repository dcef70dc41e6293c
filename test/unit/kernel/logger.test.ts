import { Writable } from 'node:stream';
import { createLogger } from '../../../src/kernel/logger';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('masks a phone number in any field, an error message and its stack', () => {
    const { lines, stream } = capture();
    const log = createLogger('info', stream);
    log.error({ err: new Error('duplicate key 135-2079-1900'), reason: '找我 １３６２０７９９８１９' }, 'failed for 137.2080.7738');
    const line = lines.join('');
    expect(line).toContain('135****1900');
    expect(line).toContain('136****9819');
    expect(line).toContain('137****7738');
    expect(line).not.toMatch(/2079|２０７９|2080/);
  });

  it('still redacts the personal fields outright', () => {
    const { lines, stream } = capture();
    createLogger('info', stream).info({ text: '你好', phone: '13800001111' }, 'x');
    expect(JSON.parse(lines[0]!)).toMatchObject({ text: '[redacted]', phone: '[redacted]' });
  });
});
