import { throttleConnectionErrors } from '../../../src/kernel/connection-error-throttle';

const refused = (i: number) => `{"level":50,"err":{"type":"MongoNetworkError","message":"connect ECONNREFUSED 127.0.0.1:27017"},"eventId":"e${i}","msg":"event failed"}\n`;

describe('throttleConnectionErrors', () => {
  it('lets a few connection-error lines through per window, then one line counting the ones it held back', () => {
    const out: string[] = [];
    let clock = 0;
    const sink = throttleConnectionErrors({ write: (line) => out.push(line) }, { burst: 3, windowMs: 30_000, now: () => clock });
    for (let i = 0; i < 100; i++) sink.write(refused(i));
    expect(out).toHaveLength(3);
    clock = 30_000;
    sink.write(refused(100));
    expect(out).toHaveLength(5);
    expect(JSON.parse(out[3]!)).toMatchObject({ level: 40, held: 97 });
    expect(out[4]).toContain('"eventId":"e100"');
  });

  it('passes every other line untouched', () => {
    const out: string[] = [];
    const sink = throttleConnectionErrors({ write: (line) => out.push(line) }, { burst: 1 });
    const other = '{"level":50,"err":{"type":"AppError","message":"bad"},"msg":"event failed"}\n';
    for (let i = 0; i < 10; i++) sink.write(other);
    expect(out).toEqual(Array(10).fill(other));
  });
});
