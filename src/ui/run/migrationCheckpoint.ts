// Where the Run panel keeps a migration's checkpoint between a cancel (or a failure, or a reload)
// and its resume: this tab's sessionStorage, one per endpoint and table, read back through the
// runner's parseCheckpoint (a damaged one is said, never half-used); in memory where the browser
// keeps no storage. A checkpoint holds the table's name and creation time, the two designs'
// identities, the steps' states and the backfill's Scan positions (key values): never an
// endpoint's credentials, which stay in the run session.
import { parseCheckpoint, type CheckpointStore, type MigrationCheckpoint } from '../../runner/index.ts';
import { tabStorage } from './rememberedSession.ts';

const PREFIX = 'tablewright.migration.';

/** The storage key of a table's migration at an endpoint (its URL, or `aws:<region>` for AWS's own). */
export function checkpointKey(where: string, tableName: string): string {
  return `${PREFIX}${JSON.stringify([where, tableName])}`;
}

const memory = new Map<string, string>();

function read(key: string): string | undefined {
  const storage = tabStorage();
  try {
    return storage?.getItem(key) ?? memory.get(key);
  } catch {
    return memory.get(key);
  }
}

/** The checkpoint kept for this table, undefined when none, or the reason one kept cannot be read. */
export function keptCheckpoint(key: string): { checkpoint?: MigrationCheckpoint; damaged?: string } {
  const text = read(key);
  if (text === undefined) return {};
  try {
    return { checkpoint: parseCheckpoint(text) };
  } catch (e) {
    return { damaged: (e as Error).message };
  }
}

export function forgetCheckpoint(key: string): void {
  memory.delete(key);
  try {
    tabStorage()?.removeItem(key);
  } catch {
    // nothing kept there
  }
}

/** The store runMigration saves into: this tab's sessionStorage (memory when the browser refuses it). */
export function tabCheckpointStore(key: string): CheckpointStore {
  return {
    where: 'kept in this tab',
    load: async () => {
      const text = read(key);
      return text === undefined ? undefined : parseCheckpoint(text);
    },
    save: async (checkpoint) => {
      const text = JSON.stringify(checkpoint);
      const storage = tabStorage();
      try {
        if (!storage) throw new Error('no storage');
        storage.setItem(key, text);
        memory.delete(key);
      } catch {
        // Storage full or blocked: kept in memory, for a resume in this page.
        memory.set(key, text);
      }
    },
  };
}
