// Plays Web PubSub calling an event handler, and has the vendor's own event-handler middleware
// (@azure/web-pubsub-express) answer it, so the tests compare the swarm's upstream checks with the vendor's.
//   - The abuse-protection preflight (OPTIONS with WebHook-Request-Origin) goes to the vendor's handler configured
//     with allowedEndpoints [endpoint]; what it answers in WebHook-Allowed-Origin is printed.
//   - A connect event is signed as the service documents it, ce-signature = sha256=hex(HMAC-SHA256(key, connectionId))
//     for each key, comma-separated (computed here with Node's crypto, independent of .NET), and posted to the vendor's
//     handler; the connection id, signature and origin its handleConnect receives are printed.
// The vendor's middleware passes the signature through without checking it, so the check itself is the test's.
// Usage: node web-pubsub-upstream.mjs '<json>' where json is
//   { "endpoint": "https://x.webpubsub.azure.com", "hub": "swarm", "origin": "x.webpubsub.azure.com",
//     "connectionId": "...", "accessKeys": ["...", "..."] }
//   -> { "allowedOrigin", "preflightStatus", "signed": {"connectionId", "signature", "origin"} }
import { createRequire } from 'node:module';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';

const require = createRequire(import.meta.url);
const { WebPubSubEventHandler } = require('@azure/web-pubsub-express');
const request = JSON.parse(process.argv[2]);

let received;
const handler = new WebPubSubEventHandler(request.hub, {
  allowedEndpoints: [request.endpoint],
  handleConnect: (connectRequest, response) => {
    received = connectRequest.context;
    response.success();
  },
});
const middleware = handler.getMiddleware();

// The middleware is Express-shaped: it reads req.baseUrl and req.path, which plain Node requests lack.
const server = createServer((req, res) => {
  req.baseUrl = '';
  req.path = new URL(req.url, 'http://localhost').pathname;
  middleware(req, res, () => {
    res.statusCode = 404;
    res.end();
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}${handler.path}`;

try {
  const preflight = await fetch(url, {
    method: 'OPTIONS',
    headers: { 'WebHook-Request-Origin': request.origin, 'ce-awpsversion': '1.0' },
  });

  const signature = request.accessKeys
    .map((key) => 'sha256=' + createHmac('sha256', key).update(request.connectionId).digest('hex'))
    .join(',');
  const connect = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'WebHook-Request-Origin': request.origin,
      'ce-awpsversion': '1.0',
      'ce-specversion': '1.0',
      'ce-type': 'azure.webpubsub.sys.connect',
      'ce-source': `/hubs/${request.hub}/client/${request.connectionId}`,
      'ce-id': '1',
      'ce-time': new Date().toISOString(),
      'ce-userId': 'user-1',
      'ce-connectionId': request.connectionId,
      'ce-hub': request.hub,
      'ce-eventName': 'connect',
      'ce-signature': signature,
    },
    body: JSON.stringify({ claims: {}, query: {}, headers: {}, subprotocols: [], clientCertificates: [] }),
  });
  if (connect.status >= 300 || received === undefined) {
    throw new Error(`the vendor's handler did not take the connect event (status ${connect.status})`);
  }

  process.stdout.write(JSON.stringify({
    allowedOrigin: preflight.headers.get('webhook-allowed-origin'),
    preflightStatus: preflight.status,
    signed: { connectionId: received.connectionId, signature: received.signature, origin: received.origin },
  }));
} finally {
  server.close();
}
