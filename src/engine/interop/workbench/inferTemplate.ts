// A key template from one entity's sample keys: `USER#123`, `USER#456` →
// `USER#{userId}`. Keys are read as `#`-joined components (the engine's own key
// form, README "Keys"). A component is an attribute of the item when it equals
// that attribute's value in every sample, fixed text (a label) when it is the
// same label-like word in every sample, else a new attribute made from the key.
// Names come from the facet's alias (`ITEMS#ItemID`), from a key attribute
// named like a template (`State#Date`), or from the label before the component
// (`USER#…` → `userId`). Tablewright's own export writes aliases as templates
// (`USER#{userId}`), which are read exactly.
import { camelName, uniqueName } from './workbenchNames.ts';

/** A component of a template: fixed text, an attribute of the entity (by its model name), or a shard (only from an own template). */
export type InferredSegment = { kind: 'literal'; text: string } | { kind: 'attribute'; name: string } | { kind: 'shard'; count: number; of: string[] };

/** An attribute whose value per sample item is known as text: a declared one, or one made from a key. */
export interface TextAttribute {
  name: string;
  /** Item index → the value's text; absent where the item lacks it. */
  texts: Map<number, string>;
  /** Item index → the value as Tablewright encodes it in a key (README "Keys"), for keys a Tablewright design made. */
  encoded?: Map<number, string>;
}

export interface TemplateInput {
  /** Which key of which index this is (`table.pk`, `GSI1.sk`): attributes made from it remember it. */
  keyId: string;
  /** The Workbench key attribute (`PK`, `GSI1SK`, `State#Date`): a hint for names. */
  keyName: string;
  /** The key is an attribute of the items' own (declared, not named for a role): a lone component is that attribute, never fixed text. */
  plain?: boolean;
  /** Item index → its value's text, for the items that have the key. */
  values: Map<number, string>;
  /** The facet's alias for this key, if any. */
  alias?: string | undefined;
  /** The entity's declared attributes, matched first. */
  data: readonly TextAttribute[];
  /** Attributes made from the entity's other keys so far (shared when a component equals one); new ones are added here. */
  derived: DerivedAttribute[];
  /** Names the entity already uses (new attributes avoid and join them). */
  taken: Set<string>;
  /** A name for the attribute when the whole key is one and nothing names it better. */
  wholeName: string;
}

export interface InferredTemplate {
  segments: InferredSegment[];
  /** Items whose key does not have the template's shape (other components, other fixed text). */
  unfit: number[];
}

const OWN_ATTRIBUTE = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
const OWN_SHARD = /^\{shard of ([A-Za-z0-9_+]+), (\d+)\}$/;

/** Fixed text that keys may hold (DESIGN-FORMAT.md: every character above `$`). */
export function literalAllowed(text: string): boolean {
  if (text === '') return false;
  for (const ch of text) if ((ch.codePointAt(0) ?? 0) <= 0x24) return false;
  return true;
}

/** A word that reads as a label: fixed text in every sample, without digits (a lone sample proves less: then only upper-case words). */
function labelLike(token: string, samples: number): boolean {
  return samples >= 2 ? /^[A-Za-z_][A-Za-z_-]*$/.test(token) && token.length <= 40 : /^[A-Z_]+$/.test(token);
}

/** An alias token that names fixed text rather than an attribute: an upper-case word. */
function aliasLiteral(token: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(token) && token.length >= 2;
}

export function inferTemplate(input: TemplateInput): InferredTemplate {
  const entries = [...input.values.entries()];
  const tokens = new Map(entries.map(([i, text]) => [i, text.split('#')]));
  const own = input.alias !== undefined && input.alias.includes('{') ? input.alias.split('#') : undefined;
  const aliasTokens = own === undefined && input.alias !== undefined && input.alias !== input.keyName ? input.alias.split('#') : undefined;

  // The number of components: the alias's for an own template, else the most common among the samples.
  let width =
    own?.length ?? mostCommonLength([...tokens.values()]) ?? aliasTokens?.length ?? (input.keyName.includes('#') ? input.keyName.split('#').length : 1);
  if (width < 1) width = 1;
  const fitting = entries.filter(([i]) => tokens.get(i)?.length === width).map(([i]) => i);
  const column = (p: number) => fitting.map((i) => tokens.get(i)?.[p] ?? '');

  // Names and fixed text the alias or the key's own name gives each component.
  const nameHint: (string | undefined)[] = new Array<string | undefined>(width).fill(undefined);
  const literalHint: (string | undefined)[] = new Array<string | undefined>(width).fill(undefined);
  let spareNames: string[] = [];
  if (aliasTokens) {
    if (aliasTokens.length === width) {
      aliasTokens.forEach((t, p) => {
        const col = column(p);
        if (aliasLiteral(t) || (col.length > 0 && col.every((v) => v === t))) literalHint[p] = t;
        else if (t !== '') nameHint[p] = t;
      });
    } else spareNames = aliasTokens.filter((t) => t !== '' && !aliasLiteral(t));
  } else if (input.keyName.includes('#') && input.keyName.split('#').length === width) {
    input.keyName.split('#').forEach((t, p) => {
      if (t !== '') nameHint[p] = t;
    });
  }

  const segments: (InferredSegment | undefined)[] = [];
  for (let p = 0; p < width; p++) {
    const ownToken = own?.[p];
    if (ownToken !== undefined) {
      const shard = OWN_SHARD.exec(ownToken);
      if (shard?.[1] !== undefined) {
        segments.push({ kind: 'shard', count: Number(shard[2]), of: shard[1].split('+') });
        continue;
      }
      const m = OWN_ATTRIBUTE.exec(ownToken);
      segments.push(
        m?.[1] !== undefined
          ? { kind: 'attribute', name: ownAttribute(m[1], p) }
          : ownToken === '' && p === width - 1 && p > 0
            ? { kind: 'literal', text: '' }
            : { kind: 'literal', text: ownToken },
      );
      continue;
    }
    const col = column(p);
    const constant = col.length > 0 && col.every((v) => v === col[0]) ? col[0] : undefined;
    if (literalHint[p] !== undefined && (constant === undefined ? col.length === 0 : constant === literalHint[p]) && literalAllowed(literalHint[p] ?? '')) {
      segments.push({ kind: 'literal', text: literalHint[p] ?? '' });
      continue;
    }
    const matched = col.length > 0 ? matchAttribute(p, col) : undefined;
    if (matched !== undefined) {
      segments.push({ kind: 'attribute', name: matched });
      continue;
    }
    if (constant !== undefined && constant === '') {
      // An empty component: the terminator at the end of a key (`META#`); elsewhere no template can hold it.
      segments.push(p === width - 1 && p > 0 ? { kind: 'literal', text: '' } : undefined);
      continue;
    }
    if (
      constant !== undefined &&
      literalAllowed(constant) &&
      labelLike(constant, fitting.length) &&
      nameHint[p] === undefined &&
      !(input.plain === true && width === 1)
    ) {
      segments.push({ kind: 'literal', text: constant });
      continue;
    }
    segments.push({ kind: 'attribute', name: newAttribute(p, col) });
  }

  // Alias names that did not line up with the components name the made-up attributes, in order.
  if (spareNames.length > 0) {
    const madeAt = () =>
      segments.flatMap((s, p) =>
        s?.kind === 'attribute' && input.derived.some((d) => d.name === s.name && d.fromPosition === p && d.fromKey === input.keyId) ? [p] : [],
      );
    // A lower-case word after a label that the alias names (`PROJECT#learn` with the alias `ProjectId`) is a value seen once.
    for (let p = width - 1; p > 0 && madeAt().length < spareNames.length; p--) {
      const s = segments[p];
      const before = segments[p - 1];
      if (s?.kind === 'literal' && s.text !== '' && !aliasLiteral(s.text) && before?.kind === 'literal' && before.text !== '')
        segments[p] = { kind: 'attribute', name: newAttribute(p, column(p)) };
    }
    const made = madeAt();
    if (made.length === spareNames.length) {
      made.forEach((p, k) => {
        const s = segments[p];
        const wanted = spareNames[k];
        if (s?.kind !== 'attribute' || wanted === undefined) return;
        const d = input.derived.find((x) => x.name === s.name);
        if (!d) return;
        input.taken.delete(d.name);
        const name = uniqueName(camelName(wanted) || d.name, input.taken);
        d.name = name;
        segments[p] = { kind: 'attribute', name };
      });
    }
  }

  const result = segments.filter((s): s is InferredSegment => s !== undefined);
  const unfit = entries
    .filter(([i]) => {
      const t = tokens.get(i) ?? [];
      if (t.length !== width) return true;
      return segments.some((s, p) => s?.kind === 'literal' && t[p] !== s.text);
    })
    .map(([i]) => i);
  // Values of attributes made from this key, for the items that fit it.
  for (const d of input.derived) {
    if (d.fromKey !== input.keyId || d.fromPosition === undefined) continue;
    for (const i of unfit) {
      d.texts.delete(i);
      d.encoded?.delete(i);
    }
  }
  return { segments: result, unfit };

  function ownAttribute(name: string, p: number): string {
    if (input.data.some((d) => d.name === name) || input.derived.some((d) => d.name === name)) return name;
    const texts = new Map(fitting.map((i) => [i, tokens.get(i)?.[p] ?? '']));
    input.taken.add(name);
    input.derived.push(withOrigin({ name, texts }, p));
    return name;
  }

  /**
   * The declared or made attribute whose text equals this component in every fitting sample. A lone sample
   * proves less: an attribute made from a key matches it only from another key and after the same label
   * (`USER#1` and `ARTICLE#1` are not one attribute).
   */
  function matchAttribute(p: number, col: string[]): string | undefined {
    const equalsColumn = (a: TextAttribute) =>
      fitting.every((i, k) => a.texts.get(i) === col[k]) || (a.encoded !== undefined && fitting.every((i, k) => a.encoded?.get(i) === col[k]));
    const hint = nameHint[p];
    const label = labelBefore(p);
    const candidates = [
      ...input.data,
      ...input.derived.filter((d) => fitting.length >= 2 || (d.fromKey !== input.keyId && (d.label === undefined || label === undefined || d.label === label))),
    ];
    const hinted = hint === undefined ? [] : candidates.filter((a) => a.name === hint || a.name === camelName(hint));
    return [...hinted, ...candidates].find(equalsColumn)?.name;
  }

  function newAttribute(p: number, col: string[]): string {
    const before = segments[p - 1];
    const hint = nameHint[p];
    const base =
      (hint !== undefined ? camelName(hint) : '') ||
      (before?.kind === 'literal' && before.text !== '' ? `${camelName(before.text)}Id` : '') ||
      (width === 1 ? input.wholeName : `${input.wholeName}${String(p + 1)}`);
    const name = uniqueName(base === 'Id' ? input.wholeName : base, input.taken);
    input.derived.push(withOrigin({ name, texts: new Map(fitting.map((i, k) => [i, col[k] ?? ''])) }, p));
    return name;
  }

  function withOrigin(a: { name: string; texts: Map<number, string> }, p: number): DerivedAttribute {
    const label = labelBefore(p);
    return { ...a, fromKey: input.keyId, fromPosition: p, ...(label !== undefined ? { label } : {}) };
  }

  /** The fixed text right before component p, if any. */
  function labelBefore(p: number): string | undefined {
    const before = segments[p - 1];
    return before?.kind === 'literal' && before.text !== '' ? before.text : undefined;
  }
}

/** An attribute made from a key: which key and component it came from. */
export interface DerivedAttribute extends TextAttribute {
  fromKey?: string;
  fromPosition?: number;
  /** The fixed text right before the component it was made from (`USER` for `USER#{userId}`). */
  label?: string;
}

function mostCommonLength(lists: string[][]): number | undefined {
  const counts = new Map<number, number>();
  for (const l of lists) counts.set(l.length, (counts.get(l.length) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [length, count] of counts) {
    if (count > bestCount) {
      best = length;
      bestCount = count;
    }
  }
  return best;
}
