// The spec's first use case, multi-agent research: a queen splits a research question into sub-questions (the
// hierarchical strategy), three researchers work on them at once and share what they find through the task's memory
// (memory_search for what the others found, memory_put for their own findings), and a queen assembles the answer.
//
//   node examples/research.mjs                                   # simulated agents, no keys
//   SWARM_PROVIDER=qwen node examples/research.mjs               # the swarm needs QWEN_API_KEY (see README)
import { main, Swarm } from './lib/swarm.mjs';

const CAPABILITY = 'rs-research';

const QUESTION =
  'How do durable execution engines (Temporal, Azure Durable Functions, AWS Step Functions) keep long-running ' +
  'LLM agent workflows correct across crashes and restarts, and what does each cost in latency and storage? ' +
  'Give a short comparison a team could use to choose one.';

const INSTRUCTIONS = `You are one of three researchers working on parts of one research question at the same time.
1. First call memory_search (leave out the namespace: the task's shared memory) with the main terms of your sub-question, to see what the other researchers have found, and build on it instead of repeating it.
2. Work on your sub-question from what you know. Keep facts you are sure of apart from estimates, and name sources (documentation, papers) where you can.
3. Call memory_put (leave out the namespace) with the key "finding-" followed by two or three words of your sub-question joined by "-", and your findings in at most 120 words as the value, so the others and the queen can use them.
4. Answer with your findings in at most 200 words.`;

await main(async () => {
  const swarm = await Swarm.connect('research');
  await swarm.ensureAgents(
    [1, 2, 3].map((n) => ({
      id: `rs-researcher-${n}`,
      name: `Researcher ${n}`,
      type: 'specialist',
      role: { type: 'operational', permissions: [], expertise: [CAPABILITY], priority: 5 },
      maxConcurrency: 2,
      instructions: INSTRUCTIONS,
      tools: ['memory_search', 'memory_put'],
      maxTurns: 6,
      maxToolCalls: 6,
    })),
  );
  await swarm.checkQueens();

  const task = await swarm.runTask('Research: a queen plans, three researchers share findings in the task memory, a queen assembles.', {
    prompt: QUESTION,
    strategy: 'hierarchical',
    capabilities: [CAPABILITY],
  });
  swarm.printTask(task);
  await swarm.printMemory(task.id, 'Findings the researchers shared in the task memory');
});
