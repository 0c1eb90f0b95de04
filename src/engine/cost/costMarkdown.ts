// A cost report as a Markdown section, for the design document (designMarkdown): the totals of
// both capacity modes with the cheaper one, the break-even, then per pattern, per write operation
// and per index what the CLI's `cost` prints, and every assumption. Figures read as everywhere
// else (costText); every name and sentence goes through mdText.
import { mdText } from '../design/markdownText.ts';
import type { CostReport } from './costReport.ts';
import { dollars, percent, perSecond, times, units } from './costText.ts';

/** The section's lines, from its `## Cost a month` heading on. */
export function costMarkdown(report: CostReport): string[] {
  const { prices, totals } = report;
  const out: string[] = ['## Cost a month', ''];
  out.push(
    `At ${mdText(prices.region)} prices of ${mdText(prices.date)} (${mdText(prices.source)}), at the declared rates (defaults where none are declared).`,
    '',
  );
  const cheaper = (mode: 'on-demand' | 'provisioned') => (report.cheaper === mode ? ` — **cheaper**, by ${dollars(report.savings)} a month` : '');
  out.push(
    `- **On-demand**: ${dollars(totals.onDemand.capacity)} request units + ${dollars(totals.onDemand.storage)} storage = ${dollars(totals.onDemand.total)}${cheaper('on-demand')}`,
  );
  out.push(
    `- **Provisioned**: ${dollars(totals.provisioned.capacity)} capacity + ${dollars(totals.provisioned.storage)} storage = ${dollars(totals.provisioned.total)}${cheaper('provisioned')}`,
  );
  out.push(
    report.breakEven
      ? `- Break-even: on-demand costs what provisioned capacity set for the peaks costs at ${units(report.breakEven.callsPerSecond)} calls/s on average (${units(report.breakEven.fraction)} × the declared ${units(report.callsPerSecond)} calls/s).`
      : '- Break-even: none (nothing is called).',
  );
  out.push(
    `- Naive design (every pattern a Scan of the whole table): ${dollars(report.naive.monthly)} a month on-demand, ${times(report.naive.ratio)} this design's pattern reads.`,
  );

  out.push(
    '',
    '### Patterns',
    '',
    '| Pattern | Requests | RRU per call (avg / worst) | Calls/s (avg/peak) | On-demand | Provisioned | Scan ÷ this |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const p of report.patterns) {
    out.push(
      `| ${mdText(p.pattern)}${p.served ? '' : ' (not served)'} | ${p.requestsPerCall} | ${units(p.unitsPerCall.average)} / ${units(p.unitsPerCall.worst)} | ${perSecond(p.rate)} | ${dollars(p.monthly.onDemand)} | ${dollars(p.monthly.provisioned)} | ${times(p.naive.ratio)} |`,
    );
  }
  out.push(
    '',
    '### Writes',
    '',
    '| Entity | Operation | Share | Writes/s (avg/peak) | WRU | RRU | On-demand | Provisioned |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const e of report.entities) {
    for (const o of e.operations) {
      out.push(
        `| ${mdText(e.entity)} | ${mdText(o.label)}${o.ok ? '' : ` (failed: ${mdText(o.error ?? 'error')})`} | ${percent(o.share)} | ${perSecond({ ...o.rate, isDefault: e.writes.isDefault })} | ${units(o.writeUnits)} | ${units(o.readUnits)} | ${dollars(o.monthly.onDemand)} | ${dollars(o.monthly.provisioned)} |`,
      );
    }
  }
  out.push('', `### Indexes`, '', `Provisioned for the peaks at ${percent(report.targetUtilization)} target utilisation; storage with 100 bytes per item.`, '');
  out.push('| Index | RCU | WCU | Provisioned | Items | GB | Storage |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const i of report.indexes) {
    out.push(
      `| ${mdText(i.index)} | ${units(i.rcu)} | ${units(i.wcu)} | ${dollars(i.dollars)} | ${units(i.storage.items)} | ${i.storage.gb.toPrecision(3)} | ${dollars(i.storage.dollars)} |`,
    );
  }
  out.push('', '### Assumptions', '', ...report.assumptions.map((a) => `- ${mdText(a)}`));
  return out;
}
