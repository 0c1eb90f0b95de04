// Test helper: the canonical example models (src/examples) and the engine's
// own test models (src/engine/testing/problems), parsed by the engine.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseModelText, parseProblemJson, type Model } from '../engine/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const EXAMPLES_DIR = path.join(here, '..', 'examples');
export const TEST_PROBLEMS_DIR = path.join(here, '..', 'engine', 'testing', 'problems');
/** Test models the conformance harness checks in its read phase only (see the README there). */
export const READS_ONLY_PROBLEMS_DIR = path.join(TEST_PROBLEMS_DIR, 'reads-only');

export function problemFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.problem.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function loadModel(file: string): Model {
  const parsed = parseProblemJson(fs.readFileSync(file, 'utf8'));
  if (!parsed.model) throw new Error(`${file}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.model;
}

export function exampleModel(slug: string): Model {
  return loadModel(path.join(EXAMPLES_DIR, `${slug}.problem.json`));
}

/** Every example and test model, by file slug. */
export function allModels(): { slug: string; file: string; model: Model }[] {
  return [...problemFiles(EXAMPLES_DIR), ...problemFiles(TEST_PROBLEMS_DIR), ...problemFiles(READS_ONLY_PROBLEMS_DIR)].map((file) => ({
    slug: path.basename(file, '.problem.json'),
    file,
    model: loadModel(file),
  }));
}

/** A model from the text form; a text with errors throws with each error's line and column. */
export function modelFromText(text: string): Model {
  const parsed = parseModelText(text);
  if (!parsed.model) throw new Error(parsed.diagnostics.map((d) => `${d.span?.line}:${d.span?.column} ${d.message}`).join('\n'));
  return parsed.model;
}

/** A small model with optional attributes: a GSI keyed on each optional one (sparse), one on a required one. */
export const LOBBY_TEXT = `model "Lobby"
entity Game key gameId
  gameId: string
  hostId: string
  mode?: "solo" | "duo"
  score?: number
  createdAt: datetime
byHost: Game by hostId order by createdAt desc
modeHighScores: Game by mode order by score desc
`;
