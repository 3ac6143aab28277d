import { strict as assert } from 'node:assert';
import { decodeLogFrames, isHeartbeat, JsonObjectSplitter, LogStreamTextError, parseLogFrame } from '../../../../../client/src/nomad/logs';

const encode = (text: string) => new TextEncoder().encode(text);
const b64 = (text: string) => Buffer.from(text, 'utf-8').toString('base64');

async function* chunks(...parts: Array<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? encode(part) : part;
}

async function collect(body: AsyncIterable<Uint8Array>) {
  const frames = [];
  for await (const frame of decodeLogFrames(body)) frames.push(frame);
  return frames;
}

const text = (data: Uint8Array) => Buffer.from(data).toString('utf-8');

describe('log frame decoding', () => {
  const stream = `{"Data":"${b64('line one\n')}","File":"alloc/logs/web.stdout.0","Offset":9}{}` +
    `{"Data":"${b64('line two\n')}","File":"alloc/logs/web.stdout.0","Offset":18}`;

  it('splits back-to-back objects received in one chunk', () => {
    const result = new JsonObjectSplitter().push(encode(stream));
    assert.equal(result.objects.length, 3);
    assert.equal(result.objects[1], '{}');
    assert.equal(result.text, '');
  });

  it('gives the same objects whatever the chunk boundaries', () => {
    const whole = new JsonObjectSplitter().push(encode(stream)).objects;
    const bytes = encode(stream);
    for (let cut = 1; cut < bytes.length; cut++) {
      const splitter = new JsonObjectSplitter();
      const objects = [...splitter.push(bytes.slice(0, cut)).objects, ...splitter.push(bytes.slice(cut)).objects];
      assert.deepEqual(objects, whole, `cut at byte ${cut}`);
    }
  });

  it('keeps braces and quotes inside strings out of the nesting count', () => {
    const tricky = '{"File":"we}ird\\"{name","Offset":1}{"Data":""}';
    const splitter = new JsonObjectSplitter();
    const objects = [...tricky].flatMap((ch) => splitter.push(encode(ch)).objects);
    assert.deepEqual(objects, ['{"File":"we}ird\\"{name","Offset":1}', '{"Data":""}']);
  });

  it('reassembles a multi-byte character cut between chunks', () => {
    const bytes = encode('{"File":"caf\u00e9.log"}');
    const cut = bytes.indexOf(0xc3) + 1; // inside the two-byte é
    const splitter = new JsonObjectSplitter();
    const objects = [...splitter.push(bytes.slice(0, cut)).objects, ...splitter.push(bytes.slice(cut)).objects];
    assert.equal(JSON.parse(objects[0]).File, 'caf\u00e9.log');
  });

  it('decodes base64 data, file, offset and file events; heartbeats are empty', () => {
    const frame = parseLogFrame(`{"Data":"${b64('hello\n')}","File":"alloc/logs/web.stderr.0","Offset":6}`);
    assert.equal(text(frame.data), 'hello\n');
    assert.equal(frame.file, 'alloc/logs/web.stderr.0');
    assert.equal(frame.offset, 6);
    assert.equal(isHeartbeat(frame), false);
    assert.equal(isHeartbeat(parseLogFrame('{}')), true);
    assert.equal(parseLogFrame('{"File":"a","FileEvent":"file truncated"}').fileEvent, 'file truncated');
  });

  it('yields frames from a streamed body split mid-object and mid-base64', async () => {
    const frames = await collect(chunks(stream.slice(0, 17), stream.slice(17, 60), stream.slice(60)));
    assert.deepEqual(frames.filter((f) => !isHeartbeat(f)).map((f) => text(f.data)), ['line one\n', 'line two\n']);
    assert.equal(frames.filter(isHeartbeat).length, 1);
  });

  it('reports plain text after the frames as the server error it is', async () => {
    const body = chunks(`{"Data":"${b64('ok\n')}"}`, 'Unknown allocation "abc"');
    const seen: string[] = [];
    await assert.rejects(async () => {
      for await (const frame of decodeLogFrames(body)) seen.push(text(frame.data));
    }, (error: unknown) => error instanceof LogStreamTextError && error.serverText === 'Unknown allocation "abc"');
    assert.deepEqual(seen, ['ok\n']);
  });

  it('treats a body cut inside an object as an error, not as silence', async () => {
    await assert.rejects(collect(chunks('{"Data":"aGk')), LogStreamTextError);
  });
});

describe('log frame splitter limits', () => {
  it('refuses an object that never ends instead of buffering it without limit', () => {
    const splitter = new JsonObjectSplitter(1000);
    splitter.push(new TextEncoder().encode('{"Data": "'));
    assert.throws(() => {
      for (let i = 0; i < 100; i++) splitter.push(new TextEncoder().encode('A'.repeat(100)));
    }, LogStreamTextError);
  });

  it('keeps only the start of endless text after the frames', async () => {
    async function* endless(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('{"Data": ""}');
      for (let i = 0; i < 2000; i++) yield new TextEncoder().encode(`error text ${'x'.repeat(1000)}\n`);
    }
    const error = await (async () => {
      try {
        for await (const _frame of decodeLogFrames(endless())) void _frame;
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    assert.ok(error instanceof LogStreamTextError);
    assert.ok(error.serverText.length <= 64 * 1024, `${error.serverText.length} characters kept`);
    assert.match(error.serverText, /^error text/);
  });
});
