// A swarm agent whose work is done by Qwen Code. It connects to the swarm's real-time channel as an `external` agent
// (with the vendor's Web PubSub client library, which re-negotiates a URL whenever it reconnects), and:
// - task_assigned: runs Qwen Code headless on the step's prompt in a working folder of the step's own, and posts the
//   answer with its token usage to the step's resultUrl, or, when Qwen Code fails, the reason (`error`), so the swarm
//   tries another agent at once;
// - task_canceled: stops that step's Qwen Code and posts nothing;
// - ballot_requested: asks Qwen Code (read-only plan mode, structured output) to choose one option, and votes;
// - every --heartbeat-seconds: a heartbeat frame, so the swarm sees the agent alive.
// One line of JSON per thing that happened goes to stderr; no credential is ever printed or passed to Qwen Code.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ConfigError, readConfig, usage } from './lib/config.mjs';
import { QwenFailure, redact, startQwen } from './lib/qwen.mjs';
import { CredentialRefused, SwarmApi } from './lib/swarm-api.mjs';
import { ballotPrompt, ballotSchema, chosenOption } from './lib/ballot.mjs';
import { tryParseJson } from './lib/json.mjs';

const require = createRequire(import.meta.url);
const { WebPubSubClient, WebPubSubJsonProtocol } = require('@azure/web-pubsub-client');

let config;
try {
  config = readConfig(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`qwen-agent: ${error.message}\n\n${usage()}`);
  process.exit(2);
}
if (config.help) {
  console.log(usage());
  process.exit(0);
}

const secrets = [config.apiKey, process.env.OPENAI_API_KEY, process.env.DASHSCOPE_API_KEY].filter(Boolean);
const log = (event, fields = {}) => console.error(redact(JSON.stringify({ at: new Date().toISOString(), event, ...fields }), secrets));
const api = new SwarmApi(config.url, config.apiKey);

/** Runs in progress by `taskId/step` (or `ballot:proposal/round`), so a cancel or a shutdown can stop them. */
const running = new Map();
let agentId = null;
let refused = null;

const client = new WebPubSubClient(
  {
    getClientAccessUrl: async () => {
      try {
        const negotiated = await api.negotiate();
        agentId = negotiated.userId?.replace(/^agent:/, '') ?? agentId;
        return negotiated.url;
      } catch (error) {
        if (error instanceof CredentialRefused) {
          refused = error;
          setImmediate(() => shutDown(`stopping: ${error.message}`, 3));
        }
        throw error;
      }
    },
  },
  { protocol: WebPubSubJsonProtocol(), reconnectRetryOptions: { maxRetryDelayInMs: 10000, mode: 'Exponential' } },
);

client.on('connected', (e) => log('connected', { agent: agentId, connectionId: e.connectionId, url: config.url }));
client.on('disconnected', (e) => log('disconnected', { reason: e.message?.data?.reason ?? null }));
client.on('server-message', (e) => onServerMessage(e.message.data));

function onServerMessage(frame) {
  const message = typeof frame === 'string' ? tryParseJson(frame) : frame;
  if (!message || typeof message !== 'object') return;
  if (process.env.QWEN_AGENT_DEBUG) log('received', { type: message.type, taskId: message.data?.taskId, step: message.data?.step });
  switch (message.type) {
    case 'task_assigned':
      runStep(message.data);
      break;
    case 'task_canceled':
      if (!stopRun(`${message.data.taskId}/${message.data.step}`, 'canceled')) {
        log('cancel_unmatched', { taskId: message.data.taskId, step: message.data.step, running: [...running.keys()] });
      }
      break;
    case 'ballot_requested':
      castBallot(message.data);
      break;
    case 'error':
      // The answer to one of this bridge's frames (a heartbeat) that the swarm refused.
      log('frame_refused', { status: message.status, problem: message.data?.detail ?? message.data?.title });
      break;
    default:
      break;
  }
}

/** Seconds a run may take: the bridge's limit, and never past the swarm's answer-by time (less a margin to post). */
function wallSeconds(answerBy) {
  const left = answerBy ? Math.floor((Date.parse(answerBy) - Date.now()) / 1000) - 10 : Infinity;
  return Math.max(5, Math.min(config.maxWallSeconds, left));
}

/** A folder name from a swarm id: ids are already safe, but a folder must never climb out of the workspace. */
const folder = (name) => String(name).replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');

async function runStep({ taskId, step, prompt, answerBy, resultUrl }) {
  const key = `${taskId}/${step}`;
  if (running.has(key)) return; // the same notice twice (a reconnect); the first run answers it
  const cwd = path.join(config.workspace, folder(agentId), folder(taskId), folder(step));
  mkdirSync(cwd, { recursive: true });
  const run = startQwen({ prompt, cwd, approvalMode: config.approvalMode, wallSeconds: wallSeconds(answerBy), maxToolCalls: config.maxToolCalls, maxTurns: config.maxTurns }, config, secrets);
  running.set(key, run);
  log('step_started', { taskId, step, cwd, approvalMode: config.approvalMode });
  let body;
  try {
    const answer = await run.done;
    body = { step, text: answer.text, inputTokens: answer.inputTokens, outputTokens: answer.outputTokens, model: answer.model };
    log('step_answered', { taskId, step, turns: answer.turns, inputTokens: answer.inputTokens, outputTokens: answer.outputTokens });
  } catch (error) {
    if (!(error instanceof QwenFailure)) throw error;
    if (run.canceled) {
      // Nothing to post: the task was canceled, or the bridge is stopping and posts the failure itself.
      log('step_stopped', { taskId, step, why: run.canceled });
      return;
    }
    body = { step, error: error.message.slice(0, 2000) };
    log('step_failed', { taskId, step, error: body.error });
  } finally {
    running.delete(key);
  }

  const posted = await api.post(resultUrl ?? `/api/v1/tasks/${encodeURIComponent(taskId)}/result`, body);
  log(posted.ok ? 'result_posted' : 'result_refused', { taskId, step, status: posted.status, problem: posted.problem?.detail ?? posted.problem?.title });
}

async function castBallot({ proposalId, round, question, options, voteBy, voteUrl }) {
  const key = `ballot:${proposalId}/${round}`;
  if (running.has(key)) return;
  if (!Array.isArray(options) || options.length === 0) {
    log('ballot_skipped', { proposalId, round, why: 'the ballot names no options' });
    return;
  }
  const cwd = path.join(config.workspace, folder(agentId), 'ballots', `${folder(proposalId)}-r${round}`);
  mkdirSync(cwd, { recursive: true });
  // A vote changes nothing on disk: plan mode, whatever the bridge's approval mode for steps.
  const run = startQwen({ prompt: ballotPrompt(question, options), cwd, approvalMode: 'plan', wallSeconds: wallSeconds(voteBy), maxToolCalls: config.maxToolCalls, maxTurns: config.maxTurns, jsonSchema: ballotSchema(options) }, config, secrets);
  running.set(key, run);
  log('ballot_started', { proposalId, round, options: options.length });
  let vote;
  try {
    vote = chosenOption(await run.done, options);
  } catch (error) {
    // No ballot is cast: the round records this agent's missing vote and its deadline decides without it.
    log(run.canceled ? 'ballot_stopped' : 'ballot_failed', { proposalId, round, error: error.message });
    return;
  } finally {
    running.delete(key);
  }

  const posted = await api.post(voteUrl ?? `/api/v1/consensus/proposals/${encodeURIComponent(proposalId)}/votes`, vote);
  log(posted.ok ? 'vote_cast' : 'vote_refused', { proposalId, round, choice: posted.ok ? options.indexOf(vote.choice) + 1 : undefined, status: posted.status, problem: posted.problem?.detail ?? posted.problem?.title });
}

function stopRun(key, why) {
  const run = running.get(key);
  if (!run) return false;
  run.canceled = why;
  run.stop();
  return true;
}

async function heartbeat() {
  if (!agentId) return;
  try {
    await client.sendEvent('heartbeat', { status: running.size === 0 ? 'idle' : `running ${running.size}` }, 'json', { fireAndForget: true });
  } catch (error) {
    log('heartbeat_failed', { error: error.message });
  }
}

let stopping = false;
async function shutDown(why, code = 0) {
  if (stopping) return;
  stopping = true;
  log('stopping', { why, running: running.size });
  // Steps in progress fail over to another agent now instead of waiting out their time limit.
  const posts = [];
  for (const [key, run] of running) {
    run.canceled = 'the bridge stopped';
    run.stop();
    if (!key.startsWith('ballot:')) {
      const [taskId, step] = key.split('/');
      posts.push(api.post(`/api/v1/tasks/${encodeURIComponent(taskId)}/result`, { step, error: 'The Qwen Code bridge stopped before the step was done.' }));
    }
  }
  await Promise.allSettled(posts);
  clearInterval(beat);
  client.stop();
  process.exit(code);
}


process.on('SIGINT', () => shutDown('SIGINT'));
process.on('SIGTERM', () => shutDown('SIGTERM'));
const beat = setInterval(heartbeat, config.heartbeatSeconds * 1000);
mkdirSync(config.workspace, { recursive: true });
log('starting', { url: config.url, workspace: config.workspace, approvalMode: config.approvalMode, maxWallSeconds: config.maxWallSeconds, maxToolCalls: config.maxToolCalls, maxTurns: config.maxTurns, bare: !config.userSettings });
try {
  await client.start();
  await heartbeat();
} catch (error) {
  await shutDown(refused ? `stopping: ${refused.message}` : `could not connect: ${error.message}`, refused ? 3 : 1);
}
