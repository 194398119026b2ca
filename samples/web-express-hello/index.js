'use strict';
/**
 * Phase 5 sample (web serving): flows served over HTTP with @genkit-ai/express.
 *
 * `startFlowServer` serves every flow at `POST /<flowName>` (body `{"data": ...}`,
 * answer `{"result": ...}`; streaming with `Accept: text/event-stream`). In dev
 * mode (GENKIT_ENV=dev) Genkit's reflection server runs as well, so jgenkit
 * tests the same flows through the reflection API.
 *
 * Port: $PORT, or when it is unset or 0 a free ephemeral port, so several
 * copies can run at once. (startFlowServer itself treats port 0 as "unset" and
 * falls back to 3400, so the free port is picked here first.) The chosen URL
 * is printed to stderr: `[web-express-hello] flow server on http://127.0.0.1:<port>`.
 *
 *   GENKIT_ENV=dev node index.js
 *   curl -s -X POST http://127.0.0.1:<port>/helloHttpFlow -H 'Content-Type: application/json' -d '{"data":"Ada"}'
 */
const net = require('node:net');
const { genkit, z, UserFacingError } = require('genkit');
const { startFlowServer, withContextProvider } = require('@genkit-ai/express');

const ai = genkit({ name: 'web-express-hello' });

ai.defineModel(
  {
    name: 'local/web',
    label: 'Deterministic local model for the web sample',
    apiVersion: 'v2',
    supports: { multiturn: true, systemRole: true, tools: false, media: false, output: ['text'] },
  },
  async (req, ctx) => {
    const users = (req.messages || []).filter((m) => m.role === 'user');
    const last = users[users.length - 1];
    const text = last ? last.content.filter((p) => typeof p.text === 'string').map((p) => p.text).join(' ') : '';
    if (ctx && ctx.streamingRequested) {
      for (const piece of text.match(/\S+\s*/g) || [text]) ctx.sendChunk({ index: 0, role: 'model', content: [{ text: piece }] });
    }
    return { message: { role: 'model', content: [{ text }] }, finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 } };
  }
);

const MODEL = 'local/web';

// Input: a plain string.
const helloHttpFlow = ai.defineFlow(
  { name: 'helloHttpFlow', inputSchema: z.string().describe('Who to greet'), outputSchema: z.string() },
  async (name) => (await ai.generate({ model: MODEL, prompt: `Hello, ${name}! Served by Express.` })).text
);

// Streaming over HTTP (server-sent events) and through the reflection API (?stream=true).
const CountdownInput = z.object({ from: z.number().int().min(1).max(10).default(3) });
const countdownFlow = ai.defineFlow(
  { name: 'countdownFlow', inputSchema: CountdownInput, outputSchema: z.string(), streamSchema: z.object({ tick: z.number().int() }) },
  async (raw, { sendChunk }) => {
    const { from } = CountdownInput.parse(raw); // Genkit does not apply zod defaults to flow input
    for (let i = from; i >= 1; i--) sendChunk({ tick: i });
    return `Lift-off after ${from}.`;
  }
);

// Reads the request context: over HTTP a context provider fills `auth` from the
// Authorization header; through the reflection API there is none, so it answers "anonymous".
const whoAmIFlow = ai.defineFlow(
  {
    name: 'whoAmIFlow',
    inputSchema: z.object({ greeting: z.enum(['hi', 'hello', 'hey']).default('hello') }),
    outputSchema: z.object({ user: z.string(), message: z.string() }),
  },
  async ({ greeting }, { context }) => {
    const user = (context && context.auth && context.auth.user) || 'anonymous';
    return { user, message: `${greeting || 'hello'}, ${user}` };
  }
);

/** Authorization: Bearer <name> -> auth.user = <name>. Rejects any other scheme. */
async function bearerContext({ headers }) {
  const h = headers.authorization;
  if (!h) return {};
  const m = /^Bearer (\w{1,40})$/.exec(h);
  if (!m) throw new UserFacingError('UNAUTHENTICATED', 'expected "Authorization: Bearer <name>"');
  return { auth: { user: m[1] } };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function main() {
  const requested = Number.parseInt(process.env.PORT || '0', 10);
  const port = Number.isFinite(requested) && requested > 0 ? requested : await freePort();
  const server = startFlowServer({
    flows: [helloHttpFlow, countdownFlow, withContextProvider(whoAmIFlow, bearerContext)],
    port,
  });
  process.stderr.write(`[web-express-hello] pid ${process.pid}: flow server on http://127.0.0.1:${port} (flows helloHttpFlow, countdownFlow, whoAmIFlow)\n`);
  return server;
}

main().catch((e) => {
  process.stderr.write(`[web-express-hello] could not start the flow server: ${e.message}\n`);
  process.exit(1);
});

module.exports = { ai };
