/** A failure with a stable code and a safe Chinese message for the person in the chat. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: string,
    detail?: string,
  ) {
    super(detail ?? `${code}: ${userMessage}`);
    this.name = 'AppError';
  }
}

/** True for errors that carry a message meant for the user. */
export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
