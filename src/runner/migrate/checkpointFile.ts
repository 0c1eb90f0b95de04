// A migration's checkpoint kept in a file (Node only: the CLI; not exported by the
// runner's index, which the browser loads). Written atomically: the new text goes
// to a temporary file beside it, is flushed to disk, then renamed over the old one
// (rename(2) replaces a file in one step), so a crash leaves the old checkpoint or
// the new one, never half of one.
import fs from 'node:fs';
import path from 'node:path';
import { parseCheckpoint, type CheckpointStore, type MigrationCheckpoint } from './checkpoint.ts';

export function fileCheckpointStore(file: string): CheckpointStore {
  let serial = 0;
  return {
    where: file,
    async load() {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
      try {
        return parseCheckpoint(text);
      } catch (e) {
        throw new TypeError(`${file}: ${(e as Error).message}`, { cause: e });
      }
    },
    async save(checkpoint: MigrationCheckpoint) {
      const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${serial++}.tmp`);
      const fd = fs.openSync(temporary, 'w', 0o600);
      try {
        fs.writeFileSync(fd, `${JSON.stringify(checkpoint, null, 2)}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temporary, file);
    },
  };
}
