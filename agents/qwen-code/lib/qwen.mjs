// One run of Qwen Code in its non-interactive mode (`qwen -o json`): the prompt on standard input, the answer, the
// token usage and the model from the JSON it prints. A run ends in an answer or in a QwenFailure that says why; it never
// hangs past its wall-clock limit, and it can be stopped from outside (a canceled task).
import { spawn } from 'node:child_process';

/** Qwen Code's exit code when --max-wall-time or --max-tool-calls ended the run. */
const LIMIT_EXIT_CODE = 55;

/** How long a stopped run gets to end after SIGTERM before it is killed. */
const KILL_GRACE_MS = 5000;

export class QwenFailure extends Error {}

/** Environment variables a run must never see: the swarm's credential would be readable by any shell command the model ran. */
const WITHHELD = ['SWARM_API_KEY', 'SWARM_TOKEN'];

/**
 * Starts one run. Returns { done, stop }: `done` resolves to { text, structured, inputTokens, outputTokens, model }
 * or rejects with a QwenFailure; `stop()` ends the run (SIGTERM, then SIGKILL) and makes `done` reject.
 * @param {object} run  { prompt, cwd, approvalMode, wallSeconds, maxToolCalls, maxTurns, jsonSchema? }
 * @param {object} config  the bridge's settings (qwen, model, authType, userSettings)
 * @param {string[]} secrets  values to blank out of any error text that is passed on
 */
export function startQwen(run, config, secrets) {
  const args = ['-o', 'json', '--approval-mode', run.approvalMode, '--max-wall-time', String(run.wallSeconds),
    '--max-tool-calls', String(run.maxToolCalls), '--max-session-turns', String(run.maxTurns), '--auth-type', config.authType];
  // Bare mode: no user memory, context files, extensions or MCP servers from ~/.qwen, so one submitter's task cannot
  // read what Qwen Code remembered from another's, and a step runs the same wherever the bridge runs.
  if (!config.userSettings) args.push('--bare');
  if (config.model) args.push('-m', config.model);
  if (run.jsonSchema) args.push('--json-schema', JSON.stringify(run.jsonSchema));

  const env = { ...process.env };
  for (const name of WITHHELD) delete env[name];
  // A process group of its own, so stopping the run also stops whatever it started (shell commands, workers).
  const child = spawn(config.qwen, args, { cwd: run.cwd, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  let stopped = false;
  child.stdout.on('data', (chunk) => { stdout += chunk; });
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  child.stdin.on('error', () => {}); // a run that ends before reading its prompt reports that through its exit
  child.stdin.end(run.prompt);

  // Qwen Code enforces --max-wall-time itself; this is the backstop for a run that does not end on its own.
  const backstop = setTimeout(() => stop(), (run.wallSeconds + 30) * 1000);

  const done = new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new QwenFailure(`Qwen Code could not start (${config.qwen}): ${error.message}`)));
    // A stopped run is over when its process is, even if something it started still holds its output open.
    child.on('exit', () => { if (stopped) reject(new QwenFailure('Qwen Code was stopped.')); });
    child.on('close', (code, signal) => {
      clearTimeout(backstop);
      if (stopped) return reject(new QwenFailure('Qwen Code was stopped.'));
      try {
        resolve(readOutput(stdout, code, signal, run));
      } catch (error) {
        // What Qwen Code printed last on stderr usually names the cause (a refused key, an unreachable model).
        const said = lastLines(stderr);
        reject(new QwenFailure(redact(said ? `${error.message} (${said})` : error.message, secrets)));
      }
    });
  });

  function stop() {
    if (stopped || child.exitCode !== null || child.signalCode !== null) return;
    stopped = true;
    signalGroup('SIGTERM');
    setTimeout(() => signalGroup('SIGKILL'), KILL_GRACE_MS).unref();
  }

  function signalGroup(signal) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group has already ended.
    }
  }

  return { done, stop };
}

/** The answer from Qwen Code's JSON output: an array of messages ending in one of type "result". */
function readOutput(stdout, code, signal, run) {
  if (code === LIMIT_EXIT_CODE) {
    throw new QwenFailure(`Qwen Code reached its limit (${run.wallSeconds} s of wall time or ${run.maxToolCalls} tool calls) before answering.`);
  }

  let messages;
  try {
    messages = JSON.parse(stdout);
  } catch {
    throw new QwenFailure(`Qwen Code ended (${signal ? `signal ${signal}` : `exit code ${code}`}) without its JSON output.`);
  }

  const result = Array.isArray(messages) ? messages.findLast((m) => m?.type === 'result') : undefined;
  if (!result) throw new QwenFailure(`Qwen Code ended (exit code ${code}) without a result message.`);
  if (result.is_error || result.subtype !== 'success') {
    const why = typeof result.result === 'string' && result.result ? result.result : result.error?.message ?? result.subtype;
    throw new QwenFailure(`Qwen Code failed (${result.subtype}): ${String(why).slice(0, 800)}`);
  }

  const text = typeof result.result === 'string' ? result.result : '';
  if (!text.trim() && result.structured_result === undefined) throw new QwenFailure('Qwen Code answered with no text.');
  const init = messages.find((m) => m?.type === 'system' && m.subtype === 'init');
  return {
    text,
    structured: result.structured_result,
    inputTokens: Number(result.usage?.input_tokens ?? 0),
    outputTokens: Number(result.usage?.output_tokens ?? 0),
    model: typeof init?.model === 'string' ? init.model : undefined,
    turns: result.num_turns,
  };
}

function lastLines(text) {
  return text.trim().split('\n').filter((line) => !line.startsWith('Ripgrep not available')).slice(-3).join(' | ').slice(0, 600);
}

/** Blanks every secret value out of a text that leaves the bridge (a failure posted to the swarm, a log line). */
export function redact(text, secrets) {
  let clean = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 8) clean = clean.split(secret).join('[redacted]');
  }
  return clean;
}
