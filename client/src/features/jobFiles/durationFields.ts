// Which API fields hold durations, from a short list generated with the schema
// (scripts/schema/generate.js): the plan page and the readable version views need
// only these names, and the whole schema stays out of the activation bundle.
import names from '../../../../common/schema/duration-fields.json';

const DURATION_FIELDS = new Set<string>(names);

/** Whether an API field of this name holds a duration (integer nanoseconds) wherever it appears. */
export function isDurationFieldName(apiName: string): boolean {
  return DURATION_FIELDS.has(apiName);
}
