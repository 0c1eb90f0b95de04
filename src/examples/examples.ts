// The example gallery: the canonical problems (copies of ../shared/problems),
// e-commerce first. The app opens them in the text form; tests read the files.
import { loadProblem, printModelText, problemToJson } from '../engine/index.ts';
import gameScores from './aws-game-scores-leaderboard.problem.json?raw';
import invoices from './aws-labs-invoices-bills.problem.json?raw';
import imageLeaderboard from './dynamodbguide-image-leaderboard.problem.json?raw';
import storeLocations from './dynamodbguide-starbucks-locations.problem.json?raw';
import ecommerce from './ecommerce.problem.json?raw';

export interface Example {
  /** File base name, e.g. `ecommerce`. */
  id: string;
  /** The problem's `name`. */
  name: string;
  /** The problem JSON as shipped. */
  json: string;
}

const FILES: [id: string, json: string][] = [
  ['ecommerce', ecommerce],
  ['aws-game-scores-leaderboard', gameScores],
  ['aws-labs-invoices-bills', invoices],
  ['dynamodbguide-image-leaderboard', imageLeaderboard],
  ['dynamodbguide-starbucks-locations', storeLocations],
];

export const EXAMPLES: readonly Example[] = FILES.map(([id, json]) => ({ id, name: nameOf(json, id), json }));

/** The example a first visit opens. */
export const DEFAULT_EXAMPLE: Example = EXAMPLES[0] ?? { id: 'empty', name: 'Untitled', json: '{}' };

/** Every form an example is in as opened or converted: its text form, its file, and the problem JSON the form switch writes. */
export function exampleForms(example: Example): string[] {
  const parsed = loadProblem(example.json);
  return parsed.model ? [printModelText(parsed.model), example.json, problemToJson(parsed.model)] : [example.json];
}

/** The example in the text form (the examples are checked by tests, so they load). */
export function exampleText(example: Example): string {
  const parsed = loadProblem(example.json);
  return parsed.model ? printModelText(parsed.model) : example.json;
}

function nameOf(json: string, fallback: string): string {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string') return value.name;
  } catch {
    // Shipped examples are valid JSON (examples.test.ts); fall back to the file name all the same.
  }
  return fallback;
}
