// A job file that cannot be turned into the API's Job, with a message saying why.
// Its own module: the conversion itself (hclJsonToApi.ts) carries the job schema
// and is loaded only when a JSON job is planned.
export class JobConversionError extends Error {
  override readonly name = 'JobConversionError';
}
