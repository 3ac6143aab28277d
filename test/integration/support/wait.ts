// Waiting for something the extension does asynchronously, by polling a
// condition until it holds, instead of sleeping a fixed time. A probe that
// never settles counts against the same deadline, so a hang fails with the
// name of what was awaited instead of the test's own timeout.
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await within(deadline - Date.now(), `${what} (a probe did not settle)`, Promise.resolve(probe()));
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `promise`, or a failure naming `what` once `ms` have passed without it settling. */
export function within<T>(ms: number, what: string, promise: PromiseLike<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms)} ms waiting for ${what}`)), Math.max(ms, 1_000));
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
