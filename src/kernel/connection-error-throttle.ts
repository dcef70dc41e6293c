/** Where the throttle writes: a pino destination (anything with `write`). */
export interface LineSink {
  write(line: string): unknown;
}

/** How many connection-error lines pass per window, and how long a window is. */
export interface ThrottleOptions {
  burst?: number;
  windowMs?: number;
  now?: () => number;
}

/**
 * A logged error (serialised by pino) that only says MongoDB or Redis cannot be reached right
 * now: the driver's network and server-selection errors, a refused or reset socket.
 */
const CONNECTION_ERROR =
  /"type":"(?:Mongo(?:ose)?ServerSelectionError|MongoNetwork(?:Timeout)?Error|MongoPoolClearedError|MongoNotConnectedError|MongoTopologyClosedError)"|"code":"(?:ECONNREFUSED|ECONNRESET|EPIPE)"|Connection is closed/;

/**
 * A log destination for long-running processes that lets through at most `burst` lines per
 * `windowMs` (5 per 30 s) whose error only says MongoDB or Redis is unreachable, and then one
 * line saying how many it held back. During an outage every event that needs the database fails
 * with the same error; the liveness watch already says once that the service is away and once
 * that it is back, so the log keeps a few examples instead of hundreds of identical stacks.
 * Every other line passes untouched.
 */
export function throttleConnectionErrors(sink: LineSink, options: ThrottleOptions = {}): LineSink {
  const burst = options.burst ?? 5;
  const windowMs = options.windowMs ?? 30_000;
  const now = options.now ?? Date.now;
  let windowStart = 0;
  let passed = 0;
  let held = 0;
  return {
    write(line: string) {
      if (!CONNECTION_ERROR.test(line)) return sink.write(line);
      const t = now();
      if (t - windowStart >= windowMs) {
        if (held > 0) {
          sink.write(`${JSON.stringify({ level: 40, time: t, held, windowSeconds: Math.round(windowMs / 1000), msg: `${held} more log lines about an unreachable MongoDB or Redis were held back` })}\n`);
        }
        windowStart = t;
        passed = 0;
        held = 0;
      }
      if (passed < burst) {
        passed++;
        return sink.write(line);
      }
      held++;
      return true;
    },
  };
}
