'use strict';
/**
 * Two local "providers", each a Genkit plugin, with deterministic offline models:
 *
 * - `alpha` (genkitPlugin, the v1 plugin API): `alpha/fast` answers tersely.
 * - `beta` (genkitPluginV2 with the `model()` helper, the v2 plugin API):
 *   `beta/careful` answers with a preamble, and `beta/offline` always fails with
 *   UNAVAILABLE, like a provider that is down.
 *
 * Both answer JSON requests with the same schema-derived values, so structured
 * output is comparable across providers.
 */
const { z, GenkitError } = require('genkit');
const { genkitPlugin, genkitPluginV2, model } = require('genkit/plugin');

const SUPPORTS = { multiturn: true, tools: false, systemRole: true, media: false, output: ['text', 'json'], constrained: 'all' };

function userText(req) {
  const users = (req.messages || []).filter((m) => m.role === 'user');
  const last = users[users.length - 1];
  return last
    ? (last.content || [])
        .filter((p) => typeof p.text === 'string' && !(p.metadata && p.metadata.purpose))
        .map((p) => p.text)
        .join(' ')
        .trim()
    : '';
}

function sample(schema, text, name, index = 0) {
  if (!schema || typeof schema !== 'object') return text;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[index % schema.enum.length];
  switch (schema.type) {
    case 'object': {
      const out = {};
      for (const [k, v] of Object.entries(schema.properties || {})) out[k] = sample(v, text, k, index);
      return out;
    }
    case 'array': {
      const n = Math.max(schema.minItems || 1, Math.min(schema.maxItems || 2, 2));
      return Array.from({ length: n }, (_, i) => sample(schema.items, text, name, i));
    }
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 0, Math.min(schema.maximum ?? 7, 7));
    case 'boolean':
      return true;
    default:
      return `${name || 'answer'}: ${text}`;
  }
}

/** The answer without its provider tag, e.g. "[alpha/fast] hi" -> "hi". */
function untagged(text) {
  return text.replace(/^\[[^\]]+\]\s*(Carefully: )?/, '');
}

function respond(name, req, style) {
  const text = userText(req);
  let out;
  if (req.output && (req.output.format === 'json' || req.output.schema)) {
    out = JSON.stringify(sample(req.output.schema || {}, text));
  } else {
    out = style === 'careful' ? `[${name}] Carefully: ${text}` : `[${name}] ${text}`;
  }
  const words = (s) => (s.match(/\S+/g) || []).length;
  return {
    message: { role: 'model', content: [{ text: out }] },
    finishReason: 'stop',
    usage: { inputTokens: words(text), outputTokens: words(out), totalTokens: words(text) + words(out) },
  };
}

/** The v1 plugin API: an init function that defines models on the Genkit instance. */
const alphaPlugin = genkitPlugin('alpha', async (ai) => {
  ai.defineModel(
    { name: 'alpha/fast', label: 'Alpha fast (local, terse)', apiVersion: 'v2', supports: SUPPORTS },
    async (req) => respond('alpha/fast', req, 'terse')
  );
});

/** The v2 plugin API: init returns actions made with the `model()` helper. */
const betaPlugin = genkitPluginV2({
  name: 'beta',
  init: async () => [
    model({ name: 'beta/careful', label: 'Beta careful (local, with a preamble)', apiVersion: 'v2', supports: SUPPORTS }, async (req) =>
      respond('beta/careful', req, 'careful')
    ),
    model({ name: 'beta/offline', label: 'Beta offline (always UNAVAILABLE)', apiVersion: 'v2', supports: SUPPORTS }, async () => {
      throw new GenkitError({ status: 'UNAVAILABLE', message: 'beta/offline: the provider is down (simulated)' });
    }),
  ],
});

const MODELS = { alpha: 'alpha/fast', beta: 'beta/careful' };

module.exports = { alphaPlugin, betaPlugin, MODELS, untagged, z };
