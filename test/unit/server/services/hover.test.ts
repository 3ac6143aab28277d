import * as assert from 'assert';
import type { MarkupContent } from 'vscode-languageserver';
import { doHover } from '../../../../server/src/services/hover/hoverService';
import { withCaret } from './support/caret';
import { languageService, openDocument } from './support/languageService';

async function hoverText(source: string, languageId = 'nomad'): Promise<{ text: string; covered: string } | undefined> {
  const { text, offset } = withCaret(source);
  const { document, parsed, service } = await openDocument(text, languageId);
  const hover = doHover(document, document.positionAt(offset), parsed, service.schema);
  if (!hover) return undefined;
  assert.ok(hover.range, 'hover has a range');
  return { text: (hover.contents as MarkupContent).value, covered: document.getText(hover.range) };
}

const TASK = (inner: string): string => `job "w" {\n  group "g" {\n    task "t" {\n${inner}\n    }\n  }\n}\n`;

describe('hover (services/hover)', () => {

  // Starting the language service loads tree-sitter's wasm, which takes seconds on a busy machine.
  before(async function () {
    this.timeout(20_000);
    await languageService();
  });
  it('documents a block type with its kind and API name', async () => {
    const hover = await hoverText('job "w" {\n  gr|oup "g" {}\n}\n');
    assert.strictEqual(hover?.covered, 'group');
    assert.match(hover.text, /^\*\*group\*\* \(labeled block\)/);
    assert.match(hover.text, /API field: `TaskGroups`/);
  });

  it('documents an attribute with type, default and allowed values', async () => {
    const hover = await hoverText('job "w" {\n  ty|pe = "batch"\n}\n');
    assert.strictEqual(hover?.covered, 'type');
    assert.match(hover.text, /Default: `"service"`/);
    assert.match(hover.text, /Allowed: `"service"`, `"batch"`, `"system"`, `"sysbatch"`\n/);
  });

  it('shows a duration default the way a jobspec writes it', async () => {
    const hover = await hoverText(TASK('      kill_tim|eout = "10s"'));
    assert.match(hover?.text ?? '', /Type: `duration`/);
    assert.match(hover?.text ?? '', /Default: `"5s"`/);
  });

  it('documents driver config keys from the task\'s driver', async () => {
    const hover = await hoverText(TASK('      driver = "docker"\n      config {\n        ima|ge = "nginx"\n      }'));
    assert.match(hover?.text ?? '', /^\*\*image\*\* \(string\)/);
    assert.strictEqual(await hoverText(TASK('      driver = "my-plugin"\n      config {\n        ima|ge = "nginx"\n      }')), undefined);
  });

  it('shows the declaration behind var.x and local.x', async () => {
    const file = [
      'variable "region" {\n  description = "Where the job runs"\n  type        = string\n  default     = "eu-west"\n}',
      'locals {\n  name = "web-${var.region}"\n}',
      'job "w" {\n  region = var.re|gion\n  name   = local.name\n}\n',
    ].join('\n');
    const variable = await hoverText(file);
    assert.strictEqual(variable?.covered, 'var.region');
    assert.match(variable.text, /\*\*var\.region\*\* \(input variable\)\n\nWhere the job runs/);
    assert.match(variable.text, /Type: `string`/);
    assert.match(variable.text, /Default: `"eu-west"`/);
    assert.match(variable.text, /Declared on line 1/);
    const local = await hoverText(file.replace('var.re|gion', 'var.region').replace('local.name', 'lo|cal.name'));
    assert.match(local?.text ?? '', /\*\*local\.name\*\* \(local value, line 7\)\n\n```hcl\n"web-\$\{var\.region\}"\n```/);
  });

  it('explains runtime names inside interpolations', async () => {
    const hover = await hoverText(TASK('      env {\n        PORT = "${NOMAD_POR|T_http}"\n      }'));
    assert.strictEqual(hover?.covered, 'NOMAD_PORT_http');
    assert.match(hover.text, /set by Nomad at run time/);
    const node = await hoverText('job "w" {\n  constraint {\n    attribute = "${attr.kernel.na|me}"\n  }\n}\n');
    assert.strictEqual(node?.covered, 'attr.kernel.name');
  });

  it('documents API JSON property names with their HCL name', async () => {
    const hover = await hoverText('{"Job": {"ID": "w", "Task|Groups": []}}', 'json');
    assert.strictEqual(hover?.covered, '"TaskGroups"');
    assert.match(hover.text, /In HCL: `group`/);
  });

  it('says nothing over unknown names and plain values', async () => {
    assert.strictEqual(await hoverText('job "w" {\n  colou|r = "red"\n}\n'), undefined);
    assert.strictEqual(await hoverText('job "w" {\n  type = "bat|ch"\n}\n'), undefined);
  });
});
