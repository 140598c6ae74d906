// Provider health (configured or why not, breaker per model, calls in flight and queued) and what each model cost.
import { el, money, replace, table } from '../dom.js';

export async function refreshProviders(board) {
  const answer = await board.api.get('/api/v1/providers');
  if (!board.guard('panel-providers', 'the providers', answer)) return;
  const rows = [];
  for (const p of answer.body.providers ?? []) {
    const health = p.configured ? 'configured' : `not configured: ${p.problem ?? ''}`;
    if (!p.models?.length) rows.push([p.type, health, `${p.inFlight} / ${p.queued}`, '', '', '', '']);
    for (const m of p.models ?? []) {
      rows.push([p.type, health, `${p.inFlight} / ${p.queued}`, m.model, m.breaker, `${m.calls} (${m.failures} failed)`, money(m.costUsd)]);
    }
  }
  replace(document.getElementById('providers'),
    table(null, ['Provider', 'Health', 'In flight / queued', 'Model', 'Breaker', 'Calls', 'Cost'], rows));
}
