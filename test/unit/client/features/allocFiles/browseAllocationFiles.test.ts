import { strict as assert } from 'node:assert';
import { formatAllocFileUri, parseAllocFileUri, parentPath } from '../../../../../client/src/features/allocFiles/allocFileUri';
import { browseAllocationFiles, pickItems } from '../../../../../client/src/features/allocFiles/browseAllocationFiles';
import type { AllocFileInfo } from '../../../../../client/src/nomad/allocFiles';
import { context, fakeClient, nomadError, ScriptedUi } from '../actions/scriptedUi';

const allocId = 'e0be2b3c-021a-b496-5442-87c59fb1b7c2';
const entry = (Name: string, IsDir: boolean, Size = 4096): AllocFileInfo => ({ Name, IsDir, Size, FileMode: IsDir ? 'drwxrwxrwx' : '-rw-r--r--', ModTime: '2026-12-02T07:57:35Z' });

/** Answers fs ls calls from a small tree keyed by directory. */
function listing(tree: Record<string, AllocFileInfo[]>) {
  return (path: string) => {
    const dir = new URL(path, 'http://x').searchParams.get('path') ?? '';
    const entries = tree[dir];
    if (!entries) throw nomadError('serverError', 500, `open /data/${dir}: no such file or directory`);
    return { value: entries, index: 0 };
  };
}

describe('allocation file URIs', () => {
  it('round-trips an allocation, a path with spaces and a namespace', () => {
    const uri = formatAllocFileUri({ allocId, path: '/app/local/my file.txt', namespace: 'team a' });
    assert.equal(uri, `nomad-alloc-fs:/${allocId}/app/local/my%20file.txt?namespace=team%20a`);
    const url = new URL(uri);
    assert.deepEqual(parseAllocFileUri(decodeURIComponent(url.pathname), url.search.slice(1)), { allocId, path: '/app/local/my file.txt', namespace: 'team a' });
  });

  it('gives the root as "/" and its parent as itself', () => {
    assert.deepEqual(parseAllocFileUri(`/${allocId}`, ''), { allocId, path: '/', namespace: undefined });
    assert.equal(parentPath('/app/local'), '/app');
    assert.equal(parentPath('/'), '/');
    assert.equal(parseAllocFileUri('/', ''), undefined);
  });
});

describe('browse allocation files action', () => {
  it('lists folders before files, with ".." below the root and sizes on files', () => {
    const items = pickItems('/app', [entry('z.txt', false, 12), entry('local', true), entry('a.log', false, 2048)]);
    assert.deepEqual(items.map((i) => i.label), ['$(arrow-up) ..', '$(folder) local', '$(file) a.log', '$(file) z.txt']);
    assert.equal(items[2].description, '2.0 KiB (2048 bytes) · -rw-r--r--');
    assert.deepEqual(pickItems('/', [entry('alloc', true)]).map((i) => i.label), ['$(folder) alloc']);
  });

  it('walks down and back up from an allocation row and opens the picked file', async () => {
    const { client, callsTo } = fakeClient({
      call: listing({ '/': [entry('alloc', true), entry('app', true)], '/app': [entry('local', true)], '/app/local': [entry('app.conf', false, 10)] }),
    });
    const opened: string[] = [];
    const ui = new ScriptedUi([{ pick: '$(folder) app' }, { pick: '..' }, { pick: '$(folder) app' }, { pick: 'local' }, { pick: 'app.conf' }]);
    await browseAllocationFiles(context(ui, client), async (uri) => opened.push(uri), { allocation: { ID: allocId, Namespace: 'prod' } });
    ui.assertDone();
    assert.deepEqual(opened, [`nomad-alloc-fs:/${allocId}/app/local/app.conf?namespace=prod`]);
    assert.ok(callsTo('call').every((c) => String(c.args[0]).startsWith(`/v1/client/fs/ls/${allocId}?path=`)));
    assert.deepEqual(ui.pickTitles, ['/', '/app', '/', '/app', '/app/local'].map((d) => `Files of allocation e0be2b3c: ${d}`));
  });

  it('starts in the task folder from a task row, and stops quietly when the pick is dismissed', async () => {
    const { client } = fakeClient({ call: listing({ '/web': [entry('local', true)] }) });
    const opened: string[] = [];
    const ui = new ScriptedUi([{ pick: undefined }]);
    await browseAllocationFiles(context(ui, client), async (uri) => opened.push(uri), { allocation: { ID: allocId }, task: 'web' });
    ui.assertDone();
    assert.deepEqual(opened, []);
    assert.deepEqual(ui.pickTitles, ['Files of allocation e0be2b3c: /web']);
  });

  it("reports Nomad's refusal instead of opening anything", async () => {
    const { client } = fakeClient({ call: listing({}) });
    const ui = new ScriptedUi();
    await browseAllocationFiles(context(ui, client), async () => assert.fail('nothing to open'), { allocation: { ID: allocId } });
    assert.equal(ui.errors.length, 1);
    assert.match(ui.errors[0].message, /^Browsing the allocation files failed: .*no such file or directory/);
  });
});
