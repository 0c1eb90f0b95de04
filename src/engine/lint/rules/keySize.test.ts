import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../../design/deriveDesign.ts';
import { modelFromText } from '../../../testing/exampleModels.ts';
import type { RecordValue } from '../../model/types.ts';
import { lintContext } from '../lintContext.ts';
import { keySizeRule } from './keySize.ts';

const design = deriveDesign(
  modelFromText(`model "Docs"
entity Doc key docId
  docId: string
  title: string
  path: string
getDoc: Doc by docId returns one
byTitle: Doc by title
byFolder: Doc by docId order by path
`),
);
const lint = (records: RecordValue[]) => keySizeRule(lintContext(design, { records: new Map([['Doc', records]]) }));

describe('keySizeRule', () => {
  it('fires on a partition key value over 2,048 bytes, measured on the longest sample value', () => {
    const found = lint([
      { docId: 'd1', title: 'short', path: '/a' },
      { docId: 'd2', title: 'é'.repeat(1100), path: '/b' },
    ]);
    // "é" is 2 UTF-8 bytes: 2,200 bytes of title plus the label "DOC#" in GSI1PK.
    expect(found.map((d) => [d.code, d.severity, d.path, d.subject])).toEqual([['lint.keySize', 'warning', 'entities[0]', { entity: 'Doc', index: 'GSI1' }]]);
    expect(found[0]?.message).toMatch(/^Doc in GSI1: the longest sample partition key value is 2,20\d bytes \(at most 2,048\); DynamoDB refuses/);
    expect(found[0]?.message).toContain('Fix: key on a short identifier');
  });

  it('fires on a sort key value over 1,024 bytes', () => {
    const found = lint([{ docId: 'd1', title: 't', path: 'p'.repeat(1100) }]);
    expect(found.map((d) => d.subject?.index)).toEqual(['table']);
    expect(found[0]?.message).toMatch(/sort key value is 1,1\d\d bytes \(at most 1,024\)/);
  });

  it('stays quiet for ordinary sample values', () => {
    expect(keySizeRule(lintContext(design))).toEqual([]);
  });
});
