// `npm run bench`: every speed figure of the project, printed as tables.
// Timings live here, never in tests.
import { engineBench } from './engineBench.ts';

const sections: [string, () => Promise<void>][] = [['engine', engineBench]];
for (const extra of ['./loadItems.bench.ts', './runPatterns.bench.ts', './ui.bench.ts']) {
  sections.push([
    extra,
    async () => {
      const fs = await import('node:fs');
      const file = new URL(extra, import.meta.url);
      if (!fs.existsSync(file)) return;
      const mod = (await import(file.href)) as { default?: () => Promise<void> };
      if (typeof mod.default === 'function') await mod.default();
    },
  ]);
}
const only = process.argv.slice(2);
for (const [name, run] of sections) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  await run();
}
