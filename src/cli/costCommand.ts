// `cost PROBLEM [--json]`: the design's monthly cost (engine costReport) as tables for people,
// or the report itself as JSON for machines.
import { costReport, dollars, percent, perSecond, times, units, type CostReport, type Design } from '../engine/index.ts';
import type { CliIo } from './runCli.ts';
import { textTable } from './textTable.ts';

/** Prints the cost report of the design: tables, or JSON with `json`. */
export async function costCommand({ design, json, io }: { design: Design; json: boolean; io: CliIo }): Promise<void> {
  const report = await costReport(design);
  io.out(json ? `${JSON.stringify(report, null, 2)}\n` : formatCostReport(design, report));
}

/** The report as text: patterns, write operations, indexes, totals, the cheaper mode, the break-even, the naive design, the assumptions. */
export function formatCostReport(design: Design, report: CostReport): string {
  const { prices } = report;
  const out: string[] = [`${design.model.name}: table ${design.tableName}, monthly cost at ${prices.region} prices of ${prices.date} (${prices.source})`, ''];

  out.push('Patterns (RRU: read request units per call; calls/s average/peak; a month in each mode; the naive Scan for the same answer)');
  out.push(
    textTable(
      ['pattern', 'requests', 'RRU avg', 'RRU worst', 'calls/s', 'on-demand', 'provisioned', 'Scan RRU', 'Scan a month', 'Scan ÷ this'],
      report.patterns.map((p) => [
        p.served ? p.pattern : `${p.pattern} (not served)`,
        String(p.requestsPerCall),
        units(p.unitsPerCall.average),
        units(p.unitsPerCall.worst),
        perSecond(p.rate),
        dollars(p.monthly.onDemand),
        dollars(p.monthly.provisioned),
        units(p.naive.units),
        dollars(p.naive.monthly),
        times(p.naive.ratio),
      ]),
      new Set([1, 2, 3, 5, 6, 7, 8, 9]),
    ),
    '',
  );

  out.push('Writes (each entity’s writes/s spread over its operations; WRU and RRU per write; a month in each mode)');
  out.push(
    textTable(
      ['entity', 'operation', 'share', 'writes/s', 'WRU', 'RRU', 'on-demand', 'provisioned'],
      report.entities.flatMap((e) =>
        e.operations.map((o) => [
          e.entity,
          `${o.label}${o.ok ? '' : ` (failed: ${o.error ?? 'error'})`}`,
          percent(o.share),
          perSecond({ ...o.rate, isDefault: e.writes.isDefault }),
          units(o.writeUnits),
          units(o.readUnits),
          dollars(o.monthly.onDemand),
          dollars(o.monthly.provisioned),
        ]),
      ),
      new Set([2, 4, 5, 6, 7]),
    ),
    '',
  );

  out.push(`Indexes (provisioned for the peaks at ${percent(report.targetUtilization)} target utilisation; storage with 100 bytes per item)`);
  out.push(
    textTable(
      ['index', 'RCU', 'WCU', 'provisioned', 'items', 'GB', 'storage'],
      report.indexes.map((i) => [
        i.index,
        units(i.rcu),
        units(i.wcu),
        dollars(i.dollars),
        units(i.storage.items),
        i.storage.gb.toPrecision(3),
        dollars(i.storage.dollars),
      ]),
      new Set([1, 2, 3, 4, 5, 6]),
    ),
    '',
  );

  const { onDemand, provisioned } = report.totals;
  const mark = (mode: 'on-demand' | 'provisioned') => (report.cheaper === mode ? `  * cheaper, by ${dollars(report.savings)} a month` : '');
  out.push('Totals a month');
  out.push(
    `  on-demand     ${dollars(onDemand.capacity)} request units + ${dollars(onDemand.storage)} storage = ${dollars(onDemand.total)}${mark('on-demand')}`,
  );
  out.push(
    `  provisioned   ${dollars(provisioned.capacity)} capacity + ${dollars(provisioned.storage)} storage = ${dollars(provisioned.total)}${mark('provisioned')}`,
  );
  out.push('');
  if (report.breakEven) {
    const { breakEven } = report;
    out.push(
      `Break-even: with provisioned capacity set for the peaks, on-demand costs the same at ${units(breakEven.callsPerSecond)} calls/s on average, ${units(breakEven.fraction)} × the declared ${units(report.callsPerSecond)} calls/s; below it on-demand is cheaper, above it provisioned.`,
    );
  } else out.push('Break-even: none (nothing is called).');
  out.push(
    `Naive design (every pattern a Scan of the whole table): ${dollars(report.naive.monthly)} a month on-demand, ${times(report.naive.ratio)} this design’s pattern reads.`,
  );
  out.push('', 'Assumptions', ...report.assumptions.map((a) => `  - ${a}`));
  return `${out.join('\n')}\n`;
}
