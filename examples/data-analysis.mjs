// The spec's fourth use case, a data analysis pipeline: the script stores a small dataset (CSV) in a team memory
// namespace; a cleaner, an analyst and a reporter work on it in a pipeline (clean -> analyse -> report). The cleaner
// and the analyst may read the team namespace (role.permissions "memory:da-datasets:read") with their memory tools,
// and the swarm recalls the dataset for them before their first turn; the cleaner leaves the cleaned data in the
// task's memory for the analyst. The reporter has no tools and no grant: it works from the analysis alone.
//
//   node examples/data-analysis.mjs
//   SWARM_PROVIDER=qwen SWARM_MODEL=qwen-plus node examples/data-analysis.mjs
import { main, Swarm } from './lib/swarm.mjs';

const NAMESPACE = 'da-datasets';
const KEY = 'orders-2026-q1';

// Orders of the first quarter, with the faults a real export has: a duplicated order, a region spelt two ways, a
// missing price and an impossible quantity.
const DATASET = `order_id,date,region,product,units,unit_price
1001,2026-01-04,North,Widget,12,4.50
1002,2026-01-09,South,Gadget,3,19.90
1003,2026-01-15,north,Widget,8,4.50
1004,2026-01-22,East,Gizmo,5,12.00
1004,2026-01-22,East,Gizmo,5,12.00
1005,2026-02-02,South,Widget,20,4.50
1006,2026-02-11,West,Gadget,4,
1007,2026-02-17,East,Widget,15,4.50
1008,2026-02-25,North,Gizmo,-2,12.00
1009,2026-03-03,South,Gadget,6,19.90
1010,2026-03-12,West,Gizmo,9,12.00
1011,2026-03-19,North,Gadget,7,19.90
1012,2026-03-28,East,Widget,25,4.50`;

const GRANT = `memory:${NAMESPACE}:read`;

const AGENTS = [
  {
    id: 'da-cleaner',
    name: 'Data cleaner',
    type: 'specialist',
    role: { type: 'operational', permissions: [GRANT], expertise: ['da-cleaning'], priority: 5 },
    maxConcurrency: 2,
    instructions: `You clean tabular data before anyone analyses it.
1. Read the dataset: call memory_get with namespace "${NAMESPACE}" and the key the task names.
2. Remove duplicate rows, make spellings consistent (e.g. region names), and drop rows with missing or impossible values; list every change.
3. Call memory_put (leave out the namespace: the task's memory) with key "clean-orders" and the cleaned CSV as the value.
Answer with the list of changes and the number of rows kept.`,
    tools: ['memory_get', 'memory_put'],
    maxTurns: 4,
    maxToolCalls: 6,
  },
  {
    id: 'da-analyst',
    name: 'Data analyst',
    type: 'specialist',
    role: { type: 'operational', permissions: [GRANT], expertise: ['da-analysis'], priority: 5 },
    maxConcurrency: 2,
    instructions: `You analyse cleaned data and show your numbers.
1. Read the cleaned data: call memory_get with key "clean-orders" (leave out the namespace: the task's memory). If it is missing, use memory_search, or the original in namespace "${NAMESPACE}", and say so.
2. Compute revenue (units x unit_price) by region, by product and by month; check that the totals add up.
Answer with small tables and one line on each notable pattern. Use only numbers you computed from the data.`,
    tools: ['memory_get', 'memory_search'],
    maxTurns: 4,
    maxToolCalls: 6,
  },
  {
    id: 'da-reporter',
    name: 'Reporter',
    type: 'specialist',
    role: { type: 'operational', permissions: [], expertise: ['da-reporting'], priority: 5 },
    maxConcurrency: 2,
    instructions: 'You write short reports for managers from an analyst\'s results. Never add numbers that are not in the analysis.',
    tools: [],
    maxTurns: 2,
    maxToolCalls: 0,
  },
];

await main(async () => {
  const swarm = await Swarm.connect('data-analysis');
  await swarm.ensureAgents(AGENTS);

  const stored = await swarm.putMemory(NAMESPACE, KEY, DATASET);
  console.log(`\nDataset stored: ${NAMESPACE}/${KEY}, ${DATASET.split('\n').length - 1} rows, by ${stored.updatedBy}`);

  const task = await swarm.runTask('Data analysis pipeline: clean -> analyse -> report.', {
    prompt:
      `Analyse the first-quarter 2026 orders in memory namespace ${NAMESPACE}, key ${KEY} ` +
      '(CSV columns: order_id, date, region, product, units, unit_price). Which regions and products bring the most ' +
      'revenue, and how did revenue change from January to March?',
    strategy: 'pipeline',
    stages: [
      { name: 'clean', instruction: 'Clean the dataset and store the cleaned CSV in the task memory as clean-orders.', capabilities: ['da-cleaning'] },
      { name: 'analyse', instruction: 'Analyse the cleaned orders: revenue by region, product and month.', capabilities: ['da-analysis'] },
      { name: 'report', instruction: 'Write a report of at most 200 words for a sales manager: the three most important findings and one recommendation.', capabilities: ['da-reporting'] },
    ],
  });
  swarm.printTask(task);

  const recalls = (task.timeline ?? []).filter((e) => e.kind === 'recalled');
  console.log('\nMemory the swarm recalled for the agents before their first turn:');
  for (const event of recalls) {
    console.log(`  ${event.detail}`);
  }
  if (recalls.length === 0) {
    console.log('  none');
  }
  await swarm.printMemory(task.id, 'What the pipeline left in the task memory');
});
