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
    rolldownOptions: { treeshake: { moduleSideEffects: [{ test: /\/src\/engine\//, sideEffects: false }] } },
  },
});
