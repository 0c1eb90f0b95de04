import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../testing/exampleModels.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { designJson, designLayout } from '../design/designJson.ts';
import { parseDesignJson } from '../design/parseDesignJson.ts';
import { designIdentity } from './designIdentity.ts';

describe('designIdentity', () => {
  const design = deriveDesign(exampleModel('ecommerce'));
  const layout = designLayout(design);

  it('is 16 hex digits, the same for the layout read back from design.json', () => {
    const back = parseDesignJson(designJson(design)).design;
    expect(back).toBeDefined();
    expect(designIdentity(layout)).toMatch(/^[0-9a-f]{16}$/);
    expect(designIdentity(back ?? layout)).toBe(designIdentity(layout));
  });

  it('does not depend on the table name, and changes with a template, a label or an index', () => {
    const id = designIdentity(layout);
    expect(designIdentity({ ...layout, tableName: 'Other' })).toBe(id);
    const [first, ...rest] = layout.entities;
    if (!first) throw new Error('no entity');
    expect(designIdentity({ ...layout, entities: [{ ...first, label: `${first.label}X` }, ...rest] })).not.toBe(id);
    expect(designIdentity({ ...layout, indexes: layout.indexes.slice(0, -1) })).not.toBe(id);
    expect(designIdentity({ ...layout, entityAttribute: '_kind' })).not.toBe(id);
  });

  it('differs between the composite and the native design of one model', () => {
    expect(designIdentity(designLayout(deriveDesign(exampleModel('ecommerce'), { keys: 'native' })))).not.toBe(designIdentity(layout));
  });
});
