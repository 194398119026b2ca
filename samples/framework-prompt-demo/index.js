'use strict';
/**
 * Phase 1 sample (core framework): prompts.
 *
 * - `prompts/greeting.prompt`: a Dotprompt file with a Picoschema input, a
 *   default, a system role and a partial (`prompts/_signature.prompt`).
 * - `prompts/story.prompt`: a Dotprompt file whose JSON output schema is the
 *   `Story` schema registered here with `ai.defineSchema`.
 * - `pirate` and `followUp`: prompts defined in code with `ai.definePrompt`
 *   (a system prompt, and a `messages` function that replays a conversation).
 *
 * The local model `local/prompter` is deterministic: with a system message
 * "You are <Persona>, ..." it answers "<Persona> says: <last user text>";
 * without one it echoes the last user text; asked for JSON it returns values
 * made from the requested schema.
 *
 *   GENKIT_ENV=dev node index.js
 */
const path = require('node:path');
const { genkit, z } = require('genkit');

// The prompt folder is resolved against this file, not the working directory.
const ai = genkit({ name: 'framework-prompt-demo', promptDir: path.join(__dirname, 'prompts') });

// ---------------------------------------------------------------------------
// The local model
// ---------------------------------------------------------------------------

function textOf(message) {
  return (message.content || [])
    .filter((p) => typeof p.text === 'string' && !(p.metadata && p.metadata.purpose))
    .map((p) => p.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function sample(schema, subject, name, index = 0) {
  if (!schema || typeof schema !== 'object') return subject;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const out = {};
      for (const [k, v] of Object.entries(schema.properties || {})) out[k] = sample(v, subject, k, index);
      return out;
    }
    case 'array': {
      const n = Math.max(schema.minItems || 1, Math.min(schema.maxItems || 2, 2));
      return Array.from({ length: n }, (_, i) => sample(schema.items, subject, name, i));
    }
    case 'integer':
    case 'number':
      return Math.max(schema.minimum || 0, Math.min(schema.maximum === undefined ? 1 + index : schema.maximum, 1 + index));
    case 'boolean':
      return true;
    default:
      return `${name || 'text'} ${index + 1}: ${subject}`;
  }
}

function prompterText(req) {
  const msgs = req.messages || [];
  const system = msgs.filter((m) => m.role === 'system').map(textOf).join(' ');
  const users = msgs.filter((m) => m.role === 'user');
  const user = users.length ? textOf(users[users.length - 1]) : '';
  if (req.output && req.output.format === 'json' && req.output.schema) {
    return JSON.stringify(sample(req.output.schema, user));
  }
  const persona = /\bYou are ([A-Z][\w ]*?)[,.]/.exec(system);
  const turns = msgs.filter((m) => m.role !== 'system').length;
  const memory = turns > 1 ? ` (after ${turns - 1} earlier messages)` : '';
  return persona ? `${persona[1]} says: ${user}${memory}` : `${user}${memory}`;
}

ai.defineModel(
  {
    name: 'local/prompter',
    label: 'Deterministic local model that speaks as the system prompt persona',
    apiVersion: 'v2',
    supports: { multiturn: true, systemRole: true, tools: false, media: false, output: ['text', 'json'], constrained: 'all' },
  },
  async (req) => ({
    message: { role: 'model', content: [{ text: prompterText(req) }] },
    finishReason: 'stop',
    usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
  })
);

// Referenced by name from prompts/story.prompt (`output.schema: Story`).
const Story = ai.defineSchema(
  'Story',
  z.object({
    title: z.string(),
    chapters: z.array(z.object({ number: z.number().int(), summary: z.string() })).min(1).max(3),
  })
);

// ---------------------------------------------------------------------------
// Prompts defined in code
// ---------------------------------------------------------------------------

const pirate = ai.definePrompt({
  name: 'pirate',
  model: 'local/prompter',
  input: { schema: z.object({ question: z.string() }) },
  system: 'You are Captain Byte, a pirate who answers every question.',
  prompt: '{{question}}',
});

const Turn = z.object({ role: z.enum(['user', 'model']), text: z.string() });

const followUp = ai.definePrompt({
  name: 'followUp',
  model: 'local/prompter',
  input: { schema: z.object({ history: z.array(Turn), question: z.string() }) },
  system: 'You are Librarian, who remembers the conversation.',
  messages: ({ history }) => history.map((t) => ({ role: t.role, content: [{ text: t.text }] })),
  prompt: '{{question}}',
});

// ---------------------------------------------------------------------------
// Flows
// ---------------------------------------------------------------------------

// Dotprompt file + partial; input: a required string and an enum with a default.
const GreetingInput = z.object({
  name: z.string().min(1).describe('Who to greet'),
  style: z.enum(['casual', 'formal']).default('casual'),
});
ai.defineFlow(
  { name: 'greetingFlow', inputSchema: GreetingInput, outputSchema: z.string() },
  async (raw) => {
    const input = GreetingInput.parse(raw); // Genkit does not apply zod defaults to flow input
    const { text } = await ai.prompt('greeting')(input);
    return text;
  }
);

// Dotprompt file with a JSON output schema registered by name; input: nested optional fields.
const StoryInput = z.object({
  hero: z.string().describe('The main character'),
  options: z
    .object({
      setting: z.string().optional(),
      chapters: z.number().int().min(1).max(3).optional(),
    })
    .optional(),
});
ai.defineFlow(
  { name: 'storyFlow', inputSchema: StoryInput, outputSchema: Story },
  async ({ hero, options }) => {
    const { output } = await ai.prompt('story')({ hero, ...(options || {}) });
    const chapters = (options && options.chapters) || 1;
    return { title: output.title, chapters: output.chapters.slice(0, chapters) };
  }
);

// ai.definePrompt with a system prompt; input: a plain string.
ai.defineFlow(
  { name: 'pirateFlow', inputSchema: z.string(), outputSchema: z.string() },
  async (question) => (await pirate({ question })).text
);

// ai.definePrompt with a messages function; input: an array of objects with an enum.
ai.defineFlow(
  {
    name: 'followUpFlow',
    inputSchema: z.object({
      history: z.array(Turn).max(6).default([
        { role: 'user', text: 'I like sailing books.' },
        { role: 'model', text: 'Noted: sailing books.' },
      ]),
      question: z.string().default('What do I like?'),
    }),
    outputSchema: z.string(),
  },
  async (raw) => {
    const history = raw.history || [{ role: 'user', text: 'I like sailing books.' }, { role: 'model', text: 'Noted: sailing books.' }];
    const question = raw.question || 'What do I like?';
    return (await followUp({ history, question })).text;
  }
);

// Renders a prompt without calling the model: the messages Genkit would send.
ai.defineFlow(
  {
    name: 'renderGreetingFlow',
    inputSchema: z.object({ name: z.string(), style: z.enum(['casual', 'formal']).optional() }),
    outputSchema: z.object({ model: z.string(), messages: z.array(z.object({ role: z.string(), text: z.string() })) }),
  },
  async (input) => {
    const req = await ai.prompt('greeting').render(input);
    return {
      model: typeof req.model === 'string' ? req.model : (req.model && req.model.name) || 'unknown',
      messages: (req.messages || []).map((m) => ({ role: m.role, text: textOf(m) })),
    };
  }
);

if (process.env.GENKIT_ENV === 'dev') {
  process.stderr.write(`[framework-prompt-demo] pid ${process.pid}: model local/prompter, prompts greeting/story/pirate/followUp\n`);
}

module.exports = { ai };
