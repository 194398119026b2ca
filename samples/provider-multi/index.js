'use strict';
/**
 * Phase 3 sample (multi-provider): two local provider plugins (./providers.js)
 * and flows that compare them, fall back from one to the other, check their
 * structured-output parity, rank them, and route between them.
 *
 * `openAccountFlow` takes a passphrase whose `pattern` uses lookaheads
 * (^(?=.*[A-Z])(?=.*[0-9]).{12,64}$). jgenkit's input synthesiser builds
 * strings for simple patterns (it does for `routeByLocaleFlow`'s
 * ^[a-z]{2}-[A-Z]{2}$) but refuses lookaround, and this sample has no
 * jgenkit-sample.yaml to provide an input, so jgenkit reports that flow as SKIP.
 *
 *   GENKIT_ENV=dev node index.js
 */
const { genkit, z, annotateSchema } = require('genkit');
const { alphaPlugin, betaPlugin, MODELS, untagged } = require('./providers.js');

const ai = genkit({ name: 'provider-multi', plugins: [alphaPlugin, betaPlugin] });

const Provider = z.enum(['alpha', 'beta']).describe('A local provider');
const Answer = z.object({ provider: Provider, model: z.string(), text: z.string() });

async function ask(provider, prompt) {
  const model = MODELS[provider];
  const { text } = await ai.generate({ model, prompt });
  return { provider, model, text };
}

// The same zod enum used twice: Genkit's JSON Schema refers to the first use
// with "$ref": "#/properties/baseline".
ai.defineFlow(
  {
    name: 'compareProvidersFlow',
    inputSchema: z.object({
      prompt: z.string().min(1).describe('The prompt every provider gets'),
      baseline: Provider,
      challengers: z.array(Provider).min(1).max(2),
    }),
    outputSchema: z.object({ answers: z.array(Answer), sameContent: z.boolean() }),
  },
  async ({ prompt, baseline, challengers }) => {
    const answers = await Promise.all([baseline, ...challengers].map((p) => ask(p, prompt)));
    const first = untagged(answers[0].text);
    return { answers, sameContent: answers.every((a) => untagged(a.text) === first) };
  }
);

// Falls back from a provider that is down (beta/offline) to alpha/fast.
ai.defineFlow(
  {
    name: 'fallbackFlow',
    inputSchema: z.string().describe('A prompt'),
    outputSchema: z.object({ model: z.string(), attempts: z.array(z.object({ model: z.string(), error: z.string().optional() })), text: z.string() }),
  },
  async (prompt) => {
    const attempts = [];
    for (const model of ['beta/offline', 'alpha/fast']) {
      try {
        const { text } = await ai.generate({ model, prompt });
        attempts.push({ model });
        return { model, attempts, text };
      } catch (e) {
        attempts.push({ model, error: e.status || e.message });
      }
    }
    throw new Error('every provider failed');
  }
);

// A discriminated union (JSON Schema anyOf with const discriminators).
ai.defineFlow(
  {
    name: 'parityCheckFlow',
    inputSchema: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('text'), prompt: z.string() }),
      z.object({ mode: z.literal('json'), fields: z.array(z.string().min(1).max(20)).min(1).max(4) }),
    ]),
    outputSchema: z.object({ mode: z.enum(['text', 'json']), equal: z.boolean(), alpha: z.string(), beta: z.string() }),
  },
  async (input) => {
    let alpha;
    let beta;
    if (input.mode === 'text') {
      [alpha, beta] = (await Promise.all([ask('alpha', input.prompt), ask('beta', input.prompt)])).map((a) => a.text);
      return { mode: 'text', equal: untagged(alpha) === untagged(beta), alpha, beta };
    }
    const schema = z.object(Object.fromEntries(input.fields.map((f) => [f, z.string()])));
    const outs = await Promise.all(
      Object.values(MODELS).map((model) => ai.generate({ model, prompt: 'Fill in the fields.', output: { schema } }))
    );
    [alpha, beta] = outs.map((r) => JSON.stringify(r.output));
    return { mode: 'json', equal: alpha === beta, alpha, beta };
  }
);

// Input JSON Schema with `examples`, `$defs` and an items `$ref`, added with
// Genkit's annotateSchema (zod alone does not emit them).
const RankInput = annotateSchema(
  z.object({
    prompt: annotateSchema(z.string().min(1), { examples: ['Explain Genkit in one line'] }),
    criteria: annotateSchema(z.array(z.any()).min(1).max(3), { items: { $ref: '#/$defs/Criterion' } }),
  }),
  {
    $defs: {
      Criterion: {
        type: 'object',
        properties: {
          name: { type: 'string', enum: ['brevity', 'politeness'] },
          weight: { type: 'number', minimum: 0, maximum: 1 },
        },
        required: ['name', 'weight'],
      },
    },
  }
);
ai.defineFlow(
  {
    name: 'rankProvidersFlow',
    inputSchema: RankInput,
    outputSchema: z.object({ ranking: z.array(z.object({ provider: Provider, score: z.number() })) }),
  },
  async ({ prompt, criteria }) => {
    const answers = await Promise.all(['alpha', 'beta'].map((p) => ask(p, prompt)));
    const score = (a) =>
      criteria.reduce((acc, c) => {
        const words = a.text.split(/\s+/).length;
        const value = c.name === 'brevity' ? 1 / words : /carefully/i.test(a.text) ? 1 : 0;
        return acc + c.weight * value;
      }, 0);
    const ranking = answers
      .map((a) => ({ provider: a.provider, score: Number(score(a).toFixed(4)) }))
      .sort((x, y) => y.score - x.score || x.provider.localeCompare(y.provider));
    return { ranking };
  }
);

// Input with only a simple `pattern`: jgenkit synthesises a matching string (e.g. "aa-AA").
ai.defineFlow(
  {
    name: 'routeByLocaleFlow',
    inputSchema: z.string().regex(/^[a-z]{2}-[A-Z]{2}$/).describe('A locale code such as en-US'),
    outputSchema: Answer,
  },
  async (locale) => ask(locale.startsWith('en') ? 'alpha' : 'beta', `Greet a user from ${locale}.`)
);

// Input that cannot be synthesised: the passphrase pattern needs lookaheads,
// which jgenkit's synthesiser refuses, and no sample file provides an input -> SKIP.
ai.defineFlow(
  {
    name: 'openAccountFlow',
    inputSchema: z.object({
      provider: Provider,
      passphrase: z
        .string()
        .regex(/^(?=.*[A-Z])(?=.*[0-9]).{12,64}$/)
        .describe('12-64 characters with at least one capital letter and one digit'),
    }),
    outputSchema: z.object({ provider: Provider, opened: z.boolean(), passphraseLength: z.number().int() }),
  },
  // The passphrase is checked by the schema and never echoed or sent anywhere.
  async ({ provider, passphrase }) => ({ provider, opened: true, passphraseLength: passphrase.length })
);

if (process.env.GENKIT_ENV === 'dev') {
  process.stderr.write(`[provider-multi] pid ${process.pid}: plugins alpha (alpha/fast) and beta (beta/careful, beta/offline)\n`);
}

module.exports = { ai };
