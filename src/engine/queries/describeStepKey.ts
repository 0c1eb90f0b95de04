// The symbolic text of a step's key condition (`PK = USER#{email} AND SK = USER`),
// as the design panel and the CLI show it.
import type { IndexDesign, KeyPart, StepKey } from '../design/types.ts';

export function describeStepKey(key: StepKey, index: Pick<IndexDesign, 'pkAttribute' | 'skAttribute'>): { pkText: string; condition: string } {
  const pkText = joinParts(key.pk);
  const pk = `${index.pkAttribute} = ${pkText}`;
  const sk = index.skAttribute;
  const prefix = joinParts(key.skPrefix);
  if (key.labelRange) return { pkText, condition: `${pk} AND ${sk} BETWEEN ${key.labelRange.low} AND ${key.labelRange.high}` };
  if (key.skPrefix.length === 0) return { pkText, condition: pk };
  const term = key.skTerminated ? '#' : '';
  if (!key.next) {
    return { pkText, condition: key.skComplete ? `${pk} AND ${sk} = ${prefix}${term}` : `${pk} AND begins_with(${sk}, ${prefix}#)` };
  }
  const v = `{${key.next.param}}`;
  const p = `${prefix}#`;
  switch (key.next.op) {
    case undefined:
      return { pkText, condition: `${pk} AND begins_with(${sk}, ${p})` };
    case '=':
      return { pkText, condition: key.next.last ? `${pk} AND ${sk} = ${p}${v}` : `${pk} AND begins_with(${sk}, ${p}${v}#)` };
    case '>=':
      return { pkText, condition: `${pk} AND ${sk} BETWEEN ${p}${v} AND ${prefix}$` };
    case '>':
      return { pkText, condition: `${pk} AND ${sk} BETWEEN ${p}${v}$ AND ${prefix}$` };
    case '<=':
      return { pkText, condition: `${pk} AND ${sk} BETWEEN ${p} AND ${p}${v}$` };
    case '<':
      return { pkText, condition: `${pk} AND ${sk} BETWEEN ${p} AND ${p}${v}` };
    case 'between':
      return { pkText, condition: `${pk} AND ${sk} BETWEEN ${p}{${key.next.param}[0]} AND ${p}{${key.next.param}[1]}$` };
    case 'begins_with':
      return { pkText, condition: `${pk} AND begins_with(${sk}, ${p}${v})` };
    default: {
      const never: never = key.next.op;
      throw new Error(`unknown op ${String(never)}`);
    }
  }
}

export function joinParts(parts: readonly KeyPart[]): string {
  return parts.map((p) => (p.kind === 'literal' ? p.text : `{${p.attribute === p.param ? p.param : `${p.param}→${p.attribute}`}}`)).join('#');
}
