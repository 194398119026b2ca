'use strict';
/**
 * Phase 2 sample (the cheapest provider): a "hello" app for a provider plugin,
 * in the style of provider-google-genai-hello, on the local provider from
 * ./plugin.js (deterministic, offline, no keys).
 *
 * Flows: basic generate, a streaming flow, structured output, tool calling,
 * multi-turn, a system prompt, model config, and one that returns the whole
 * GenerateResponse.
 *
 *   GENKIT_ENV=dev node index.js
 */
const { genkit, z } = require('genkit');
const { localProvider } = require('./plugin.js');

const ai = genkit({
  name: 'provider-local-hello',
  plugins: [localProvider({ models: ['hello-1', 'hello-1-mini'] })],
  model: 'local/hello-1',
});

/** Genkit validates flow input against its JSON Schema but does not apply zod defaults. */
function withDefaults(schema, fn) {
  return (input, ctx) => fn(schema.parse(input), ctx);
}

const getWeather = ai.defineTool(
  {
    name: 'getWeather',
    description: 'Gets the current weather in a city.',
    inputSchema: z.object({
      city: z.string().describe('City name'),
      unit: z.enum(['celsius', 'fahrenheit']).optional(),
    }),
    outputSchema: z.object({ city: z.string(), temperature: z.number(), unit: z.string(), conditions: z.string() }),
  },
  async ({ city, unit }) => {
    const celsius = 10 + (city.length % 15);
    const u = unit || 'celsius';
    return {
      city,
      temperature: u === 'celsius' ? celsius : Math.round(celsius * 1.8 + 32),
      unit: u,
      conditions: ['sunny', 'cloudy', 'rainy'][city.length % 3],
    };
  }
);

// 1. Basic generate; input: a plain string.
ai.defineFlow(
  { name: 'helloFlow', inputSchema: z.string().describe('Who to greet'), outputSchema: z.string() },
  async (name) => (await ai.generate({ prompt: `Say hello to ${name}` })).text
);

// 2. Streaming: forwards the model's chunks; input: a string with a default and a bounded integer.
const StreamInput = z.object({
  topic: z.string().default('rivers'),
  sentences: z.number().int().min(2).max(6).default(3),
});
ai.defineFlow(
  { name: 'streamingFlow', inputSchema: StreamInput, outputSchema: z.string(), streamSchema: z.string() },
  withDefaults(StreamInput, async ({ topic, sentences }, { sendChunk }) => {
    const { stream, response } = ai.generateStream({ prompt: `Tell ${sentences} sentences about ${topic}.` });
    for await (const chunk of stream) sendChunk(chunk.text);
    return (await response).text;
  })
);

// 3. Structured output; input: an object with a described string.
const WeatherReport = z.object({
  city: z.string(),
  temperatureC: z.number().min(-50).max(60),
  conditions: z.enum(['sunny', 'cloudy', 'rainy', 'snowy']),
  advice: z.string(),
});
ai.defineFlow(
  {
    name: 'structuredOutputFlow',
    inputSchema: z.object({ city: z.string().describe('Where the report is for') }),
    outputSchema: WeatherReport,
  },
  async ({ city }) => {
    const { output } = await ai.generate({
      prompt: `Write a weather report for ${city}.`,
      output: { schema: WeatherReport },
    });
    return { ...output, city };
  }
);

// 4. Tool calling; input: a string and an enum with a default.
const ToolInput = z.object({
  city: z.string().min(1),
  unit: z.enum(['celsius', 'fahrenheit']).default('celsius'),
});
ai.defineFlow(
  { name: 'toolCallingFlow', inputSchema: ToolInput, outputSchema: z.string() },
  withDefaults(ToolInput, async ({ city, unit }) => {
    const { text } = await ai.generate({ prompt: `Use getWeather to tell me the weather in ${city}, in ${unit}.`, tools: [getWeather] });
    return text;
  })
);

// 5. Multi-turn: the model remembers the name from an earlier turn.
const ChatInput = z.object({ name: z.string().regex(/^[A-Z][a-z]+$/).default('Ada').describe('A capitalised first name') });
ai.defineFlow(
  { name: 'multiTurnFlow', inputSchema: ChatInput, outputSchema: z.object({ turns: z.number().int(), answer: z.string() }) },
  withDefaults(ChatInput, async ({ name }) => {
    const first = await ai.generate({ prompt: `Hi, my name is ${name}.` });
    const second = await ai.generate({ messages: first.messages, prompt: 'What is my name?' });
    return { turns: second.messages.length, answer: second.text };
  })
);

// 6. System prompt; input: a plain string.
ai.defineFlow(
  { name: 'systemPromptFlow', inputSchema: z.string(), outputSchema: z.string() },
  async (question) => (await ai.generate({ system: 'Prefix every answer with RESPONSE:', prompt: question })).text
);

// 7. Model config; input: numbers with min/max, one with a default, and an enum of model names.
const ConfigInput = z.object({
  temperature: z.number().min(0).max(2).default(0.7),
  maxOutputTokens: z.number().int().min(1).max(256).optional(),
  model: z.enum(['local/hello-1', 'local/hello-1-mini']).default('local/hello-1'),
});
ai.defineFlow(
  { name: 'configFlow', inputSchema: ConfigInput, outputSchema: z.string() },
  withDefaults(ConfigInput, async ({ temperature, maxOutputTokens, model }) => {
    const { text } = await ai.generate({ model, prompt: 'Show the config.', config: { temperature, maxOutputTokens } });
    return text;
  })
);

// 8. The whole GenerateResponse (message, finishReason, usage, ...), no outputSchema.
ai.defineFlow(
  { name: 'rawResponseFlow', inputSchema: z.object({ prompt: z.string().min(1).max(200) }) },
  async ({ prompt }) => (await ai.generate({ prompt })).toJSON()
);

if (process.env.GENKIT_ENV === 'dev') {
  process.stderr.write(`[provider-local-hello] pid ${process.pid}: plugin local (hello-1, hello-1-mini), 8 flows\n`);
}

module.exports = { ai };
