// Drives a Web PubSub endpoint with the vendor's own SDK (@azure/web-pubsub), so the tests prove the local stand-in
// answers what the real SDK sends, and that its client tokens are the ones the service would issue.
// Usage: node web-pubsub-sdk.mjs '<json>' where json is
//   { "connectionString": "Endpoint=...;AccessKey=...;Version=1.0;", "hub": "swarm", "op": "token", "userId": "u" } -> {"url"}
//   { "connectionString": ..., "hub": ..., "op": "send", "userId": "u", "message": {...} }                              -> {"sent": true}
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { WebPubSubServiceClient } = require('@azure/web-pubsub');
const request = JSON.parse(process.argv[2]);
// The stand-in is plain http on loopback, which the SDK refuses unless told.
const client = new WebPubSubServiceClient(request.connectionString, request.hub, { allowInsecureConnection: true });

if (request.op === 'token') {
  const { url } = await client.getClientAccessToken({ userId: request.userId, expirationTimeInMinutes: 5 });
  process.stdout.write(JSON.stringify({ url }));
} else if (request.op === 'send') {
  await client.sendToUser(request.userId, request.message);
  process.stdout.write(JSON.stringify({ sent: true }));
} else {
  throw new Error(`unknown op ${request.op}`);
}
