// The symbolic text of a step's key condition (`PK = USER#{email} AND SK = USER`),
// as the design panel and the CLI show it: the one key condition (keyCondition.ts), printed as text.
import type { IndexDesign, KeyPart, StepKey } from '../design/types.ts';
import { keyCondition, keyConditionText, keyValueText, partTokens } from './keyCondition.ts';

export function describeStepKey(key: StepKey, index: Pick<IndexDesign, 'pkAttribute' | 'skAttribute'>): { pkText: string; condition: string } {
  const condition = keyCondition(key);
  return { pkText: keyValueText(condition.pk), condition: keyConditionText(condition, index) };
}

export function joinParts(parts: readonly KeyPart[]): string {
  return keyValueText(partTokens(parts));
}
