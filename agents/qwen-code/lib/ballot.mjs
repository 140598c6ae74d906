// A ballot as Qwen Code sees it: the question and the numbered options in the prompt, and a JSON schema for its
// structured output (Qwen Code's --json-schema), so the vote is a number Qwen Code checked rather than text to parse.
// Options are numbered because in a consensus task they are whole answers, too long to repeat back exactly.

import { tryParseJson } from './json.mjs';

export function ballotPrompt(question, options) {
  const numbered = options.map((option, i) => `Option ${i + 1}:\n${option}`).join('\n\n');
  return [
    'You are one voter in a consensus round of a swarm of agents. Read the question and every option, then choose the',
    'one option you judge best. You may read files to check a claim, but change nothing.',
    '',
    `Question: ${question}`,
    '',
    numbered,
    '',
    'Answer with the number of the option you choose, your confidence from 0 to 1, and a one-sentence rationale.',
  ].join('\n');
}

export function ballotSchema(options) {
  return {
    type: 'object',
    properties: {
      option: { type: 'integer', minimum: 1, maximum: options.length, description: 'the number of the chosen option' },
      confidence: { type: 'number', minimum: 0, maximum: 1 },
      rationale: { type: 'string', maxLength: 1000 },
    },
    required: ['option', 'confidence', 'rationale'],
  };
}

/** The vote body from Qwen Code's structured result; throws when the result does not name an option. */
export function chosenOption(answer, options) {
  const result = answer.structured ?? tryParseJson(answer.text);
  const index = Number(result?.option);
  if (!Number.isInteger(index) || index < 1 || index > options.length) {
    throw new Error(`Qwen Code's ballot named no option from 1 to ${options.length}: ${JSON.stringify(result ?? answer.text).slice(0, 200)}`);
  }
  const confidence = Number(result.confidence);
  return {
    choice: options[index - 1],
    confidence: Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0.5,
    rationale: typeof result.rationale === 'string' ? result.rationale.slice(0, 1000) : undefined,
  };
}
