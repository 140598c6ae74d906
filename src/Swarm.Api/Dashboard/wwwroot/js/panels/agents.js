// Agents with their status, load, connection and learned skill (each capability's estimate with its 90 % interval).
import { el, replace, status, table } from '../dom.js';

const detailLimit = 30;

export async function refreshAgents(board) {
  const answer = await board.api.get('/api/v1/agents?pageSize=100');
  if (!board.guard('panel-agents', 'the agents', answer)) return;
  const items = answer.body.items ?? [];
  // The listing has no load or skill: each agent's own view (its durable entity) has them.
  const views = await Promise.all(items.slice(0, detailLimit).map((a) => board.api.get(`/api/v1/agents/${encodeURIComponent(a.id)}`)));
  const rows = items.map((agent, i) => {
    const view = views[i]?.ok ? views[i].body : null;
    const skills = Object.entries(view?.learning?.skills ?? {}).map(([key, s]) =>
      `${key} ${s.mean.toFixed(2)} (${s.low.toFixed(2)}–${s.high.toFixed(2)}, n ${s.evidence})`).join('; ');
    return [
      el('span', { class: 'agent-name' }, agent.name ?? agent.id, el('br'), el('span', { class: 'muted' }, agent.id)),
      agent.type ?? '',
      status(view?.status ?? agent.lifecycle ?? ''),
      view ? `${view.load} / ${view.maxConcurrency}` : `max ${agent.maxConcurrency}`,
      agent.presence?.connected ? 'connected' : 'not connected',
      view ? `${view.completed} done, ${view.failed} failed` : '',
      skills || (view ? 'no estimate yet' : ''),
    ];
  });
  replace(document.getElementById('agent-list'), items.length
    ? table(items.length > detailLimit ? `Load and skill for the first ${detailLimit}.` : null,
      ['Agent', 'Type', 'Status', 'Load', 'Channel', 'Steps', 'Skill (mean, 90 % interval)'], rows)
    : el('p', { class: 'muted' }, 'No agents.'));
}
