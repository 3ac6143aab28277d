// What route handlers throw or return besides plain values: a refusal with
// the status and exact text a real Nomad sends, or a body with extra headers.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly text: string,
  ) {
    super(text);
  }
}

/**
 * A JSON body with extra response headers, for the few endpoints that send more than X-Nomad-Index, or another
 * status (409 with a body, 204 without one). `exactHeaders`: send only `headers`, no X-Nomad-Index taken from the body.
 */
export class Reply {
  constructor(
    readonly body: unknown,
    readonly headers: Record<string, string>,
    readonly status = 200,
    readonly exactHeaders = false,
  ) {}
}
