// The swarm's REST API, called with the signed-in credential. Every answer comes back as {ok, status, body}; a
// refusal's body is the API's RFC 9457 problem document, whose detail the page shows as it is.
import { authorization } from './session.js';

export class Api {
  constructor(credential, onUnauthorized) {
    this.credential = credential;
    this.onUnauthorized = onUnauthorized;
  }

  async call(method, path, body) {
    const headers = { Authorization: authorization(this.credential) };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch (error) {
      return { ok: false, status: 0, body: { title: 'The swarm did not answer.', detail: String(error) } };
    }
    const text = await response.text();
    let parsed = null;
    try { parsed = text ? JSON.parse(text) : null; } catch { parsed = { detail: text }; }
    if (response.status === 401) this.onUnauthorized?.(parsed);
    return { ok: response.ok, status: response.status, body: parsed };
  }

  get(path) { return this.call('GET', path); }

  post(path, body) { return this.call('POST', path, body); }
}

/** A problem document (or any failed answer) in one line. */
export function describeProblem(answer) {
  const problem = answer.body ?? {};
  return `${answer.status || 'no answer'}: ${problem.detail ?? problem.title ?? 'the request failed'}`;
}
