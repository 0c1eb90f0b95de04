import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../../design/deriveDesign.ts';
import { modelFromText } from '../../../testing/exampleModels.ts';
import { lintContext } from '../lintContext.ts';
import { gsiWriteAmplificationRule } from './gsiWriteAmplification.ts';

const lint = (writes: string, patterns: string) =>
  gsiWriteAmplificationRule(
    lintContext(
      deriveDesign(
        modelFromText(`model "Tickets"
entity Ticket key ticketId${writes}
  ticketId: string
  assignee: string
  team: string
  updatedAt: datetime
getTicket: Ticket by ticketId returns one
${patterns}`),
      ),
    ),
  );

// updatedAt orders two patterns on two different partition keys: it is in the sort key of two GSIs.
const TWO_GSIS = 'byAssignee: Ticket by assignee order by updatedAt desc\nbyTeam: Ticket by team order by updatedAt desc\n';

describe('gsiWriteAmplificationRule', () => {
  it('fires on an attribute in two GSI keys of an entity with a declared write rate, with the units per change', () => {
    const found = lint(' writes 20 peak 300', TWO_GSIS);
    expect(found.map((d) => [d.code, d.severity, d.path, d.subject])).toEqual([
      ['lint.gsiWriteAmplification', 'warning', 'entities[0].attributes[3]', { entity: 'Ticket', index: 'GSI1' }],
    ]);
    // Small items: 1 WCU on the table, a delete and a put (2 WCU) in each GSI: 5 WCU per change, × 300/s.
    expect(found[0]?.message).toContain('Ticket.updatedAt is in the keys of 2 GSIs (GSI1, GSI2)');
    expect(found[0]?.message).toContain('(2 + 2 WCU), 5 WCU per change instead of 1; at 300 writes/s that change it, 1,500 WCU/s');
    expect(found[0]?.message).toContain('Fix: key fewer GSIs on "updatedAt"');
  });

  it('stays quiet without a declared write rate, and for an attribute in one GSI key', () => {
    expect(lint('', TWO_GSIS)).toEqual([]);
    expect(lint(' writes 20 peak 300', 'byAssignee: Ticket by assignee order by updatedAt desc\n')).toEqual([]);
  });
});
