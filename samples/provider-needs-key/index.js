'use strict';
/**
 * Phase 3 sample: a provider that needs an API key, like the hosted providers'
 * samples (ANTHROPIC_API_KEY, OPENAI_API_KEY, ...).
 *
 * It refuses to start unless JGENKIT_DEMO_API_KEY is set to a non-empty value.
 * The value is never sent anywhere, logged or returned: the "demo-cloud" plugin
 * only checks that it is there and then serves a deterministic local model.
 * jgenkit reads `env: [JGENKIT_DEMO_API_KEY]` from jgenkit-sample.yaml (and the
 * plan) and SKIPS this sample without starting it when the variable is unset.
 *
 *   JGENKIT_DEMO_API_KEY=anything GENKIT_ENV=dev node index.js
 */
const { genkit, z, GenkitError } = require('genkit');
const { genkitPlugin } = require('genkit/plugin');

const KEY_VAR = 'JGENKIT_DEMO_API_KEY';

function demoCloud(options = {}) {
  const apiKey = options.apiKey || process.env[KEY_VAR];
  if (!apiKey) {
    throw new GenkitError({
      status: 'FAILED_PRECONDITION',
      message: `demo-cloud: set ${KEY_VAR} (any non-empty value; this demo never sends it anywhere)`,
    });
  }
  return genkitPlugin('demo-cloud', async (ai) => {
    ai.defineModel(
      {
        name: 'demo-cloud/standard',
        label: 'Demo cloud standard (local stand-in for a hosted model)',
        apiVersion: 'v2',
        supports: { multiturn: true, systemRole: true, tools: false, media: false, output: ['text', 'json'] },
      },
      async (req, ctx) => {
        const users = (req.messages || []).filter((m) => m.role === 'user');
        const last = users[users.length - 1];
        const text = last ? last.content.filter((p) => typeof p.text === 'string').map((p) => p.text).join(' ') : '';
        const out = `demo-cloud answered: ${text}`;
        if (ctx && ctx.streamingRequested) {
          for (const piece of out.match(/\S+\s*/g) || [out]) ctx.sendChunk({ index: 0, role: 'model', content: [{ text: piece }] });
        }
        return { message: { role: 'model', content: [{ text: out }] }, finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 } };
      }
    );
  });
}

let plugin;
try {
  plugin = demoCloud();
} catch (e) {
  process.stderr.write(`[provider-needs-key] ${e.message}\n`);
  process.exit(2);
}

const ai = genkit({ name: 'provider-needs-key', plugins: [plugin], model: 'demo-cloud/standard' });

ai.defineFlow(
  { name: 'keyedHelloFlow', inputSchema: z.string().describe('A prompt'), outputSchema: z.string() },
  async (prompt) => (await ai.generate({ prompt })).text
);

ai.defineFlow(
  {
    name: 'keyStatusFlow',
    inputSchema: z.object({ verbose: z.boolean().optional() }),
    // Never the key itself: only whether it is configured.
    outputSchema: z.object({ variable: z.string(), configured: z.boolean(), sent: z.boolean() }),
  },
  async () => ({ variable: KEY_VAR, configured: true, sent: false })
);

if (process.env.GENKIT_ENV === 'dev') {
  process.stderr.write(`[provider-needs-key] pid ${process.pid}: ${KEY_VAR} is set; model demo-cloud/standard\n`);
}

module.exports = { ai };
