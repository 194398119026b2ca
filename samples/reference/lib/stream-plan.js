'use strict';
/** Pure request -> plan logic of reference/stream (see stream-model.js); no I/O. */

const DEFAULT_CHUNKS = 10;
const MAX_CHUNKS = 1000000;

function lastUserText(req) {
  const ms = Array.isArray(req && req.messages) ? req.messages : [];
  for (let i = ms.length - 1; i >= 0; i--) {
    if (ms[i].role === 'user' && Array.isArray(ms[i].content)) {
      return ms[i].content.filter((p) => typeof p.text === 'string').map((p) => p.text).join(' ');
    }
  }
  return '';
}

function intAfter(text, word, dflt, max) {
  const m = new RegExp(`\\b${word}\\s*[:=]\\s*(\\d+)`, 'i').exec(text);
  if (!m) return dflt;
  return Math.min(Number.parseInt(m[1], 10), max);
}

/** {chunks, pause} asked for by the request's last user message. */
function planFor(req) {
  const text = lastUserText(req);
  return {
    chunks: Math.max(1, intAfter(text, 'chunks', DEFAULT_CHUNKS, MAX_CHUNKS)),
    pause: intAfter(text, 'pause', 0, 600000),
  };
}

/** The text of chunk i (1-based). */
planFor.chunkText = (i) => `w${i} `;

/** The concatenation of chunks 1..n. */
planFor.fullText = (n) => {
  const parts = new Array(n);
  for (let i = 1; i <= n; i++) parts[i - 1] = planFor.chunkText(i);
  return parts.join('');
};

module.exports = planFor;
