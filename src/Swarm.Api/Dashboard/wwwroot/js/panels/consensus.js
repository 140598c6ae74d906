// Consensus rounds: the latest proposals, and for each one still voting its rounds with the ballots cast so far (the
// page joins proposal.<id> so each ballot_cast brings the new count without a reload).
import { el, replace, status, table } from '../dom.js';

export async function refreshConsensus(board) {
  const answer = await board.api.get('/api/v1/consensus/proposals?pageSize=50');
  if (!board.guard('panel-consensus', 'consensus proposals', answer)) return;
  const items = (answer.body.items ?? []).slice().sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt))).slice(0, 10);
  const voting = items.filter((p) => p.status === 'voting');
  for (const p of voting) board.channel?.join(`proposal.${p.id}`);
  const views = await Promise.all(voting.map((p) => board.api.get(`/api/v1/consensus/proposals/${encodeURIComponent(p.id)}`)));
  const rows = items.map((p) => [p.question ?? p.id, status(p.status), p.algorithm ?? '', String(p.round ?? ''), p.decision ?? '', p.reason ?? '']);
  replace(document.getElementById('proposal-list'),
    items.length ? table(null, ['Question', 'Status', 'Algorithm', 'Round', 'Decision', 'Reason'], rows) : el('p', { class: 'muted' }, 'No proposals yet.'),
    views.filter((v) => v.ok).map((v) => ballots(v.body)));
}

function ballots(proposal) {
  const rounds = proposal.rounds ?? [];
  const current = rounds.at(-1);
  const cast = current?.ballots ?? current?.votes ?? [];
  const voters = cast.map((b) => b.voterId ?? b.agentId ?? '?');
  const seats = proposal.participation?.summary ?? `${voters.length} ballot(s) in`;
  return el('div', { class: 'ballots' },
    el('h3', {}, `Voting: ${proposal.question ?? proposal.id}`),
    el('p', {}, `Round ${current?.round ?? current?.number ?? rounds.length}: ${seats}.`),
    voters.length ? el('ul', {}, voters.map((v) => el('li', {}, `${v} voted`))) : el('p', { class: 'muted' }, 'No ballots yet.'));
}
