import { strict as assert } from 'node:assert';
import { droppedNotice, LogLineBuffer } from '../../../../../client/src/features/logs/logLineBuffer';

const roomy = { maxLines: 100, maxChars: 100_000, maxLineChars: 1000 };

describe('LogLineBuffer', () => {
  it('joins lines split across appends and keeps the unfinished last line', () => {
    const buffer = new LogLineBuffer(roomy);
    buffer.append('alpha\nbe');
    buffer.append('ta\r\ngam');
    assert.equal(buffer.text(), 'alpha\nbeta\ngam');
    assert.equal(buffer.lineCount, 2);
  });

  it('keeps only the newest lines and leads with a note of how many were dropped', () => {
    const buffer = new LogLineBuffer({ ...roomy, maxLines: 3 });
    for (let i = 1; i <= 10; i++) buffer.append(`line ${i}\n`);
    assert.equal(buffer.droppedLines, 7);
    assert.equal(buffer.text(), `${droppedNotice(7)}\nline 8\nline 9\nline 10\n`);
  });

  it('drops old lines when the character budget is exceeded', () => {
    const buffer = new LogLineBuffer({ maxLines: 100, maxChars: 10, maxLineChars: 10 });
    buffer.append('aaaa\nbbbb\ncccc\n');
    assert.equal(buffer.droppedLines, 1);
    assert.ok(buffer.text().endsWith('bbbb\ncccc\n'));
  });

  it('breaks a line that never ends so memory stays bounded', () => {
    const buffer = new LogLineBuffer({ maxLines: 2, maxChars: 100, maxLineChars: 4 });
    buffer.append('0123456789');
    assert.equal(buffer.text(), '0123\n4567\n89');
    buffer.append('x'.repeat(20));
    assert.ok(buffer.droppedLines > 0);
    assert.ok(buffer.text().split('\n').every((line) => line.length <= 4 || line.startsWith('[nomad]')));
  });

  it('ends a half-written line before a notice', () => {
    const buffer = new LogLineBuffer(roomy);
    buffer.append('partial');
    buffer.appendLine('[nomad] stream ended');
    assert.equal(buffer.text(), 'partial\n[nomad] stream ended\n');
  });

  it('refuses limits that cannot hold anything', () => {
    assert.throws(() => new LogLineBuffer({ ...roomy, maxLines: 0 }), RangeError);
  });
});
