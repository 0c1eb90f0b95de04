// A NoSQL Workbench model brought into the app: opened over work of the user's own, it asks
// first (Cancel keeps the work); imported, the editor holds its model with proposed patterns, the
// design keeps the file's table and GSI, the notice reports what could not be mapped with its line
// and column, and Undo brings the work back. A pasted file it refuses shows the reason at its place.
// A big file is read in a worker of its own (offThread.ts).
import { readFile } from 'node:fs/promises';
import { OFF_THREAD_CHARS } from '../src/ui/app/offThread.ts';
import { readWorkbenchNow } from '../src/ui/app/workbenchOpening.ts';
import { appendToModel, editorLines } from './appHelpers.ts';
import { expect, test } from './fixtures.ts';

const chatSystem = () => readFile(new URL('../../shared/workbench-models/aws-dynamodb-examples--ChatSystem.json', import.meta.url));
const FILE = 'aws-dynamodb-examples--ChatSystem.json';

test('imports a Workbench model over changed work after asking, with its report, and Undo brings the work back', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await appendToModel(page, '\nordersByStatus: Order by status\n');
  const design = page.getByRole('region', { name: 'Design' });
  await expect(design).toContainText('12 access patterns');

  const open = async () => page.getByLabel('Open problem file').setInputFiles({ name: FILE, mimeType: 'application/json', buffer: await chatSystem() });
  await open();
  const confirm = page.getByRole('dialog', { name: 'Replace your model?' });
  await expect(confirm).toContainText('Undo');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${FILE} was not opened: you kept your model.` })).toBeVisible();
  await expect(design).toContainText('12 access patterns');

  await open();
  await confirm.getByRole('button', { name: 'Open the NoSQL Workbench model "Chat"' }).click();
  await expect(page.getByRole('banner')).toContainText('Chat');
  const report = page.getByRole('status').filter({ hasText: `Imported ${FILE} from NoSQL Workbench (format 3.0)` });
  await expect(report).toContainText('table Chat, 2 entities, 1 GSIs, 8 sample items read');
  await expect(report).toContainText('the 4 in the editor are proposals to accept or edit');
  await expect(report).toContainText("line 19, col 20: Chat's sort key {sk} starts with a value");
  await expect(report).toContainText('(DataModel[0].KeyAttributes.SortKey)');
  await expect(editorLines(page)).toContainText('listChatByRoomId: Chat by roomId');
  // The design keeps the file's GSI by its name.
  await expect(design).toContainText('RoomID_Comment_IDX');
  await expect(design).toContainText('4 access patterns');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await expect(design).toContainText('12 access patterns');
});

test('a pasted Workbench model it refuses shows the reason at its line and column, and the work stays', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await page.getByRole('button', { name: 'Paste…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste a problem' });
  await dialog
    .getByRole('textbox', { name: 'Problem JSON or model text' })
    .fill('{\n  "ModelName": "x",\n  "ModelMetadata": { "Version": "9.0" },\n  "DataModel": []\n}\n');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Your current work was kept');
  await expect(dialog.getByRole('alert')).toContainText('line 3, col 33: Version "9.0" is not a NoSQL Workbench format this reader knows');
  await expect(page.getByRole('banner')).toContainText('E-commerce');
});

test('a big Workbench file is read in a worker of its own, and imports as a small one does', async ({ page }) => {
  // The same chats for many more users: past the size the page reads on its own thread.
  const file = JSON.parse((await chatSystem()).toString('utf8')) as { DataModel: { TableData: { PK: { S: string } }[] }[] };
  const table = file.DataModel[0];
  if (table === undefined) throw new Error('no table');
  const chats = table.TableData;
  table.TableData = Array.from({ length: 400 }, (_, n) => chats.map((item) => ({ ...item, PK: { S: `${item.PK.S}-${String(n)}` } }))).flat();
  const text = JSON.stringify(file, null, 2);
  expect(text.length).toBeGreaterThan(OFF_THREAD_CHARS);
  const expected = readWorkbenchNow(text);
  if (!expected.ok) throw new Error(expected.errors.join('\n'));
  expect(expected.records).toBe(chats.length * 400);

  // Every worker the page starts, by its script.
  await page.addInitScript(() => {
    const Base = window.Worker;
    const started: string[] = [];
    Object.assign(window, { startedWorkers: started });
    window.Worker = class extends Base {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started.push(String(url));
      }
    };
  });
  await page.goto('./');
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await page.getByLabel('Open problem file').setInputFiles({ name: 'chats.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const report = page.getByRole('status').filter({ hasText: 'Imported chats.json from NoSQL Workbench (format 3.0)' });
  await expect(report).toContainText(`table Chat, 2 entities, 1 GSIs, ${String(expected.records)} sample items read`);
  await expect(page.getByRole('banner')).toContainText('Chat');
  await expect(editorLines(page)).toContainText('listChatByRoomId: Chat by roomId');
  const started = await page.evaluate(() => (window as unknown as { startedWorkers: string[] }).startedWorkers);
  expect(started.some((url) => /workbenchOpening\.worker/.test(url))).toBe(true);
});
