'use strict';
/**
 * `localProvider`: a provider-style Genkit plugin (genkitPlugin from
 * 'genkit/plugin') that registers deterministic, offline models under the
 * `local/` namespace, the way a real provider plugin registers its hosted
 * models. No keys, no network, no clocks, no randomness.
 *
 *   const { localProvider } = require('./plugin');
 *   const ai = genkit({ plugins: [localProvider()] });
 *   await ai.generate({ model: 'local/hello-1', prompt: 'Hi' });
 */
const { z } = require('genkit');
const { genkitPlugin } = require('genkit/plugin');

const HelloConfig = z.object({
  temperature: z.number().min(0).max(2).optional(),
  maxOutputTokens: z.number().int().min(1).optional(),
  topK: z.number().int().min(1).optional(),
});

function isInjected(p) {
  return !!(p && p.metadata && (p.metadata.purpose === 'output' || p.metadata.purpose === 'context'));
}

function textOf(message) {
  return (message && message.content ? message.content : [])
    .filter((p) => typeof p.text === 'string' && !isInjected(p))
    .map((p) => p.text)
    .join(' ')
    .trim();
}

/**
 * A value that validates against a JSON Schema (types, enum, const, min/max, items).
 * An enum takes the value the prompt mentions, else the first one.
 */
function sample(schema, subject, name, index = 0, text = '') {
  if (!schema || typeof schema !== 'object') return subject;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) {
    const mentioned = schema.enum.find((v) => typeof v === 'string' && new RegExp(`\\b${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(text));
    return mentioned !== undefined ? mentioned : schema.enum[index % schema.enum.length];
  }
  const branches = schema.anyOf || schema.oneOf;
  if (Array.isArray(branches)) return sample(branches[0], subject, name, index, text);
  switch (schema.type) {
    case 'object': {
      const out = {};
      for (const [k, v] of Object.entries(schema.properties || {})) out[k] = sample(v, subject, k, index, text);
      return out;
    }
    case 'array': {
      const n = Math.max(schema.minItems || 1, Math.min(schema.maxItems || 2, 2));
      return Array.from({ length: n }, (_, i) => sample(schema.items, subject, name, i, text));
    }
    case 'integer':
    case 'number': {
      let v = 21 + index;
      if (typeof schema.minimum === 'number') v = Math.max(v, schema.minimum);
      if (typeof schema.maximum === 'number') v = Math.min(v, schema.maximum);
      return v;
    }
    case 'boolean':
      return true;
    default:
      return /city|name|place/i.test(name || '') ? subject : `${name || 'text'} for ${subject}`;
  }
}

/** "... for Paris." / "... in Paris?" -> "Paris" */
function subjectOf(text) {
  const m = /\b(?:for|in|about|to)\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)/.exec(text);
  return m ? m[1] : 'Genkit';
}

/** Splits text into pieces whose concatenation is the text (one per sentence, or per word). */
function pieces(text) {
  const sentences = text.match(/[^.!?]+[.!?]+\s*|[^.!?]+$/g) || [text];
  if (sentences.length > 1) return sentences;
  return text.match(/\S+\s*/g) || [text];
}

function helloContent(req, modelName) {
  const msgs = req.messages || [];
  const last = msgs[msgs.length - 1];
  const system = msgs.filter((m) => m.role === 'system').map(textOf).join(' ');
  const prefix = /prefix every answer with (\S+)/i.exec(system);
  const say = (t) => [{ text: prefix ? `${prefix[1]} ${t}` : t }];

  // 1. After a tool call: report the tool output.
  if (last && last.role === 'tool') {
    const outs = (last.content || []).filter((p) => p.toolResponse);
    return say(outs.map((p) => `${p.toolResponse.name} says ${JSON.stringify(p.toolResponse.output)}.`).join(' '));
  }
  const users = msgs.filter((m) => m.role === 'user');
  const text = users.length ? textOf(users[users.length - 1]) : '';
  // 2. Tools offered: call the one the prompt names (or the first), input from its schema.
  const tools = req.tools || [];
  if (tools.length && req.toolChoice !== 'none') {
    const tool = tools.find((t) => text.toLowerCase().includes(t.name.toLowerCase())) || tools[0];
    return [{ toolRequest: { name: tool.name, ref: `${tool.name}-1`, input: sample(tool.inputSchema, subjectOf(text), undefined, 0, text) } }];
  }
  // 3. Structured output.
  if (req.output && (req.output.format === 'json' || req.output.schema)) {
    return [{ text: JSON.stringify(sample(req.output.schema || {}, subjectOf(text), undefined, 0, text)) }];
  }
  // 4. Multi-turn memory.
  const earlier = msgs.slice(0, -1).map(textOf).join(' ');
  const remembered = /\bmy name is ([A-Z][\w'-]*)/i.exec(earlier);
  if (remembered && /what is my name/i.test(text)) return say(`Your name is ${remembered[1]}.`);
  // 5. Stories: "Tell N sentences about X."
  const story = /tell (\d+) sentences about (.+?)\.?$/i.exec(text);
  if (story) {
    const n = Number(story[1]);
    const out = Array.from({ length: n }, (_, i) => `Sentence ${i + 1} about ${story[2]}.`).join(' ');
    return say(out);
  }
  // 6. Config echo.
  const cfg = req.config || {};
  if (/show (the |your )?config/i.test(text)) {
    return say(`${modelName} ran with temperature ${cfg.temperature ?? 'default'} and maxOutputTokens ${cfg.maxOutputTokens ?? 'default'}.`);
  }
  // 7. Greeting / echo.
  const hello = /^say hello to (.+?)\.?$/i.exec(text);
  if (hello) return say(`Hello, ${hello[1]}! This is ${modelName}.`);
  return say(text || `Hello from ${modelName}.`);
}

function usage(req, content) {
  const words = (s) => (s.match(/\S+/g) || []).length;
  const inputTokens = (req.messages || []).reduce((n, m) => n + words(textOf(m)), 0);
  const outputTokens = content.reduce((n, p) => n + (typeof p.text === 'string' ? words(p.text) : 1), 0);
  return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
}

function localProvider(options = {}) {
  const models = options.models || ['hello-1'];
  return genkitPlugin('local', async (ai) => {
    for (const short of models) {
      const name = `local/${short}`;
      ai.defineModel(
        {
          name,
          label: `Local provider ${short} (deterministic, offline)`,
          apiVersion: 'v2',
          configSchema: HelloConfig,
          supports: { multiturn: true, tools: true, systemRole: true, media: false, toolChoice: true, output: ['text', 'json'], constrained: 'all' },
        },
        async (req, ctx) => {
          const content = helloContent(req, name);
          if (ctx && ctx.streamingRequested) {
            for (const part of content) {
              if (typeof part.text === 'string') {
                for (const piece of pieces(part.text)) ctx.sendChunk({ index: 0, role: 'model', content: [{ text: piece }] });
              } else {
                ctx.sendChunk({ index: 0, role: 'model', content: [part] });
              }
            }
          }
          return { message: { role: 'model', content }, finishReason: 'stop', usage: usage(req, content) };
        }
      );
    }
  });
}

module.exports = { localProvider, HelloConfig };
