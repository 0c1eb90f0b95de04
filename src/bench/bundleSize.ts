// Initial JavaScript of the built site (what index.html loads before anything
// lazy), gzip, beside a bare Vite + React page built the same way.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface BundleFigures {
  initialGzip: number;
  initialFiles: string[];
  bareGzip: number;
  lazyChunks: { file: string; gzip: number }[];
}

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file)).length;
}

/** Scripts and module preloads that index.html asks for up front. */
function initialScripts(distDir: string): string[] {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  // Each tag once, then its attributes: linear however the page is written.
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const attributes = new Map([...tag[0].matchAll(/\b([a-z]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    const ref =
      tag[1] === 'script' && attributes.get('type') === 'module'
        ? attributes.get('src')
        : attributes.get('rel') === 'modulepreload'
          ? attributes.get('href')
          : undefined;
    if (ref) refs.add(ref);
  }
  return [...refs].map((r) => path.join(distDir, r.replace(/^\.\//, '')));
}

async function buildBare(): Promise<string> {
  const dir = path.join(root, 'node_modules', '.tw-bench-bare');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="./src/main.tsx"></script></body></html>',
  );
  fs.writeFileSync(
    path.join(dir, 'src', 'main.tsx'),
    "import { StrictMode } from 'react';\nimport { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')!).render(<StrictMode><h1>Hello</h1></StrictMode>);\n",
  );
  await build({ root: dir, base: './', plugins: [react()], logLevel: 'silent', configFile: false, build: { outDir: path.join(dir, 'dist') } });
  return path.join(dir, 'dist');
}

export async function bundleFigures(): Promise<BundleFigures> {
  const dist = path.join(root, 'dist');
  await build({ root, logLevel: 'silent' });
  const initialFiles = initialScripts(dist);
  const initialGzip = initialFiles.reduce((n, f) => n + gzipSize(f), 0);
  const bareDist = await buildBare();
  const bareGzip = initialScripts(bareDist).reduce((n, f) => n + gzipSize(f), 0);
  const assets = path.join(dist, 'assets');
  const initial = new Set(initialFiles.map((f) => path.resolve(f)));
  const lazyChunks = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js') && !initial.has(path.resolve(assets, f)))
    .map((f) => ({ file: f, gzip: gzipSize(path.join(assets, f)) }))
    .sort((a, b) => b.gzip - a.gzip);
  return { initialGzip, initialFiles: initialFiles.map((f) => path.relative(dist, f)), bareGzip, lazyChunks };
}
