// A client of the swarm's real-time channel written with the vendor's own client library (@azure/web-pubsub-client on
// the json.webpubsub.azure.v1 subprotocol), as a user would write one: it connects with the URL the swarm's negotiate
// returned, joins groups directly (Web PubSub's joinGroup, allowed by the roles the swarm's connect event gave), and
// sends the swarm's frames as named events, whose ack or error comes back as a server message.
// Usage: node swarm-realtime-client.mjs '{"url": "ws://...", "join": ["operators"], "steps": [...], "waitGroup": 1}'
//   steps: {"event": "join", "data": {...}} sends an event and waits for its reply;
//          {"sendToGroup": "task.x", "data": {...}} tries Web PubSub's own sendToGroup (which the swarm does not allow).
// Prints {"connected", "joined", "refusedJoins", "replies", "sendToGroup", "group"} as JSON.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { WebPubSubClient, WebPubSubJsonProtocol } = require('@azure/web-pubsub-client');

const request = JSON.parse(process.argv[2]);
const client = new WebPubSubClient(request.url, { protocol: WebPubSubJsonProtocol(), autoReconnect: false, messageRetryOptions: { maxRetries: 0 } });
const seen = { connected: null, joined: [], refusedJoins: [], replies: [], sendToGroup: [], group: [] };
const server = [];
client.on('connected', (e) => { seen.connected = { connectionId: e.connectionId, userId: e.userId }; });
client.on('server-message', (e) => server.push(e.message.data));
client.on('group-message', (e) => seen.group.push({ group: e.message.group, fromUserId: e.message.fromUserId ?? null, data: e.message.data }));

async function until(condition, what) {
  const deadline = Date.now() + 15000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; saw ${JSON.stringify({ ...seen, server })}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const describe = (e) => ({ name: e.name, errorName: e.errorDetail?.name ?? null, message: e.errorDetail?.message ?? e.message });

await client.start();
await until(() => seen.connected, 'the connected message');
for (const group of request.join ?? []) {
  try {
    await client.joinGroup(group);
    seen.joined.push(group);
  } catch (e) {
    seen.refusedJoins.push({ group, ...describe(e) });
  }
}

for (const step of request.steps ?? []) {
  if (step.event) {
    const before = server.length;
    await client.sendEvent(step.event, step.data, 'json');
    await until(() => server.length > before, `the reply to ${step.event}`);
    seen.replies.push(server[before]);
  } else if (step.sendToGroup) {
    try {
      await client.sendToGroup(step.sendToGroup, step.data, 'json');
      seen.sendToGroup.push({ group: step.sendToGroup, sent: true });
    } catch (e) {
      seen.sendToGroup.push({ group: step.sendToGroup, sent: false, ...describe(e) });
    }
  }
}

await until(() => seen.group.length >= (request.waitGroup ?? 0), 'the group messages');
const stopped = new Promise((resolve) => client.on('stopped', resolve));
client.stop();
await stopped;
process.stdout.write(JSON.stringify(seen), () => process.exit(0));
