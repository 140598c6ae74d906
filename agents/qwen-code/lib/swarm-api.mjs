// The few REST calls the bridge makes, with the agent's API key: a channel URL, a step's result or failure, a ballot.
// A post is retried while the swarm is unreachable or answers 429/503 (the body names its step or round, so a retry
// cannot land on another); any other refusal is final and comes back as { ok: false, problem }.

const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

export class CredentialRefused extends Error {}

export class SwarmApi {
  constructor(url, apiKey) {
    this.url = url;
    this.headers = { Authorization: `ApiKey ${apiKey}`, 'Content-Type': 'application/json' };
  }

  /** A WebSocket URL for this agent on the real-time channel; a refused key throws CredentialRefused. */
  async negotiate() {
    const response = await fetch(`${this.url}/api/v1/realtime/negotiate`, { headers: this.headers });
    const body = await response.json().catch(() => ({}));
    if (response.status === 401 || response.status === 403) {
      throw new CredentialRefused(`the swarm refused the agent's key (${response.status}: ${body.detail ?? body.title ?? 'no detail'})`);
    }
    if (!response.ok) throw new Error(`negotiate answered ${response.status}: ${body.detail ?? body.title ?? 'no detail'}`);
    return body;
  }

  /** POSTs a JSON body to a path the swarm gave (a resultUrl or voteUrl). */
  async post(path, body) {
    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await fetch(new URL(path, this.url), { method: 'POST', headers: this.headers, body: JSON.stringify(body) });
      } catch (error) {
        if (attempt >= RETRY_DELAYS_MS.length) return { ok: false, problem: { title: 'The swarm is unreachable', detail: error.message } };
        await sleep(RETRY_DELAYS_MS[attempt]);
        continue;
      }

      const answer = await response.json().catch(() => ({}));
      if (response.ok) return { ok: true, status: response.status, body: answer };
      if ((response.status === 429 || response.status === 503) && attempt < RETRY_DELAYS_MS.length) {
        const retryAfter = Number(response.headers.get('retry-after'));
        await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : RETRY_DELAYS_MS[attempt]);
        continue;
      }

      return { ok: false, status: response.status, problem: answer };
    }
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
