// Mints JWTs with jsonwebtoken, an implementation independent of the .NET libraries the swarm validates with,
// so the tests prove the validator accepts standard tokens and not only its own.
// Usage: node mint-jwt.mjs '<json>' where json is
//   { "alg": "HS256", "secret": "...", "claims": {...}, "options": {...} }            -> {"token"}
//   { "alg": "RS256", "claims": {...}, "options": {...}, "kid": "k1" }               -> {"token", "jwk"} (new key pair)
//   { "alg": "HS256", "useRsaPublicKeyAsSecret": true, "claims": {...}, ... }        -> {"token", "jwk"} (HS/RS confusion)
import { createRequire } from 'node:module';
import { generateKeyPairSync } from 'node:crypto';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const request = JSON.parse(process.argv[2]);
const options = { ...(request.options ?? {}), algorithm: request.alg };
const result = {};

if (request.alg === 'RS256' || request.useRsaPublicKeyAsSecret) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  result.jwk = { ...jwk, kid: request.kid ?? 'k1', use: 'sig', alg: 'RS256' };
  options.keyid = result.jwk.kid;
  if (request.alg === 'RS256') {
    result.token = jwt.sign(request.claims, privateKey, options);
  } else {
    // The classic confusion attack: HMAC "signed" with the public key's bytes, hoping the validator treats them as a secret.
    const pem = publicKey.export({ format: 'pem', type: 'spki' });
    result.token = jwt.sign(request.claims, Buffer.from(pem), { ...options, allowInsecureKeySizes: true });
  }
} else {
  result.token = jwt.sign(request.claims, request.secret, options);
}

process.stdout.write(JSON.stringify(result));
