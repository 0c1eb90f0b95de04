// Model diagnostics inside a pattern or an entity name it as their subject, so
// consumers find a pattern's problems without reading messages.
import { describe, expect, it } from 'vitest';
import { parseModelText } from './parseModelText.ts';

describe('model diagnostics: subject', () => {
  it("names the pattern of a pattern's problem and the entity of an entity's problem", () => {
    const parsed = parseModelText(`model "Shop"
entity User key email
  email: string
  plan: "free" | "free"
entity Order key orderId belongsTo User via userEmail
  orderId: string
  userEmail: string
getUser: User by email returns one
byState: Order by state
`);
    const of = (code: string) => parsed.diagnostics.find((d) => d.code === code);
    expect(of('model.unknownAttribute')).toMatchObject({ path: 'patterns[1].equals[0]', subject: { pattern: 'byState' } });
    expect(of('model.duplicateValue')).toMatchObject({ subject: { entity: 'User' } });
  });
});
