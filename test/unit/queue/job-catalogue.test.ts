import type { JobsOptions } from 'bullmq';
import { jobRegistry } from '../../../jobs/job-registry';
import { enqueueWebhook } from '../../../src/features/reporting/webhooks/enqueue-webhook';
import { enqueueJob, enqueueOptions, type JobSink } from '../../../src/queue/enqueue-job';
import { DEFAULT_JOB_OPTIONS, isJobName, JOB_NAMES, jobDefaults, parseJobPayload } from '../../../src/queue/job-catalogue';
import { JobPayloadError } from '../../../src/queue/job-payload-error';

const SESSION = '0123456789abcdef01234567';
const FOURTEEN_DAYS = 14 * 24 * 3600;

/** A queue stand-in that records what was added. */
function recordingSink(): JobSink & { added: { name: string; data: unknown; opts: JobsOptions }[] } {
  const added: { name: string; data: unknown; opts: JobsOptions }[] = [];
  return {
    added,
    add: (name, data, opts) => {
      added.push({ name, data, opts });
      return Promise.resolve();
    },
  };
}

describe('the job catalogue', () => {
  it('rejects a payload that does not fit the job’s schema, naming the job', () => {
    let caught: unknown;
    try {
      parseJobPayload('remind-session', { sessionId: SESSION, minutes: -5 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(JobPayloadError);
    expect(caught).toMatchObject({ code: 'JOB_PAYLOAD_INVALID', jobName: 'remind-session' });
    expect((caught as Error).message).toMatch(/bad payload for remind-session:.*minutes/s);
  });

  it('strips keys the schema does not know and fills in schema defaults', () => {
    expect(parseJobPayload('close-session', { sessionId: SESSION, url: 'https://secret' })).toEqual({ sessionId: SESSION });
    expect(parseJobPayload('daily-digest', undefined)).toEqual({});
  });

  it('knows only its own job names, not inherited object keys', () => {
    expect(isJobName('close-session')).toBe(true);
    expect(isJobName('close_session')).toBe(false);
    expect(isJobName('toString')).toBe(false);
  });

  it('gives robot deliveries their own retry policy and everything else the default', () => {
    expect(jobDefaults('deliver-webhook')).toEqual({ ...DEFAULT_JOB_OPTIONS, attempts: 6, backoff: { type: 'exponential', delay: 2_000 } });
    expect(jobDefaults('close-session')).toEqual({
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: FOURTEEN_DAYS },
      removeOnFail: { age: FOURTEEN_DAYS },
    });
  });

  it('has a processor in the job registry for every job, and no processor for anything else', () => {
    expect([...jobRegistry.keys()].sort()).toEqual([...JOB_NAMES].sort());
    for (const [name, def] of jobRegistry) expect(def.name).toBe(name);
  });
});

describe('enqueueing a catalogued job', () => {
  it('fails at the producer on a bad payload and adds nothing', async () => {
    const sink = recordingSink();
    // Well-typed but wrong: only the schema knows what an id looks like.
    await expect(enqueueJob(sink, 'close-session', { sessionId: 'not-an-id' }, { jobId: 'close-1' })).rejects.toThrow(JobPayloadError);
    expect(sink.added).toEqual([]);
  });

  it('adds the validated payload with the catalogue’s defaults, the id and the delay', async () => {
    const sink = recordingSink();
    await enqueueJob(sink, 'remind-session', { sessionId: SESSION, minutes: 30 }, { jobId: 'remind-1', delay: 60_000 });
    expect(sink.added).toEqual([
      {
        name: 'remind-session',
        data: { sessionId: SESSION, minutes: 30 },
        opts: { ...DEFAULT_JOB_OPTIONS, jobId: 'remind-1', delay: 60_000 },
      },
    ]);
  });

  it('lets one enqueue shorten the retries without touching the catalogue', () => {
    expect(enqueueOptions('deliver-webhook', { jobId: 'w', attempts: 2, backoffMs: 100 })).toMatchObject({ attempts: 2, backoff: { type: 'exponential', delay: 100 } });
    expect(jobDefaults('deliver-webhook')).toMatchObject({ attempts: 6, backoff: { delay: 2_000 } });
  });

  it('routes robot webhook deliveries through the catalogue with their own retry policy', async () => {
    const sink = recordingSink();
    const id = await enqueueWebhook(sink, 'wecom', '日报', 'digest-c1');
    expect(sink.added[0]?.opts).toMatchObject({ attempts: 6, backoff: { type: 'exponential', delay: 2_000 } });
    expect(sink.added).toEqual([
      {
        name: 'deliver-webhook',
        data: { channel: 'wecom', text: '日报' },
        opts: { ...jobDefaults('deliver-webhook'), jobId: id, delay: 0 },
      },
    ]);
    await expect(enqueueWebhook(sink, 'dingtalk', '', 'digest-empty')).rejects.toThrow(/bad payload for deliver-webhook/);
    expect(sink.added).toHaveLength(1);
  });
});
