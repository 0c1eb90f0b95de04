// A key template as people read it: literal segments as they are, attribute
// segments in braces, joined by `#` as the keys are (`USER#{email}`).
import type { Segment } from '../../engine/index.ts';

export function keyTemplateText(segments: readonly Segment[]): string {
  return segments.map((s) => (s.kind === 'literal' ? s.text : `{${s.name}}`)).join('#');
}
