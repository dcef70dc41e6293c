import { compose, NextCalledTwiceError, type Middleware } from '../../../src/pipeline/compose';
import type { ChatContext } from '../../../src/pipeline/chat-context';

const ctx = {} as ChatContext;

describe('compose', () => {
  it('runs the middleware in order, each around the rest', async () => {
    const trace: string[] = [];
    const step =
      (name: string): Middleware =>
      async (_ctx, next) => {
        trace.push(`${name}>`);
        await next();
        trace.push(`<${name}`);
      };
    await compose([step('a'), step('b'), step('c')])(ctx);
    expect(trace).toEqual(['a>', 'b>', 'c>', '<c', '<b', '<a']);
  });

  it('stops where a middleware does not call next', async () => {
    const reached: string[] = [];
    await compose([async () => void reached.push('first'), async () => void reached.push('second')])(ctx);
    expect(reached).toEqual(['first']);
  });

  it('refuses a second call to next, so the rest of the pipeline never runs twice', async () => {
    let runs = 0;
    const twice: Middleware = async (_ctx, next) => {
      await next();
      await next();
    };
    await expect(compose([twice, async () => void runs++])(ctx)).rejects.toBeInstanceOf(NextCalledTwiceError);
    expect(runs).toBe(1);
  });
});
