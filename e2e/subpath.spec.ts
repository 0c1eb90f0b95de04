// The built site works from any subpath, offline: dist/ served under
// /some/sub/path/ by a plain static server (no rewrites), with the editor, its
// workers, the analysis worker and the lazy panels all loading from there.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';
import { appendToModel, editorLines, monacoEditor, panelTab } from './appHelpers.ts';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const PREFIX = '/some/sub/path/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

let server: Server;
let origin = '';

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(PREFIX)) {
      response.writeHead(404).end();
      return;
    }
    const relative = normalize(path.slice(PREFIX.length) || 'index.html');
    if (relative.startsWith('..') || relative.includes(`${sep}..`)) {
      response.writeHead(400).end();
      return;
    }
    readFile(DIST + relative).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test('the built app runs from a subpath: editor, analysis, items and code', async ({ page }) => {
  await page.goto(`${origin}${PREFIX}`);
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('4 entities, 2 GSIs, 11 access patterns');
  await appendToModel(page, 'getOrdersByTotal: Order by status where total > ?\n');
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('3 GSIs');
  await panelTab(page, 'Items').click();
  await expect(
    page
      .getByRole('region', { name: 'Items' })
      .getByRole('cell', { name: /^USER#/ })
      .first(),
  ).toBeVisible();
  await panelTab(page, 'Code').click();
  await expect(page.getByRole('region', { name: 'Code' }).locator('.view-lines')).toContainText('DynamoDB single-table access patterns');
  await page.getByRole('group', { name: 'Model form' }).getByRole('button', { name: 'Problem JSON' }).click();
  await monacoEditor(page);
  await expect(editorLines(page)).toContainText('"format"');
});
