// Prints the swarm's real-time events for the caller of $SWARM_TOKEN (or an agent's $SWARM_API_KEY) as they arrive.
// Usage: node --experimental-websocket scripts/watch-events.mjs [http://127.0.0.1:5180]
// Node 20 has WebSocket behind that flag; Node 22 and later have it on by default.
const base = process.argv[2] ?? 'http://127.0.0.1:5180';
const credential = process.env.SWARM_API_KEY ? `ApiKey ${process.env.SWARM_API_KEY}` : `Bearer ${process.env.SWARM_TOKEN}`;
if (!process.env.SWARM_API_KEY && !process.env.SWARM_TOKEN) {
  console.error('Set SWARM_TOKEN (printed by ./run.sh) or SWARM_API_KEY.');
  process.exit(2);
}

const negotiated = await fetch(`${base}/api/v1/realtime/negotiate`, { headers: { Authorization: credential } });
const body = await negotiated.json();
if (!negotiated.ok) {
  console.error(`negotiate answered ${negotiated.status}: ${body.detail ?? JSON.stringify(body)}`);
  process.exit(1);
}

const socket = new WebSocket(body.url);
socket.onopen = () => console.error(`connected as ${body.userId}; the URL may be used until ${body.expiresAt}`);
socket.onmessage = (message) => console.log(message.data);
socket.onclose = (event) => { console.error(`closed (${event.code})`); process.exit(event.code === 1000 ? 0 : 1); };
