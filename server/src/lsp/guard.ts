// Keeps the server alive: a failing handler logs and returns a fallback
// instead of taking the process (and every open document) down with it.

export interface Logger {
  error(message: string): void;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
}

/** Wraps a request or notification handler. */
export function guard<A extends unknown[], R>(logger: Logger, name: string, handler: (...args: A) => R, fallback: R): (...args: A) => R {
  return (...args: A): R => {
    try {
      const result = handler(...args);
      if (result instanceof Promise) {
        return result.catch((error: unknown) => {
          logger.error(`${name} failed: ${describeError(error)}`);
          return fallback;
        }) as R;
      }
      return result;
    } catch (error) {
      logger.error(`${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}

/** Last line of defence: log what escaped every handler rather than exit. */
export function logUnhandled(logger: Logger): void {
  process.on('unhandledRejection', (reason) => logger.error(`Unhandled rejection: ${describeError(reason)}`));
  process.on('uncaughtException', (error) => logger.error(`Uncaught exception: ${describeError(error)}`));
}
