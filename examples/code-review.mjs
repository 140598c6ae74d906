// The spec's third use case, code generation and review: a coder writes the code (one task on the coder), then three
// reviewers, each checking one thing, review it and decide by consensus (a second task with the consensus strategy:
// each reviewer answers, then they vote in a recorded consensus round on which review stands, simple majority, the
// queen breaking ties). Each reviewer keeps its checklist in its own memory namespace (its agent id), where the script
// puts it; reviewers read it (memory_get, and the swarm recalls it before their first turn) and record their verdicts
// in the task's memory (memory_put).
//
//   node examples/code-review.mjs
//   SWARM_PROVIDER=claude node examples/code-review.mjs          # the swarm needs CLAUDE_API_KEY (see README)
import { ExampleError, main, Swarm } from './lib/swarm.mjs';

const SPEC =
  'Write a JavaScript (Node 20, ES module) function parseCsvLine(line) that splits one line of CSV into its fields: ' +
  'fields are separated by commas; a field may be quoted with double quotes, and then may contain commas and doubled ' +
  'quotes ("" stands for one "). Throw an Error on an unterminated quote. Include unit tests with node:test.';

const REVIEWERS = [
  {
    focus: 'correctness',
    checklist:
      'Review checklist for code correctness: does the function do what the spec asks for every input, including empty lines, ' +
      'empty fields, a trailing comma, quoted fields with commas and doubled quotes, and an unterminated quote? ' +
      'Are edge cases handled without off-by-one errors? Does it return the right type?',
  },
  {
    focus: 'security',
    checklist:
      'Review checklist for code security and robustness: can any input make the function loop forever, throw an unexpected ' +
      'error type, or take time that grows faster than the line length? Does it use eval, regular expressions with ' +
      'catastrophic backtracking, or global state? Are error messages safe to show?',
  },
  {
    focus: 'tests',
    checklist:
      'Review checklist for the code tests: do the unit tests cover each rule of the spec (plain fields, quoted fields, ' +
      'commas and doubled quotes inside quotes, empty fields, the unterminated-quote error)? Do they use node:test and ' +
      'node:assert, and would a wrong function fail them? Are the test names clear?',
  },
];

const reviewerId = (focus) => `cr-reviewer-${focus}`;

const AGENTS = [
  {
    id: 'cr-coder',
    name: 'Coder',
    type: 'specialist',
    role: { type: 'operational', permissions: [], expertise: ['cr-coding'], priority: 5 },
    maxConcurrency: 2,
    instructions:
      'You are a careful programmer. You write small, correct, readable code with unit tests. Answer with the code in one ' +
      'fenced block (the function, then its tests), then at most three lines on how to run the tests.',
    tools: [],
    maxTurns: 2,
    maxToolCalls: 0,
  },
  ...REVIEWERS.map(({ focus }) => ({
    id: reviewerId(focus),
    name: `Reviewer (${focus})`,
    type: 'specialist',
    role: { type: 'operational', permissions: [], expertise: ['cr-review'], priority: 5 },
    maxConcurrency: 2,
    instructions: `You review code for ${focus}, and only for that.
1. Read your checklist: call memory_get with namespace "${reviewerId(focus)}" (your own) and key "checklist".
2. Check the code against each point of it. Name the function or line each finding is about; do not invent problems.
3. Call memory_put (leave out the namespace: the task's memory) with key "review-${focus}" and your verdict with one line per finding.
Answer with a first line "VERDICT: approve" or "VERDICT: request-changes", then at most five bullet points.
When asked to vote on the reviews, choose the review whose verdict and findings are best supported by the code.`,
    tools: ['memory_get', 'memory_put'],
    maxTurns: 4,
    maxToolCalls: 6,
  })),
];

await main(async () => {
  const swarm = await Swarm.connect('code-review');
  await swarm.ensureAgents(AGENTS);
  await swarm.checkQueens();

  console.log('\nReviewers\' checklists, each in the reviewer\'s own memory namespace:');
  for (const { focus, checklist } of REVIEWERS) {
    await swarm.putMemory(reviewerId(focus), 'checklist', checklist);
    console.log(`  ${reviewerId(focus)}/checklist: ${checklist.slice(0, 90)}…`);
  }

  const coding = await swarm.runTask('Code generation: the coder writes the function and its tests.', {
    prompt: SPEC,
    strategy: 'single',
    capabilities: ['cr-coding'],
  });
  swarm.printTask(coding);

  const review = await swarm.runTask('Code review: three reviewers review the code, then vote on which review stands.', {
    prompt: `Review this code change for merging. The spec it implements: ${SPEC}\n\nThe code:\n${coding.result.text}`,
    strategy: 'consensus',
    capabilities: ['cr-review'],
    agents: 3,
  });
  swarm.printTask(review);

  // The consensus strategy votes only when the reviews differ; the timeline names the round's proposal.
  const voting = review.timeline.map((e) => /voting in (proposal-[0-9a-f]+)/.exec(e.detail ?? '')).find(Boolean);
  if (!voting) {
    console.log('\nThe three reviews were word for word the same, so there was nothing to vote on.');
  } else {
    const proposal = await swarm.request('GET', `/api/v1/consensus/proposals/${voting[1]}`);
    const author = (text) => review.steps.find((s) => s.answer.text === text)?.agentId ?? 'an unknown review';
    console.log(`\nThe vote (${proposal.id}, ${proposal.rules.algorithm}, ties broken by a queen): ${proposal.status}; ${proposal.participation?.summary ?? ''}`);
    for (const round of proposal.rounds ?? []) {
      for (const ballot of round.ballots ?? []) {
        const choice = ballot.choice ? `the review by ${author(ballot.choice)}` : `nothing (${ballot.source}${ballot.reason ? `: ${ballot.reason}` : ''})`;
        console.log(`  round ${round.round}: ${ballot.voterId} chose ${choice}, confidence ${ballot.confidence ?? '-'}`);
      }
    }
    if (proposal.status !== 'decided') {
      throw new ExampleError(`The reviewers' vote ${proposal.id} ended ${proposal.status}: ${proposal.reason}`);
    }
    console.log(`  Decided: the review by ${author(proposal.winner)} stands (it is the task's result above).`);
  }

  await swarm.printMemory(review.id, 'Verdicts the reviewers recorded in the review task\'s memory');
});
