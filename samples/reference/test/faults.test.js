'use strict';
// Offline checks of the REFERENCE_FAULT switches (`npm test`).
const test = require('node:test');
const assert = require('node:assert');
const faults = require('../lib/faults.js');

test('no REFERENCE_FAULT means no fault', () => {
  assert.deepStrictEqual(faults.parse(undefined), faults.parse(''));
  assert.strictEqual(faults.parse('').dieAfter, 0);
  assert.strictEqual(faults.parse('').exitAtOnce, false);
});

test('switches combine and die-after takes a count', () => {
  const f = faults.parse('ignore-sigterm, die-after:3,leak-secrets');
  assert.strictEqual(f.ignoreSigterm, true);
  assert.strictEqual(f.leakSecrets, true);
  assert.strictEqual(f.dieAfter, 3);
  assert.strictEqual(f.noRuntimeFile, false);
});

test('a typo or a bad count is an error, not a silent no-op', () => {
  assert.throws(() => faults.parse('exit-at-onse'), /unknown switch 'exit-at-onse'/);
  assert.throws(() => faults.parse('die-after:0'), /die-after needs a call count/);
});

test('leak lines name every secret-looking variable, an Authorization header and a long data URL', () => {
  const lines = faults.leakLines({ HOME: '/root', MY_API_KEY: 'k-123456', DB_PASSWORD: 'p-654321' });
  assert.ok(lines.includes('[jgenkit-reference] config MY_API_KEY=k-123456'));
  assert.ok(lines.includes('[jgenkit-reference] config DB_PASSWORD=p-654321'));
  assert.ok(lines.some((l) => l.includes('Authorization: Bearer p-654321')));
  assert.ok(!lines.some((l) => l.includes('/root')));
  assert.ok(lines.some((l) => /data:image\/png;base64,[A-Za-z0-9]{400}/.test(l)));
});
