'use strict';
/**
 * Phase 4 sample (specialised infrastructure): a local vector store.
 *
 * - `local/bag-of-words`: a deterministic embedder (hashed word counts in 256
 *   dimensions, L2-normalised). No model weights, no network.
 * - `memory/menu`: an in-memory indexer and a cosine-similarity retriever over
 *   a small restaurant menu that is indexed at start-up.
 * - `keyword/menu`: a keyword retriever made with `ai.defineSimpleRetriever`.
 * - `local/overlap`: a reranker that scores by shared words.
 * - `local/waiter`: a model that answers from the documents it is given.
 *
 *   GENKIT_ENV=dev node index.js
 */
const { genkit, z, Document } = require('genkit');

const ai = genkit({ name: 'infra-local-retriever' });

// ---------------------------------------------------------------------------
// Embedder
// ---------------------------------------------------------------------------

const DIMENSIONS = 256;
const STOP = new Set(['a', 'an', 'and', 'are', 'is', 'the', 'of', 'with', 'which', 'what', 'in', 'on', 'to', 'for', 'has', 'have', 'do', 'does', 'you', 'i', 'me', 'it', 'dish', 'dishes']);

function words(text) {
  return (String(text).toLowerCase().match(/[a-z]+/g) || [])
    .filter((w) => !STOP.has(w))
    .map((w) => (w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w)); // crude plural folding
}

/** FNV-1a, folded into the vector's dimensions. */
function hash(word) {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % DIMENSIONS;
}

function embedText(text) {
  const v = new Array(DIMENSIONS).fill(0);
  for (const w of words(text)) v[hash(w)] += 1;
  const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
  return v.map((x) => x / norm);
}

function cosine(a, b) {
  return a.reduce((acc, x, i) => acc + x * b[i], 0);
}

const embedder = ai.defineEmbedder(
  {
    name: 'local/bag-of-words',
    info: { label: 'Local bag-of-words embedder (hashed, 256 dimensions)', dimensions: DIMENSIONS, supports: { input: ['text'] } },
  },
  async (docs) => ({ embeddings: docs.map((d) => ({ embedding: embedText(new Document(d).text) })) })
);

// ---------------------------------------------------------------------------
// In-memory vector store: indexer + retriever
// ---------------------------------------------------------------------------

/** collection name -> Map(id -> {doc, embedding}) */
const stores = new Map();

function store(name) {
  if (!stores.has(name)) stores.set(name, new Map());
  return stores.get(name);
}

const IndexerOptions = z.object({ collection: z.string().default('menu') });

const indexer = ai.defineIndexer(
  { name: 'memory/menu', embedderInfo: { label: 'local/bag-of-words', dimensions: DIMENSIONS }, configSchema: IndexerOptions },
  async (docs, options) => {
    const target = store((options && options.collection) || 'menu');
    const embeddings = await ai.embedMany({ embedder, content: docs.map((d) => d.text) });
    docs.forEach((doc, i) => {
      const id = (doc.metadata && doc.metadata.id) || `doc-${target.size + 1}`;
      target.set(id, { doc, embedding: embeddings[i].embedding });
    });
  }
);

const RetrieverOptions = z.object({
  k: z.number().int().min(1).max(10).default(3),
  collection: z.string().default('menu'),
});

const retriever = ai.defineRetriever(
  { name: 'memory/menu', configSchema: RetrieverOptions, info: { label: 'In-memory cosine retriever' } },
  async (query, options) => {
    const { k, collection } = RetrieverOptions.parse(options || {});
    const [{ embedding }] = await ai.embed({ embedder, content: query.text });
    const scored = [...store(collection).entries()]
      .map(([id, e]) => ({ id, doc: e.doc, score: cosine(embedding, e.embedding) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, k);
    return {
      documents: scored.map((s) => Document.fromText(s.doc.text, { ...s.doc.metadata, id: s.id, score: Number(s.score.toFixed(4)) })),
    };
  }
);

const MENU = [
  { id: 'risotto', text: 'Mushroom risotto: arborio rice, porcini mushrooms, parmesan. Vegetarian.', tags: ['vegetarian', 'rice'] },
  { id: 'ramen', text: 'Tonkotsu ramen: pork broth, noodles, egg, spring onion.', tags: ['pork', 'noodles'] },
  { id: 'falafel', text: 'Falafel wrap: chickpeas, tahini, pickled vegetables. Vegan.', tags: ['vegan', 'vegetarian'] },
  { id: 'salmon', text: 'Grilled salmon: salmon fillet, lemon butter, asparagus. Gluten free.', tags: ['fish', 'gluten-free'] },
  { id: 'curry', text: 'Chickpea curry: chickpeas, coconut milk, spinach, rice. Vegan and gluten free.', tags: ['vegan', 'vegetarian', 'gluten-free'] },
  { id: 'burger', text: 'Beef burger: beef patty, cheddar, pickles, brioche bun.', tags: ['beef'] },
  { id: 'tiramisu', text: 'Tiramisu dessert: mascarpone, coffee, cocoa, ladyfingers. Vegetarian.', tags: ['dessert', 'vegetarian'] },
];

// Index the menu before anything else runs (Genkit registers plugins lazily,
// but defined actions are usable at once).
const ready = ai.index({
  indexer,
  documents: MENU.map((m) => Document.fromText(m.text, { id: m.id, tags: m.tags })),
  options: { collection: 'menu' },
});

// ---------------------------------------------------------------------------
// Keyword retriever (defineSimpleRetriever) and reranker
// ---------------------------------------------------------------------------

const keywordRetriever = ai.defineSimpleRetriever(
  {
    name: 'keyword/menu',
    configSchema: z.object({ limit: z.number().int().min(1).max(10).optional() }),
    content: 'text',
    metadata: ['id', 'tags'],
  },
  async (query, config) => {
    const wanted = words(query.text);
    return MENU.filter((m) => wanted.some((w) => words(m.text).includes(w) || m.tags.includes(w))).slice(0, (config && config.limit) || 10);
  }
);

const reranker = ai.defineReranker({ name: 'local/overlap', info: { label: 'Word-overlap reranker' } }, async (query, documents) => {
  const q = new Set(words(query.text));
  const ranked = documents
    .map((doc) => {
      const ws = words(doc.text);
      const overlap = ws.filter((w) => q.has(w)).length;
      return { doc, score: Number((overlap / Math.max(1, q.size)).toFixed(4)) };
    })
    .sort((a, b) => b.score - a.score || String(a.doc.metadata && a.doc.metadata.id).localeCompare(String(b.doc.metadata && b.doc.metadata.id)));
  return { documents: ranked.map((r) => ({ content: r.doc.content, metadata: { ...r.doc.metadata, score: r.score } })) };
});

// ---------------------------------------------------------------------------
// A model that answers from the documents in the request
// ---------------------------------------------------------------------------

ai.defineModel(
  {
    name: 'local/waiter',
    label: 'Answers from the retrieved documents (deterministic)',
    apiVersion: 'v2',
    supports: { multiturn: true, systemRole: true, tools: false, media: false, context: true, output: ['text'] },
  },
  async (req) => {
    const docs = req.docs || [];
    const first = docs[0] ? new Document(docs[0]) : undefined;
    const sources = docs.map((d) => (d.metadata && d.metadata.id) || '?').join(', ');
    const text = first
      ? `From the menu: ${first.text} (sources: ${sources})`
      : 'I could not find that on the menu.';
    return { message: { role: 'model', content: [{ text }] }, finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 } };
  }
);

// ---------------------------------------------------------------------------
// Flows
// ---------------------------------------------------------------------------

// Embeddings; input: a plain string.
ai.defineFlow(
  {
    name: 'embedFlow',
    inputSchema: z.string().min(1).describe('Text to embed'),
    outputSchema: z.object({
      dimensions: z.number().int(),
      nonZero: z.array(z.object({ index: z.number().int(), value: z.number() })),
    }),
  },
  async (text) => {
    const [{ embedding }] = await ai.embed({ embedder, content: text });
    return {
      dimensions: embedding.length,
      nonZero: embedding.flatMap((x, index) => (x !== 0 ? [{ index, value: Number(x.toFixed(4)) }] : [])),
    };
  }
);

// Indexing into a scratch collection (never the menu); input: an array of
// nested objects and a const.
const IndexInput = z.object({
  collection: z.literal('scratch').describe('Only the scratch collection can be written'),
  documents: z
    .array(z.object({ id: z.string().min(1).max(40), text: z.string().min(1), tags: z.array(z.string()).max(5).optional() }))
    .min(1)
    .max(10),
});
ai.defineFlow(
  {
    name: 'indexDocumentsFlow',
    inputSchema: IndexInput,
    outputSchema: z.object({ collection: z.string(), indexed: z.array(z.string()) }),
  },
  async ({ collection, documents }) => {
    await ai.index({
      indexer,
      documents: documents.map((d) => Document.fromText(d.text, { id: d.id, tags: d.tags || [] })),
      options: { collection },
    });
    return { collection, indexed: documents.map((d) => d.id) };
  }
);

// Vector retrieval; input: a string and an integer with min/max and a default.
const RetrieveInput = z.object({
  query: z.string().min(1),
  k: z.number().int().min(1).max(5).default(3),
});
const Hit = z.object({ id: z.string(), score: z.number(), text: z.string() });
ai.defineFlow(
  { name: 'retrieveFlow', inputSchema: RetrieveInput, outputSchema: z.object({ hits: z.array(Hit) }) },
  async (raw) => {
    const { query, k } = RetrieveInput.parse(raw); // Genkit does not apply zod defaults to flow input
    await ready;
    const docs = await ai.retrieve({ retriever, query, options: { k, collection: 'menu' } });
    return { hits: docs.map((d) => ({ id: d.metadata.id, score: d.metadata.score, text: d.text })) };
  }
);

// Keyword retrieval with defineSimpleRetriever; input: a string with a minimum length.
ai.defineFlow(
  {
    name: 'keywordSearchFlow',
    inputSchema: z.object({ keyword: z.string().min(2).describe('A word such as vegan or rice') }),
    outputSchema: z.object({ ids: z.array(z.string()) }),
  },
  async ({ keyword }) => {
    const docs = await ai.retrieve({ retriever: keywordRetriever, query: keyword, options: { limit: 5 } });
    return { ids: docs.map((d) => d.metadata.id) };
  }
);

// Retrieve, then rerank by word overlap.
const RerankInput = z.object({ query: z.string().min(1), candidates: z.number().int().min(2).max(7).default(5) });
ai.defineFlow(
  { name: 'rerankFlow', inputSchema: RerankInput, outputSchema: z.object({ ranking: z.array(z.object({ id: z.string(), score: z.number() })) }) },
  async (raw) => {
    const { query, candidates } = RerankInput.parse(raw);
    await ready;
    const docs = await ai.retrieve({ retriever, query, options: { k: candidates, collection: 'menu' } });
    const ranked = await ai.rerank({ reranker, query, documents: docs });
    return { ranking: ranked.map((d) => ({ id: d.metadata.id, score: d.metadata.score })) };
  }
);

// RAG: retrieve, then generate with the documents as context.
const RagInput = z.object({
  question: z.string().default('Which dish has mushrooms?'),
  k: z.number().int().min(1).max(5).default(2),
});
ai.defineFlow(
  { name: 'ragFlow', inputSchema: RagInput, outputSchema: z.string() },
  async (raw) => {
    const { question, k } = RagInput.parse(raw);
    await ready;
    const docs = await ai.retrieve({ retriever, query: question, options: { k, collection: 'menu' } });
    const { text } = await ai.generate({ model: 'local/waiter', prompt: question, docs });
    return text;
  }
);

if (process.env.GENKIT_ENV === 'dev') {
  process.stderr.write(`[infra-local-retriever] pid ${process.pid}: embedder local/bag-of-words, retrievers memory/menu + keyword/menu, reranker local/overlap\n`);
}

module.exports = { ai };
