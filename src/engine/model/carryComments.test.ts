import { describe, expect, it } from 'vitest';
import { carryComments } from './carryComments.ts';
import { parseModelText } from './parseModelText.ts';
import { parseProblemJson } from './parseProblemJson.ts';
import { printModelText } from './printModelText.ts';
import { problemToJson } from './problemToJson.ts';

const COMMENTED = `# Helpdesk: who asks, who answers
model "Helpdesk"   # the model line

# People who open tickets
entity Customer key id count 50   # the entity line
  id: string
  # how we greet them
  name: string   # an attribute line

  email?: string

entity Ticket key id belongsTo Customer via customerId
  id: string
  customerId: string
  openedAt: date

# Reading
customerTickets: Ticket by customerId order by openedAt desc   # a pattern line

getCustomer: Customer by id
# the end
`;

/** Text → problem JSON → (edited) → text, as the store converts. */
function throughJson(text: string, edit: (json: string) => string = (json) => json): string {
  const model = parseModelText(text).model;
  if (!model) throw new Error('the text has errors');
  const json = parseProblemJson(edit(problemToJson(model))).model;
  if (!json) throw new Error('the JSON has errors');
  return carryComments(text, printModelText(json));
}

describe('carryComments', () => {
  it('gives the text back unchanged, comments, blank lines and spacing, when the JSON was not changed', () => {
    expect(throughJson(COMMENTED)).toBe(COMMENTED);
  });

  it('keeps comments on entity, attribute and pattern lines, full-line comments and blank lines when the model changed', () => {
    const back = throughJson(COMMENTED, (json) => json.replace('"count": 50', '"count": 60'));
    expect(back).toBe(COMMENTED.replace('count 50   # the entity line', 'count 60   # the entity line'));
  });

  it('puts a new line where the printer puts it, among the kept comments', () => {
    const back = throughJson(COMMENTED, (json) => {
      const problem = JSON.parse(json) as { entities: { name: string; attributes: { name: string; type: string }[] }[] };
      problem.entities[1]?.attributes.push({ name: 'status', type: 'string' });
      return JSON.stringify(problem);
    });
    expect(back).toContain('  openedAt: date\n  status: string\n\n# Reading\n');
    expect(back).toContain('  name: string   # an attribute line\n');
    expect(parseModelText(back).model?.entities[1]?.attributes.map((a) => a.name)).toEqual(['id', 'customerId', 'openedAt', 'status']);
  });

  it('keeps the comment of a removed line, above the next line', () => {
    const back = throughJson(COMMENTED, (json) => {
      const problem = JSON.parse(json) as { patterns: { name: string }[] };
      problem.patterns = problem.patterns.filter((p) => p.name !== 'customerTickets');
      return JSON.stringify(problem);
    });
    expect(back).toContain('# Reading\n# a pattern line\n\ngetCustomer: Customer by id\n# the end\n');
    expect(parseModelText(back).model?.patterns.map((p) => p.name)).toEqual(['getCustomer']);
  });

  it('keeps a comment after the last line and one at the end of a text without a final newline', () => {
    const text = 'model "M" # named\nentity A key id\n  id: string # the key\n# last';
    expect(throughJson(text, (json) => json.replace('"M"', '"N"'))).toBe('model "N" # named\nentity A key id\n  id: string # the key\n# last\n');
  });

  it("keeps the user's blank lines, not the printer's, around the lines that stay", () => {
    const text = 'model "M"\nentity A key id\n\n  id: string\n';
    expect(throughJson(text, (json) => json.replace('"M"', '"N"'))).toBe('model "N"\nentity A key id\n\n  id: string\n');
  });
});
