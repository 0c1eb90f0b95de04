// No regular expression in src/ takes more than linear time on hostile input:
// each one runs once against long strings (50,000 characters) built to make a
// backtracking regex slow, and must finish each call within a generous budget.
// A linear regex needs well under a millisecond there; a quadratic one seconds.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modelLanguage } from '../ui/editor/modelLanguage.ts';
import { CALL_BUDGET_MS, checkRegex, describeInput, findRegexes, HOSTILE_LENGTH, regexSourceFiles, type RegexMode } from './regexSafety.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { literals, dynamic } = findRegexes(regexSourceFiles(path.join(root, 'src')), root);

/**
 * Regexes built at run time (`file` + the call as written), each with the regexes it
 * can build. A new `RegExp(…)` in src/ fails the test until it is listed here.
 */
const DYNAMIC_REGEXES: Record<string, { why: string; builds: () => RegExp[] }> = {};

/**
 * Regexes that are quadratic on their own but only ever see input that cannot pump
 * them, each with why (keyed by file and the literal as written). Each one must still
 * be in the source and still be slow: fix it, then remove it here.
 */
const SAFE_IN_CONTEXT: Record<string, string> = {};

/** Monarch's `cases` keys are regexes in strings, matched against a whole token (`^(?:…)$`). */
function monarchCaseRegexes(): RegExp[] {
  const found: RegExp[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null && !(value instanceof RegExp)) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'cases') for (const guard of Object.keys(inner as object)) if (!guard.startsWith('@')) found.push(new RegExp(`^(?:${guard})$`));
        walk(inner);
      }
    }
  };
  walk(modelLanguage.tokenizer);
  return found;
}

describe('regular expressions on hostile input', () => {
  it('finds the regexes of the source, including the Monarch rules it applies only at a token start', () => {
    expect(literals.length).toBeGreaterThan(50);
    expect(literals.some((r) => r.where.startsWith('src/ui/editor/modelLanguage.ts') && r.mode === 'anchored')).toBe(true);
    expect(literals.some((r) => r.where.startsWith('src/ui/editor/completions.ts') && r.mode === 'scan')).toBe(true);
    expect(monarchCaseRegexes().length).toBeGreaterThan(0);
  });

  it('catches the quadratic forms it was written for, and an exponential one, without hanging', () => {
    const caught = (regex: RegExp) => checkRegex(regex, 'scan') !== undefined;
    expect(caught(/([A-Z]+)([A-Z][a-z])/g)).toBe(true); // the old label splitter
    expect(caught(/"(?:[^"\\]|\\.)*"/g)).toBe(true); // the old string matcher of the completion provider
    expect(caught(/\(\s*[^)]*$/)).toBe(true); // the old open-parenthesis check
    expect(caught(/^(a+)+$/)).toBe(true);
    expect(caught(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)).toBe(false); // splitWords
  });

  it('covers every regex built at run time', () => {
    const uncovered = dynamic.filter((d) => !(`${d.where.replace(/:\d+$/, '')} ${d.text}` in DYNAMIC_REGEXES));
    expect(uncovered, 'list these in DYNAMIC_REGEXES with the regexes they can build').toEqual([]);
  });

  it(`runs every regex in linear time: each call on ${HOSTILE_LENGTH.toLocaleString('en')} hostile characters within ${CALL_BUDGET_MS} ms`, () => {
    const sites = new Map<string, { regex: RegExp; mode: RegexMode; where: string[] }>();
    const add = (regex: RegExp, mode: RegexMode, where: string) => {
      const key = `${mode} /${regex.source}/${regex.flags}`;
      const site = sites.get(key) ?? { regex, mode, where: [] };
      site.where.push(where);
      sites.set(key, site);
    };
    for (const site of literals) add(site.regex, site.mode, site.where);
    for (const [where, { builds }] of Object.entries(DYNAMIC_REGEXES)) for (const regex of builds()) add(regex, 'scan', where);
    for (const regex of monarchCaseRegexes()) add(regex, 'anchored', 'src/ui/editor/modelLanguage.ts (cases)');

    const report: string[] = [];
    const slowInContext: string[] = [];
    for (const { regex, mode, where } of sites.values()) {
      const offence = checkRegex(regex, mode);
      if (!offence) continue;
      const exempt = where.map((w) => `${w.replace(/:\d+$/, '')} /${regex.source}/${regex.flags}`).filter((key) => key in SAFE_IN_CONTEXT);
      if (exempt.length === where.length) slowInContext.push(...exempt);
      else
        report.push(
          `${where.join(', ')}: /${regex.source}/${regex.flags} (${mode}) ran past ${offence.timing.ms.toFixed(0)} ms on ${describeInput(offence.input)}`,
        );
    }
    expect(report, 'regexes that backtrack on hostile input').toEqual([]);
    expect(slowInContext.sort(), 'SAFE_IN_CONTEXT lists a regex that is gone or now linear').toEqual(Object.keys(SAFE_IN_CONTEXT).sort());
  });
});
