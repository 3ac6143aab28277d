import * as assert from 'assert';
import { FoldingRangeKind } from 'vscode-languageserver';
import { foldingRanges } from '../../../../server/src/services/symbols/foldingRanges';
import { parseHcl } from './support/hclParser';

const JOB = [
  '# Web job', //                         0
  '# owned by team A', //                 1
  'job "web" {', //                       2
  '  datacenters = [', //                 3
  '    "dc1",', //                        4
  '  ]', //                               5
  '  # region networking', //            6
  '  group "app" {', //                   7
  '    network { port "http" {} }', //    8
  '    task "server" {', //               9
  '      template {', //                 10
  '        data = <<EOF', //             11
  '        line one', //                 12
  '        EOF', //                      13
  '      }', //                          14
  '      env = { A = "1" } # one line', //15
  '      /* long', //                    16
  '         note */', //                 17
  '    }', //                            18
  '  }', //                              19
  '  # endregion', //                    20
  '}', //                                21
].join('\n');

describe('folding ranges (services/symbols/foldingRanges)', () => {

  // The first parse loads tree-sitter's wasm, which takes seconds on a busy machine.
  before(async function () {
    this.timeout(20_000);
    await parseHcl('');
  });
  it('folds blocks, lists and heredocs up to the line before their closer, plus comments and regions', async () => {
    const tree = await parseHcl(JOB);
    const ranges = foldingRanges(tree.rootNode, JOB).map((r) => [r.startLine, r.endLine, r.kind ?? '']);
    assert.deepStrictEqual(ranges, [
      [0, 1, FoldingRangeKind.Comment],
      [2, 20, ''],
      [3, 4, ''],
      [6, 20, FoldingRangeKind.Region],
      [7, 18, ''],
      [9, 17, ''],
      [10, 13, ''],
      [11, 12, ''],
      [16, 17, FoldingRangeKind.Comment],
    ]);
  });

  it('still folds the intact blocks of a file with a syntax error', async () => {
    const text = 'job "x" {\n  group "g" {\n    count = \n  }\n  group "h" {\n    count = 1\n  }\n}\n';
    const tree = await parseHcl(text);
    assert.ok(tree.rootNode.hasError);
    const starts = foldingRanges(tree.rootNode, text).map((r) => r.startLine);
    assert.ok(starts.includes(4), `group "h" folds: ${JSON.stringify(starts)}`);
  });
});
