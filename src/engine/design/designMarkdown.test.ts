import { describe, expect, it } from 'vitest';
import { LOBBY_TEXT, exampleModel, modelFromText } from '../../testing/exampleModels.ts';
import { deriveDesign } from './deriveDesign.ts';
import { designMarkdown } from './designMarkdown.ts';

describe('designMarkdown', () => {
  it('lists the sparse indexes: which entity is in which index only when its record has which attributes', () => {
    const md = designMarkdown(deriveDesign(modelFromText(LOBBY_TEXT)));
    expect(md).toContain(
      '\n## Sparse indexes\n\nRecords may lack an optional attribute; an index keyed on one holds only the items whose record has it.\n\n- **GSI1**: Game items only when they have `mode` and `score`\n\n## Access patterns\n',
    );
  });

  it('has no sparse index section without optional attributes', () => {
    expect(designMarkdown(deriveDesign(exampleModel('ecommerce')))).not.toContain('Sparse');
  });
});
