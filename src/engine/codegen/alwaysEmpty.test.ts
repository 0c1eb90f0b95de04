// The generated module for a pattern whose answer is always empty (a between
// range on an equality attribute: its one parameter is a [low, high] pair,
// compared for equality): the builder returns no input, `[]`, typed so, and the
// module still type-checks as a user's project would; the other builders are
// the engine's requests as ever.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { modelFromText } from '../../testing/exampleModels.ts';
import { MODULES_SCRATCH, typeCheckModules } from '../../testing/typeCheckModules.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { buildRequest } from '../queries/buildRequest.ts';
import { sampleParams } from '../queries/sampleParams.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { generateModule } from './generateModule.ts';

const model = modelFromText(`model "Sensors"
entity Reading key (sensor, seq) count 30
  sensor: string
  seq: number
  day: date
byDay: Reading by sensor, day where day between ? and ?
dayOnly: Reading by day where day between ? and ? order by seq desc
inRange: Reading by sensor where day between ? and ?
since: Reading by sensor, day where day >= ?
`);
const design = deriveDesign(model);
const code = generateModule(design);

const dir = fs.mkdtempSync(path.join(MODULES_SCRATCH, '.tw-always-empty-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One AccessPatterns member, from its doc comment to its end. */
function member(name: string): string {
  const body = code.slice(code.indexOf('export const AccessPatterns = {'));
  const at = body.indexOf(`  ${name}(`);
  return body.slice(body.lastIndexOf('  /**', at), body.indexOf('  },', at));
}

describe('generateModule: a pattern whose answer is always empty', () => {
  it('gives it a builder that returns [] (typed []), says why, and keeps the pair in its params', () => {
    for (const name of ['byDay', 'dayOnly']) {
      const text = member(name);
      expect(text).toContain(`${name}(_params: ${name[0]?.toUpperCase()}${name.slice(1)}Params): [] {`);
      expect(text).toContain(
        '    // The answer is always empty: day is compared for equality with its [low, high] pair, which no value equals.\n    return [];',
      );
      expect(text).not.toMatch(/KeyConditionExpression|encString|pair\(/);
    }
    expect(code).toMatch(/export interface ByDayParams \{\n {2}sensor: string;\n {2}day: readonly \[string, string\];\n\}/);
    expect(code).toMatch(/export interface DayOnlyParams \{\n {2}day: readonly \[string, string\];\n\}/);
    // Its executor reads the builder's inputs as they are (not wrapped in another array).
    expect(code).toContain('for (const input of AccessPatterns.byDay(params))');
    expect(member('inRange')).toContain('inRange(params: InRangeParams): QueryCommandInput {');
  });

  it('type-checks under tsc --strict, for the module and for a caller that passes the pair', () => {
    const file = path.join(dir, 'sensors.ts');
    fs.writeFileSync(file, code);
    const caller = path.join(dir, 'caller.ts');
    fs.writeFileSync(
      caller,
      [
        "import { AccessPatterns } from './sensors';",
        "export const none: [] = AccessPatterns.byDay({ sensor: 'a', day: ['2024-01-01', '2024-01-31'] });",
        "export const alsoNone: readonly unknown[] = AccessPatterns.dayOnly({ day: ['2024-01-01', '2024-01-31'] });",
        '// @ts-expect-error: day is a [low, high] pair, not one value',
        "export const scalar = AccessPatterns.byDay({ sensor: 'a', day: '2024-01-01' });",
        '',
      ].join('\n'),
    );
    expect(typeCheckModules([file, caller])).toEqual([]);
  }, 60_000);

  it('returns [] when called, sends nothing when executed, and leaves the other builders as the engine builds them', async () => {
    const file = path.join(dir, 'run.ts');
    fs.writeFileSync(file, code);
    const mod = (await import(pathToFileURL(file).href)) as {
      AccessPatterns: Record<string, (p: unknown) => unknown>;
      execute: Record<string, (client: unknown, p: unknown) => Promise<unknown>>;
      executeAll: Record<string, (client: unknown, p: unknown) => Promise<unknown>>;
    };
    const params = { sensor: 'a', day: ['2024-01-01', '2024-12-31'] };
    expect(mod.AccessPatterns['byDay']?.(params)).toEqual([]);
    expect(mod.AccessPatterns['dayOnly']?.({ day: params.day })).toEqual([]);
    const client = {
      send: () => {
        throw new Error('an always-empty pattern sent a request');
      },
    };
    await expect(mod.executeAll['byDay']?.(client, params)).resolves.toEqual([]);
    await expect(mod.execute['byDay']?.(client, params)).resolves.toEqual({ items: [] });
    const records = generateSampleRecords(model, { seed: 'always-empty' });
    for (const name of ['inRange', 'since']) {
      const sample = sampleParams(model, records, name);
      expect([mod.AccessPatterns[name]?.(structuredClone(sample))], name).toEqual(buildRequest(design, name, sample).map((r) => r.input));
    }
  });
});
