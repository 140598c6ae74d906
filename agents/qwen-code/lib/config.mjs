// The bridge's settings: command-line flags, each with an environment variable as its default, checked once at start so
// a mistake stops the bridge with a message instead of failing every step later.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Qwen Code's approval modes (its --approval-mode), from "reads only" to "runs anything". */
export const APPROVAL_MODES = ['plan', 'default', 'auto-edit', 'auto', 'yolo'];

/** What each setting is, its flag, its environment variable and its default; README.md repeats this table. */
const SETTINGS = {
  url: { flag: '--url', env: 'SWARM_URL', fallback: 'http://127.0.0.1:5180', help: 'the swarm' },
  workspace: { flag: '--workspace', env: 'QWEN_AGENT_WORKSPACE', fallback: '.run/qwen-agent', help: 'the folder under which each step gets a working folder of its own' },
  approvalMode: { flag: '--approval-mode', env: 'QWEN_AGENT_APPROVAL_MODE', fallback: 'auto-edit', help: `Qwen Code's approval mode for steps (${APPROVAL_MODES.join(', ')}); ballots always run in plan` },
  maxWallSeconds: { flag: '--max-wall-seconds', env: 'QWEN_AGENT_MAX_WALL_SECONDS', fallback: '600', help: 'the longest one step or ballot may run (also never past the swarm\'s answer-by time)', number: [5, 86400] },
  maxToolCalls: { flag: '--max-tool-calls', env: 'QWEN_AGENT_MAX_TOOL_CALLS', fallback: '50', help: 'tool calls one step may make', number: [0, 10000] },
  maxTurns: { flag: '--max-turns', env: 'QWEN_AGENT_MAX_TURNS', fallback: '20', help: 'model turns one step may take', number: [1, 1000] },
  model: { flag: '--model', env: 'QWEN_AGENT_MODEL', fallback: '', help: 'the model Qwen Code uses (its -m); empty for its own default or OPENAI_MODEL' },
  authType: { flag: '--auth-type', env: 'QWEN_AGENT_AUTH_TYPE', fallback: 'openai', help: 'Qwen Code\'s --auth-type (openai reads OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL)' },
  heartbeatSeconds: { flag: '--heartbeat-seconds', env: 'QWEN_AGENT_HEARTBEAT_SECONDS', fallback: '30', help: 'how often the bridge tells the swarm it is alive', number: [1, 3600] },
  qwen: { flag: '--qwen', env: 'QWEN_AGENT_QWEN', fallback: path.join(here, '..', 'node_modules', '.bin', 'qwen'), help: 'the qwen executable' },
};

/** Flags that take no value. */
const SWITCHES = { '--user-settings': 'userSettings', '--help': 'help' };

export function usage() {
  const rows = Object.values(SETTINGS).map((s) => `  ${s.flag.padEnd(22)} ${s.env.padEnd(30)} ${s.help} (default ${s.fallback || 'none'})`);
  return [
    'Usage: agents/qwen-code/run.sh [flags]       (the agent\'s API key in SWARM_API_KEY, never on the command line)',
    '',
    '  flag                   environment variable',
    ...rows,
    '  --user-settings                                       run Qwen Code with your own settings (~/.qwen: MCP servers, memory, context',
    '                                                        files) instead of bare mode, which honours only what this bridge passes',
  ].join('\n');
}

export class ConfigError extends Error {}

/** Reads flags from argv and defaults from env; throws ConfigError naming the first thing wrong. */
export function readConfig(argv, env) {
  const config = { userSettings: false, help: false };
  const given = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (SWITCHES[arg]) {
      config[SWITCHES[arg]] = true;
      continue;
    }

    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const name = Object.keys(SETTINGS).find((key) => SETTINGS[key].flag === flag);
    if (!name) throw new ConfigError(`unknown flag '${arg}'`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new ConfigError(`${flag} needs a value`);
    given[name] = value;
  }

  for (const [name, setting] of Object.entries(SETTINGS)) {
    const raw = given[name] ?? env[setting.env] ?? setting.fallback;
    if (setting.number) {
      const [min, max] = setting.number;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min || value > max) {
        throw new ConfigError(`${setting.flag} (${setting.env}) must be a whole number from ${min} to ${max}, not '${raw}'`);
      }
      config[name] = value;
    } else {
      config[name] = raw;
    }
  }

  if (config.help) return config;
  if (!APPROVAL_MODES.includes(config.approvalMode)) {
    throw new ConfigError(`--approval-mode must be one of ${APPROVAL_MODES.join(', ')}, not '${config.approvalMode}'`);
  }

  try {
    config.url = new URL(config.url).toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError(`--url (SWARM_URL) is not a URL: '${config.url}'`);
  }

  config.apiKey = env.SWARM_API_KEY ?? '';
  if (!config.apiKey.trim()) {
    throw new ConfigError('SWARM_API_KEY must hold the agent\'s API key (POST /api/v1/agents/{id}/keys); it is read only from the environment, so it never shows in a process list');
  }

  config.workspace = path.resolve(config.workspace);
  return config;
}
