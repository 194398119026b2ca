'use strict';
/**
 * Phase 1 sample (core framework): output formats.
 *
 * A deterministic local model, `format/echo`, answers whatever output format
 * Genkit asks for (json, array, jsonl, enum, text) with values derived from the
 * requested JSON Schema and the prompt. No API keys, no network.
 *
 *   GENKIT_ENV=dev node index.js
 *
 * One flow is deliberately broken: `shoppingListFlow` drops the first item of
 * its list (an off-by-one bug), so the `text-includes:banana` validator in
 * jgenkit-sample.yaml rejects its answer and jgenkit reports it as FAIL.
 */
const { genkit, z } = require('genkit');

const ai = genkit({ name: 'framework-format-demo' });

// ---------------------------------------------------------------------------
// The local model
// ---------------------------------------------------------------------------

function userText(req) {
  const msgs = req.messages || [];
  for (let i = msgs.length - 1; i >= 0; i--) {
    if (msgs[i].role !== 'user') continue;
    return (msgs[i].content || [])
      .filter((p) => typeof p.text === 'string' && !(p.metadata && p.metadata.purpose))
      .map((p) => p.text)
      .join(' ')
      .trim();
  }
  return '';
}

/** "Tell me about X." -> "X"; the text after the last "about" or "for". */
function subjectOf(text) {
  const m = /\b(?:about|for)\s+([^.?!\n]+?)[.?!]*\s*$/i.exec(text);
  return m ? m[1].trim() : text || 'Genkit';
}

/** A value that validates against the (zod-generated) JSON Schema. */
function sample(schema, subject, name, index = 0) {
  if (!schema || typeof schema !== 'object') return subject;
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[index % schema.enum.length];
  const branches = schema.anyOf || schema.oneOf;
  if (Array.isArray(branches)) return sample(branches.find((b) => b.type !== 'null') || branches[0], subject, name, index);
  switch (schema.type) {
    case 'object': {
      const out = {};
      for (const [k, v] of Object.entries(schema.properties || {})) out[k] = sample(v, subject, k, index);
      return out;
    }
    case 'array': {
      const n = Math.max(schema.minItems || 0, Math.min(schema.maxItems || 3, 3));
      return Array.from({ length: n }, (_, i) => sample(schema.items, subject, name, i));
    }
    case 'integer':
    case 'number': {
      let v = 3 + index;
      if (typeof schema.minimum === 'number' && v < schema.minimum) v = schema.minimum;
      if (typeof schema.maximum === 'number' && v > schema.maximum) v = schema.maximum;
      return v;
    }
    case 'boolean':
      return index % 2 === 0;
    default: {
      const base = name ? `${name} ${index + 1} of ${subject}` : subject;
      return typeof schema.maxLength === 'number' ? base.slice(0, schema.maxLength) : base;
    }
  }
}

/** Keyword sentiment for the enum format. */
function sentiment(text, values) {
  const t = text.toLowerCase();
  const pick = (v) => values.find((x) => x.toLowerCase() === v) || values[0];
  if (/\b(love|great|excellent|good|delicious|wonderful)\b/.test(t)) return pick('positive');
  if (/\b(hate|bad|awful|terrible|cold|slow)\b/.test(t)) return pick('negative');
  return pick('neutral');
}

function answer(req) {
  const text = userText(req);
  const subject = subjectOf(text);
  const out = req.output || {};
  const schema = out.schema;
  switch (out.format) {
    case 'enum':
      return sentiment(text, (schema && schema.enum) || ['NEUTRAL']);
    case 'json':
    case 'array':
      return JSON.stringify(sample(schema || { type: 'object', properties: { text: { type: 'string' } } }, subject));
    case 'jsonl': {
      const items = sample(schema || { type: 'array', items: { type: 'object', properties: { text: { type: 'string' } } } }, subject);
      return items.map((x) => JSON.stringify(x)).join('\n');
    }
    default:
      return `Plain text about ${subject}.`;
  }
}

ai.defineModel(
  {
    name: 'format/echo',
    label: 'Deterministic local model that answers every output format',
    apiVersion: 'v2',
    supports: { multiturn: true, systemRole: true, tools: false, media: false, output: ['text', 'json', 'enum', 'jsonl'], constrained: 'all' },
  },
  async (req) => {
    const text = answer(req);
    return { message: { role: 'model', content: [{ text }] }, finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 } };
  }
);

const MODEL = 'format/echo';

/**
 * Genkit 1.42 validates a flow's input against the JSON Schema made from the
 * zod schema, but does not run zod itself: `.default(...)` values are NOT
 * filled in. Each flow therefore parses its input with its own zod schema.
 */
function withDefaults(schema, fn) {
  return (input, ctx) => fn(schema.parse(input), ctx);
}

// ---------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------

const Person = z.object({
  name: z.string(),
  age: z.number().int().min(0).max(150),
  hobbies: z.array(z.string()).min(1).max(3),
});

const Recipe = z.object({
  dish: z.string(),
  vegetarian: z.boolean(),
  steps: z.array(z.object({ order: z.number().int().min(1), action: z.string() })).min(2).max(4),
});

const Sentiment = z.enum(['POSITIVE', 'NEGATIVE', 'NEUTRAL']);

// ---------------------------------------------------------------------------
// Flows
// ---------------------------------------------------------------------------

// json format; input: object with a required string and an optional, bounded integer.
ai.defineFlow(
  {
    name: 'jsonFormatFlow',
    inputSchema: z.object({
      name: z.string().min(1).describe('Who the profile is for'),
      minAge: z.number().int().min(0).max(150).optional().describe('Lower bound for the age'),
    }),
    outputSchema: Person,
  },
  async ({ name, minAge }) => {
    const { output } = await ai.generate({
      model: MODEL,
      prompt: `Invent a profile for ${name}.`,
      output: { format: 'json', schema: Person },
    });
    return { ...output, name, age: Math.max(output.age, minAge || 0) };
  }
);

const ArrayInput = z.object({
  topic: z.string().describe('What the items are about'),
  count: z.number().int().min(1).max(5).default(2),
});

// array format; input: object with a string and an integer with min/max and a default.
ai.defineFlow(
  {
    name: 'arrayFormatFlow',
    inputSchema: ArrayInput,
    outputSchema: z.array(z.object({ title: z.string(), rank: z.number().int() })),
  },
  withDefaults(ArrayInput, async ({ topic, count }) => {
    const { output } = await ai.generate({
      model: MODEL,
      prompt: `List ideas about ${topic}.`,
      output: { format: 'array', schema: z.array(z.object({ title: z.string(), rank: z.number().int() })) },
    });
    return output.slice(0, count).map((item, i) => ({ ...item, rank: i + 1 }));
  })
);

// enum format; input: a plain string.
ai.defineFlow(
  {
    name: 'enumFormatFlow',
    inputSchema: z.string().describe('A product review'),
    outputSchema: Sentiment,
  },
  async (review) => {
    const { output } = await ai.generate({
      model: MODEL,
      prompt: `Classify the sentiment of this review: ${review}`,
      output: { format: 'enum', schema: Sentiment },
    });
    return output;
  }
);

// text format; input: an object whose only property is an enum with a default.
const TextInput = z.object({ topic: z.enum(['genkit', 'zod', 'json-schema']).default('genkit') });
ai.defineFlow(
  {
    name: 'textFormatFlow',
    inputSchema: TextInput,
    outputSchema: z.string(),
  },
  withDefaults(TextInput, async ({ topic }) => {
    const { text } = await ai.generate({ model: MODEL, prompt: `Write one line about ${topic}.`, output: { format: 'text' } });
    return text;
  })
);

// jsonl format; input: nested object with an array of enums.
ai.defineFlow(
  {
    name: 'jsonlFormatFlow',
    inputSchema: z.object({
      recipe: z.object({
        dish: z.string(),
        diets: z.array(z.enum(['vegetarian', 'vegan', 'gluten-free'])).min(1).max(3),
      }),
      maxMinutes: z.number().int().min(5).max(120).optional(),
    }),
    outputSchema: z.array(Recipe),
  },
  async ({ recipe }) => {
    const { output } = await ai.generate({
      model: MODEL,
      prompt: `Suggest recipes for ${recipe.dish}.`,
      output: { format: 'jsonl', schema: z.array(Recipe) },
    });
    return output.map((r) => ({ ...r, dish: recipe.dish, vegetarian: recipe.diets.includes('vegetarian') || recipe.diets.includes('vegan') }));
  }
);

// DELIBERATELY BROKEN: an off-by-one bug drops the first item of the list, so
// `text-includes:banana` (jgenkit-sample.yaml) rejects the answer -> FAIL.
// The output still validates against outputSchema (a string), so Genkit itself
// accepts it; an outputSchema violation would instead be rejected by Genkit
// (INVALID_ARGUMENT) and reported by jgenkit as an ERROR.
const ShoppingInput = z.object({
  items: z.array(z.string()).min(1).default(['banana', 'milk', 'bread']),
});
ai.defineFlow(
  {
    name: 'shoppingListFlow',
    inputSchema: ShoppingInput,
    outputSchema: z.string(),
  },
  withDefaults(ShoppingInput, async ({ items }) => {
    const kept = items.slice(1); // the bug: should be items.slice(0)
    const { text } = await ai.generate({ model: MODEL, prompt: `Write a shopping list for ${kept.join(', ') || 'nothing'}.`, output: { format: 'text' } });
    return text;
  })
);

if (process.env.GENKIT_ENV === 'dev') {
  process.stderr.write(`[framework-format-demo] pid ${process.pid}: model format/echo, 6 flows\n`);
}

module.exports = { ai };
