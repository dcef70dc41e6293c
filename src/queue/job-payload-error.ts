/** Raised when job data does not fit its catalogue schema: at the producer, a bug; at the worker, a job never to retry. */
export class JobPayloadError extends Error {
  readonly code = 'JOB_PAYLOAD_INVALID';

  constructor(
    readonly jobName: string,
    detail: string,
  ) {
    super(`bad payload for ${jobName}: ${detail}`);
    this.name = 'JobPayloadError';
  }
}
