import pino from 'pino';

/** The structured logger every part receives; child loggers carry the event id. */
export type Logger = pino.Logger;

/** Builds the process logger; personal fields are redacted wherever they appear. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['phone', '*.phone', 'text', '*.text', 'token', '*.token', 'secret', '*.secret'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
