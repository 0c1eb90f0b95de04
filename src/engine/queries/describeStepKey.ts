// The symbolic text of a step's key condition (`PK = USER#{email} AND SK = USER`),
// as the design panel and the CLI show it: the one key condition (keyCondition.ts), printed as text.
import type { IndexKeySchema, KeyPart, StepKey } from '../design/types.ts';
import { keyCondition, keyConditionText, keyValueText, partTokens } from './keyCondition.ts';

export function describeStepKey(key: StepKey, index: IndexKeySchema): { pkText: string; condition: string } {
  const condition = keyCondition(key, index);
  // The partition: `USER#{email}`; on a native GSI one value per attribute, `"Order" + {status}`.
  const pkText = condition.native ? key.pk.map((p) => (p.kind === 'literal' ? `"${p.text}"` : keyValueText(partTokens([p])))).join(' + ') : keyValueText(condition.pk);
  return { pkText, condition: keyConditionText(condition, index) };
}

export function joinParts(parts: readonly KeyPart[]): string {
  return keyValueText(partTokens(parts));
}
