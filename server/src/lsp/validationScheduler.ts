// Validates each document a short while after its last change, so a burst
// of keystrokes costs one validation. Each document runs on its own: a
// failure is logged for that URI and touches no other document.
import { describeError, type Logger } from './guard';

export const VALIDATION_DELAY_MS = 150;

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly validate: (uri: string) => Promise<void>,
    private readonly logger: Logger,
    private readonly delayMs = VALIDATION_DELAY_MS,
  ) {}

  schedule(uri: string, delayMs = this.delayMs): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.validate(uri).catch((error: unknown) => this.logger.error(`Validating ${uri} failed: ${describeError(error)}`));
      }, delayMs),
    );
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }
}
