// Small SVG line charts drawn from samples the page collects while it is open (nothing is fetched from elsewhere).
import { el } from './dom.js';

const svgNs = 'http://www.w3.org/2000/svg';
const width = 320;
const height = 120;
const pad = { left: 42, right: 8, top: 8, bottom: 18 };

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** A line chart of points [{t: ms, v: number}] with its caption and a text summary (the accessible description). */
export function lineChart(id, caption, unit, points, format = (v) => v.toFixed(2)) {
  const values = points.map((p) => p.v);
  const max = Math.max(1e-9, ...values);
  const first = points[0]?.t ?? 0;
  const last = points.at(-1)?.t ?? 1;
  const span = Math.max(1, last - first);
  const x = (t) => pad.left + ((t - first) / span) * (width - pad.left - pad.right);
  const y = (v) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  const latest = points.length ? `${format(points.at(-1).v)} ${unit}` : 'no samples yet';
  const summary = `${caption}: latest ${latest}, highest ${format(points.length ? max : 0)} ${unit}, over ${points.length} samples.`;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title` },
    svg('title', { id: `${id}-title` }, summary),
    svg('line', { class: 'axis', x1: pad.left, y1: height - pad.bottom, x2: width - pad.right, y2: height - pad.bottom }),
    svg('line', { class: 'axis', x1: pad.left, y1: pad.top, x2: pad.left, y2: height - pad.bottom }),
    svg('text', { x: 2, y: pad.top + 8 }, format(points.length ? max : 0)),
    svg('text', { x: 2, y: height - pad.bottom }, '0'),
    svg('text', { x: pad.left, y: height - 4 }, points.length ? new Date(first).toLocaleTimeString() : ''),
    svg('text', { x: width - pad.right - 48, y: height - 4 }, points.length ? new Date(last).toLocaleTimeString() : ''));
  if (points.length > 1) chart.append(svg('path', { class: 'series', d: path }));
  return el('figure', { class: 'chart', id }, el('figcaption', {}, `${caption} (${unit}): ${latest}`), chart);
}
