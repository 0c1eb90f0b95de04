// Test helper: finds every regular expression in the source (with the TypeScript
// parser, so a `/` is a regex only where the language says so) and runs each
// against long hostile strings, one call at a time, each under a time budget.
//
// Sizes do the work, not clocks: at HOSTILE_LENGTH characters a linear regex
// finishes in well under a millisecond and a quadratic one takes seconds, so a
// budget of CALL_BUDGET_MS separates them with a wide margin on any machine. A
// call that runs past the budget is stopped (node:vm's timeout interrupts a
// running regex), so an exponential regex fails the test instead of hanging it.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';

/** How a regex is applied where it is used. */
export type RegexMode =
  /** Every match in the string (replace/split/matchAll, or test/exec from any position): the worst case. */
  | 'scan'
  /** Only at the position where a token starts (Monaco's Monarch tokenizer compiles each rule as `^(?:…)`). */
  | 'anchored';

export interface RegexSite {
  /** `src/…/file.ts:line`. */
  where: string;
  /** The literal as written, e.g. `/[A-Z]+/g`. */
  text: string;
  regex: RegExp;
  mode: RegexMode;
}

/** A `new RegExp(…)` / `RegExp(…)` call: its text must be covered by hand. */
export interface DynamicRegexSite {
  where: string;
  /** The call as written. */
  text: string;
}

/** Characters of each hostile input. */
export const HOSTILE_LENGTH = 50_000;
/** Characters of the inputs that pick, for each regex, which hostile inputs to run at full length. */
export const SCREEN_LENGTH = 2_000;
/** Per call, at HOSTILE_LENGTH. A linear regex needs well under a millisecond. */
export const CALL_BUDGET_MS = 250;
/** For all the screening calls of one regex at once (a few hundred milliseconds for the largest). */
const SCREEN_BUDGET_MS = 2000;

/**
 * The .ts/.tsx/.mjs/.js files under `dir` that ship or run as tools. Tests and test
 * helpers (`*.test.ts`, `testing/` folders) are left out: they only see fixed inputs.
 */
export function regexSourceFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'testing' && entry.name !== 'node_modules') walk(full);
      } else if (/\.(?:tsx?|mjs|js)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  walk(dir);
  return files.sort();
}

/** Every regex literal and every `RegExp` construction in `files`, located relative to `root`. */
export function findRegexes(files: readonly string[], root: string): { literals: RegexSite[]; dynamic: DynamicRegexSite[] } {
  const literals: RegexSite[] = [];
  const dynamic: DynamicRegexSite[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const where = (node: ts.Node) =>
      `${path.relative(root, file).split(path.sep).join('/')}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
    const visit = (node: ts.Node, inTokenizer: boolean) => {
      if (ts.isRegularExpressionLiteral(node)) {
        const slash = node.text.lastIndexOf('/');
        literals.push({
          where: where(node),
          text: node.text,
          regex: new RegExp(node.text.slice(1, slash), node.text.slice(slash + 1)),
          mode: inTokenizer ? 'anchored' : 'scan',
        });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        dynamic.push({ where: where(node), text: node.getText(sourceFile) });
      }
      const tokenizer = inTokenizer || (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'tokenizer');
      ts.forEachChild(node, (child) => visit(child, tokenizer));
    };
    visit(sourceFile, false);
  }
  return { literals, dynamic };
}

export interface HostileInput {
  prefix: string;
  /** Repeated to make up the length. */
  pump: string;
  suffix: string;
}

export function hostileText(input: HostileInput, length: number): string {
  const repeats = Math.max(1, Math.ceil((length - input.prefix.length - input.suffix.length) / input.pump.length));
  return input.prefix + input.pump.repeat(repeats) + input.suffix;
}

export function describeInput(input: HostileInput): string {
  const show = (s: string) => JSON.stringify(s);
  return `${input.prefix === '' ? '' : `${show(input.prefix)} + `}${show(input.pump)} × many${input.suffix === '' ? '' : ` + ${show(input.suffix)}`}`;
}

/**
 * Every regex gets these, whatever it contains: one character repeated, for every kind
 * of character the model text and the app's inputs hold, and a few alternations.
 */
export const COMMON_INPUTS: readonly HostileInput[] = [
  ...[...'Aza09 \t\n\r"\'\\#$_-.:,;()[]{}<>=?!|*+/`~@%&^é\u2028\ufeff'].map((c) => ({ prefix: '', pump: c, suffix: '' })),
  ...['aA', 'Aa', 'a0', 'a ', 'a_', 'a-', '\\"', '"\\', '\\\\"', '\r\n', 'a:', ': ', '( ', ', ', '#$', '$#', '-a', 'a.'].map((pump) => ({
    prefix: '',
    pump,
    suffix: '',
  })),
  // Nearly matches, then fails at the very end.
  ...['"', '(', 'entity A (', 'x: A by ', '  a: ', '#'].flatMap((prefix) =>
    [' ', 'a', 'A', '\\"'].flatMap((pump) => ['', ')', '"', '\\', '\u0000'].map((suffix) => ({ prefix, pump, suffix }))),
  ),
];

/**
 * Inputs built from what `regex` itself contains: every character it names (and one
 * from each class it uses) as a prefix, repeated alone or in pairs, and as a final
 * character that breaks the match, and every literal word repeated.
 */
export function inputsFor(regex: RegExp): HostileInput[] {
  const { atoms, words } = regexAlphabet(regex);
  const ends = ['', '\u0000', ...atoms];
  const inputs: HostileInput[] = [];
  for (const pump of atoms) for (const prefix of ends) for (const suffix of ends) inputs.push({ prefix, pump, suffix });
  for (const a of atoms) for (const b of atoms) if (a !== b) for (const suffix of ends) inputs.push({ prefix: '', pump: a + b, suffix });
  for (const word of words) for (const suffix of ends) inputs.push({ prefix: '', pump: word, suffix });
  return inputs;
}

const ESCAPE_CLASSES: Record<string, string> = {
  d: '09',
  D: 'x-',
  w: 'aZ_0',
  W: '-  ',
  s: ' \t\n',
  S: 'x-',
  n: '\n',
  r: '\r',
  t: '\t',
  f: '\f',
  v: '\v',
  '0': '\u0000',
};

/** Characters a regex refers to (one or two per class), and its literal runs of two or more characters. */
export function regexAlphabet(regex: RegExp): { atoms: string[]; words: string[] } {
  const source = regex.source;
  const atoms = new Set<string>();
  const words: string[] = [];
  let word = '';
  const endWord = () => {
    if (word.length >= 2) words.push(word);
    if (word !== '') {
      atoms.add(word[0] ?? '');
      atoms.add(word[word.length - 1] ?? '');
    }
    word = '';
  };
  // Reads one escape at `i` (just after the backslash); returns the characters it stands for and the next index.
  const escape = (i: number): [string, number] => {
    const c = source[i] ?? '';
    if (c === 'u' && source[i + 1] === '{') {
      const close = source.indexOf('}', i);
      return [String.fromCodePoint(parseInt(source.slice(i + 2, close), 16)), close + 1];
    }
    if (c === 'u') return [String.fromCharCode(parseInt(source.slice(i + 1, i + 5), 16)), i + 5];
    if (c === 'x') return [String.fromCharCode(parseInt(source.slice(i + 1, i + 3), 16)), i + 3];
    if (c === 'b' || c === 'B') return ['', i + 1];
    return [ESCAPE_CLASSES[c] ?? c, i + 1];
  };
  for (let i = 0; i < source.length;) {
    const c = source[i] ?? '';
    if (c === '\\') {
      const [chars, next] = escape(i + 1);
      if (chars.length === 1 && !/[dDwWsS]/.test(source[i + 1] ?? '')) word += chars;
      else {
        endWord();
        for (const ch of chars) atoms.add(ch);
      }
      i = next;
    } else if (c === '[') {
      endWord();
      let j = i + 1;
      if (source[j] === '^') {
        atoms.add('x');
        j++;
      }
      for (; j < source.length && source[j] !== ']';) {
        if (source[j] === '\\') {
          const [chars, next] = escape(j + 1);
          for (const ch of chars) atoms.add(ch);
          j = next;
        } else {
          atoms.add(source[j] ?? '');
          j++;
        }
      }
      i = j + 1;
    } else if (c === '.') {
      endWord();
      atoms.add('x');
      atoms.add('\n');
      i++;
    } else if ('()|*+?{}^$'.includes(c)) {
      endWord();
      // Skip group syntax and counted repetition: `(?:`, `(?=`, `(?<name>`, `{2,4}`.
      if (c === '(' && source[i + 1] === '?') {
        const name = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(i, i + 40));
        i += name ? name[0].length : source[i + 2] === '<' ? 4 : 3;
      } else if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i, i + 20))) i = source.indexOf('}', i) + 1;
      else i++;
    } else {
      word += c;
      i++;
    }
  }
  endWord();
  atoms.delete('');
  if (regex.ignoreCase) for (const a of [...atoms]) atoms.add(a.toUpperCase()).add(a.toLowerCase());
  return { atoms: [...atoms], words };
}

/** The regex as its mode applies it. */
export function asUsed(regex: RegExp, mode: RegexMode): RegExp {
  const flags = regex.flags.replace(/[gy]/g, '');
  return mode === 'scan' ? new RegExp(regex.source, `${flags}g`) : new RegExp(`^(?:${regex.source})`, flags);
}

/** Applies a regex as used: every match for `scan`, one match at the start for `anchored`. */
export function applyOnce(used: RegExp, text: string): void {
  if (used.global) text.replace(used, '');
  else used.exec(text);
}

export interface Timing {
  ms: number;
  /** False when the call was stopped at the budget. */
  finished: boolean;
}

const runner = { context: vm.createContext({ work: (): void => undefined }), script: new vm.Script('work()') };

/** Runs `work` once under a budget: stopped when it runs longer (node:vm's timeout). */
export function runOnce(work: () => void, budgetMs: number): Timing {
  runner.context['work'] = work;
  const start = performance.now();
  try {
    runner.script.runInContext(runner.context, { timeout: budgetMs });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { ms: performance.now() - start, finished: false };
    throw error;
  }
  return { ms: performance.now() - start, finished: true };
}

export interface Offence {
  input: HostileInput;
  timing: Timing;
}

/**
 * Screens `regex` on every hostile input at SCREEN_LENGTH, then runs the slowest few
 * (and COMMON_INPUTS) once each at HOSTILE_LENGTH under CALL_BUDGET_MS. Returns the
 * first input on which it ran past the budget, if any.
 */
export function checkRegex(regex: RegExp, mode: RegexMode, { keep = 4 }: { keep?: number } = {}): Offence | undefined {
  const used = asUsed(regex, mode);
  const candidates = inputsFor(regex);
  // Screening: short inputs, so even a quadratic regex is quick. When the screening is stopped
  // (an exponential regex, or a slow machine), the input it was on gets a call of its own.
  const screened: { input: HostileInput; ms: number }[] = [];
  while (screened.length < candidates.length) {
    const all = runOnce(() => {
      for (const input of candidates.slice(screened.length)) {
        const text = hostileText(input, SCREEN_LENGTH);
        const start = performance.now();
        applyOnce(used, text);
        screened.push({ input, ms: performance.now() - start });
      }
    }, SCREEN_BUDGET_MS);
    if (all.finished) break;
    const input = candidates[screened.length];
    if (input === undefined) break;
    const timing = runOnce(() => applyOnce(used, hostileText(input, SCREEN_LENGTH)), CALL_BUDGET_MS);
    if (!timing.finished) return { input, timing };
    screened.push({ input, ms: timing.ms });
  }
  const slowest = screened
    .sort((a, b) => b.ms - a.ms)
    .slice(0, keep)
    .map((s) => s.input);
  for (const input of [...slowest, ...COMMON_INPUTS]) {
    const text = hostileText(input, HOSTILE_LENGTH);
    // A call past the budget runs once more, so that a pause of the machine is not taken for backtracking.
    const timing = runOnce(() => applyOnce(used, text), CALL_BUDGET_MS);
    if (!timing.finished && !runOnce(() => applyOnce(used, text), CALL_BUDGET_MS).finished) return { input, timing };
  }
  return undefined;
}
