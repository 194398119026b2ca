'use strict';
/**
 * jgenkit reference runtime: a real Genkit JS app with deterministic, offline
 * models (no API keys, no network). Start with:
 *
 *   GENKIT_ENV=dev node index.js
 *
 * With GENKIT_ENV=dev, Genkit starts its reflection server (port 3100 or the
 * next free one up to 3200) and writes <projectRoot>/.genkit/runtimes/<pid>-<port>-<ms>.json,
 * where projectRoot is the first directory at or above the CWD that has a package.json.
 * The listening server keeps the process alive; SIGTERM/SIGINT stop it cleanly.
 *
 * Environment:
 *   REFERENCE_SLOW_MS         delay of reference/slow in ms (default 300)
 *   REFERENCE_CHUNK_DELAY_MS  pause between streamed chunks in ms (default 0)
 *   REFERENCE_FAULT           fault switches for jgenkit's fault-injection suite (lib/faults.js)
 */
const faults = require('./lib/faults.js').parse(process.env.REFERENCE_FAULT);

// Faults that act before Genkit loads: the runtime dies at once, or runs without its
// reflection server (so it never writes a runtime file) and stays up doing nothing.
if (faults.exitAtOnce) {
  process.stderr.write('[jgenkit-reference] REFERENCE_FAULT=exit-at-once: exiting with code 3\n');
  process.exit(3);
}
if (faults.noRuntimeFile) {
  process.env.GENKIT_ENV = 'prod';
  setInterval(() => {}, 60_000);
  process.stderr.write('[jgenkit-reference] REFERENCE_FAULT=no-runtime-file: no reflection server\n');
}
if (faults.leakSecrets) {
  // A careless app logging its configuration: secrets and a long data URL in its output.
  for (const line of require('./lib/faults.js').leakLines(process.env)) {
    process.stdout.write(line + '\n');
    process.stderr.write(line + '\n');
  }
}

const { genkit, z, GenkitError } = require('genkit');
const behaviour = require('./lib/behaviour.js');

if (faults.ignoreSigterm) {
  // Genkit stops on SIGTERM/SIGINT; this runtime refuses, so only SIGKILL ends it.
  for (const sig of ['SIGTERM', 'SIGINT']) {
    process.removeAllListeners(sig);
    process.on(sig, () => process.stderr.write(`[jgenkit-reference] ignoring ${sig}\n`));
  }
}

const ai = genkit({ name: 'jgenkit-reference' });

let modelCalls = 0;
/** REFERENCE_FAULT=die-after:N: the N-th model call kills the process (SIGKILL, no cleanup). */
function countCall() {
  modelCalls += 1;
  if (faults.dieAfter > 0 && modelCalls >= faults.dieAfter) {
    process.stderr.write(`[jgenkit-reference] REFERENCE_FAULT=die-after:${faults.dieAfter}: killed on call ${modelCalls}\n`);
    process.kill(process.pid, 'SIGKILL');
  }
}

/** Like ai.defineModel, unless REFERENCE_FAULT=never-register-models; counts calls. */
function defineModel(options, runner) {
  if (faults.neverRegisterModels) return;
  ai.defineModel(options, (req, ctx) => {
    countCall();
    return runner(req, ctx);
  });
}

function envInt(name, dflt) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 0 ? n : dflt;
}

function abortErrorFrom(signal) {
  const reason = signal && signal.reason;
  if (reason && reason.name === 'AbortError') return reason;
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  return err;
}

/** setTimeout as a promise that rejects with an AbortError when `signal` fires. */
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal && signal.aborted) return reject(abortErrorFrom(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortErrorFrom(signal));
    };
    const timer = setTimeout(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Sends the chunks (only when the caller streams), then returns the final response. */
async function respond(req, ctx, content, { stream = true } = {}) {
  const signal = ctx && ctx.abortSignal;
  if (stream && ctx && ctx.streamingRequested) {
    const delay = envInt('REFERENCE_CHUNK_DELAY_MS', 0);
    for (const chunk of behaviour.chunksFor(content)) {
      if (signal && signal.aborted) throw abortErrorFrom(signal);
      ctx.sendChunk(chunk);
      if (delay > 0) await sleep(delay, signal);
    }
  }
  return behaviour.finalResponse(req, content);
}

const FULL_SUPPORTS = {
  multiturn: true,
  tools: true,
  media: true,
  systemRole: true,
  toolChoice: true,
  output: ['text', 'json'],
  constrained: 'all',
};

// apiVersion 'v2': the runner receives the full action context
// ({sendChunk, streamingRequested, abortSignal, context, ...}) as its second argument.

defineModel(
  {
    name: 'reference/good',
    label: 'Reference good: deterministic, passes all 12 dev:test-model built-ins',
    apiVersion: 'v2',
    supports: { ...FULL_SUPPORTS },
  },
  async (req, ctx) => respond(req, ctx, behaviour.goodContent(req))
);

defineModel(
  {
    name: 'reference/bad',
    label: 'Reference bad: no tool calls, broken JSON, ignores system role, never streams',
    apiVersion: 'v2',
    supports: { ...FULL_SUPPORTS },
  },
  // Never calls sendChunk: streaming callers receive no chunks.
  async (req, ctx) => respond(req, ctx, behaviour.badContent(req), { stream: false })
);

defineModel(
  {
    name: 'reference/slow',
    label: 'Reference slow: like good, after REFERENCE_SLOW_MS (default 300 ms)',
    apiVersion: 'v2',
    supports: { ...FULL_SUPPORTS },
  },
  async (req, ctx) => {
    await sleep(envInt('REFERENCE_SLOW_MS', 300), ctx && ctx.abortSignal);
    return respond(req, ctx, behaviour.goodContent(req));
  }
);

let flakyCalls = 0;
defineModel(
  {
    name: 'reference/flaky',
    label: 'Reference flaky: like good, but odd-numbered calls fail with UNAVAILABLE',
    apiVersion: 'v2',
    supports: { ...FULL_SUPPORTS },
  },
  async (req, ctx) => {
    flakyCalls += 1;
    if (flakyCalls % 2 === 1) {
      throw new GenkitError({
        status: 'UNAVAILABLE',
        message: `reference/flaky: simulated transient failure (call ${flakyCalls})`,
      });
    }
    return respond(req, ctx, behaviour.goodContent(req));
  }
);

defineModel(
  {
    name: 'reference/hang',
    label: 'Reference hang: never answers (ends only when cancelled)',
    apiVersion: 'v2',
    supports: { ...FULL_SUPPORTS },
  },
  (req, ctx) =>
    new Promise((_resolve, reject) => {
      const signal = ctx && ctx.abortSignal;
      if (!signal) return; // never settles
      if (signal.aborted) return reject(abortErrorFrom(signal));
      signal.addEventListener('abort', () => reject(abortErrorFrom(signal)), { once: true });
    })
);

defineModel(
  {
    name: 'reference/limited',
    label: 'Reference limited: text only; declares tools:false and media:false',
    apiVersion: 'v2',
    supports: {
      multiturn: true,
      tools: false,
      media: false,
      systemRole: true,
      output: ['text'],
    },
  },
  async (req, ctx) => respond(req, ctx, behaviour.limitedContent(req))
);

ai.defineFlow(
  {
    name: 'echoFlow',
    inputSchema: z.string(),
    outputSchema: z.string(),
    streamSchema: z.string(),
  },
  async (input, { sendChunk }) => {
    const out = `Echo: ${input}`;
    for (const piece of behaviour.splitForStreaming(out)) sendChunk(piece);
    return out;
  }
);

// reference/stream (N chunks on request, for benchmarks): lib/stream-model.js.
require('./lib/stream-model.js').define(ai);

if (process.env.GENKIT_ENV === 'dev') {
  const models = faults.neverRegisterModels ? 'no models (REFERENCE_FAULT=never-register-models)' : 'models reference/{good,bad,slow,flaky,hang,limited}';
  process.stderr.write(`[jgenkit-reference] pid ${process.pid}: ${models}, flow echoFlow\n`);
}

module.exports = { ai };
