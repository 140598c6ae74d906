// Prints the swarm's real-time events for the caller of $SWARM_TOKEN (or an agent's $SWARM_API_KEY) as they arrive.
// Usage: node --experimental-websocket scripts/watch-events.mjs [http://127.0.0.1:5180]
// Node 20 has WebSocket behind that flag; Node 22 and later have it on by default.
//
// When the connection drops (the host restarted, say) or the host cannot be reached, it negotiates a new URL and
// connects again, waiting 1 s, then 2 s, 4 s ... up to 10 s between attempts; Ctrl-C ends it. A negotiated URL is
// good for a minute only, so every attempt negotiates afresh. A credential the swarm refuses (401, 403) ends it at
// once: trying again would not help. Events sent while it was not connected are missed (the channel keeps no backlog);
// what they announced can be read over REST.
const base = process.argv[2] ?? 'http://127.0.0.1:5180';
const credential = process.env.SWARM_API_KEY ? `ApiKey ${process.env.SWARM_API_KEY}` : `Bearer ${process.env.SWARM_TOKEN}`;
if (!process.env.SWARM_API_KEY && !process.env.SWARM_TOKEN) {
  console.error('Set SWARM_TOKEN (printed by ./run.sh) or SWARM_API_KEY.');
  process.exit(2);
}

const firstDelayMs = 1000;
const longestDelayMs = 10000;

class RefusedCredential extends Error {}

async function negotiate() {
  const response = await fetch(`${base}/api/v1/realtime/negotiate`, { headers: { Authorization: credential } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = `negotiate answered ${response.status}: ${body.detail ?? JSON.stringify(body)}`;
    throw response.status === 401 || response.status === 403 ? new RefusedCredential(message) : new Error(message);
  }

  return body;
}

/** Connects to a negotiated URL and prints events until the socket closes; resolves with whether it had opened and the close code. */
function listen(negotiated) {
  return new Promise((resolve) => {
    const socket = new WebSocket(negotiated.url);
    let opened = false;
    socket.onopen = () => {
      opened = true;
      console.error(`connected as ${negotiated.userId}; the URL may be used until ${negotiated.expiresAt}`);
    };
    socket.onmessage = (message) => console.log(message.data);
    socket.onerror = () => {}; // onclose follows with the code
    socket.onclose = (event) => resolve({ opened, code: event.code });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let delayMs = firstDelayMs;
for (;;) {
  try {
    const closed = await listen(await negotiate());
    if (closed.opened) {
      delayMs = firstDelayMs; // a connection that worked starts the backoff over
    }

    console.error(`closed (${closed.code}); reconnecting in ${delayMs / 1000} s`);
  } catch (error) {
    if (error instanceof RefusedCredential) {
      console.error(error.message);
      process.exit(1);
    }

    // fetch's own failure names only "fetch failed"; its cause says why (ECONNREFUSED while the host restarts).
    console.error(`${error.message}${error.cause?.code ? ` (${error.cause.code})` : ''}; trying again in ${delayMs / 1000} s`);
  }

  await sleep(delayMs);
  delayMs = Math.min(delayMs * 2, longestDelayMs);
}
