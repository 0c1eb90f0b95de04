import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../../design/deriveDesign.ts';
import { modelFromText } from '../../../testing/exampleModels.ts';
import { lintContext } from '../lintContext.ts';
import { consistentGsiReadRule } from './consistentGsiRead.ts';

const lint = (patterns: string) =>
  consistentGsiReadRule(
    lintContext(
      deriveDesign(
        modelFromText(`model "Users"
entity User key userId
  userId: string
  email: string
${patterns}`),
      ),
    ),
  );

describe('consistentGsiReadRule', () => {
  it('fires for a consistent pattern its plan serves from a GSI', () => {
    const found = lint('getUser: User by userId returns one\ngetByEmail: User by email returns one consistent\n');
    expect(found.map((d) => [d.code, d.severity, d.path, d.subject])).toEqual([
      ['lint.consistentGsiRead', 'warning', 'patterns[1].consistent', { pattern: 'getByEmail', entity: 'User', index: 'GSI1' }],
    ]);
    expect(found[0]?.message).toContain('getByEmail asks for a strongly consistent read, but GSI1 serves it');
    expect(found[0]?.message).toContain('Fix: serve it from the table');
  });

  it('stays quiet for a consistent pattern the table serves', () => {
    expect(lint('getUser: User by userId returns one consistent\ngetByEmail: User by email returns one\n')).toEqual([]);
  });
});
