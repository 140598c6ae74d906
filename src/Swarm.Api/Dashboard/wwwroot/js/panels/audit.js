// The latest audit records (admins by default: audit:read). A token without the permission sees why this is empty.
import { el, replace, table, time } from '../dom.js';

export async function refreshAudit(board) {
  const answer = await board.api.get('/api/v1/audit?pageSize=15');
  if (!board.guard('panel-audit', 'the audit trail', answer)) return;
  const items = answer.body.items ?? [];
  replace(document.getElementById('audit'), items.length
    ? table(null, ['When', 'Who', 'Action', 'Resource', 'Outcome', 'Status'], items.map((r) =>
      [time(r.time), r.principal ?? '', r.action ?? '', r.resource ?? '', r.outcome ?? '', String(r.status ?? '')]))
    : el('p', { class: 'muted' }, 'No records in the last 24 hours.'));
}
