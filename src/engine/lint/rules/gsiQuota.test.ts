import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../../design/deriveDesign.ts';
import { designLayout } from '../../design/designJson.ts';
import { planDesign } from '../../design/planDesign.ts';
import { modelFromText } from '../../../testing/exampleModels.ts';
import { lintContext } from '../lintContext.ts';
import { gsiQuotaRule } from './gsiQuota.ts';

/** An entity looked up by each of `n` attributes: one GSI each. */
const lookups = (n: number) => {
  const names = Array.from({ length: n }, (_, i) => `a${i}`);
  return modelFromText(`model "Lookups"
entity Thing key id
  id: string
${names.map((a) => `  ${a}: string`).join('\n')}
${names.map((a) => `by_${a}: Thing by ${a} returns one`).join('\n')}
`);
};

describe('gsiQuotaRule', () => {
  it('fires on a design of more than 20 GSIs that nothing else refused (a layout read back, planned on)', () => {
    const model = lookups(22);
    const design = planDesign(model, designLayout(deriveDesign(model)));
    expect(design.indexes.filter((i) => i.kind === 'gsi')).toHaveLength(21);
    const found = gsiQuotaRule(lintContext(design));
    expect(found.map((d) => [d.code, d.severity, d.subject, d.path])).toEqual([['lint.gsiQuota', 'warning', {}, undefined]]);
    expect(found[0]?.message).toContain("The design has 21 GSIs; DynamoDB's default quota is 20 per table, so CreateTable fails past GSI20");
  });

  it("does not repeat keys.tooManyIndexes, the derivation's own error", () => {
    const design = deriveDesign(lookups(22));
    expect(design.diagnostics.map((d) => d.code)).toContain('keys.tooManyIndexes');
    expect(gsiQuotaRule(lintContext(design))).toEqual([]);
  });

  it('stays quiet at 20 GSIs', () => {
    expect(gsiQuotaRule(lintContext(deriveDesign(lookups(20))))).toEqual([]);
  });
});
