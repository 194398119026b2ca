'use strict';
/**
 * Phase 1 sample (core framework): tool interrupts (human in the loop).
 *
 * - `approveTransfer`: a normal tool that calls `interrupt()` from its context
 *   when the amount is above 100, and approves smaller amounts itself. A resumed
 *   (restarted) call sees `resumed` and completes.
 * - `askUser`: an interrupt defined with `ai.defineInterrupt` (genkit/beta): it
 *   always stops generation and waits for the caller's answer.
 * - `getOrderStatus`: a plain tool, for a flow whose input has a `pattern`.
 *
 * The local model `local/teller` is deterministic: it calls the tool named in
 * the prompt with the JSON object that ends the prompt ("Use approveTransfer
 * with {...}"), and after a tool message it reports what the tools answered.
 *
 *   GENKIT_ENV=dev node index.js
 */
const { genkit, z } = require('genkit/beta');

const ai = genkit({ name: 'framework-tool-interrupts' });

// ---------------------------------------------------------------------------
// The local model
// ---------------------------------------------------------------------------

function lastUserText(req) {
  const msgs = req.messages || [];
  for (let i = msgs.length - 1; i >= 0; i--) {
    if (msgs[i].role === 'user') {
      return (msgs[i].content || [])
        .filter((p) => typeof p.text === 'string' && !(p.metadata && p.metadata.purpose))
        .map((p) => p.text)
        .join(' ')
        .trim();
    }
  }
  return '';
}

function tellerContent(req) {
  const msgs = req.messages || [];
  const last = msgs[msgs.length - 1];
  if (last && last.role === 'tool') {
    const said = (last.content || [])
      .filter((p) => p.toolResponse)
      .map((p) => `${p.toolResponse.name} answered ${JSON.stringify(p.toolResponse.output)}`)
      .join('; ');
    return [{ text: `Done: ${said}.` }];
  }
  const text = lastUserText(req);
  const tools = req.tools || [];
  const m = /\buse (\w+) with (\{.*\})\s*$/i.exec(text);
  if (m && tools.some((t) => t.name === m[1])) {
    return [{ toolRequest: { name: m[1], ref: `${m[1]}-1`, input: JSON.parse(m[2]) } }];
  }
  return [{ text: `No tool needed: ${text}` }];
}

ai.defineModel(
  {
    name: 'local/teller',
    label: 'Deterministic local model that calls the tool named in the prompt',
    apiVersion: 'v2',
    supports: { multiturn: true, tools: true, systemRole: true, media: false, output: ['text'] },
  },
  async (req) => ({
    message: { role: 'model', content: tellerContent(req) },
    finishReason: 'stop',
    usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
  })
);

const MODEL = 'local/teller';

// In-memory audit log: which approvals were asked for, in call order.
const auditLog = [];

// ---------------------------------------------------------------------------
// Tools and interrupts
// ---------------------------------------------------------------------------

const TransferRequest = z.object({
  amount: z.number(),
  to: z.string(),
  currency: z.string(),
});

const approveTransfer = ai.defineTool(
  {
    name: 'approveTransfer',
    description: 'Approves a money transfer; amounts above 100 need a person to approve them.',
    inputSchema: TransferRequest,
    outputSchema: z.object({ status: z.string(), by: z.string() }),
  },
  async (input, { interrupt, resumed }) => {
    if (resumed) {
      const by = (resumed && typeof resumed === 'object' && resumed.by) || 'a person';
      return { status: 'approved', by };
    }
    if (input.amount > 100) {
      auditLog.push(`needs approval: ${input.amount} ${input.currency} to ${input.to}`);
      interrupt({ reason: 'amount above 100', limit: 100 });
    }
    return { status: 'auto-approved', by: 'policy' };
  }
);

const askUser = ai.defineInterrupt({
  name: 'askUser',
  description: 'Asks the user a multiple-choice question and waits for the answer.',
  inputSchema: z.object({ question: z.string(), choices: z.array(z.string()) }),
  outputSchema: z.string(),
  requestMetadata: (input) => ({ kind: 'multiple-choice', choiceCount: input.choices.length }),
});

const getOrderStatus = ai.defineTool(
  {
    name: 'getOrderStatus',
    description: 'Looks up an order by its id (ORD-0000).',
    inputSchema: z.object({ orderId: z.string() }),
    outputSchema: z.object({ orderId: z.string(), status: z.enum(['shipped', 'packing', 'delivered']) }),
  },
  async ({ orderId }) => {
    const n = Number.parseInt(orderId.slice(4), 10) || 0;
    return { orderId, status: ['shipped', 'packing', 'delivered'][n % 3] };
  }
);

/** Genkit validates flow input against its JSON Schema but does not apply zod defaults. */
function withDefaults(schema, fn) {
  return (input, ctx) => fn(schema.parse(input), ctx);
}

function describeInterrupt(part) {
  return {
    tool: part.toolRequest.name,
    input: part.toolRequest.input,
    metadata: part.metadata && part.metadata.interrupt,
  };
}

const InterruptInfo = z.object({ tool: z.string(), input: z.any(), metadata: z.any() });

// ---------------------------------------------------------------------------
// Flows
// ---------------------------------------------------------------------------

// Input: numbers with min/max, an enum with a default, an optional string with a max length.
const TransferInput = z.object({
  amount: z.number().min(1).max(10000).describe('Amount to send; above 100 needs approval'),
  to: z.string().min(1).describe('Recipient'),
  currency: z.enum(['EUR', 'USD', 'GBP']).default('EUR'),
  memo: z.string().max(40).optional(),
});

ai.defineFlow(
  {
    name: 'transferFlow',
    inputSchema: TransferInput,
    outputSchema: z.object({
      status: z.enum(['completed', 'needs-approval']),
      text: z.string(),
      pending: z.array(InterruptInfo),
    }),
  },
  withDefaults(TransferInput, async ({ amount, to, currency }) => {
    const res = await ai.generate({
      model: MODEL,
      prompt: `Use approveTransfer with ${JSON.stringify({ amount, to, currency })}`,
      tools: [approveTransfer],
    });
    if (res.interrupts.length) {
      return { status: 'needs-approval', text: res.text, pending: res.interrupts.map(describeInterrupt) };
    }
    return { status: 'completed', text: res.text, pending: [] };
  })
);

// Always interrupts (amount >= 500), then resumes by responding for the tool.
const ApprovalInput = z.object({
  amount: z.number().int().min(500).max(5000),
  to: z.string().min(1),
  approved: z.boolean().default(true).describe('What the person decides'),
});

ai.defineFlow(
  {
    name: 'transferWithApprovalFlow',
    inputSchema: ApprovalInput,
    outputSchema: z.object({ interrupted: z.boolean(), decision: z.string(), text: z.string() }),
  },
  withDefaults(ApprovalInput, async ({ amount, to, approved }) => {
    const tools = [approveTransfer];
    const first = await ai.generate({
      model: MODEL,
      prompt: `Use approveTransfer with ${JSON.stringify({ amount, to, currency: 'EUR' })}`,
      tools,
    });
    const interrupt = first.interrupts[0];
    if (!interrupt) throw new Error('expected approveTransfer to interrupt');
    const decision = approved ? 'approved' : 'rejected';
    const resumed = await ai.generate({
      model: MODEL,
      messages: first.messages,
      tools,
      resume: { respond: [approveTransfer.respond(interrupt, { status: decision, by: 'reviewer' })] },
    });
    return { interrupted: true, decision, text: resumed.text };
  })
);

// Interrupts, then resumes by restarting the tool with `resumed` metadata.
ai.defineFlow(
  {
    name: 'restartTransferFlow',
    inputSchema: z.object({
      transfer: z.object({ amount: z.number().int().min(101).max(100000), to: z.string() }),
      approver: z.string().min(2).max(20),
    }),
    outputSchema: z.string(),
  },
  async ({ transfer, approver }) => {
    const tools = [approveTransfer];
    const first = await ai.generate({
      model: MODEL,
      prompt: `Use approveTransfer with ${JSON.stringify({ ...transfer, currency: 'USD' })}`,
      tools,
    });
    const interrupt = first.interrupts[0];
    if (!interrupt) throw new Error('expected approveTransfer to interrupt');
    const resumed = await ai.generate({
      model: MODEL,
      messages: first.messages,
      tools,
      resume: { restart: [approveTransfer.restart(interrupt, { by: approver })] },
    });
    return resumed.text;
  }
);

// Stops at the interrupt: returns what the person would be asked.
const AskInput = z.object({
  question: z.string().min(1),
  choices: z.array(z.string()).min(2).max(4).default(['yes', 'no']),
});

ai.defineFlow(
  {
    name: 'askUserFlow',
    inputSchema: AskInput,
    outputSchema: z.object({ interrupted: z.boolean(), pending: z.array(InterruptInfo) }),
  },
  withDefaults(AskInput, async ({ question, choices }) => {
    const res = await ai.generate({
      model: MODEL,
      prompt: `Use askUser with ${JSON.stringify({ question, choices })}`,
      tools: [askUser],
    });
    return { interrupted: res.interrupts.length > 0, pending: res.interrupts.map(describeInterrupt) };
  })
);

// The full round trip: interrupt, answer on the person's behalf, resume.
const AnswerInput = z.object({
  question: z.string().default('Ship today?'),
  answer: z.enum(['yes', 'no', 'later']).default('yes'),
});

ai.defineFlow(
  {
    name: 'askAndAnswerFlow',
    inputSchema: AnswerInput,
    outputSchema: z.string(),
  },
  withDefaults(AnswerInput, async ({ question, answer }) => {
    const tools = [askUser];
    const first = await ai.generate({
      model: MODEL,
      prompt: `Use askUser with ${JSON.stringify({ question, choices: ['yes', 'no', 'later'] })}`,
      tools,
    });
    const interrupt = first.interrupts[0];
    if (!interrupt) throw new Error('expected askUser to interrupt');
    const resumed = await ai.generate({
      model: MODEL,
      messages: first.messages,
      tools,
      resume: { respond: [askUser.respond(interrupt, answer)] },
    });
    return resumed.text;
  })
);

// Input with a `pattern`. jgenkit can synthesise a matching id (such as ORD-0000),
// but jgenkit-sample.yaml provides a known order ({orderId: ORD-1234}) and checks the status.
ai.defineFlow(
  {
    name: 'lookupOrderFlow',
    inputSchema: z.object({ orderId: z.string().regex(/^ORD-[0-9]{4}$/).describe('Order id such as ORD-1234') }),
    outputSchema: z.string(),
  },
  async ({ orderId }) => {
    const res = await ai.generate({
      model: MODEL,
      prompt: `Use getOrderStatus with ${JSON.stringify({ orderId })}`,
      tools: [getOrderStatus],
    });
    return res.text;
  }
);

// Reads the in-memory audit log: its answer depends on which flows ran before
// it, so jgenkit-sample.yaml skips it.
const AuditInput = z.object({ last: z.number().int().min(1).max(50).default(10) });
ai.defineFlow(
  {
    name: 'auditLogFlow',
    inputSchema: AuditInput,
    outputSchema: z.object({ total: z.number().int(), entries: z.array(z.string()) }),
  },
  withDefaults(AuditInput, async ({ last }) => ({ total: auditLog.length, entries: auditLog.slice(-last) }))
);

if (process.env.GENKIT_ENV === 'dev') {
  process.stderr.write(`[framework-tool-interrupts] pid ${process.pid}: model local/teller, tools approveTransfer/askUser/getOrderStatus\n`);
}

module.exports = { ai };
