import type { ChatContext, Middleware } from './chat-context';

export type { Middleware } from './chat-context';

/** A middleware called `next()` a second time: a bug, never the user's doing. */
export class NextCalledTwiceError extends Error {
  readonly code = 'PIPELINE_NEXT_TWICE';
  constructor(step: number) {
    super(`middleware #${step} called next() twice`);
    this.name = 'NextCalledTwiceError';
  }
}

/**
 * Chains middleware in order into one handler. A step that calls `next()` twice would run
 * the rest of the pipeline (and its writes and replies) twice, so the second call throws.
 */
export function compose(middleware: Middleware[]): (ctx: ChatContext) => Promise<void> {
  return (ctx) => {
    const run = async (i: number): Promise<void> => {
      const step = middleware[i];
      if (!step) return;
      let called = false;
      await step(ctx, () => {
        if (called) return Promise.reject(new NextCalledTwiceError(i));
        called = true;
        return run(i + 1);
      });
    };
    return run(0);
  };
}
