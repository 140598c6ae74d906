// Builds DOM nodes from data. Text always goes in as text nodes (never HTML), so a prompt or an answer that looks like
// markup is shown, not run.

/** el('td', {class: 'x'}, 'text', child) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A table with a header row; rows are arrays of cells (strings or nodes). */
export function table(caption, headers, rows) {
  return el('table', {},
    caption ? el('caption', { class: 'muted' }, caption) : null,
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

export function status(value) {
  return el('span', { class: `status status-${value}` }, value);
}

export function time(iso) {
  if (!iso) return '';
  const at = new Date(iso);
  return el('time', { datetime: iso }, at.toLocaleTimeString());
}

export function replace(container, ...children) {
  container.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
}

export function money(usd) {
  return `$${Number(usd ?? 0).toFixed(4)}`;
}
