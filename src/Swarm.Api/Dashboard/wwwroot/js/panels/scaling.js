// Autoscaling: on or off, each pool's last change, and the latest decisions with their reasons (holds included).
import { el, replace, table, time } from '../dom.js';

export async function refreshScaling(board) {
  const answer = await board.api.get('/api/v1/system/scaling');
  if (!board.guard('panel-scaling', 'the scaling decisions', answer)) return;
  const scaling = answer.body;
  const decisions = (scaling.decisions ?? []).slice(-15).reverse();
  replace(document.getElementById('scaling'),
    el('p', {}, `Autoscaling is ${scaling.enabled ? 'on' : 'off'}; cooldown ${scaling.cooldownSeconds ?? '?'} s.`),
    decisions.length
      ? table(null, ['When', 'Pool', 'Action', 'From → to', 'Reason'], decisions.map((d) =>
        [time(d.at), d.pool ?? '', d.action ?? '', `${d.from ?? d.before ?? ''} → ${d.to ?? d.after ?? ''}`, d.reason ?? '']))
      : el('p', { class: 'muted' }, 'No decisions yet.'));
}
