// The design document: designMarkdown with its writes and a cost section whose figures are the
// cost report's (the caller's when given, else computed), and hostile text in the report (an
// edited price table's region and source) renders as text: no HTML, link or extra block.
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../testing/exampleModels.ts';
import { HOSTILE_TEXTS } from '../../testing/hostileInputs.ts';
import { markdownShape as shape } from '../../testing/markdownShape.ts';
import { costReport } from '../cost/costReport.ts';
import { dollars } from '../cost/costText.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { designMarkdown } from '../design/designMarkdown.ts';
import { describeWrites } from '../writes/describeWrites.ts';
import { designDocument } from './designDocument.ts';

const design = deriveDesign(exampleModel('ecommerce'));
const report = await costReport(design);

describe('designDocument', () => {
  it("is designMarkdown with the writes and the cost report's section", async () => {
    const md = await designDocument(design, report);
    expect(md).toBe(designMarkdown(design, describeWrites(design), report));
    expect(
      md.startsWith(
        designMarkdown(design, describeWrites(design))
          .replace(/\n## Warnings and errors[\s\S]*$/, '')
          .trimEnd(),
      ),
    ).toBe(true);
    const headings = marked
      .lexer(md)
      .filter((t): t is Tokens.Heading => t.type === 'heading')
      .map((t) => t.text);
    expect(headings).toEqual(expect.arrayContaining(['Entity chart', 'Access patterns', 'Writes', 'Cost a month', 'Patterns', 'Indexes', 'Assumptions']));
    expect(md).toContain(`${dollars(report.totals.onDemand.total)}`);
    expect(md).toContain(`${dollars(report.totals.provisioned.total)}${report.cheaper === 'provisioned' ? ' — **cheaper**' : ''}`);
    // One row per pattern and per index.
    const tables = marked.lexer(md).filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables.map((t) => t.rows.length)).toEqual(expect.arrayContaining([report.patterns.length, report.indexes.length]));
  });

  it('computes the cost report itself when the caller has none', async () => {
    expect(await designDocument(design)).toBe(await designDocument(design, report));
  });

  it('renders hostile text in the report as text', async () => {
    const plainMd = await designDocument(design, report);
    const plain = shape(marked.lexer(plainMd));
    // The report's own sentences name the price table's source, a URL that renders as a link; hostile text adds none.
    const links = (md: string) => [...marked.parse(md, { async: false }).matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) => m[1]);
    const plainLinks = new Set(links(plainMd));
    for (const [i, text] of HOSTILE_TEXTS.entries()) {
      const hostile = {
        ...report,
        prices: { ...report.prices, region: text, source: text, date: text },
        assumptions: [...report.assumptions.slice(0, -1), text],
      };
      const md = await designDocument(design, hostile);
      const html = marked.parse(md, { async: false });
      const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]?.toLowerCase()));
      expect(
        [...tags].filter((t) => !['h1', 'h2', 'h3', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'strong', 'code', 'a'].includes(t ?? '')),
        `payload ${i}`,
      ).toEqual([]);
      expect(
        links(md).filter((href) => !plainLinks.has(href)),
        `payload ${i}: links`,
      ).toEqual([]);
      expect(shape(marked.lexer(md)), `payload ${i}`).toEqual(plain);
    }
  });
});
