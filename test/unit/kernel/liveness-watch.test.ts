import pino from 'pino';
import { LivenessWatch } from '../../../src/kernel/liveness-watch';

/** A logger that keeps what it was told. */
function recordingLog() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { log, lines };
}

describe('LivenessWatch', () => {
  let clock = 0;
  const now = () => clock;

  beforeEach(() => {
    clock = 0;
  });

  it('rides out an outage shorter than the limit, saying once that the service went away and once that it came back', async () => {
    const { log, lines } = recordingLog();
    let up = false;
    const onGiveUp = jest.fn();
    const watch = new LivenessWatch({
      dependencies: { mongodb: async () => (up ? undefined : Promise.reject(new Error('connect ECONNREFUSED'))) },
      outageLimitMs: 60_000,
      stallLimitMs: 60_000,
      log,
      onGiveUp,
      now,
    });
    for (clock = 0; clock <= 50_000; clock += 2_000) await watch.probe();
    up = true;
    await watch.probe();
    expect(onGiveUp).not.toHaveBeenCalled();
    expect(lines.map((l) => l.msg)).toEqual([
      'mongodb is unreachable; waiting for it to come back',
      'mongodb is still unreachable',
      'mongodb is reachable again',
    ]);
  });

  it('gives up once, naming the service and OUTAGE_LIMIT_SECONDS, when an outage outlasts the limit', async () => {
    const { log } = recordingLog();
    const onGiveUp = jest.fn();
    const watch = new LivenessWatch({
      dependencies: { redis: async () => Promise.reject(new Error('no answer within 2000 ms')) },
      outageLimitMs: 10_000,
      stallLimitMs: 60_000,
      log,
      onGiveUp,
      now,
    });
    for (clock = 0; clock <= 20_000; clock += 2_000) await watch.probe();
    expect(onGiveUp).toHaveBeenCalledTimes(1);
    expect(onGiveUp.mock.calls[0]![0]).toMatch(/^redis has been unreachable for 12 s \(OUTAGE_LIMIT_SECONDS 10\): no answer within 2000 ms$/);
  });

  it('reports a stuck event on /healthz and gives up when one has been in the pipeline longer than the stall limit', async () => {
    const { log } = recordingLog();
    const onGiveUp = jest.fn();
    let oldest: number | null = 5_000;
    const watch = new LivenessWatch({ dependencies: {}, outageLimitMs: 60_000, oldestEventMs: () => oldest, stallLimitMs: 30_000, log, onGiveUp, now });
    await watch.probe();
    await expect(watch.pipelineCheck()()).resolves.toBeUndefined();
    expect(onGiveUp).not.toHaveBeenCalled();
    oldest = 31_000;
    await expect(watch.pipelineCheck()()).rejects.toThrow('an event has been in the pipeline for 31 s');
    await watch.probe();
    expect(onGiveUp).toHaveBeenCalledWith(expect.stringContaining('EVENT_STALL_SECONDS 30'));
  });
});
