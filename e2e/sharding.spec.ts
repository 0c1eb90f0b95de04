// Write sharding, turned on in the editor: a pattern line with `shards 4` gets a
// sharded GSI of its own, one Query per shard in the Design panel, and its
// requests in the Patterns view; the unsharded pattern beside it keeps one.
import { shareHash } from '../src/store/shareLink.ts';
import { appendToModel, panelTab } from './appHelpers.ts';
import { expect, test } from './fixtures.ts';

const MODEL = `model "Lobby"
entity Game key gameId
  gameId: string
  status: string
  createdAt: datetime
gamesByStatus: Game by status order by createdAt desc
`;

test('a pattern with shards 4 is served by one Query per shard, merged in its order', async ({ page }) => {
  await page.goto(`./${shareHash({ text: MODEL, format: 'text' })}`);
  await panelTab(page, 'Design').click();
  const requests = page.getByRole('table', { name: 'Requests per access pattern' });
  const row = (name: string) => requests.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row('gamesByStatus')).toContainText('PK = GAME#{status} AND begins_with(SK, GAME#)');
  await expect(row('gamesByStatus')).not.toContainText('shards');

  await appendToModel(page, 'openGames: Game where status = "open" order by createdAt desc limit 10 shards 4\n');

  await expect(row('openGames')).toContainText('GSI1PK = GAME#{status="open"}#{shard 0..3} AND begins_with(GSI1SK, GAME#) LIMIT 10');
  await expect(row('openGames')).toContainText('× 4 shards, merged');
  await expect(row('openGames')).toContainText('one Query per shard, sent in parallel');
  // The unsharded pattern keeps its one request.
  await expect(row('gamesByStatus')).not.toContainText('shards');
  const chart = page.getByRole('table', { name: 'Entity chart' });
  await expect(chart.getByRole('cell', { name: 'GAME#{status}#{shard of gameId, 4}' })).toBeVisible();

  // The Patterns view shows the four requests, one per shard's partition.
  await panelTab(page, 'Patterns').click();
  const card = page.getByRole('article', { name: 'openGames', exact: true });
  for (const shard of ['0', '1', '2', '3']) await expect(card).toContainText(`GAME#open#${shard}`);
});
