// Drives the dashboard in a real headless Chromium (Debian's, through playwright-core) against a running local host,
// as a user would: sign in with a token, see an agent, submit a task from the page and watch it finish live, approve
// one, check that a token without a permission sees the panel refused, and run axe-core's accessibility rules.
// Usage: node dashboard-browser.mjs '{"baseUrl": "http://127.0.0.1:5180", "adminToken": "...", "viewerToken": "...", "userDataDir": "/tmp/..."}'
// Prints {"steps": [...], "violations": [...]} as JSON; exits 1 with the step that failed (and what the page showed) otherwise.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');

const request = JSON.parse(process.argv[2]);
const steps = [];
const consoleErrors = [];
const step = (name, detail = '') => steps.push(detail ? `${name}: ${detail}` : name);
const wait = { timeout: 30000 };

const browser = await chromium.launchPersistentContext(request.userDataDir, {
  executablePath: request.executablePath ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

let page;
try {
  page = browser.pages()[0] ?? await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  await page.goto(`${request.baseUrl}/dashboard/`);
  await signIn(page, request.adminToken);
  step('signed in as admin', await page.textContent('#who'));

  await page.locator('#agent-list', { hasText: 'queen-1' }).waitFor(wait);
  step('sees an agent', 'queen-1');

  await page.waitForSelector('#live-status[data-live="true"]', wait);
  step('live', await page.textContent('#live-status'));

  // A marker that a reload would wipe: the timeline must change in this same document.
  await page.evaluate(() => { window.sameDocument = true; });
  await page.fill('#submit-prompt', 'A task submitted from the dashboard');
  await page.click('#submit-button');
  const submitted = await page.locator('#action-message', { hasText: 'Submitted task-' }).textContent(wait);
  const taskId = submitted.match(/task-[0-9a-f]+/)[0];
  step('submitted', taskId);
  await page.locator('#task-detail h3', { hasText: taskId }).waitFor(wait);
  await page.locator('#task-status', { hasText: 'completed' }).waitFor(wait);
  await page.locator('#task-timeline li.completed').waitFor(wait);
  await page.locator('#task-events', { hasText: 'task_finished' }).waitFor(wait);
  if (!await page.evaluate(() => window.sameDocument === true)) throw new Error('the page reloaded while the task ran');
  step('watched it complete live', (await page.textContent('#task-events')).replace(/\s+/g, ' ').trim());
  step('answer', await page.textContent('#task-answer'));

  await page.check('#submit-approval');
  await page.fill('#submit-prompt', 'A task that waits for approval');
  await page.click('#submit-button');
  const gated = (await page.locator('#action-message', { hasText: 'Submitted task-', hasNotText: taskId }).textContent(wait)).match(/task-[0-9a-f]+/)[0];
  await page.locator('#task-status', { hasText: 'awaitingApproval' }).waitFor(wait);
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.locator('#task-status', { hasText: 'completed' }).waitFor(wait);
  step('approved from the page', gated);

  // Changes made elsewhere (another client of the API) reach the open page: a new agent, a consensus round.
  const created = await callApi('POST', '/api/v1/agents', { name: 'Dashboard helper', type: 'worker', provider: { type: 'simulated', model: 'simulated-1' } });
  await page.locator('#agent-list', { hasText: created.agent.id }).waitFor(wait);
  step('sees an agent created elsewhere', created.agent.id);
  const proposal = await callApi('POST', '/api/v1/consensus/proposal', { question: 'Ship the dashboard?', options: ['yes', 'no'], participants: { agents: ['queen-1'] } });
  await page.locator('#proposal-list tr', { hasText: 'Ship the dashboard?' }).filter({ hasText: 'decided' }).waitFor(wait);
  step('sees a consensus round decided', proposal.id);

  if (page.url().includes(request.adminToken) || page.url() !== `${request.baseUrl}/dashboard/`) throw new Error(`the URL changed: ${page.url()}`);
  const stored = await page.evaluate(() => ({ session: sessionStorage.getItem('swarm.dashboard.credential'), local: localStorage.length }));
  if (stored.session !== request.adminToken || stored.local !== 0) throw new Error(`the token is not (only) in sessionStorage: ${JSON.stringify(stored)}`);
  step('token kept in sessionStorage only');

  await page.locator('#audit', { hasText: 'SubmitTask' }).waitFor(wait);
  step('admin reads the audit trail');

  const axe = await new AxeBuilder({ page }).analyze();
  const violations = axe.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  step('axe', `${axe.passes.length} rules passed, ${violations.length} violations (${serious.length} serious or critical)`);
  if (serious.length) throw new Error(`accessibility violations: ${JSON.stringify(serious)}`);

  // A viewer: may read agents and tasks, not the audit trail (audit:read is the admin's).
  const viewer = await browser.newPage();
  await viewer.evaluate(() => sessionStorage.clear()).catch(() => {});
  await viewer.goto(`${request.baseUrl}/dashboard/`);
  await viewer.evaluate(() => sessionStorage.clear());
  await viewer.reload();
  await signIn(viewer, request.viewerToken);
  await viewer.waitForSelector('#panel-audit[data-state="refused"]', wait);
  const refusal = await viewer.textContent('#panel-audit .refusal');
  if (!refusal.includes('may not read the audit trail') || !refusal.includes('403')) throw new Error(`unexpected refusal: ${refusal}`);
  if (await viewer.isVisible('#audit')) throw new Error('the refused audit panel still shows its content');
  await viewer.waitForSelector('#panel-agents[data-state="shown"]', wait);
  step('viewer sees the audit panel refused', refusal);

  await viewer.fill('#submit-prompt', 'A viewer may not submit');
  await viewer.click('#submit-button');
  const denied = await viewer.locator('#action-message', { hasText: 'not submitted' }).textContent(wait);
  step('viewer submission refused', denied);

  process.stdout.write(JSON.stringify({ steps, violations, consoleErrors }));
  await browser.close();
  process.exit(0);
} catch (error) {
  const shown = page ? await page.evaluate(() => document.body.innerText).catch(() => '(page unreadable)') : '(no page)';
  process.stdout.write(JSON.stringify({ steps, failed: String(error), consoleErrors, page: shown.slice(0, 4000) }));
  await browser.close().catch(() => {});
  process.exit(1);
}

async function callApi(method, path, body) {
  const response = await fetch(`${request.baseUrl}${path}`, {
    method, headers: { Authorization: `Bearer ${request.adminToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function signIn(target, token) {
  await target.fill('#credential', token);
  await target.click('#sign-in-form button[type="submit"]');
  await target.waitForSelector('#board:not([hidden])', wait);
}
