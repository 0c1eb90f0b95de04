// A pattern without a plan still gets a function in the generated module, whose
// comment says why: found by the diagnostic's subject and code, never by its
// message text; a Tablewright bug is said to be one, not a limit of the design.
import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../design/deriveDesign.ts';
import type { Design } from '../design/types.ts';
import type { RangeOp } from '../model/types.ts';
import { generateModule } from './generateModule.ts';
import { modelFromText } from '../../testing/exampleModels.ts';

const model = modelFromText;

const SHOP = `model "Shop"
entity User key email
  email: string
  plan: string
  createdAt: datetime
entity Order key orderId belongsTo User via userEmail
  orderId: string
  userEmail: string
getUser: User by email returns one
byPlan: User by plan with Order
recent: User by email where createdAt >= ?
`;

/** The doc comment and body of one AccessPatterns member. */
function member(code: string, name: string): string {
  const start = code.indexOf('export const AccessPatterns = {');
  const body = code.slice(start);
  const at = body.indexOf(`  ${name}(`);
  const open = body.lastIndexOf('  /**', at);
  return body.slice(open, body.indexOf('  },', at));
}

describe('generateModule: patterns without a plan', () => {
  it('explains a pattern the design cannot serve with its error, found by subject even when the message does not start with its name', () => {
    const design = deriveDesign(model(SHOP));
    const reworded: Design = {
      ...design,
      diagnostics: [
        // Another pattern's error whose text starts with this pattern's name: not this pattern's.
        { code: 'keys.includeNeedsKey', severity: 'error', message: 'byPlan: decoy, about another pattern', subject: { pattern: 'recent', entity: 'User' } },
        ...design.diagnostics.map((d) => (d.subject?.pattern === 'byPlan' ? { ...d, message: 'Include needs the parent key: match User on email.' } : d)),
      ],
    };
    const text = member(generateModule(reworded), 'byPlan');
    expect(text).toContain('NOT SERVED: Include needs the parent key: match User on email.');
    expect(text).not.toContain('decoy');
    expect(text).toContain(`throw new Error('byPlan is not served by this design')`);
  });

  it('says a Tablewright bug is one: NOT PLANNED with the engine.internal message, never NOT SERVED', () => {
    const m = model(SHOP);
    const crafted = { ...m, patterns: m.patterns.map((p) => (p.name === 'recent' ? { ...p, range: { attribute: 'createdAt', op: 'like' as RangeOp } } : p)) };
    const design = deriveDesign(crafted);
    const code = generateModule(design);
    const text = member(code, 'recent');
    expect(text).toContain('NOT PLANNED: Tablewright bug: planning recent failed (unknown op like)');
    expect(text).not.toContain('NOT SERVED');
    expect(text).toContain('recent was not planned: a Tablewright bug');
    // The design limit beside it is still a design limit.
    expect(member(code, 'byPlan')).toContain('NOT SERVED: byPlan: include gathers');
  });
});
