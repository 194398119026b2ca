'use strict';
/**
 * A deliberately misbehaving reflection server for jgenkit's fault-injection suite: the HTTP-level
 * faults a real Genkit runtime does not produce on demand (connection reset mid-stream, a garbage
 * NDJSON line, a stream without its final line, a 10 MB response, a slow-drip stream, a stream that
 * stalls after its first chunk, 429/503 with
 * Retry-After). Plain Node `http`, no Genkit, no network beyond 127.0.0.1.
 *
 *   GENKIT_ENV=dev node faulty-runtime.js
 *
 * Like a Genkit JS runtime in dev mode it listens on 127.0.0.1 (a free port), writes
 * <projectRoot>/.genkit/runtimes/<pid>-<port>-<ms>.json (projectRoot: the first directory at or
 * above the CWD with a package.json) and removes it on SIGTERM/SIGINT. Models are
 * /model/fault/<name>; see README.md, "Fault switches", for what each one does.
 *
 * Environment:
 *   FAULTY_REQUEST_LOG  append one line per request here: "POST /api/runAction /model/fault/x @<epoch ms>"
 */
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const SUPPORTS = { multiturn: true, tools: false, media: false, systemRole: true, output: ['text'] };
const MODELS = ['good', 'reset', 'garbage', 'no-final', 'huge', 'drip', 'stall', 'rate-limited', 'unavailable', 'hang'];
const HUGE_BYTES = 10 * 1024 * 1024;
const VERSION = 'faulty/0.1.0';

const active = new Map(); // traceId -> function that ends the call as cancelled
const callsByPrompt = new Map();
const requestLog = process.env.FAULTY_REQUEST_LOG;

function log(line) {
  if (requestLog) fs.appendFileSync(requestLog, `${line} @${Date.now()}\n`);
}

function lastUserText(input) {
  const messages = (input && input.messages) || [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role === 'user') return ((m.content || []).find((p) => typeof p.text === 'string') || {}).text || '';
  }
  return '';
}

function result(text, traceId) {
  return JSON.stringify({
    result: { message: { role: 'model', content: [{ text }] }, finishReason: 'stop' },
    telemetry: { traceId },
  });
}

function chunk(text) {
  return JSON.stringify({ index: 0, role: 'model', content: [{ text }] }) + '\n';
}

function genkitError(code, message) {
  return JSON.stringify({ error: { code, message } });
}

function start(res, traceId, stream, status = 200, headers = {}) {
  res.writeHead(status, {
    'Content-Type': stream ? 'text/plain' : 'application/json',
    'X-Genkit-Version': VERSION,
    'X-Genkit-Trace-Id': traceId,
    ...headers,
  });
  res.flushHeaders();
}

/** The fault behaviours: each answers one runAction. */
const behave = {
  good(res, { text, traceId, stream }) {
    start(res, traceId, stream);
    if (stream) res.write(chunk(text));
    res.end(result(text, traceId));
  },
  reset(res, { traceId, stream }) {
    start(res, traceId, stream);
    res.write(stream ? chunk('first chunk, then the connection drops') : '{"result":{"message":');
    setTimeout(() => res.socket && res.socket.resetAndDestroy(), 100);
  },
  garbage(res, { text, traceId, stream }) {
    start(res, traceId, stream);
    if (stream) res.write(chunk(text) + '<<< garbage: not JSON >>>\n');
    else res.write('<html><body>Internal oops</body></html>');
    res.end(stream ? result(text, traceId) : '');
  },
  'no-final'(res, { text, traceId, stream }) {
    start(res, traceId, stream);
    res.end(stream ? chunk(text) + chunk(' and no final line') : '');
  },
  huge(res, { traceId, stream }) {
    start(res, traceId, stream);
    res.end(result('A'.repeat(HUGE_BYTES), traceId));
  },
  drip(res, { traceId, stream }) {
    start(res, traceId, stream);
    const body = (stream ? chunk('dripping') : result('dripping', traceId)).repeat(1000);
    let i = 0;
    const timer = setInterval(() => {
      if (res.destroyed || i >= body.length) return clearInterval(timer);
      res.write(body[i++]);
    }, 200);
    res.on('close', () => clearInterval(timer));
    active.set(traceId, () => { clearInterval(timer); res.end(); });
  },
  stall(res, { text, traceId, stream }) {
    start(res, traceId, stream);
    if (stream) res.write(chunk(text));
    active.set(traceId, () => res.end(genkitError(1, 'Action was cancelled')));
  },
  'rate-limited'(res, { text, traceId, stream, prompt }) {
    const n = (callsByPrompt.get(prompt) || 0) + 1;
    callsByPrompt.set(prompt, n);
    if (n === 1) {
      start(res, traceId, false, 429, { 'Retry-After': '1' });
      return res.end(genkitError(8, 'fault/rate-limited: slow down'));
    }
    behave.good(res, { text, traceId, stream });
  },
  unavailable(res, { traceId }) {
    start(res, traceId, false, 503, { 'Retry-After': '0' });
    res.end(genkitError(14, 'fault/unavailable: overloaded'));
  },
  hang(res, { traceId, stream }) {
    start(res, traceId, stream);
    active.set(traceId, () => res.end(genkitError(1, 'Action was cancelled')));
  },
};

function readBody(req) {
  return new Promise((resolve) => {
    const parts = [];
    req.on('data', (d) => parts.push(d));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
  });
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const body = await readBody(req);
  if (req.method === 'GET' && url.pathname === '/api/__health') {
    log('GET /api/__health');
    return res.end('OK');
  }
  if (req.method === 'GET' && url.pathname === '/api/actions') {
    log('GET /api/actions');
    const actions = {};
    for (const m of MODELS) {
      const key = `/model/fault/${m}`;
      actions[key] = { key, name: `fault/${m}`, metadata: { model: { supports: SUPPORTS } } };
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return res.end(JSON.stringify(actions));
  }
  if (req.method === 'POST' && url.pathname === '/api/runAction') {
    let parsed;
    try {
      parsed = JSON.parse(body);
    } catch (e) {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      return res.end(genkitError(3, 'bad JSON'));
    }
    const key = String(parsed.key || '');
    log(`POST /api/runAction ${key}`);
    const name = key.replace(/^\/model\/fault\//, '');
    const fn = behave[name];
    if (!key.startsWith('/model/fault/') || !fn) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      return res.end(`action ${key} not found`);
    }
    const prompt = lastUserText(parsed.input);
    const traceId = crypto.randomBytes(16).toString('hex');
    return fn(res, { text: prompt || 'hello', traceId, stream: url.searchParams.get('stream') === 'true', prompt });
  }
  if (req.method === 'POST' && url.pathname === '/api/cancelAction') {
    let traceId = '';
    try {
      traceId = JSON.parse(body).traceId || '';
    } catch (e) {
      // fall through: unknown trace
    }
    log(`POST /api/cancelAction ${traceId}`);
    const cancel = active.get(traceId);
    active.delete(traceId);
    res.writeHead(cancel ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ message: cancel ? 'Action cancelled' : 'Action not found or already completed' }));
    if (cancel) cancel();
    return undefined;
  }
  res.writeHead(404, { 'Content-Type': 'text/html' });
  return res.end(`Cannot ${req.method} ${url.pathname}`);
});

function projectRoot(dir) {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json'))) return d;
    if (path.dirname(d) === d) return path.resolve(dir);
  }
}

let runtimeFile = null;
function stop() {
  if (runtimeFile) {
    try {
      fs.unlinkSync(runtimeFile);
    } catch (e) {
      // already gone
    }
  }
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  process.stderr.write(`[faulty-runtime] pid ${process.pid}: models ${MODELS.map((m) => 'fault/' + m).join(', ')} on port ${port}\n`);
  if (process.env.GENKIT_ENV !== 'dev') return;
  const dir = path.join(projectRoot(process.cwd()), '.genkit', 'runtimes');
  fs.mkdirSync(dir, { recursive: true });
  const now = Date.now();
  runtimeFile = path.join(dir, `${process.pid}-${port}-${now}.json`);
  const content = JSON.stringify({
    id: `${process.pid}-${port}`,
    pid: process.pid,
    name: 'jgenkit-faulty-runtime',
    reflectionServerUrl: `http://localhost:${port}`,
    timestamp: new Date(now).toISOString(),
    genkitVersion: VERSION,
    reflectionApiSpecVersion: 1,
  }, null, 2);
  fs.writeFileSync(runtimeFile + '.tmp', content);
  fs.renameSync(runtimeFile + '.tmp', runtimeFile);
});
