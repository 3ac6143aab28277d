// The schema generator's reader of Go type declarations (scripts/schema/lib/goStructs.js),
// on struct text written the way Nomad's api package writes it.
import * as assert from 'node:assert/strict';
import { repoFile } from '../../../support/repoPaths';

type TypeExpr = { ptr: TypeExpr } | { slice: TypeExpr } | { map: TypeExpr; key: TypeExpr } | { name: string } | { any: true };
interface GoField {
  name: string;
  type: TypeExpr;
  typeText: string;
  tags: Record<string, string>;
  readOnly: boolean;
  deprecated: boolean;
}
type GoType = { kind: 'struct'; fields: GoField[] } | { kind: 'alias'; target: TypeExpr };
interface GoStructs {
  parseGoTypes(sources: string[]): Map<string, GoType>;
  parseType(text: string): TypeExpr;
  parseTags(raw: string): Record<string, string>;
}

// Plain JavaScript tooling without a build step: loaded as it runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const goStructs = require(repoFile('scripts', 'schema', 'lib', 'goStructs.js')) as GoStructs;

const SOURCE = `package api

// Job is the job.
type Job struct {
	Region    *string           \`hcl:"region,optional"\`
	ID        *string           \`hcl:"id,optional"\`
	Meta      map[string]string \`hcl:"meta,block"\`
	Datacenters []string        \`hcl:"datacenters,optional"\`

	// Deprecated: use NodePool.
	OldField  int               \`hcl:"old_field,optional"\`
	Constraints []*Constraint   \`hcl:"constraint,block"\` // placement rules
	internal  string
	WriteRequest

	/* Fields set by server, not sourced from job config file */
	Status    *string
	Nested    struct {
		A int
	}
	Version   *uint64
}

type Empty struct {}

type Duration = time.Duration
type Labels map[string]*Label
type Callback func()
`;

describe('Go struct reader (scripts/schema/lib/goStructs.js)', () => {
  const types = goStructs.parseGoTypes([SOURCE]);
  const job = types.get('Job');
  const fields = job?.kind === 'struct' ? job.fields : [];
  const field = (name: string): GoField | undefined => fields.find((f) => f.name === name);

  it('reads the exported fields of a struct with their types and tags, in order', () => {
    assert.deepEqual(
      fields.map((f) => f.name),
      ['Region', 'ID', 'Meta', 'Datacenters', 'OldField', 'Constraints', 'Status', 'Version'],
    );
    assert.deepEqual(field('Region')?.type, { ptr: { name: 'string' } });
    assert.deepEqual(field('Meta')?.type, { key: { name: 'string' }, map: { name: 'string' } });
    assert.deepEqual(field('Constraints')?.type, { slice: { ptr: { name: 'Constraint' } } });
    assert.deepEqual(field('Datacenters')?.tags, { hcl: 'datacenters,optional' });
  });

  it('skips unexported and embedded fields and anonymous nested structs', () => {
    assert.equal(field('internal'), undefined);
    assert.equal(field('WriteRequest'), undefined);
    assert.equal(field('Nested'), undefined);
    assert.equal(field('A'), undefined);
  });

  it('marks fields after the "set by server" comment read-only, and deprecated ones', () => {
    assert.deepEqual(
      fields.filter((f) => f.readOnly).map((f) => f.name),
      ['Status', 'Version'],
    );
    assert.deepEqual(
      fields.filter((f) => f.deprecated).map((f) => f.name),
      ['OldField'],
    );
  });

  it('reads empty structs, aliases and defined types, and leaves function types out', () => {
    assert.deepEqual(types.get('Empty'), { kind: 'struct', fields: [] });
    assert.deepEqual(types.get('Duration'), { kind: 'alias', target: { name: 'time.Duration' } });
    assert.deepEqual(types.get('Labels'), { kind: 'alias', target: { key: { name: 'string' }, map: { ptr: { name: 'Label' } } } });
    assert.equal(types.has('Callback'), false);
  });

  it('parses nested map and array types and tag lists', () => {
    assert.deepEqual(goStructs.parseType('map[string][]*Foo'), { key: { name: 'string' }, map: { slice: { ptr: { name: 'Foo' } } } });
    assert.deepEqual(goStructs.parseType('[4]byte'), { slice: { name: 'byte' } });
    assert.throws(() => goStructs.parseType('map[string'), /unbalanced/);
    assert.deepEqual(goStructs.parseTags('json:"a,omitempty" hcl:"b" mapstructure:"c\\"d"'), { json: 'a,omitempty', hcl: 'b', mapstructure: 'c\\"d' });
  });
});
