// Writes README.md's "Language reference" section from src/ui/editor/languageReference.ts
// (`npm run gen:reference`); languageReference.test.ts fails while it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withReferenceSection } from '../ui/editor/languageReference.ts';

const readme = fileURLToPath(new URL('../../README.md', import.meta.url));
writeFileSync(readme, withReferenceSection(readFileSync(readme, 'utf8')));
console.log('wrote the language reference in README.md');
