import type { ChatContext } from './chat-context';

/** One step of the pipeline; calls `next` to hand the event on, or returns to stop it. */
export type Middleware = (ctx: ChatContext, next: () => Promise<void>) => Promise<void>;

/** Chains middleware in order into one handler. */
export function compose(middleware: Middleware[]): (ctx: ChatContext) => Promise<void> {
  return (ctx) => {
    const run = async (i: number): Promise<void> => {
      const step = middleware[i];
      if (!step) return;
      await step(ctx, () => run(i + 1));
    };
    return run(0);
  };
}
