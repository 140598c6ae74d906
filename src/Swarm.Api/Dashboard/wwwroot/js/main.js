// The dashboard: signs in with a token, then keeps every panel current from the API, refreshing a panel when the
// real-time channel brings an event about it (and every few seconds regardless, since events are notices, not the
// record). What a panel may show is the API's decision: a 403 or 404 hides it and says why.
import { Api, describeProblem } from './api.js';
import { Channel } from './channel.js';
import { replace } from './dom.js';
import * as session from './session.js';
import { refreshAgents } from './panels/agents.js';
import { refreshAudit } from './panels/audit.js';
import { refreshCharts, Samples } from './panels/charts.js';
import { refreshConsensus } from './panels/consensus.js';
import { refreshProviders } from './panels/providers.js';
import { refreshScaling } from './panels/scaling.js';
import { refreshTaskDetail } from './panels/task-detail.js';
import { refreshTasks, wireSubmit } from './panels/tasks.js';

const panels = {
  tasks: refreshTasks,
  task: refreshTaskDetail,
  agents: refreshAgents,
  consensus: refreshConsensus,
  scaling: refreshScaling,
  providers: refreshProviders,
  charts: refreshCharts,
  audit: refreshAudit,
};

// Which panels an event of the channel concerns.
const eventPanels = {
  task_state_changed: ['tasks', 'task', 'agents'],
  task_finished: ['tasks', 'task', 'agents'],
  task_delta: ['task'],
  agent_created: ['agents'],
  agent_retired: ['agents'],
  agent_health_changed: ['agents'],
  scaling_decision: ['scaling', 'agents'],
  health_changed: ['providers'],
  ballot_cast: ['consensus'],
  proposal_decided: ['consensus'],
};

const byId = (id) => document.getElementById(id);

class Board {
  constructor(credential) {
    this.api = new Api(credential, (problem) => this.signOut(`The swarm no longer accepts this credential (${problem?.detail ?? 'unauthorized'}).`));
    this.samples = new Samples();
    this.taskEvents = new Map();
    this.selectedTask = null;
    this.live = false;
    this.timers = new Map();
    this.channel = null;
    this.intervals = [];
  }

  /** Shows a panel's content when the read succeeded; on a 403 or 404 hides it and says which read was refused. */
  guard(panelId, what, answer) {
    const panel = byId(panelId);
    const refusal = panel.querySelector('.refusal');
    const content = panel.querySelector('.content');
    if (answer.ok) {
      refusal.hidden = true;
      content.hidden = false;
      panel.dataset.state = 'shown';
      return true;
    }
    if (answer.status === 403 || answer.status === 404) {
      refusal.textContent = `Your token may not read ${what} (${describeProblem(answer)}).`;
      refusal.hidden = false;
      content.hidden = true;
      panel.dataset.state = 'refused';
    } else {
      refusal.textContent = `Could not load ${what} (${describeProblem(answer)}); trying again shortly.`;
      refusal.hidden = false;
      panel.dataset.state = 'failing';
    }
    return false;
  }

  say(text, ok = false) {
    const message = byId('action-message');
    message.textContent = text;
    message.classList.toggle('ok', ok);
  }

  /** Refreshes a panel soon, once however many events ask for it meanwhile. */
  refresh(name) {
    if (this.timers.has(name)) return;
    this.timers.set(name, setTimeout(async () => {
      this.timers.delete(name);
      try { await panels[name](this); } catch (error) { console.error(name, error); }
    }, 100));
  }

  refreshAll() {
    for (const name of Object.keys(panels)) this.refresh(name);
  }

  selectTask(id) {
    this.selectedTask = id;
    // Everyone who may read the task may hear its group (an operator hears every task in `operators` anyway).
    this.channel?.join(`task.${id}`);
    this.refresh('task');
  }

  onEvent(event) {
    const data = event.data ?? {};
    if (data.taskId) {
      const list = this.taskEvents.get(data.taskId) ?? [];
      const entry = { type: event.type, state: data.state ?? data.status, at: data.at ?? new Date().toISOString() };
      // An operator hears a task's state in two groups (operators and task.<id>), and a stream in many frames: list each once.
      const heard = list.some((e) => e.type === entry.type && e.state === entry.state && (e.type === 'task_delta' || e.at === entry.at));
      if (!heard) list.push(entry);
      this.taskEvents.set(data.taskId, list.slice(-30));
    }
    byId('live-status').dataset.events = String(Number(byId('live-status').dataset.events ?? 0) + 1);
    for (const name of eventPanels[event.type] ?? []) {
      if (name === 'task' && data.taskId !== this.selectedTask) continue;
      this.refresh(name);
    }
  }

  async start() {
    byId('sign-in').hidden = true;
    byId('board').hidden = false;
    byId('sign-out').hidden = false;
    byId('who').textContent = `Signed in as ${session.describe(this.api.credential)}`;
    wireSubmit(this);
    this.refreshAll();
    this.channel = new Channel(this.api, {
      onEvent: (event) => this.onEvent(event),
      onState: (text, live) => {
        this.live = live;
        byId('live-status').textContent = text;
        byId('live-status').dataset.live = String(live);
        if (live) this.refreshAll();
      },
      onJoin: (group, answer) => {
        if (answer.type === 'error' && group === 'operators') {
          byId('live-status').textContent += ` Swarm-wide events are not sent to this token (${answer.data?.detail ?? answer.status}).`;
        }
      },
    });
    this.channel.join('operators');
    await this.channel.start();
    // Events are notices: the panels are read again every few seconds, so nothing missed while disconnected stays missing.
    this.intervals.push(setInterval(() => this.refreshAll(), 10000));
    this.intervals.push(setInterval(() => this.refresh('charts'), 5000));
  }

  signOut(reason) {
    this.channel?.stop();
    for (const interval of this.intervals) clearInterval(interval);
    session.forget();
    // A fresh page: nothing read with the old credential stays on screen.
    sessionStorage.setItem('swarm.dashboard.signedOutBecause', reason ?? '');
    location.reload();
  }
}

async function signIn(credential) {
  const api = new Api(credential);
  // Any read tells whether the swarm accepts the credential at all (401); what it may read is decided panel by panel.
  const probe = await api.get('/api/v1/tasks?pageSize=1');
  if (probe.status === 401 || probe.status === 0) {
    byId('sign-in-error').textContent = `The swarm refused this credential (${describeProblem(probe)}).`;
    return;
  }
  session.save(credential);
  const board = new Board(credential);
  window.swarmDashboard = board;
  byId('sign-out').onclick = () => board.signOut('Signed out.');
  await board.start();
}

document.addEventListener('DOMContentLoaded', () => {
  const reason = sessionStorage.getItem('swarm.dashboard.signedOutBecause');
  sessionStorage.removeItem('swarm.dashboard.signedOutBecause');
  if (reason) byId('sign-in-error').textContent = reason;
  byId('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId('credential');
    const credential = input.value.trim();
    input.value = '';
    if (credential) signIn(credential);
  });
  const saved = session.saved();
  if (saved) signIn(saved);
  else replace(byId('live-status'), 'Not signed in.');
});
