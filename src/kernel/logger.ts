import pino from 'pino';
import { maskPhonesInText } from './privacy';

/** The structured logger every part receives; child loggers carry the event id. */
export type Logger = pino.Logger;

/**
 * Builds the process logger. Personal fields are redacted wherever they appear, and every line
 * passes the one phone policy (kernel/privacy) on its way out, so a phone number inside an
 * error message, a stack or any other field is masked as well.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['phone', '*.phone', 'text', '*.text', 'token', '*.token', 'secret', '*.secret'],
        censor: '[redacted]',
      },
      hooks: { streamWrite: maskPhonesInText },
    },
    destination,
  );
}
