import * as assert from 'node:assert/strict';
import { parseHclError } from '../../../../../client/src/features/jobFiles/hclErrors';
import { fixtureText } from '../plan/fixtures';

describe('HCL error positions', () => {
  it("maps the cluster's syntax error to zero-based job file positions", () => {
    const parsed = parseHclError(fixtureText('jobs-parse-syntax-error.txt'));
    assert.deepEqual(parsed.job, [
      {
        startLine: 2,
        startColumn: 2,
        endLine: 2,
        endColumn: 7,
        message: 'Missing item separator; Expected a comma to mark the beginning of the next item.',
      },
    ]);
    assert.deepEqual(parsed.variables, []);
    assert.equal(parsed.unlocated, undefined);
  });

  it('reads ranges over several lines, several diagnostics and the "other diagnostics" suffix', () => {
    const text =
      'Failed to parse job: input.hcl:4,5-6,2: Unsupported block type; Blocks of type "foo" are not expected here.\n' +
      'input.hcl:10,3-10: Missing required argument; The argument "driver" is required, and 2 other diagnostic(s)';
    const parsed = parseHclError(text);
    assert.deepEqual(
      parsed.job.map((p) => [p.startLine, p.startColumn, p.endLine, p.endColumn, p.message]),
      [
        [3, 4, 5, 1, 'Unsupported block type; Blocks of type "foo" are not expected here.'],
        [9, 2, 9, 9, 'Missing required argument; The argument "driver" is required'],
      ],
    );
  });

  it('sends problems in the variables text apart from problems in the job file', () => {
    const varContent = parseHclError('unable to parse var content: input.hcl:1,8-9: Invalid expression; Expected the start of an expression.');
    assert.equal(varContent.job.length, 0);
    assert.equal(varContent.variables[0].startLine, 0);
    const mixed = parseHclError(
      'input.hcl:2,10-14: Invalid value for variable; The value for count is not compatible with the variable\'s type constraint.\n' +
        'input.hcl:7,1-4: Unsupported argument; An argument named "foo" is not expected here.',
    );
    assert.deepEqual([mixed.variables.length, mixed.job.length], [1, 1]);
    assert.equal(mixed.job[0].startLine, 6);
  });

  it('keeps text without positions as unlocated', () => {
    assert.deepEqual(parseHclError('Job spec is empty\n'), { job: [], variables: [], unlocated: 'Job spec is empty' });
  });
});
