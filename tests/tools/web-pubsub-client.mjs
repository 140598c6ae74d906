// Drives a Web PubSub endpoint with the vendor's own client library (@azure/web-pubsub-client, on the
// json.webpubsub.azure.v1 subprotocol) and server SDK (@azure/web-pubsub), so the tests prove the local stand-in
// answers what the real client sends as the service would. Two users, alice and bob, may join and send to group
// "team" (roles in their tokens) and nothing else. Prints what each client saw, as JSON.
// Usage: node web-pubsub-client.mjs '{"connectionString": "Endpoint=...;AccessKey=...;Version=1.0;", "hub": "swarm"}'
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { WebPubSubServiceClient } = require('@azure/web-pubsub');
const { WebPubSubClient, WebPubSubJsonProtocol } = require('@azure/web-pubsub-client');

const request = JSON.parse(process.argv[2]);
// The stand-in is plain http on loopback, which the SDK refuses unless told.
const service = new WebPubSubServiceClient(request.connectionString, request.hub, { allowInsecureConnection: true });
const roles = ['webpubsub.joinLeaveGroup.team', 'webpubsub.sendToGroup.team'];

async function connect(userId) {
  const { url } = await service.getClientAccessToken({ userId, roles, expirationTimeInMinutes: 5 });
  const client = new WebPubSubClient(url, {
    protocol: WebPubSubJsonProtocol(),
    autoReconnect: false,
    messageRetryOptions: { maxRetries: 0 },
  });
  const seen = { connected: null, group: [], server: [] };
  client.on('connected', (e) => { seen.connected = { connectionId: e.connectionId, userId: e.userId }; });
  client.on('group-message', (e) => { seen.group.push({ group: e.message.group, fromUserId: e.message.fromUserId ?? null, dataType: e.message.dataType, data: e.message.data }); });
  client.on('server-message', (e) => { seen.server.push({ dataType: e.message.dataType, data: e.message.data }); });
  await client.start();
  return { client, seen };
}

async function until(condition, what) {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const alice = await connect('alice');
const bob = await connect('bob');
await until(() => alice.seen.connected && bob.seen.connected, 'the connected messages');
await alice.client.joinGroup('team');
await bob.client.joinGroup('team');

let refused = null;
try {
  await alice.client.joinGroup('secret');
} catch (e) {
  refused = { name: e.name, errorName: e.errorDetail?.name ?? null, message: e.errorDetail?.message ?? e.message };
}

await alice.client.sendToGroup('team', { hello: 'from alice' }, 'json', { noEcho: true });
await until(() => bob.seen.group.length >= 1, "alice's group message at bob");

const ack = await alice.client.sendEvent('ask', 'what is the answer', 'text');
await until(() => alice.seen.server.length >= 1, "the handler's reply");

await service.sendToAll({ broadcast: true });
await service.group('team').sendToAll('team news', { contentType: 'text/plain' });
await until(() => alice.seen.server.length >= 2 && bob.seen.server.length >= 1, 'the broadcast');
await until(() => alice.seen.group.length >= 1 && bob.seen.group.length >= 2, "the server's group message");

// Both clients end their connections with the close handshake; the script waits for that before it exits.
const stopped = (c) => new Promise((resolve) => c.client.on('stopped', resolve));
const bothStopped = Promise.all([stopped(alice), stopped(bob)]);
alice.client.stop();
bob.client.stop();
await bothStopped;
process.stdout.write(JSON.stringify({ refused, eventAck: ack, alice: alice.seen, bob: bob.seen }), () => process.exit(0));
