import { describe, expect, it } from 'vitest';
import { parseModelText } from '../../engine/index.ts';
import { EXAMPLES, exampleForms, exampleText } from '../../examples/examples.ts';
import { convertSource } from '../../store/convertSource.ts';
import { NEW_MODEL_TEXT, workChanged } from './newModel.ts';

describe('New model', () => {
  it('starts from a short commented skeleton without errors or warnings: one entity, two attributes, one pattern', () => {
    const parsed = parseModelText(NEW_MODEL_TEXT);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.model?.entities.map((e) => e.attributes.length)).toEqual([2]);
    expect(parsed.model?.patterns).toHaveLength(1);
    expect(NEW_MODEL_TEXT.split('\n').filter((l) => l.trimStart().startsWith('#')).length).toBeGreaterThanOrEqual(4);
  });

  it("asks before replacing work only when the text is the user's own", () => {
    const examples = EXAMPLES.map(exampleText);
    expect(workChanged(NEW_MODEL_TEXT, examples)).toBe(false);
    expect(workChanged(examples[0] ?? '', examples)).toBe(false);
    expect(workChanged('', examples)).toBe(false);
    expect(workChanged(`${examples[0] ?? ''}\nx: Order by id`, examples)).toBe(true);
    expect(workChanged(NEW_MODEL_TEXT.replace('My app', 'Shop'), examples)).toBe(true);
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))("counts %s as no work of the user's in either form (the Examples menu asks nothing)", (_id, example) => {
    const forms = EXAMPLES.flatMap(exampleForms);
    const text = exampleText(example);
    const json = convertSource({ text, format: 'text' }, 'json');
    expect(json.ok && workChanged(json.source.text, forms)).toBe(false);
    expect(workChanged(text, forms)).toBe(false);
    expect(workChanged(example.json, forms)).toBe(false);
    expect(workChanged(`${text}# mine\n`, forms)).toBe(true);
  });
});
