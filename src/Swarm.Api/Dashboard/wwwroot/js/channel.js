// The swarm's real-time channel in the browser: a plain WebSocket speaking Web PubSub's JSON subprotocol
// (json.webpubsub.azure.v1) to the URL that GET /api/v1/realtime/negotiate returns (the local host's stand-in, or Web
// PubSub in Azure). Groups are joined with the swarm's own `join` frame, so the same permission check and audit as any
// other door decide what this connection may hear. It reconnects with a fresh URL after 1 s, 2 s, 4 s ... up to 10 s.
const subprotocol = 'json.webpubsub.azure.v1';

export class Channel {
  /**
   * @param {import('./api.js').Api} api
   * @param {{onEvent: (event) => void, onState: (text, live) => void, onJoin: (group, answer) => void}} handlers
   */
  constructor(api, handlers) {
    this.api = api;
    this.handlers = handlers;
    this.groups = new Set();
    // Groups whose join frame awaits its answer: the swarm answers a connection's frames one each, in order.
    this.pending = [];
    this.ackId = 0;
    this.delay = 1000;
    this.stopped = false;
    this.socket = null;
  }

  async start() {
    this.stopped = false;
    const answer = await this.api.get('/api/v1/realtime/negotiate');
    if (this.stopped) return;
    if (!answer.ok) {
      const reason = answer.body?.detail ?? answer.body?.title ?? `status ${answer.status}`;
      this.handlers.onState(`Live updates off (${answer.status}: ${reason}); refreshing every few seconds instead.`, false);
      // A refusal (403) will not change by itself; an unavailable channel (503) may come back.
      if (answer.status !== 403 && answer.status !== 401) this.retryLater();
      return;
    }
    const socket = new WebSocket(answer.body.url, subprotocol);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.delay = 1000;
      this.handlers.onState('Live: connected to the real-time channel.', true);
      this.pending = [];
      for (const group of this.groups) this.sendJoin(group);
    });
    socket.addEventListener('message', (message) => this.receive(message.data));
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped) return;
      this.handlers.onState('Live updates interrupted; reconnecting…', false);
      this.retryLater();
    });
  }

  retryLater() {
    const wait = this.delay;
    this.delay = Math.min(this.delay * 2, 10000);
    setTimeout(() => { if (!this.stopped && !this.socket) this.start(); }, wait);
  }

  stop() {
    this.stopped = true;
    this.socket?.close(1000);
    this.socket = null;
  }

  /** Asks to hear a group's events (operators, task.<id>, proposal.<id>); the swarm checks the read permission. */
  join(group) {
    if (this.groups.has(group)) return;
    this.groups.add(group);
    if (this.socket?.readyState === WebSocket.OPEN) this.sendJoin(group);
  }

  sendJoin(group) {
    this.pending.push(group);
    this.socket.send(JSON.stringify({ type: 'event', event: 'join', dataType: 'json', data: { group }, ackId: ++this.ackId }));
  }

  receive(text) {
    let frame;
    try { frame = JSON.parse(text); } catch { return; }
    if (frame.type !== 'message') return;
    let data = frame.data;
    if (typeof data === 'string') {
      try { data = JSON.parse(data); } catch { return; }
    }
    if (!data || typeof data !== 'object') return;
    // The swarm's answer to a join this page sent (ack, or error with the problem document).
    if (data.type === 'ack' || data.type === 'error') {
      const group = this.pending.shift();
      if (group) {
        if (data.type === 'error') this.groups.delete(group);
        this.handlers.onJoin(group, data);
      }
      return;
    }
    if (typeof data.type === 'string') this.handlers.onEvent(data);
  }
}
