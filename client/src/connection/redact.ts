// Masks secrets in text bound for the output channel. Pure, so it is unit-tested.

/** Replaces every occurrence of each secret (of 4+ characters) with asterisks. */
export function redactSecrets(line: string, secrets: readonly (string | undefined)[]): string {
  let result = line;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join('********');
  }
  return result;
}
