// Static build that works from any subpath (base './'), offline, with no CDN:
// Monaco, its workers and the analysis worker are bundled; Monaco and the Run
// panel (AWS SDK) are lazy chunks, apart from the initial JS.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    target: 'es2022',
    // Monaco is one big lazy chunk by design (about 1 MB gzip); do not warn about it.
    chunkSizeWarningLimit: 4500,
    // The engine is pure (no module runs anything when imported: src/engine/README.md), so a module
    // of it whose exports the page does not use is left out. Without this the page reached every
    // engine module through src/engine/index.ts, and the bundler placed those the lazy chunks share
    // (the derivation, the lint, the code generator, the cost report) in chunks the first load
    // imports: 253.5 kB of initial JavaScript (gzip) instead of about 184.
    rolldownOptions: {
      treeshake: { moduleSideEffects: [{ test: /\/src\/engine\//, sideEffects: false }] },
      // Every module the first load runs in one chunk. Left to itself the bundler put each module the page shares
      // with a lazy chunk (the Items view, the Run panel, the workers' hosts) in a chunk of its own: the page loaded
      // 23 small chunks before it ran, and on a 2-CPU machine asked the analysis worker for the first design about
      // 0.12 s later (post 394-504 against 247-330 ms from navigation over ten alternating loads; 100,000-item
      // first rows 1,747-2,049 against 1,557-1,821 ms, one outlier of 2,387). The initial JavaScript is also
      // smaller: 184.7 against 193.5 kB gzip.
      output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } },
    },
  },
});
