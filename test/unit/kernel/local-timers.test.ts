import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { getTasks } from 'node-cron';
import { EVERY_MINUTE, heartbeatTimer, startLocalTimers, type LocalTimers } from '../../../src/kernel/local-timers';

/** A logger whose lines the test can read. */
function capturingLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('startLocalTimers', () => {
  let timers: LocalTimers | null = null;
  afterEach(async () => {
    await timers?.stop();
    timers = null;
  });

  it('schedules one running node-cron task per timer, and stop() destroys them all', async () => {
    const { log } = capturingLog();
    timers = startLocalTimers(
      [
        { name: 'sweep', pattern: EVERY_MINUTE, run: () => undefined },
        { name: 'check', pattern: '*/30 * * * * *', run: () => undefined },
      ],
      log,
    );
    const ids = timers.tasks.map((t) => t.id);
    expect(timers.tasks.map((t) => [t.name, t.getPattern(), t.getStatus()])).toEqual([
      ['sweep', EVERY_MINUTE, 'idle'],
      ['check', '*/30 * * * * *', 'idle'],
    ]);
    expect(ids.every((id) => getTasks().has(id))).toBe(true);
    await timers.stop();
    expect(timers.tasks.map((t) => t.getStatus())).toEqual(['destroyed', 'destroyed']);
    expect(ids.some((id) => getTasks().has(id))).toBe(false);
  });

  it('logs a failing run and keeps the timer scheduled', async () => {
    const { log, lines } = capturingLog();
    let runs = 0;
    timers = startLocalTimers(
      [
        {
          name: 'flaky',
          pattern: EVERY_MINUTE,
          run: () => {
            runs++;
            throw new Error('disk full');
          },
        },
      ],
      log,
    );
    const [task] = timers.tasks;
    await task!.execute();
    await task!.execute();
    expect(runs).toBe(2);
    const failures = lines.filter((l) => l.msg === 'local timer failed');
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatchObject({ timer: 'flaky', err: { message: 'disk full' } });
    expect(task!.getStatus()).toBe('idle');
  });

  it('waits in stop() for a run in progress', async () => {
    const { log } = capturingLog();
    const gate = deferred();
    const order: string[] = [];
    timers = startLocalTimers(
      [
        {
          name: 'slow',
          pattern: EVERY_MINUTE,
          runAtStart: true,
          run: async () => {
            order.push('run started');
            await gate.promise;
            order.push('run finished');
          },
        },
      ],
      log,
    );
    expect(order).toEqual(['run started']);
    const stopping = timers.stop().then(() => order.push('stopped'));
    // Let every pending callback run: a stop() that did not wait would have finished by now.
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['run started']);
    gate.resolve();
    await stopping;
    expect(order).toEqual(['run started', 'run finished', 'stopped']);
  });
});

describe('heartbeatTimer', () => {
  it('writes the time to the heartbeat file as the timers start, leaving no partial file behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'heartbeat-'));
    const file = path.join(dir, 'alive');
    const { log } = capturingLog();
    const at = new Date('2027-03-01T08:00:00Z');
    const timers = startLocalTimers([heartbeatTimer(file, log, () => at)], log);
    await timers.stop();
    expect(readFileSync(file, 'utf8')).toBe('2027-03-01T08:00:00.000Z\n');
    expect(readdirSync(dir)).toEqual(['alive']);
  });

  it('rewrites the file with the new time on every run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'heartbeat-'));
    const file = path.join(dir, 'alive');
    const { log } = capturingLog();
    let now = new Date('2027-03-01T08:00:00Z');
    const timer = heartbeatTimer(file, log, () => now);
    await timer.run();
    now = new Date('2027-03-01T08:01:00Z');
    await timer.run();
    expect(readFileSync(file, 'utf8')).toBe('2027-03-01T08:01:00.000Z\n');
  });

  it('only logs the mark when no heartbeat file is configured', async () => {
    const { log, lines } = capturingLog();
    await heartbeatTimer(undefined, log, () => new Date('2027-03-01T08:00:00Z')).run();
    expect(lines).toEqual([expect.objectContaining({ msg: 'heartbeat', at: '2027-03-01T08:00:00.000Z' })]);
    expect(existsSync('undefined')).toBe(false);
  });
});
