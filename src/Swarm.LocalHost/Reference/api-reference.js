// The API reference page's own small renderer: it fetches the OpenAPI document with the user's credential and builds the
// page from it with DOM nodes and textContent only (nothing from the document is parsed as HTML). Nothing is loaded from
// anywhere but this host. The credential stays in this tab's memory; it is never stored.
"use strict";

const form = document.getElementById("sign-in");
const status = document.getElementById("status");

form.addEventListener("submit", async event => {
  event.preventDefault();
  const credential = document.getElementById("credential").value.trim();
  const kind = document.getElementById("credential-kind").value;
  const headers = kind === "apikey" ? { "X-Api-Key": credential } : { Authorization: "Bearer " + credential };
  status.textContent = "Loading…";
  try {
    const response = await fetch("/api/v1/openapi.json", { headers, cache: "no-store" });
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      status.textContent = `${response.status}: ${problem?.detail ?? problem?.title ?? response.statusText}`;
      return;
    }
    render(await response.json());
    status.textContent = "";
  } catch (error) {
    status.textContent = "The API did not answer: " + error.message;
  }
});

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function render(doc) {
  const main = document.getElementById("reference");
  const overview = document.getElementById("overview");
  const operations = document.getElementById("operations");
  const schemas = document.getElementById("schemas");
  const toc = document.getElementById("toc");
  for (const section of [overview, operations, toc]) section.replaceChildren();
  schemas.replaceChildren(el("h2", "Schemas"));

  overview.append(el("h2", `${doc.info.title} ${doc.info.version} (OpenAPI ${doc.openapi})`), el("p", doc.info.description, "description"));
  const schemes = el("table");
  schemes.append(row("th", "Credential", "How it is sent"));
  for (const [name, scheme] of Object.entries(doc.components.securitySchemes ?? {})) {
    schemes.append(row("td", name, scheme.description ?? scheme.type));
  }
  overview.append(el("h3", "Credentials"), schemes);

  const byTag = new Map((doc.tags ?? []).map(t => [t.name, { tag: t, operations: [] }]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const tag = operation.tags?.[0] ?? "other";
      if (!byTag.has(tag)) byTag.set(tag, { tag: { name: tag }, operations: [] });
      byTag.get(tag).operations.push({ path, method, operation });
    }
  }

  const list = el("ul");
  for (const { tag, operations: items } of byTag.values()) {
    const anchor = el("a", `${tag.name} (${items.length})`);
    anchor.href = "#tag-" + tag.name;
    const entry = el("li");
    entry.append(anchor);
    list.append(entry);

    const heading = el("h2", tag.name);
    heading.id = "tag-" + tag.name;
    operations.append(heading, el("p", tag.description));
    for (const item of items) operations.append(renderOperation(item));
  }
  toc.append(list);

  for (const [name, schema] of Object.entries(doc.components.schemas ?? {})) {
    const heading = el("h3", name);
    heading.id = "schema-" + name;
    schemas.append(heading, renderSchema(schema));
  }
  main.hidden = false;
}

function row(cell, ...values) {
  const tr = el("tr");
  for (const value of values) {
    const td = el(cell);
    if (value instanceof Node) td.append(value); else td.textContent = value ?? "";
    tr.append(td);
  }
  return tr;
}

function renderOperation({ path, method, operation }) {
  const details = el("details", undefined, "operation");
  details.id = "op-" + operation.operationId;
  const summary = el("summary");
  summary.append(el("span", method, "method " + method), el("span", path, "path"), document.createTextNode(" — " + operation.summary + " "), el("span", operation["x-permission"], "permission"));
  details.append(summary, el("p", operation.description, "description"));

  if (operation.parameters?.length) {
    const table = el("table");
    table.append(row("th", "Parameter", "In", "Required", "Type", "Description"));
    for (const p of operation.parameters) table.append(row("td", p.name, p.in, p.required ? "yes" : "no", typeName(p.schema), p.description));
    details.append(el("h4", "Parameters"), table);
  }
  if (operation.requestBody) {
    const [mediaType, content] = Object.entries(operation.requestBody.content)[0];
    details.append(el("h4", `Body (${mediaType}${operation.requestBody.required ? "" : ", optional"})`), typeLink(content.schema));
  }
  const responses = el("table");
  responses.append(row("th", "Status", "Meaning", "Body"));
  for (const [code, response] of Object.entries(operation.responses)) {
    const content = response.content ? Object.entries(response.content)[0] : null;
    responses.append(row("td", code, response.description, content ? typeLink(content[1].schema) : "—"));
  }
  details.append(el("h4", "Responses"), responses);
  return details;
}

function refName(schema) {
  const ref = schema?.$ref ?? schema?.oneOf?.find(s => s.$ref)?.$ref;
  return ref ? ref.split("/").pop() : null;
}

function typeName(schema) {
  if (!schema) return "any";
  const ref = refName(schema);
  if (ref) return ref + (schema.oneOf ? " or null" : "");
  if (schema.enum) return "one of: " + schema.enum.map(v => v === null ? "null" : v).join(", ");
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  if (schema.items) return `${type} of ${typeName(schema.items)}`;
  if (schema.additionalProperties && typeof schema.additionalProperties === "object") return `${type} of ${typeName(schema.additionalProperties)} by name`;
  return type + (schema.format ? ` (${schema.format})` : "");
}

function typeLink(schema) {
  const ref = refName(schema);
  if (!ref) return el("span", typeName(schema));
  const anchor = el("a", typeName(schema));
  anchor.href = "#schema-" + ref;
  return anchor;
}

function renderSchema(schema) {
  if (!schema.properties) return el("p", typeName(schema));
  const table = el("table");
  table.append(row("th", "Field", "Type", "Required", "Description"));
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties)) {
    table.append(row("td", name, typeLink(property), required.has(name) ? "yes" : "no", property.description ?? ""));
  }
  return table;
}
