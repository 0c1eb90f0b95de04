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
  },
});
