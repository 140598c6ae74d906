// The spec's second use case, writer, editor and fact-checker: a pipeline of three stages, each on the agent with that
// stage's capability and each shown the previous stage's output. The fact-checker may put questions to a researcher
// (the ask tool, a step of the same task through the dispatcher) and records its verdicts in the task's memory.
//
//   node examples/writing-pipeline.mjs
//   SWARM_PROVIDER=openai node examples/writing-pipeline.mjs     # the swarm needs OPENAI_API_KEY (see README)
import { main, Swarm } from './lib/swarm.mjs';

const TOPIC =
  'Write a blog post of about 200 words for software engineers: "Why LLM agents need durable workflows". ' +
  'Mention two or three concrete facts (dates, numbers, names of systems) that a fact-checker can verify.';

const specialist = (id, name, capability, instructions, extra = {}) => ({
  id,
  name,
  type: 'specialist',
  role: { type: 'operational', permissions: [], expertise: [capability], priority: extra.priority ?? 5 },
  maxConcurrency: 2,
  instructions,
  tools: extra.tools ?? [],
  maxTurns: extra.maxTurns ?? 4,
  maxToolCalls: extra.maxToolCalls ?? 0,
});

const AGENTS = [
  specialist('wp-writer', 'Writer', 'wp-writing', 'You are a technical writer. You write clear, concrete prose for engineers, with no filler and no hype.'),
  specialist('wp-editor', 'Editor', 'wp-editing', 'You are an editor. You tighten text, fix flow, grammar and tone, and keep every factual claim the author made (the fact-checker checks them).'),
  specialist(
    'wp-fact-checker',
    'Fact-checker',
    'wp-fact-checking',
    `You are a fact-checker. For each factual claim in the text you are given (dates, numbers, names, what a system does):
- if you are not certain it is right, call ask with capability "wp-research" and a question that stands on its own ("Is it true that ...? If not, what is right?");
- correct the claims that are wrong, or soften them if nobody can confirm them.
Then call memory_put (leave out the namespace: the task's memory) with key "fact-check" and one line per claim: the claim, right/corrected/unverified, and why.
Answer with the final post, then a section "Fact-check" listing each claim and its verdict.`,
    { tools: ['ask', 'memory_put'], maxTurns: 6, maxToolCalls: 8 },
  ),
  specialist(
    'wp-researcher',
    'Researcher',
    'wp-research',
    'You answer fact-checking questions from other agents: say whether the claim is right, what is right if it is not, and how sure you are. Be brief; say so when you do not know.',
    { priority: 8 },
  ),
];

await main(async () => {
  const swarm = await Swarm.connect('writing-pipeline');
  await swarm.ensureAgents(AGENTS);

  const task = await swarm.runTask('Writing pipeline: writer -> editor -> fact-checker (who may ask a researcher).', {
    prompt: TOPIC,
    strategy: 'pipeline',
    stages: [
      { name: 'draft', instruction: 'Write the first draft of the post.', capabilities: ['wp-writing'] },
      { name: 'edit', instruction: 'Edit the draft: tighten it and fix flow and tone. Keep every factual claim. Answer with the edited post only.', capabilities: ['wp-editing'] },
      { name: 'fact-check', instruction: 'Check every factual claim of the edited post, asking the researcher where you are not sure, and answer with the final post and your verdicts.', capabilities: ['wp-fact-checking'] },
    ],
  });
  swarm.printTask(task);

  const asked = (task.timeline ?? []).filter((e) => e.kind === 'tool' && / ask /.test(e.detail));
  const stageAgents = new Set(task.steps.map((s) => s.agentId));
  const answeredQuestions = task.agents.filter((a) => !stageAgents.has(a));
  console.log(`\nQuestions the fact-checker asked: ${asked.length}; answered by: ${answeredQuestions.join(', ') || 'nobody outside the pipeline'}`);
  await swarm.printMemory(task.id, 'The fact-checker\'s record in the task memory');
});
