// Parses the Prometheus text exposition format with parse-prometheus-text-format, a parser independent of the swarm's
// writer, so the tests prove GET /metrics is text a scraper reads and not only text the swarm's own code reads back.
// Usage: node parse-prometheus.mjs <file> -> the parsed families as JSON ([{ name, help, type, metrics: [...] }]).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const parse = require('parse-prometheus-text-format');
process.stdout.write(JSON.stringify(parse(readFileSync(process.argv[2], 'utf8'))));
