// Time to run every access pattern of each example problem against DynamoDB
// Local (default parameters plus three more sets per pattern, as `cli run`
// does), with the comparison against the engine. No assertions.
//   npx tsx src/bench/runPatterns.bench.ts
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDynamoDBLocal } from '../devtools/dynamodbLocal.mjs';
import { deriveDesign, loadProblem } from '../engine/index.ts';
import { paramSets, sampleData } from '../cli/runCommand.ts';
import { createClients, createDesignTable, loadItems, LOCAL_CREDENTIALS, runPattern } from '../runner/index.ts';

const EXAMPLES = new URL('../examples/', import.meta.url);

export default async function runPatternsBench(): Promise<void> {
  const ddb = await startDynamoDBLocal({ port: 0, inMemory: true });
  const clients = createClients({ endpoint: ddb.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  const rows: string[][] = [];
  try {
    const files = readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.problem.json'))
      .sort();
    // Warm DynamoDB Local's JIT on one pass of the first problem before measuring.
    for (const pass of ['warm-up', 'measure'] as const) {
      for (const file of pass === 'warm-up' ? files.slice(0, 1) : files) {
        const model = loadProblem(readFileSync(new URL(file, EXAMPLES), 'utf8')).model;
        if (!model) continue;
        const design = deriveDesign(model);
        const tableName = `${design.tableName}-${pass}`;
        await createDesignTable({ client: clients.client, design, tableName, pollMs: 50 });
        const sample = sampleData(design, undefined);
        await loadItems({ client: clients.doc, tableName, items: sample.items });
        const started = performance.now();
        let runs = 0;
        let mismatches = 0;
        let requestMs = 0;
        for (const plan of design.patterns) {
          if (plan.steps.length === 0) continue;
          for (const params of paramSets(design, sample.records, plan.pattern)) {
            const run = await runPattern({ client: clients.doc, design, tableName, patternName: plan.pattern, params, sampleItems: sample.items });
            runs++;
            if (!run.ok) mismatches++;
            requestMs += run.requests.reduce((s, r) => s + r.latencyMs, 0);
          }
        }
        const ms = performance.now() - started;
        if (pass === 'measure') {
          rows.push([
            file.replace('.problem.json', ''),
            String(sample.items.length),
            String(design.patterns.length),
            String(runs),
            ms.toFixed(0),
            requestMs.toFixed(0),
            (ms / runs).toFixed(1),
            String(mismatches),
          ]);
        }
      }
    }
  } finally {
    clients.destroy();
    await ddb.stop();
  }
  const header = ['problem', 'items', 'patterns', 'runs', 'total ms', 'in DynamoDB ms', 'ms/run', 'mismatches'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')}`;
  console.log('\nrunPattern: every pattern of each example (4 parameter sets each), DynamoDB Local warmed up\n');
  console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runPatternsBench();
