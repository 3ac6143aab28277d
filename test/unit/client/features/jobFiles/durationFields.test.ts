import * as assert from 'assert';
import * as fs from 'fs';
import { isDurationFieldName } from '../../../../../client/src/features/jobFiles/durationFields';
import { repoFile } from '../../../../support/repoPaths';

interface Definitions {
  definitions: Record<string, { properties?: Record<string, { 'x-duration'?: boolean }> }>;
}

describe('duration fields', () => {
  it('lists exactly the fields the job schema marks as durations in every struct that has them', () => {
    const { definitions } = JSON.parse(fs.readFileSync(repoFile('common/schema/job.schema.json'), 'utf8')) as Definitions;
    const marked = new Map<string, boolean[]>();
    for (const definition of Object.values(definitions)) {
      for (const [name, property] of Object.entries(definition.properties ?? {})) {
        marked.set(name, [...(marked.get(name) ?? []), property['x-duration'] === true]);
      }
    }
    const expected = [...marked].filter(([, flags]) => flags.every(Boolean)).map(([name]) => name).sort();
    const listed = JSON.parse(fs.readFileSync(repoFile('common/schema/duration-fields.json'), 'utf8')) as string[];
    assert.deepStrictEqual(listed, expected, 'regenerate with scripts/schema/generate.js');
  });

  it('knows durations and leaves out names that are plain numbers somewhere', () => {
    assert.strictEqual(isDurationFieldName('HealthyDeadline'), true);
    assert.strictEqual(isDurationFieldName('KillTimeout'), true);
    assert.strictEqual(isDurationFieldName('Count'), false);
    assert.strictEqual(isDurationFieldName('Max'), false);
  });
});
