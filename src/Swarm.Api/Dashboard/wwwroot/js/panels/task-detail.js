// One task followed live: status, its timeline (tool calls included), its steps, its answer, and the actions a person
// can take on it (approve or reject while it waits; cancel while it is unfinished).
import { el, money, replace, status, table, time } from '../dom.js';
import { describeProblem } from '../api.js';

const unfinished = new Set(['queued', 'awaitingApproval', 'running']);

export async function refreshTaskDetail(board) {
  const container = document.getElementById('task-detail');
  const id = board.selectedTask;
  if (!id) return;
  const answer = await board.api.get(`/api/v1/tasks/${encodeURIComponent(id)}`);
  if (!answer.ok) {
    replace(container, el('p', { class: 'refusal' }, `Task ${id} cannot be shown (${describeProblem(answer)}).`));
    return;
  }
  const task = answer.body;
  const actions = el('div', { class: 'actions' });
  if (task.status === 'awaitingApproval') {
    actions.append(
      el('button', { type: 'button', onclick: () => act(board, id, 'approve') }, 'Approve'),
      el('button', { type: 'button', class: 'secondary', onclick: () => act(board, id, 'reject') }, 'Reject'));
  }
  if (unfinished.has(task.status)) {
    actions.append(el('button', { type: 'button', class: 'secondary', onclick: () => act(board, id, 'cancel') }, 'Cancel task'));
  }
  const tools = (task.timeline ?? []).filter((entry) => entry.kind === 'tool');
  const steps = (task.steps ?? []).map((step) => [step.stage ?? step.name ?? '', step.agentId ?? '', String(step.answer?.toolCalls ?? 0),
    `${step.answer?.inputTokens ?? 0} / ${step.answer?.outputTokens ?? 0}`, step.answer?.latencyMs !== undefined ? `${step.answer.latencyMs} ms` : '']);
  const events = board.taskEvents.get(id) ?? [];
  replace(container,
    el('h3', {}, `Task ${task.id}`),
    el('p', { id: 'task-status' }, 'Status: ', status(task.status), task.phase ? ` (${task.phase})` : '',
      task.strategy ? `, strategy ${task.strategy}` : '', task.agents?.length ? `, agents ${task.agents.join(', ')}` : '',
      task.totals ? `, tokens ${task.totals.inputTokens} in / ${task.totals.outputTokens} out, cost ${money(task.totals.costUsd)}` : ''),
    el('p', {}, 'Prompt: ', task.prompt ?? ''),
    actions,
    el('h3', {}, 'Timeline'),
    el('ol', { class: 'timeline', id: 'task-timeline' }, (task.timeline ?? []).map((entry) =>
      el('li', { class: entry.kind }, time(entry.at), el('span', { class: 'kind' }, entry.kind), entry.detail ?? ''))),
    el('h3', {}, `Tool calls (${tools.length})`),
    tools.length ? el('ul', {}, tools.map((t) => el('li', {}, time(t.at), ' ', t.detail ?? ''))) : el('p', { class: 'muted' }, 'None.'),
    steps.length ? [el('h3', {}, 'Steps'), table(null, ['Step', 'Agent', 'Tool calls', 'Tokens in / out', 'Latency'], steps)] : null,
    task.result ? [el('h3', {}, 'Answer'), el('p', { class: 'answer', id: 'task-answer' }, task.result.text ?? '')] : null,
    task.error ? el('p', { class: 'error' }, `Error: ${task.error.type}: ${task.error.message}`) : null,
    el('h3', {}, 'Live events for this task'),
    el('ul', { id: 'task-events' }, events.length
      ? events.map((e) => el('li', {}, time(e.at), ` ${e.type}${e.state ? ` ${e.state}` : ''}`))
      : el('li', { class: 'muted' }, 'None received yet.')));
}

async function act(board, id, action) {
  const answer = await board.api.post(`/api/v1/tasks/${encodeURIComponent(id)}/${action}`, action === 'cancel' ? undefined : {});
  board.say(answer.ok ? `${action} of ${id}: done.` : `${action} of ${id} was refused (${describeProblem(answer)}).`, answer.ok);
  board.refresh('task');
  board.refresh('tasks');
}
