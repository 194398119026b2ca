'use strict';
// Offline unit checks of the deterministic behaviour (no Genkit runtime needed): `npm test`.
const test = require('node:test');
const assert = require('node:assert');
const b = require('../lib/behaviour.js');
const media = require('../lib/media.js');

const weatherTool = {
  name: 'weather',
  description: 'Get the weather for a city',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const user = (text, extra = []) => ({ role: 'user', content: [{ text }, ...extra] });

test('streamed pieces concatenate to the original text', () => {
  for (const t of ['x', 'ab', 'Your name is Genkit.', '{"name":"John Doe","age":42}', '  spaced   out  ']) {
    const pieces = b.splitForStreaming(t);
    assert.strictEqual(pieces.join(''), t);
    assert.ok(pieces.every((p) => p.length > 0));
  }
});

test('good: tool request with schema-valid input', () => {
  const c = b.goodContent({ messages: [user('What is the weather in New York? Use the tool.')], tools: [weatherTool] });
  assert.deepStrictEqual(c[0].toolRequest.input, { city: 'New York' });
  assert.strictEqual(c[0].toolRequest.name, 'weather');
});

test('good: structured output validates required props and types', () => {
  const schema = { type: 'object', properties: { name: { type: 'string' }, rating: { type: 'number' } }, required: ['name', 'rating'] };
  const c = b.goodContent({ messages: [user('Generate a movie review for John Wick')], output: { format: 'json', schema, constrained: true } });
  assert.deepStrictEqual(JSON.parse(c[0].text), { name: 'John Wick', rating: 4.5 });
});

test('good: system role, multiturn, media', () => {
  assert.match(b.goodContent({ messages: [{ role: 'system', content: [{ text: 'prefix' }] }, user('hello')] })[0].text, /^RESPONSE: /);
  const mt = b.goodContent({ messages: [user('My name is Genkit.'), { role: 'model', content: [{ text: 'Hello Genkit.' }] }, user('What is my name?')] });
  assert.strictEqual(mt[0].text, 'Your name is Genkit.');
  const img = b.goodContent({ messages: [user('What text?', [{ media: { url: media.PNG_DATA_URL, contentType: 'image/png' } }])] });
  assert.match(img[0].text, /genkit/i);
  const url = b.goodContent({ messages: [user('What is this logo?', [{ media: { url: 'https://www.google.com/x.png', contentType: 'image/png' } }])] });
  assert.match(url[0].text, /google/i);
  assert.strictEqual(b.goodContent({ messages: [user('Say hello.')] })[0].media.contentType, 'audio/wav');
  assert.strictEqual(b.goodContent({ messages: [user('Generate an image of a cat.')] })[0].media.contentType, 'image/png');
});

test('bad: distinct failures', () => {
  assert.ok(!b.badContent({ messages: [user('Use the tool.')], tools: [weatherTool] })[0].toolRequest);
  const j = b.badContent({ messages: [user('Generate a profile for John Doe.')], output: { format: 'json', schema: { type: 'object' } } });
  assert.throws(() => JSON.parse(j[0].text));
  assert.strictEqual(b.badContent({ messages: [{ role: 'system', content: [{ text: 's' }] }, user('hello')] })[0].text, 'hello there');
});

test('media payloads are valid', () => {
  assert.strictEqual(media.PNG_BYTES.subarray(1, 4).toString('ascii'), 'PNG');
  assert.strictEqual(media.WAV_BYTES.subarray(0, 4).toString('ascii'), 'RIFF');
  assert.strictEqual(media.WAV_BYTES.subarray(8, 12).toString('ascii'), 'WAVE');
});
