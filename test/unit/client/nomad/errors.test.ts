import * as assert from 'assert';
import {
  errorFromStatus,
  errorFromTransport,
  NomadErrorKind,
  RequestContext,
  splitMultiError,
  toNomadError,
  NomadError,
} from '../../../../client/src/nomad/errors';
import { recordedBody, recordedCalls } from '../../../support/nomad/recorded';
import { cpuMillis } from '../../../support/cpuTime';

const ctx: RequestContext = { method: 'POST', path: '/v1/jobs', address: 'http://127.0.0.1:4646', namespace: 'team-a', capability: 'submit-job', subject: 'job "web"' };
const identity = (text: string): string => text;

// What every recorded refusal must be classified as.
const RECORDED_KINDS: Record<string, NomadErrorKind> = {
  'job-update-cas-mismatch': 'casConflict',
  'job-update-cas-zero-existing': 'casConflict',
  'job-revert-enforce-mismatch': 'casConflict',
  'jobs-register-invalid-no-driver': 'validation',
  'job-read-unknown': 'notFound',
  'job-versions-unknown': 'notFound',
  'job-summary-unknown': 'notFound',
  'job-read-after-purge': 'notFound',
  'job-dispatch-unknown': 'notFound',
  'job-evaluate-unknown': 'notFound',
  'job-periodic-force-unknown': 'notFound',
  'job-revert-unknown-version': 'notFound',
  'job-dispatch-missing-meta': 'badRequest',
  'job-dispatch-unpermitted-meta': 'badRequest',
  'job-dispatch-not-parameterized': 'badRequest',
  'job-dispatch-bad-base64': 'badRequest',
  'job-evaluate-periodic': 'badRequest',
  'job-periodic-force-not-periodic': 'badRequest',
  'job-revert-to-current': 'badRequest',
  'job-revert-id-mismatch': 'badRequest',
  'job-delete-bad-purge': 'badRequest',
  'job-plan-unknown-id-mismatch': 'badRequest',
  'job-update-enforceindex-as-int': 'badRequest',
  'job-update-id-mismatch': 'badRequest',
  'job-update-malformed-json': 'badRequest',
  'jobs-register-malformed-json': 'badRequest',
  'jobs-parse-malformed-json': 'badRequest',
  'jobs-register-no-job': 'badRequest',
  'jobs-register-unwrapped-job': 'badRequest',
  'jobs-parse-empty': 'badRequest',
  'jobs-parse-syntax-error': 'badRequest',
  'jobs-parse-hcl2-as-hclv1': 'badRequest',
  'jobs-parse-get': 'badRequest',
  'jobs-method-not-allowed': 'badRequest',
  'job-method-not-allowed': 'badRequest',
};

describe('errorFromStatus on every recorded refusal', () => {
  const refusals = recordedCalls().filter((c) => c.status >= 400);

  it('has an expected kind for each recorded refusal', () => {
    assert.deepStrictEqual(refusals.map((c) => c.name).filter((n) => !(n in RECORDED_KINDS)), []);
  });

  for (const call of refusals) {
    it(`${call.name} (${call.status}) is ${RECORDED_KINDS[call.name]}`, () => {
      const text = recordedBody(call.file);
      const error = errorFromStatus(call.status, text, ctx);
      assert.strictEqual(error.kind, RECORDED_KINDS[call.name]);
      assert.strictEqual(error.status, call.status);
      assert.strictEqual(error.serverText, text.replace(/\s+$/, ''), 'server text kept verbatim');
      assert.ok(error.advice.length > 20 && !error.advice.includes('\n'), 'one sentence of advice');
      assert.ok(error.message.includes(text.split('\n')[0].trim()) || error.kind === 'validation');
    });
  }
});

describe('errorFromStatus details', () => {
  it('splits nested Go multierror text into one readable item per leaf', () => {
    const error = errorFromStatus(500, recordedBody('jobs-register-invalid-no-driver.txt'), ctx);
    assert.deepStrictEqual(error.items, ['Task group g validation failed: Task t validation failed: Missing task driver']);
    assert.match(error.message, /Missing task driver/);
  });

  it('splits several items, nested at different depths', () => {
    const text =
      '3 errors occurred:\n\t* Missing job datacenters\n\t* Task group web validation failed: 2 errors occurred:\n\t* Missing tasks for task group\n\t* Task group count can\'t be negative\n\n\n\t* Invalid job type: "x"\n\n';
    assert.deepStrictEqual(splitMultiError(text), [
      'Missing job datacenters',
      'Task group web validation failed: Missing tasks for task group',
      "Task group web validation failed: Task group count can't be negative",
      'Invalid job type: "x"',
    ]);
  });

  it('falls back to one item per bullet when the counts do not add up', () => {
    assert.deepStrictEqual(splitMultiError('5 errors occurred:\n\t* a\n\t* b 1 error occurred:\n\n'), ['a', 'b']);
    assert.deepStrictEqual(splitMultiError('plain text'), []);
  });

  it('gives 403 advice naming the capability, the namespace and the Set ACL Token command', () => {
    const error = errorFromStatus(403, 'Permission denied', ctx);
    assert.strictEqual(error.kind, 'permissionDenied');
    assert.match(error.advice, /`submit-job`/);
    assert.match(error.advice, /namespace "team-a"/);
    assert.match(error.advice, /"Nomad: Set ACL Token"/);
  });

  it('tells an unknown token apart from a missing capability', () => {
    const error = errorFromStatus(403, 'ACL token not found', ctx);
    assert.strictEqual(error.kind, 'permissionDenied');
    assert.match(error.advice, /not known to this cluster/);
  });

  it('names what was not found', () => {
    assert.match(errorFromStatus(404, 'job not found', ctx).advice, /job "web" in namespace "team-a"/);
  });

  it('treats other 5xx answers as server errors and keeps 401 as a permission problem', () => {
    assert.strictEqual(errorFromStatus(500, 'rpc error: No cluster leader', ctx).kind, 'server');
    assert.strictEqual(errorFromStatus(503, '', ctx).kind, 'server');
    assert.strictEqual(errorFromStatus(401, 'Unauthorized', ctx).kind, 'permissionDenied');
  });
});

describe('errorFromTransport', () => {
  const transport = (code: string, message = `boom ${code}`): NomadError =>
    errorFromTransport(Object.assign(new Error(message), { code }), ctx, identity);

  for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EAI_AGAIN']) {
    it(`${code} is unreachable`, () => {
      const error = transport(code);
      assert.strictEqual(error.kind, 'unreachable');
      assert.strictEqual(error.code, code);
      assert.match(error.advice, /NOMAD_ADDR/);
    });
  }

  for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']) {
    it(`${code} is tls with CA advice`, () => {
      const error = transport(code);
      assert.strictEqual(error.kind, 'tls');
      assert.match(error.advice, /caCert/);
      assert.match(error.advice, /NOMAD_CACERT/);
      assert.match(error.advice, /skipVerify/);
    });
  }

  it('a host name mismatch is tls with server-name advice', () => {
    const error = transport('ERR_TLS_CERT_ALTNAME_INVALID');
    assert.strictEqual(error.kind, 'tls');
    assert.match(error.advice, /tlsServerName/);
  });

  it('an expired certificate is tls', () => {
    assert.match(transport('CERT_HAS_EXPIRED').advice, /expired/);
  });

  it('a refused handshake is tls with client-certificate advice', () => {
    const error = transport('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'SSL alert number 116: tlsv13 alert certificate required');
    assert.strictEqual(error.kind, 'tls');
    assert.match(error.advice, /clientCert/);
  });

  it('garbage instead of HTTP is a bad response', () => {
    assert.strictEqual(transport('HPE_INVALID_CONSTANT').kind, 'badResponse');
  });

  it('redacts the message it copies', () => {
    const error = errorFromTransport(Object.assign(new Error('leak s3cr3t'), { code: 'ECONNRESET' }), ctx, (t) => t.replace('s3cr3t', '[redacted]'));
    assert.ok(!error.message.includes('s3cr3t'));
  });

  it('toNomadError keeps NomadErrors and wraps anything else', () => {
    const original = transport('ECONNREFUSED');
    assert.strictEqual(toNomadError(original), original);
    const wrapped = toNomadError(new Error('odd'));
    assert.ok(wrapped instanceof NomadError);
    assert.strictEqual(wrapped.message, 'odd');
  });
});

describe('Error text of hostile size', () => {
  // Linear readers take well under a millisecond per 30 kB here; quadratic ones took seconds.
  const BOUND_CPU_MS = 250;
  const bodies: Record<string, string> = {
    'a digit run in an item': `1 error occurred:\n\t* ${'7'.repeat(30_000)}x`,
    'a digit run before the header words': `2 errors occurred:\n\t* a ${'7'.repeat(30_000)} errors\n\t* b`,
    'a space run inside the text': `failed${' '.repeat(30_000)}x`,
    'a header run': `1 error occurred:\n\t* ${'1 errors occurred: '.repeat(10_000)}`,
  };
  for (const [name, body] of Object.entries(bodies)) {
    it(`classifies a 500 body with ${name} in linear time`, () => {
      const used = cpuMillis(() => errorFromStatus(500, body, ctx));
      assert.ok(used < BOUND_CPU_MS, `${used.toFixed(0)} ms of CPU`);
    });
  }

  it('still splits nested multierror text and drops dangling headers', () => {
    assert.deepStrictEqual(splitMultiError('1 error occurred:\n\t* Task group g validation failed: 1 error occurred:\n\t* Missing task driver\n\n'), [
      'Task group g validation failed: Missing task driver',
    ]);
    assert.deepStrictEqual(splitMultiError('3 errors occurred:\n\t* a  2 errors occurred:\n\t* b'), ['a', 'b']);
  });
});
