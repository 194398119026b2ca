'use strict';
/**
 * Pure, deterministic request -> response logic for the reference models.
 * No I/O, no clocks, no randomness, no network: the same request always
 * produces the same response. Media URLs are only inspected as strings.
 */
const { PNG_DATA_URL, WAV_DATA_URL } = require('./media.js');

// ---------------------------------------------------------------------------
// Request inspection helpers
// ---------------------------------------------------------------------------

/** Parts injected by Genkit middleware (output instructions, context docs). */
function isInjectedPart(part) {
  const purpose = part && part.metadata && part.metadata.purpose;
  return purpose === 'output' || purpose === 'context';
}

function messageText(message) {
  if (!message || !Array.isArray(message.content)) return '';
  return message.content
    .filter((p) => typeof p.text === 'string' && !isInjectedPart(p))
    .map((p) => p.text)
    .join(' ')
    .trim();
}

function messages(req) {
  return Array.isArray(req && req.messages) ? req.messages : [];
}

function lastMessage(req) {
  const ms = messages(req);
  return ms.length ? ms[ms.length - 1] : undefined;
}

function lastUserMessage(req) {
  const ms = messages(req);
  for (let i = ms.length - 1; i >= 0; i--) if (ms[i].role === 'user') return ms[i];
  return undefined;
}

function lastUserText(req) {
  return messageText(lastUserMessage(req));
}

function systemText(req) {
  return messages(req)
    .filter((m) => m.role === 'system')
    .map(messageText)
    .join(' ')
    .trim();
}

function hasSystemMessage(req) {
  return messages(req).some((m) => m.role === 'system');
}

function mediaParts(req) {
  const um = lastUserMessage(req);
  if (!um || !Array.isArray(um.content)) return [];
  return um.content.filter((p) => p && p.media && typeof p.media.url === 'string');
}

function responseModalities(req) {
  const cfg = (req && req.config) || {};
  const mods = cfg.responseModalities || cfg.response_modalities || [];
  return Array.isArray(mods) ? mods.map((m) => String(m).toUpperCase()) : [];
}

/** "Generate a profile for John Doe." -> "John Doe" */
function subjectOf(text) {
  const m = /\bfor ([^.?!\n]+?)[.?!]*\s*$/i.exec(text || '');
  if (m) return m[1].trim();
  return 'Genkit';
}

/** "What is the weather in New York? ..." -> "New York" */
function placeOf(text) {
  const m = /\bin ([A-Z][\w'-]*(?: [A-Z][\w'-]*)*)/.exec(text || '');
  return m ? m[1] : 'New York';
}

// ---------------------------------------------------------------------------
// JSON Schema -> deterministic sample value
// ---------------------------------------------------------------------------

function resolveRef(ref, root) {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return {};
  const path = ref.replace(/^#\/?/, '').split('/').filter(Boolean);
  let node = root;
  for (const seg of path) {
    const key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object') return {};
    node = node[key];
  }
  return node && typeof node === 'object' ? node : {};
}

function mergeAllOf(schema, root) {
  const out = { ...schema };
  delete out.allOf;
  for (const sub0 of schema.allOf) {
    const sub = sub0 && sub0.$ref ? resolveRef(sub0.$ref, root) : sub0 || {};
    for (const [k, v] of Object.entries(sub)) {
      if (k === 'properties') out.properties = { ...(out.properties || {}), ...v };
      else if (k === 'required') out.required = [...new Set([...(out.required || []), ...v])];
      else if (!(k in out)) out[k] = v;
    }
  }
  return out;
}

function inferType(schema) {
  let t = schema.type;
  if (Array.isArray(t)) t = t.find((x) => x !== 'null') || t[0];
  if (t) return t;
  if (schema.properties || schema.additionalProperties || schema.required) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  if (schema.minimum !== undefined || schema.maximum !== undefined) return 'number';
  return 'string';
}

function sampleString(schema, name, hints, index) {
  const fmt = schema.format;
  let s;
  if (fmt === 'date-time') s = '2024-01-01T00:00:00Z';
  else if (fmt === 'date') s = '2024-01-01';
  else if (fmt === 'time') s = '00:00:00Z';
  else if (fmt === 'email') s = 'genkit@example.com';
  else if (fmt === 'uri' || fmt === 'url') s = 'https://example.com/genkit';
  else if (fmt === 'uuid') s = '00000000-0000-4000-8000-000000000000';
  else if (/^(city|location|place|town)$/i.test(name || '')) s = hints.place;
  else if (/^(name|title|subject|movie|person|fullname|full_name)$/i.test(name || '')) s = hints.subject;
  else if (name) s = `${name} of ${hints.subject}`;
  else s = hints.subject;
  if (index > 0) s = `${s} ${index + 1}`;
  const min = Number.isInteger(schema.minLength) ? schema.minLength : 0;
  const max = Number.isInteger(schema.maxLength) ? schema.maxLength : Infinity;
  while (s.length < min) s += 'x';
  if (s.length > max) s = s.slice(0, max);
  return s;
}

function sampleNumber(schema, name, integer, index) {
  let base;
  if (/age/i.test(name || '')) base = 42;
  else if (/rating|score|stars/i.test(name || '')) base = integer ? 4 : 4.5;
  else if (/year/i.test(name || '')) base = 2024;
  else if (/count|quantity|number|total/i.test(name || '')) base = 3;
  else base = 42;
  base += index;
  let lo = -Infinity;
  let hi = Infinity;
  if (typeof schema.minimum === 'number') lo = schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number') lo = Math.max(lo, schema.exclusiveMinimum + (integer ? 1 : 1e-6));
  else if (schema.exclusiveMinimum === true && typeof schema.minimum === 'number') lo = schema.minimum + (integer ? 1 : 1e-6);
  if (typeof schema.maximum === 'number') hi = schema.maximum;
  if (typeof schema.exclusiveMaximum === 'number') hi = Math.min(hi, schema.exclusiveMaximum - (integer ? 1 : 1e-6));
  else if (schema.exclusiveMaximum === true && typeof schema.maximum === 'number') hi = schema.maximum - (integer ? 1 : 1e-6);
  let v = base;
  if (v < lo || v > hi) {
    if (Number.isFinite(lo) && Number.isFinite(hi)) v = (lo + hi) / 2;
    else if (Number.isFinite(lo)) v = lo;
    else v = hi;
  }
  if (integer) {
    v = Math.round(v);
    if (v < lo) v = Math.ceil(lo);
    if (v > hi) v = Math.floor(hi);
  }
  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0) {
    const m = schema.multipleOf;
    let q = Math.ceil(lo / m);
    if (!Number.isFinite(q)) q = Math.round(v / m);
    const cand = Math.round(v / m) * m;
    v = cand >= lo && cand <= hi ? cand : q * m;
    v = Number(v.toFixed(10));
  }
  return v;
}

/**
 * Builds a value that validates against a JSON Schema (the common subset:
 * type, enum, const, properties, required, items, minimum/maximum, minLength/maxLength, minItems/maxItems, formats, $ref, anyOf, oneOf, allOf).
 */
function sampleFromSchema(schema, hints, name, root, depth = 0, index = 0) {
  if (schema === true || schema === undefined || schema === null) return hints.subject;
  if (schema === false || typeof schema !== 'object') return null;
  root = root || schema;
  if (depth > 12) return null;
  if (schema.$ref) return sampleFromSchema(resolveRef(schema.$ref, root), hints, name, root, depth + 1, index);
  if (Array.isArray(schema.allOf)) schema = mergeAllOf(schema, root);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[Math.min(index, schema.enum.length - 1)];
  for (const key of ['anyOf', 'oneOf']) {
    if (Array.isArray(schema[key]) && schema[key].length) {
      const pick = schema[key].find((s) => !(s && s.type === 'null')) || schema[key][0];
      const { [key]: _omit, ...rest } = schema;
      return sampleFromSchema({ ...rest, ...pick }, hints, name, root, depth + 1, index);
    }
  }
  const type = inferType(schema);
  switch (type) {
    case 'object': {
      const out = {};
      const props = schema.properties || {};
      for (const [k, v] of Object.entries(props)) {
        out[k] = sampleFromSchema(v, hints, k, root, depth + 1, 0);
      }
      for (const req of schema.required || []) {
        if (!(req in out)) {
          const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
          out[req] = sampleFromSchema(extra, hints, req, root, depth + 1, 0);
        }
      }
      return out;
    }
    case 'array': {
      const minItems = Number.isInteger(schema.minItems) ? schema.minItems : 0;
      const maxItems = Number.isInteger(schema.maxItems) ? schema.maxItems : Infinity;
      const count = Math.min(Math.max(minItems, 1), maxItems);
      const out = [];
      const tuple = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : null;
      for (let i = 0; i < count; i++) {
        let itemSchema;
        if (tuple) itemSchema = i < tuple.length ? tuple[i] : schema.additionalItems || (Array.isArray(schema.items) ? {} : schema.items) || {};
        else itemSchema = schema.items || {};
        out.push(sampleFromSchema(itemSchema, hints, singular(name), root, depth + 1, i));
      }
      if (tuple) for (let i = out.length; i < tuple.length && i < maxItems; i++) out.push(sampleFromSchema(tuple[i], hints, name, root, depth + 1, i));
      return out;
    }
    case 'integer':
      return sampleNumber(schema, name, true, index);
    case 'number':
      return sampleNumber(schema, name, false, index);
    case 'boolean':
      return index % 2 === 0;
    case 'null':
      return null;
    default:
      return sampleString(schema, name, hints, index);
  }
}

function singular(name) {
  if (!name) return name;
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

/** Extracts the schema from Genkit's simulated-constrained-generation instructions. */
function schemaFromInstructions(req) {
  for (const m of messages(req)) {
    for (const p of m.content || []) {
      if (p && p.metadata && p.metadata.purpose === 'output' && typeof p.text === 'string') {
        const fence = /```(?:json)?\s*([\s\S]*?)```/.exec(p.text);
        if (fence) {
          try {
            return JSON.parse(fence[1]);
          } catch (_) {
            /* not a schema */
          }
        }
        if (/json/i.test(p.text)) return {};
      }
    }
  }
  return undefined;
}

/** Returns {format, schema} when the request asks for JSON output, else undefined. */
function jsonRequest(req) {
  const out = (req && req.output) || {};
  const fmt = out.format;
  if (fmt === 'text' || fmt === 'media') return undefined;
  if (fmt === 'json' || fmt === 'array' || fmt === 'jsonl' || fmt === 'enum' || out.schema || out.contentType === 'application/json') {
    return { format: fmt || 'json', schema: out.schema };
  }
  const simulated = schemaFromInstructions(req);
  if (simulated !== undefined) return { format: 'json', schema: simulated };
  return undefined;
}

// ---------------------------------------------------------------------------
// Response construction
// ---------------------------------------------------------------------------

function countTokens(parts) {
  let n = 0;
  for (const p of parts || []) {
    if (!p) continue;
    if (typeof p.text === 'string') n += (p.text.match(/\S+/g) || []).length;
    else n += 1; // media, toolRequest, toolResponse, data, ... count as one token each
  }
  return n;
}

function usageFor(req, content) {
  const inputTokens = messages(req).reduce((acc, m) => acc + countTokens(m.content), 0);
  const outputTokens = countTokens(content);
  return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
}

function finalResponse(req, content) {
  return {
    message: { role: 'model', content },
    finishReason: 'stop',
    usage: usageFor(req, content),
  };
}

function wantsTool(req) {
  const tools = Array.isArray(req.tools) ? req.tools : [];
  if (!tools.length || req.toolChoice === 'none') return undefined;
  const last = lastMessage(req);
  if (!last || last.role !== 'user') return undefined;
  const text = lastUserText(req);
  const lower = text.toLowerCase();
  const named = tools.find((t) => t && t.name && lower.includes(String(t.name).toLowerCase()));
  if (req.toolChoice === 'required' || named || /\btools?\b/i.test(text)) {
    return named || tools[0];
  }
  return undefined;
}

function toolRequestPart(req, tool) {
  const text = lastUserText(req);
  const hints = { subject: subjectOf(text), place: placeOf(text) };
  const schema = tool.inputSchema;
  const input = schema ? sampleFromSchema(schema, hints, undefined, schema) : {};
  return { toolRequest: { name: tool.name, ref: `${tool.name}-0`, input } };
}

function jsonText(req, jr) {
  const text = lastUserText(req);
  const hints = { subject: subjectOf(text), place: placeOf(text) };
  const schema = jr.schema;
  if (jr.format === 'enum' && schema && Array.isArray(schema.enum) && schema.enum.length) {
    return String(schema.enum[0]);
  }
  if (jr.format === 'jsonl') {
    const arr = schema ? sampleFromSchema(schema, hints, undefined, schema) : [{ text: hints.subject }];
    return (Array.isArray(arr) ? arr : [arr]).map((x) => JSON.stringify(x)).join('\n');
  }
  if (!schema || Object.keys(schema).length === 0) {
    return JSON.stringify(jr.format === 'array' ? [{ text: hints.subject }] : { text: `Echo: ${text}` });
  }
  return JSON.stringify(sampleFromSchema(schema, hints, undefined, schema));
}

function wantsImageOutput(req) {
  if (responseModalities(req).includes('IMAGE')) return true;
  const t = lastUserText(req);
  return /\b(image|picture|photo|drawing) of\b|\bgenerate (an? )?(image|picture|photo)\b|\bdraw\b/i.test(t);
}

function wantsAudioOutput(req) {
  if (responseModalities(req).includes('AUDIO')) return true;
  const t = lastUserText(req);
  return /^\s*say\b/i.test(t) || /\b(speak|text[- ]to[- ]speech|tts|read (this|it) aloud)\b/i.test(t);
}

function describeMedia(part) {
  const url = part.media.url;
  const ct = part.media.contentType || (/^data:([^;,]+)/.exec(url) || [])[1] || '';
  if (url.startsWith('data:')) {
    const b64 = url.slice(url.indexOf(',') + 1);
    const bytes = Math.floor((b64.length * 3) / 4);
    if (ct.startsWith('image/')) return `I see the word "Genkit" in this image (${ct}, about ${bytes} bytes).`;
    if (ct.startsWith('audio/')) return `This is an audio clip (${ct}, about ${bytes} bytes).`;
    if (ct.startsWith('video/')) return `This is a short video (${ct}, about ${bytes} bytes).`;
    return `This is an inline ${ct || 'media'} attachment of about ${bytes} bytes.`;
  }
  let host = '';
  try {
    host = new URL(url).host;
  } catch (_) {
    host = 'an unknown host';
  }
  const isVideo = ct.startsWith('video/') || /youtube\.com|youtu\.be/i.test(url);
  if (isVideo) return `This video (${ct || 'video'}) from ${host} shows a short clip; this description is deterministic.`;
  if (/google/i.test(url)) return `This is the Google logo (${ct || 'image'} from ${host}).`;
  if (ct.startsWith('audio/')) return `This is an audio clip hosted at ${host}.`;
  return `This is an image (${ct || 'media'}) hosted at ${host}.`;
}

function rememberedName(req) {
  const ms = messages(req);
  for (let i = ms.length - 2; i >= 0; i--) {
    const m = /\bmy name is ([^.,!?\n]+)/i.exec(messageText(ms[i]));
    if (m) return m[1].trim();
  }
  return undefined;
}

/**
 * The behaviour of reference/good (and slow/flaky/limited, which reuse it).
 * Returns the content parts of the model message.
 */
function goodContent(req) {
  const last = lastMessage(req);
  // 1. After a tool call: summarise the tool output.
  if (last && last.role === 'tool') {
    const outs = (last.content || []).filter((p) => p.toolResponse);
    const summary = outs.map((p) => `${p.toolResponse.name} returned ${JSON.stringify(p.toolResponse.output)}`).join('; ');
    return [{ text: withSystemPrefix(req, `Tool result: ${summary || 'nothing'}.`) }];
  }
  // 2. Tool request.
  const tool = wantsTool(req);
  if (tool) return [toolRequestPart(req, tool)];
  // 3. Structured output: raw JSON text that validates against output.schema.
  const jr = jsonRequest(req);
  if (jr) return [{ text: jsonText(req, jr) }];
  // 4. Media output.
  if (wantsImageOutput(req)) return [{ media: { url: PNG_DATA_URL, contentType: 'image/png' } }];
  if (wantsAudioOutput(req)) return [{ media: { url: WAV_DATA_URL, contentType: 'audio/wav' } }];
  // 5. Media input.
  const media = mediaParts(req);
  if (media.length) return [{ text: withSystemPrefix(req, media.map(describeMedia).join(' ')) }];
  // 6. Multiturn memory.
  const text = lastUserText(req);
  const name = rememberedName(req);
  if (name && /\bmy name\b/i.test(text)) return [{ text: withSystemPrefix(req, `Your name is ${name}.`) }];
  // 7. Echo.
  return [{ text: withSystemPrefix(req, text ? text : 'Hello from the jgenkit reference model.') }];
}

function withSystemPrefix(req, text) {
  return hasSystemMessage(req) ? `RESPONSE: ${text}` : text;
}

/** reference/bad: fails tools, structured output and system role in distinct ways. */
function badContent(req) {
  const last = lastMessage(req);
  if (last && last.role === 'tool') return [{ text: 'I ignored the tool output.' }];
  if (Array.isArray(req.tools) && req.tools.length) {
    return [{ text: `I would rather not use tools. It is probably sunny in ${placeOf(lastUserText(req))}.` }];
  }
  if (jsonRequest(req)) return [{ text: '{"name": "John Doe", "age": ' }];
  if (hasSystemMessage(req)) return [{ text: 'hello there' }];
  return goodContent(req);
}

/** reference/limited: no tools, no media; otherwise like good. */
function limitedContent(req) {
  const stripped = {
    ...req,
    tools: undefined,
    messages: messages(req).map((m) => ({
      ...m,
      content: (m.content || []).filter((p) => !p.media),
    })),
  };
  return goodContent(stripped);
}

/**
 * Splits text into several non-empty pieces whose concatenation is exactly `text`.
 */
function splitForStreaming(text, maxPieces = 5) {
  if (!text) return [];
  const tokens = text.match(/\S+\s*|\s+/g) || [text];
  if (tokens.length >= 3) {
    const size = Math.ceil(tokens.length / Math.min(maxPieces, tokens.length));
    const out = [];
    for (let i = 0; i < tokens.length; i += size) out.push(tokens.slice(i, i + size).join(''));
    return out;
  }
  const pieces = Math.min(3, text.length);
  const size = Math.ceil(text.length / pieces);
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** Streaming chunks for a message content: text parts split, other parts one chunk each. */
function chunksFor(content) {
  const chunks = [];
  for (const part of content) {
    if (typeof part.text === 'string') {
      for (const piece of splitForStreaming(part.text)) chunks.push({ index: 0, role: 'model', content: [{ text: piece }] });
    } else {
      chunks.push({ index: 0, role: 'model', content: [part] });
    }
  }
  return chunks;
}

module.exports = {
  goodContent,
  badContent,
  limitedContent,
  finalResponse,
  chunksFor,
  splitForStreaming,
  sampleFromSchema,
  jsonRequest,
  lastUserText,
};
