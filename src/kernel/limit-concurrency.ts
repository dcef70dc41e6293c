/**
 * Runs at most `max` tasks at once and the rest in arrival order. A backlog delivered all at
 * once (after a reconnect) is then answered first-come first-served instead of everyone
 * waiting for the whole batch, and the database sees a bounded number of requests.
 */
export function limitConcurrency(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
