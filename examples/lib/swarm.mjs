// What the examples share: finding the swarm and a token, the model the agents use, creating agents that are missing
// (and replacing ones whose configuration changed), submitting a task, following it until it ends, and printing what
// happened. Node 20, no packages: global fetch only.
//
// Environment:
//   SWARM_URL       the swarm (default http://127.0.0.1:5180, where ./run.sh starts it)
//   SWARM_TOKEN     a bearer token that may create agents and submit tasks (./run.sh prints `export SWARM_TOKEN=...`).
//                   Unset, one is minted for an hour with the development secret, as README "Security" shows:
//                   JWT_SECRET if set, else the one ./run.sh keeps in .run/jwt-secret.
//   SWARM_PROVIDER  the provider type of the example's agents (default simulated; qwen, openai, claude, local, custom)
//   SWARM_MODEL     their model (default per provider: see DEFAULT_MODELS)
//   SWARM_TASK_TIMEOUT_SECONDS  each task's deadline (default 900)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The model an example's agents use when SWARM_MODEL is not set. */
export const DEFAULT_MODELS = {
  // A profile in config.json: one round of two tool calls, so each example agent calls both of its tools once.
  simulated: 'examples',
  qwen: 'qwen-max',
  openai: 'gpt-4o-mini',
  claude: 'claude-sonnet-4-5',
  local: 'llama3.1',
};

/** A failure the example explains itself: printed without a stack trace, and the script exits with 1. */
export class ExampleError extends Error {}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs an example's main function: a clear message and exit code 1 on any failure. */
export async function main(run) {
  try {
    await run();
  } catch (error) {
    if (error instanceof ExampleError) {
      console.error(`\nerror: ${error.message}`);
    } else {
      console.error(`\nerror: ${error?.stack ?? error}`);
    }
    process.exit(1);
  }
}

function envToken() {
  if (process.env.SWARM_TOKEN) {
    return { token: process.env.SWARM_TOKEN, how: 'SWARM_TOKEN' };
  }

  // The same command README "Security" gives for minting a token, with the secret ./run.sh uses.
  const secretFile = path.join(root, '.run', 'jwt-secret');
  const secret = process.env.JWT_SECRET || (existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : '');
  const hostDll = path.join(root, 'src', 'Swarm.LocalHost', 'bin', 'Release', 'net10.0', 'Swarm.LocalHost.dll');
  if (!secret || !existsSync(hostDll)) {
    throw new ExampleError(
      'Set SWARM_TOKEN: ./run.sh prints a line `export SWARM_TOKEN=...`; run it in this terminal. ' +
        '(Without it the example mints a token with the development secret in .run/jwt-secret, which ./run.sh has not made here.)',
    );
  }

  try {
    const token = execFileSync('dotnet', [hostDll, 'mint-token', '--role', 'admin', '--subject', 'examples', '--hours', '1'], {
      cwd: root,
      env: { ...process.env, JWT_SECRET: secret, system__environment: process.env.system__environment ?? 'development' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
    return { token, how: process.env.JWT_SECRET ? 'minted with JWT_SECRET' : 'minted with .run/jwt-secret' };
  } catch (error) {
    throw new ExampleError(`SWARM_TOKEN is not set, and minting one failed: ${error.stderr || error.message}`);
  }
}

/** The swarm an example talks to, with the provider and model its agents use. */
export class Swarm {
  constructor(url, token, provider, model, example) {
    this.url = url.replace(/\/+$/, '');
    this.token = token;
    this.provider = provider;
    this.model = model;
    this.example = example;
    this.simulated = provider === 'simulated';
  }

  /** Reads the environment, checks the swarm answers and the provider is configured there, and says what it will use. */
  static async connect(example) {
    const url = process.env.SWARM_URL || 'http://127.0.0.1:5180';
    const provider = (process.env.SWARM_PROVIDER || 'simulated').toLowerCase();
    const model = process.env.SWARM_MODEL || DEFAULT_MODELS[provider];
    if (!model) {
      throw new ExampleError(`SWARM_PROVIDER is '${provider}', which has no default model here: set SWARM_MODEL too.`);
    }

    const { token, how } = envToken();
    const swarm = new Swarm(url, token, provider, model, example);
    console.log(`Example: ${example}`);
    console.log(`Swarm:   ${swarm.url} (token: ${how})`);
    console.log(`Model:   ${provider}:${model}${swarm.simulated ? '  (simulated: no model; every answer starts [simulated])' : ''}`);

    const providers = await swarm.request('GET', '/api/v1/providers', undefined, { allow: [403] });
    if (providers.status === 403) {
      // A token without system:read cannot see the providers; creating the agents will say what is missing instead.
      console.log(`Note:    this token may not read GET /api/v1/providers, so whether '${provider}' is configured shows when the agents are created.`);
      return swarm;
    }

    const entry = providers.providers.find((p) => p.type === provider);
    if (!entry) {
      throw new ExampleError(`The swarm has no provider '${provider}'; it has: ${providers.providers.map((p) => p.type).join(', ')}.`);
    }
    if (!entry.configured) {
      throw new ExampleError(
        `The swarm cannot use provider '${provider}': ${entry.problem} ` +
          'Set it in the swarm\'s environment (e.g. in .env, which ./run.sh loads) and start ./run.sh again.',
      );
    }

    return swarm;
  }

  /** One API call; answers the parsed body, or throws naming the status and the problem's detail. */
  async request(method, route, body, { allow = [] } = {}) {
    for (let attempt = 1; ; attempt++) {
      let response;
      try {
        response = await fetch(this.url + route, {
          method,
          headers: {
            Authorization: `Bearer ${this.token}`,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (error) {
        const cause = error.cause?.code ? ` (${error.cause.code})` : '';
        throw new ExampleError(`Cannot reach the swarm at ${this.url}${cause}. Is ./run.sh running? Set SWARM_URL if it listens elsewhere.`);
      }

      const text = await response.text();
      const parsed = text ? safeJson(text) : null;
      if (response.ok || allow.includes(response.status)) {
        return response.ok ? parsed : { status: response.status, problem: parsed };
      }

      // Rate limited or storage briefly away: wait as asked, a few times.
      if ((response.status === 429 || response.status === 503) && attempt < 5) {
        const seconds = Number(response.headers.get('retry-after')) || 2;
        await sleep(seconds * 1000);
        continue;
      }

      const detail = parsed?.detail ?? text.slice(0, 300);
      const fields = parsed?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
      if (response.status === 401) {
        throw new ExampleError(`The swarm refused the token (401: ${detail}). Take a fresh one from ./run.sh's output (export SWARM_TOKEN=...).`);
      }
      throw new ExampleError(`${method} ${route} answered ${response.status}: ${detail}${fields ? ` (${fields})` : ''}`);
    }
  }

  /**
   * Makes sure each agent exists as described, on this example's provider and model: creates a missing one, leaves
   * one that matches alone, and replaces (retires, then creates again) one whose configuration differs, e.g. after
   * the example ran on another model. Agents are created one after another; each line says what was done.
   */
  async ensureAgents(specs) {
    console.log('\nAgents:');
    for (const spec of specs) {
      const desired = { ...spec, provider: { type: this.provider, model: this.model } };
      const outcome = await this.ensureAgent(desired);
      const tools = desired.tools?.length ? `tools ${desired.tools.join(', ')}` : 'no tools';
      const grants = desired.role.permissions?.length ? `; grants ${desired.role.permissions.join(', ')}` : '';
      console.log(`  ${desired.id.padEnd(26)} ${desired.type.padEnd(10)} [${desired.role.expertise.join(', ')}]  ${tools}${grants}  -> ${outcome}`);
    }
  }

  async ensureAgent(desired) {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const existing = await this.request('GET', `/api/v1/agents/${encodeURIComponent(desired.id)}`, undefined, { allow: [404] });
      let replaced = null;
      if (existing.status !== 404) {
        if (existing.status === 'draining') {
          await this.waitRetired(desired.id);
        } else if (existing.status !== 'retired') {
          const differences = differencesOf(existing, desired);
          if (differences.length === 0) {
            return 'exists, unchanged';
          }

          replaced = differences.join('; ');
          await this.request('DELETE', `/api/v1/agents/${encodeURIComponent(desired.id)}`);
          await this.waitRetired(desired.id);
        }
      }

      const created = await this.request('POST', '/api/v1/agents', desired, { allow: [409] });
      if (created.status === 409) {
        // Created by someone else in the meantime (or the roster is full, which the message says): look again.
        if (/maxAgents/.test(created.problem?.detail ?? '')) {
          throw new ExampleError(`Cannot create agent '${desired.id}': ${created.problem.detail}`);
        }
        continue;
      }

      return replaced ? `replaced (${replaced})` : 'created';
    }

    throw new ExampleError(`Agent '${desired.id}' kept changing while this example tried to create it.`);
  }

  async waitRetired(id) {
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      const agent = await this.request('GET', `/api/v1/agents/${encodeURIComponent(id)}`);
      if (agent.status === 'retired') {
        return;
      }
      await sleep(500);
    }
    throw new ExampleError(`Agent '${id}' did not finish retiring within 3 minutes (it drains its tasks first).`);
  }

  /**
   * Says so when queens, which plan, merge, assemble and break ties for any task (a task cannot choose its queen), run
   * on another provider than the example's agents: simulated plans in a real run, or a model's in a simulated one.
   */
  async checkQueens() {
    const queens = (await this.request('GET', '/api/v1/agents?type=queen')).items ?? [];
    const others = queens.filter((q) => q.provider !== this.provider);
    if (others.length === 0) {
      return;
    }

    console.log(`\nNote: the queens that plan, merge and break ties here run elsewhere: ${others.map((q) => `${q.id} on ${q.provider}:${q.model}`).join(', ')}.`);
    if (!this.simulated && others.some((q) => q.provider === 'simulated')) {
      console.log(`      For ${this.provider} there too, start the swarm with defaultAgent__provider=${this.provider} defaultAgent__model=${this.model} (e.g. in .env).`);
    }
  }

  /** Stores a value in the swarm's memory (PUT /api/v1/memory/{namespace}/{key}) and waits until it reads back. */
  async putMemory(namespace, key, value) {
    const route = `/api/v1/memory/${encodeURIComponent(namespace)}/${encodeURIComponent(key)}`;
    const before = await this.request('GET', route, undefined, { allow: [404] });
    await this.request('PUT', route, { value });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      // A write is applied shortly after its 202; the same value written again shows as a new updatedAt.
      const entry = await this.request('GET', route, undefined, { allow: [404] });
      if (entry.status !== 404 && entry.value === value && entry.updatedAt !== before.updatedAt) {
        return entry;
      }
      await sleep(200);
    }
    throw new ExampleError(`Memory ${namespace}/${key} was written but did not read back within 30 s.`);
  }

  /** The entries of a memory namespace, each with who wrote it. */
  async memory(namespace) {
    const listing = await this.request('GET', `/api/v1/memory/${encodeURIComponent(namespace)}`, undefined, { allow: [404] });
    const keys = listing.status === 404 ? [] : (listing.keys ?? []).map((k) => k.key);
    const entries = [];
    for (const key of keys) {
      entries.push(await this.request('GET', `/api/v1/memory/${encodeURIComponent(namespace)}/${encodeURIComponent(key)}`));
    }
    return entries;
  }

  /**
   * Submits a task and follows it, printing its timeline as it grows (tool calls are listed at the end), until it
   * ends. Answers the finished task; a task that failed or was canceled throws, naming why.
   */
  async runTask(title, body) {
    const timeoutSeconds = Number(process.env.SWARM_TASK_TIMEOUT_SECONDS) || 900;
    const submitted = await this.request('POST', '/api/v1/tasks', {
      timeoutSeconds,
      ...body,
      metadata: { example: this.example, ...(body.metadata ?? {}) },
    });
    const started = Date.now();
    console.log(`\n${title}`);
    console.log(`Task ${submitted.id} submitted (strategy ${body.strategy ?? 'auto'}); following it:`);

    let shown = 0;
    let task;
    const deadline = started + (timeoutSeconds + 60) * 1000;
    for (;;) {
      task = await this.request('GET', `/api/v1/tasks/${submitted.id}`);
      const timeline = task.timeline ?? [];
      for (const event of timeline.slice(shown)) {
        if (event.kind !== 'tool') {
          console.log(`  ${secondsSince(task.createdAt, event.at)}  ${event.kind.padEnd(12)} ${event.detail ?? ''}`);
        }
      }
      shown = timeline.length;
      if (['completed', 'failed', 'canceled'].includes(task.status)) {
        break;
      }
      if (Date.now() > deadline) {
        throw new ExampleError(`Task ${task.id} is still ${task.status} (${task.phase}) after ${timeoutSeconds + 60} s; see GET /api/v1/tasks/${task.id}.`);
      }
      await sleep(task.status === 'queued' ? 500 : 1000);
    }

    const took = ((Date.now() - started) / 1000).toFixed(1);
    if (task.status !== 'completed') {
      const reason = task.error ? `${task.error.type}: ${task.error.message}` : 'no reason given';
      throw new ExampleError(`Task ${task.id} ${task.status} after ${took} s: ${reason}`);
    }

    console.log(`Task ${task.id} completed in ${took} s.`);
    return task;
  }

  /** Prints a finished task: each step's agent, turns and tool calls, the tool calls of its timeline, and its result. */
  printTask(task) {
    console.log(`\nSteps of ${task.id} (${task.strategy}):`);
    for (const step of task.steps ?? []) {
      const a = step.answer;
      const failed = step.failedAttempts?.length ? `; failed first on ${step.failedAttempts.join(' | ')}` : '';
      console.log(
        `  ${step.stage.padEnd(14)} ${step.agentId.padEnd(26)} ${`${a.provider}:${a.model}`.padEnd(26)} ` +
          `${plural(a.turns ?? 1, 'turn')}, ${plural(a.toolCalls ?? 0, 'tool call')}, ${a.inputTokens} in / ${a.outputTokens} out tokens${failed}`,
      );
    }
    console.log(`Agents that took part (asked ones included): ${task.agents.join(', ')}`);

    const tools = (task.timeline ?? []).filter((e) => e.kind === 'tool');
    console.log(`\nTool calls (${tools.length}, from the timeline):`);
    for (const event of tools) {
      console.log(`  ${event.detail}`);
    }
    if (tools.length === 0) {
      console.log('  none');
    }

    const result = task.result;
    const label = result.simulated ? ' [simulated: no model wrote this]' : '';
    console.log(`\nResult, by ${task.agentId} (${result.provider}:${result.model})${label}:`);
    console.log(indent(result.text));
    const totals = task.totals ?? {};
    console.log(`\nTokens: ${totals.inputTokens ?? 0} in, ${totals.outputTokens ?? 0} out; cost $${(totals.costUsd ?? 0).toFixed(4)}`);
  }

  /** Prints the entries of a memory namespace: key, who wrote it, and the start of the value. */
  async printMemory(namespace, heading) {
    const entries = await this.memory(namespace);
    console.log(`\n${heading} (namespace ${namespace}, ${plural(entries.length, 'entry', 'entries')}):`);
    for (const entry of entries) {
      console.log(`  ${entry.key}  by ${entry.updatedBy}: ${oneLine(entry.value, 160)}`);
    }
    return entries;
  }
}

/** What differs between an agent as the swarm has it and as the example wants it (fields the example sets). */
function differencesOf(existing, desired) {
  const differences = [];
  const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const sorted = (list) => [...(list ?? [])].sort();
  if (`${existing.provider.type}:${existing.provider.model}` !== `${desired.provider.type}:${desired.provider.model}`) {
    differences.push(`model ${existing.provider.type}:${existing.provider.model} -> ${desired.provider.type}:${desired.provider.model}`);
  }
  if (existing.type !== desired.type) differences.push(`type ${existing.type} -> ${desired.type}`);
  if (!same(sorted(existing.role.expertise), sorted(desired.role.expertise))) differences.push('expertise');
  if (!same(sorted(existing.role.permissions).filter((p) => p !== 'task:*'), sorted(desired.role.permissions).filter((p) => p !== 'task:*'))) differences.push('permissions');
  if (desired.role.priority !== undefined && existing.role.priority !== desired.role.priority) differences.push('priority');
  if (!same(existing.tools, desired.tools ?? [])) differences.push('tools');
  if (desired.instructions !== undefined && existing.instructions !== desired.instructions) differences.push('instructions');
  if (desired.maxTurns !== undefined && existing.maxTurns !== desired.maxTurns) differences.push('maxTurns');
  if (desired.maxToolCalls !== undefined && existing.maxToolCalls !== desired.maxToolCalls) differences.push('maxToolCalls');
  if (desired.maxConcurrency !== undefined && existing.maxConcurrency !== desired.maxConcurrency) differences.push('maxConcurrency');
  if (desired.name !== undefined && existing.name !== desired.name) differences.push('name');
  return differences;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Seconds from the task's creation to an event, both as the swarm's clock says. */
function secondsSince(createdAt, at) {
  const seconds = (Date.parse(at) - Date.parse(createdAt)) / 1000;
  return `+${Math.max(0, seconds).toFixed(1)}s`.padStart(7);
}

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function oneLine(text, max) {
  const line = String(text ?? '').replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max)}…`;
}
