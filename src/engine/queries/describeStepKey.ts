// The symbolic text of a step's key condition (`PK = USER#{email} AND SK = USER`),
// as the design panel and the CLI show it: the one key condition (keyCondition.ts), printed as text.
import type { IndexKeySchema, KeyPart, StepKey } from '../design/types.ts';
import { keyCondition, keyConditionText, keyValueText, nativeOperandText, partTokens } from './keyCondition.ts';

/** The partition key's text and the key condition's (with `LIMIT n` after it for a Query with a limit). */
export function describeStepKey(key: StepKey, index: IndexKeySchema, limit?: number): { pkText: string; condition: string } {
  const condition = keyCondition(key, index);
  // The partition: `USER#{email}`; on a native GSI one value per attribute, `"Order" + {status}` (`"Game" + "open"` for a fixed one).
  const pkText = condition.native
    ? condition.equals
        .slice(0, key.pk.length)
        .map((e) => nativeOperandText(e.value))
        .join(' + ')
    : keyValueText(condition.pk);
  return { pkText, condition: keyConditionText(condition, index, limit) };
}

export function joinParts(parts: readonly KeyPart[]): string {
  return keyValueText(partTokens(parts));
}
