// The queue (counts by status and priority, the dispatcher's line and seats) and a page of tasks; submitting a task.
import { el, replace, status, table, time } from '../dom.js';
import { describeProblem } from '../api.js';

export async function refreshTasks(board) {
  const answer = await board.api.get('/api/v1/tasks?pageSize=50');
  if (!board.guard('panel-tasks', 'the task queue', answer)) return;
  const { queue, items } = answer.body;
  const counts = Object.entries(queue?.byStatus ?? {}).map(([s, n]) => `${n} ${s}`).join(', ') || 'nothing unfinished';
  const dispatcher = queue?.dispatcher;
  const line = dispatcher ? `; ${dispatcher.waiting} step(s) waiting in line, seats ${dispatcher.seatsInUse} of ${dispatcher.seatsTotal} in use on ${dispatcher.agents} agent(s)` : '';
  replace(document.getElementById('queue-summary'), `Queue: ${counts}${line}.`);
  board.samples.observeTasks(items);
  const rows = items.map((task) => [
    el('button', { type: 'button', class: 'link', 'data-task': task.id, onclick: () => board.selectTask(task.id) }, task.id),
    status(task.status), task.phase ?? '', task.strategy ?? '', String(task.priority ?? ''), task.agentId ?? '', time(task.createdAt)]);
  replace(document.getElementById('task-list'), items.length
    ? table(null, ['Task', 'Status', 'Phase', 'Strategy', 'Priority', 'Agent', 'Created'], rows)
    : el('p', { class: 'muted' }, 'No tasks yet.'));
}

export function wireSubmit(board) {
  document.getElementById('submit-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const body = {
      prompt: form.prompt.value,
      priority: Number(form.priority.value),
      strategy: form.strategy.value,
      requiresApproval: form.requiresApproval.checked,
    };
    board.say('Submitting…', true);
    // The end is announced to the submitter only while the channel is on (notify is refused otherwise).
    if (board.live) body.notify = true;
    const answer = await board.api.post('/api/v1/tasks', body);
    if (!answer.ok) {
      board.say(`The task was not submitted (${describeProblem(answer)}).`);
      return;
    }
    board.say(`Submitted ${answer.body.id}.`, true);
    form.prompt.value = '';
    board.selectTask(answer.body.id);
    board.refresh('tasks');
  });
}
