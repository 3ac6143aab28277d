// A refusal carrying the status and the exact text a real Nomad server sends.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly text: string,
  ) {
    super(text);
  }
}
