import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, createNonce, planHtml } from '../../../../../client/src/features/plan/planHtml';

describe('plan page shell', () => {
  const options = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://x/dist/webview/plan.js', styleUri: 'https://x/dist/webview/plan.css' };

  it('allows only its own nonce-tagged script and styles and images from the extension', () => {
    assert.equal(
      contentSecurityPolicy(options.cspSource, 'abc'),
      "default-src 'none'; script-src 'nonce-abc'; style-src https://file+.vscode-resource.vscode-cdn.net; img-src https://file+.vscode-resource.vscode-cdn.net",
    );
    const html = planHtml({ ...options, nonce: 'abc' });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-abc';/);
    assert.match(html, /<script nonce="abc" src="https:\/\/x\/dist\/webview\/plan.js"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'no inline script');
    assert.ok(!/style=/.test(html), 'no inline style');
  });

  it('makes a fresh, unguessable nonce for every page', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{24}$/);
    const first = /nonce="([^"]+)"/.exec(planHtml(options))?.[1];
    const second = /nonce="([^"]+)"/.exec(planHtml(options))?.[1];
    assert.notEqual(first, second);
  });

  it('escapes the URIs it is given', () => {
    const html = planHtml({ ...options, scriptUri: 'https://x/"><script>alert(1)</script>', nonce: 'n' });
    assert.ok(!html.includes('"><script>alert(1)'));
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });
});
