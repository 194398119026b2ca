'use strict';
// Offline checks of reference/stream's plan (no Genkit runtime needed): `npm test`.
const test = require('node:test');
const assert = require('node:assert');
const planFor = require('../lib/stream-plan.js');

const req = (text) => ({ messages: [{ role: 'user', content: [{ text }] }] });

test('stream plan: chunks and pause from the prompt, defaults otherwise', () => {
  assert.deepStrictEqual(planFor(req('chunks: 10000, pause: 500')), { chunks: 10000, pause: 500 });
  assert.deepStrictEqual(planFor(req('Stream CHUNKS=3 please')), { chunks: 3, pause: 0 });
  assert.deepStrictEqual(planFor(req('hello')), { chunks: 10, pause: 0 });
  assert.deepStrictEqual(planFor(req('chunks: 0')), { chunks: 1, pause: 0 });
  assert.strictEqual(planFor(req('chunks: 99999999')).chunks, 1000000);
});

test('stream plan: the full text is the concatenation of the chunk texts', () => {
  assert.strictEqual(planFor.fullText(3), 'w1 w2 w3 ');
  let joined = '';
  for (let i = 1; i <= 1000; i++) joined += planFor.chunkText(i);
  assert.strictEqual(planFor.fullText(1000), joined);
});
