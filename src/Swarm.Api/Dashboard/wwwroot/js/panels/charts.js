// Throughput, latency and cost over time, from samples taken while the page is open: model calls per minute and cost
// from GET /api/v1/system/metrics (this instance's counters), and the end-to-end time of tasks seen finishing in the
// task list. Nothing is stored: a reload starts the charts again.
import { replace } from '../dom.js';
import { lineChart } from '../charts.js';

const keep = 60;
const finished = new Set(['completed', 'failed', 'canceled']);

export class Samples {
  constructor() {
    this.throughput = [];
    this.latency = [];
    this.cost = [];
    this.previous = null;
    this.seen = null;
    this.durations = [];
  }

  /** Tasks seen finished for the first time since the last look; the first look only learns what had finished before. */
  observeTasks(items) {
    const first = this.seen === null;
    this.seen ??= new Set();
    for (const task of items) {
      if (!finished.has(task.status) || this.seen.has(task.id)) continue;
      this.seen.add(task.id);
      if (!first) this.durations.push((Date.parse(task.lastUpdatedAt) - Date.parse(task.createdAt)) / 1000);
    }
  }

  observeMetrics(metrics, now) {
    const calls = metrics.models?.calls ?? 0;
    if (this.previous) {
      const minutes = Math.max(1e-6, (now - this.previous.at) / 60000);
      push(this.throughput, { t: now, v: Math.max(0, calls - this.previous.calls) / minutes });
    }
    this.previous = { at: now, calls };
    push(this.cost, { t: now, v: metrics.models?.costUsd ?? 0 });
    if (this.durations.length) {
      push(this.latency, { t: now, v: this.durations.reduce((a, b) => a + b, 0) / this.durations.length });
      this.durations = [];
    }
  }
}

function push(series, point) {
  series.push(point);
  if (series.length > keep) series.shift();
}

export async function refreshCharts(board) {
  const answer = await board.api.get('/api/v1/system/metrics');
  if (!board.guard('panel-charts', 'the system metrics', answer)) return;
  board.samples.observeMetrics(answer.body, Date.now());
  const s = board.samples;
  replace(document.getElementById('charts'),
    lineChart('chart-throughput', 'Throughput', 'model calls/min', s.throughput, (v) => v.toFixed(1)),
    lineChart('chart-latency', 'Latency of finished tasks', 's', s.latency, (v) => v.toFixed(2)),
    lineChart('chart-cost', 'Cost so far', 'USD', s.cost, (v) => v.toFixed(4)));
}
