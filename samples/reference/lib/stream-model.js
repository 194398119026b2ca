'use strict';
/**
 * reference/stream: a model that streams as many chunks as the prompt asks for, for benchmarks of
 * stream parsing and for checking that time to first chunk is taken at the first chunk.
 *
 * The last user message is read for `chunks: N` (default 10, at most 1,000,000) and `pause: MS`
 * (default 0): the model sends chunk 1, waits MS milliseconds, then sends chunks 2..N. Chunk i
 * (1-based) is the text `w<i> `; the final response is the concatenation of all chunk texts, so it
 * is the same whether the caller streams or not. Without streaming there is no pause.
 */
const planFor = require('./stream-plan.js');

function abortError() {
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  return err;
}

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal && signal.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Defines reference/stream on `ai` (a Genkit instance). */
function define(ai) {
  ai.defineModel(
    {
      name: 'reference/stream',
      label: 'Reference stream: streams `chunks: N` chunks, pausing `pause: MS` after the first',
      apiVersion: 'v2',
      supports: { multiturn: true, tools: false, media: false, systemRole: true, output: ['text'] },
    },
    async (req, ctx) => {
      const { chunks, pause } = planFor(req);
      const signal = ctx && ctx.abortSignal;
      if (ctx && ctx.streamingRequested) {
        for (let i = 1; i <= chunks; i++) {
          if (signal && signal.aborted) throw abortError();
          ctx.sendChunk({ index: 0, role: 'model', content: [{ text: planFor.chunkText(i) }] });
          if (i === 1 && pause > 0) await sleep(pause, signal);
        }
      }
      const text = planFor.fullText(chunks);
      const words = chunks;
      return {
        message: { role: 'model', content: [{ text }] },
        finishReason: 'stop',
        usage: { inputTokens: 2, outputTokens: words, totalTokens: words + 2 },
      };
    }
  );
}

module.exports = { define };
