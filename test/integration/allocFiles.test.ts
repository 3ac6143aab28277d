// Browse Allocation Files in the real VS Code: the quick pick walks from an
// allocation row into a task's folder, the picked file opens read-only from
// the `nomad-alloc-fs:` file system, writes are refused, and a file over the
// size limit is refused with its size.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { greetingAllocation } from '../support/nomad/allocFiles';
import { GREETING } from '../support/nomad/logsFixtures';
import { startActionsHarness, type ActionsHarness } from './actionsHarness';
import { waitFor } from './support/wait';

describe('allocation files', function () {
  this.timeout(60_000);
  let h: ActionsHarness;

  before(async () => {
    h = await startActionsHarness();
  });

  after(async () => {
    await h?.dispose();
  });

  const allocFileEditor = () => {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.uri.scheme === 'nomad-alloc-fs' ? editor : undefined;
  };

  it('walks from an allocation row to a file and opens it read-only', async () => {
    const alloc = await greetingAllocation(h.client, h.target.files, h.jobId('files'));
    const ui = h.script([{ pick: '$(folder) app' }, { pick: '$(folder) local' }, { pick: 'greeting.txt' }]);
    await vscode.commands.executeCommand('nomad.browseAllocFiles', { allocation: alloc });
    const editor = await waitFor(allocFileEditor, 'the allocation file editor');
    assert.equal(editor.document.getText(), GREETING);
    assert.match(editor.document.uri.path, new RegExp(`^/${alloc.ID}/app/local/greeting\\.txt$`));
    assert.deepEqual(ui.pickTitles.map((t) => t.replace(/^.*: /, '')), ['/', '/app', '/app/local']);
    assert.equal(vscode.workspace.fs.isWritableFileSystem('nomad-alloc-fs'), false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(editor.document.uri, new TextEncoder().encode('changed'))));
    assert.equal(Buffer.from(await vscode.workspace.fs.readFile(editor.document.uri)).toString('utf8'), GREETING, 'the file is unchanged');
  });

  it('refuses a file over 10 MiB, naming its size (fake only: it seeds the file)', async function () {
    const files = h.target.files;
    if (!files) this.skip();
    const alloc = await greetingAllocation(h.client, files, h.jobId('bigfile'));
    const size = 11 * 1024 * 1024;
    files!.put(alloc.ID, 'alloc/data/big.bin', Buffer.alloc(size, 0x61));
    const uri = vscode.Uri.parse(`nomad-alloc-fs:/${alloc.ID}/alloc/data/big.bin`);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(uri)), (e: Error) => e.message.includes(`${size} bytes`) && e.message.includes('the 10 MiB'));
  });
});
