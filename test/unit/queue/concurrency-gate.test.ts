import { ConcurrencyGate } from '../../../src/queue/concurrency-gate';

/** A promise and the function that settles it, to hold a task open. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('ConcurrencyGate', () => {
  it('runs at most `limit` tasks at once and starts the others in arrival order as places free', async () => {
    const gate = new ConcurrencyGate(2);
    const holds = Array.from({ length: 5 }, () => deferred());
    const started: number[] = [];
    const runs = holds.map((h, i) =>
      gate.run(async () => {
        started.push(i);
        await h.promise;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    holds[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    holds[0]!.resolve();
    holds[2]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    holds[3]!.resolve();
    holds[4]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
  });

  it('frees the place of a task that failed, and passes its error on', async () => {
    const gate = new ConcurrencyGate(1);
    const failed = gate.run(async () => {
      throw new Error('send failed');
    });
    const next = gate.run(async () => 'sent');
    await expect(failed).rejects.toThrow('send failed');
    await expect(next).resolves.toBe('sent');
  });

  it('refuses a limit under 1', () => {
    expect(() => new ConcurrencyGate(0)).toThrow(RangeError);
  });
});
