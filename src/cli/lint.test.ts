// The lint's findings are among the design's warnings wherever the CLI prints them: check, explain, generate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_LOBBY_TEXT } from '../testing/lintModels.ts';
import { runCli } from './runCli.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

function problemFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-lint-'));
  const file = path.join(dir, 'lobby.model');
  fs.writeFileSync(file, LINT_LOBBY_TEXT);
  return file;
}

describe('cli: lint findings', () => {
  it('check prints them as warnings, at their model path, and counts them; a warning does not fail the check', async () => {
    const c = capture();
    expect(await runCli(['check', problemFile()], c.io)).toBe(0);
    const text = c.out.join('');
    // The design's diagnostics are placed by their JSON path into the model.
    expect(text).toMatch(
      /^warning: patterns\[2\]\.rate: Hot partition: Player in GSI1 \(a constant partition key\) takes 6,000 read units\/s \(newest 4,000 calls\/s × 1\.5 RCU\)/m,
    );
    expect(text).toContain('spread it over 2 shards (`shards 2` on newest;');
    expect(text).toMatch(/^warning: patterns\[1\]\.consistent: byHandle asks for a strongly consistent read, but GSI2 serves it/m);
    expect(text).toMatch(/^ok: 1 entities, 3 patterns, 2 GSIs, 3 warning\(s\)$/m);
  });

  it('explain lists them under "Warnings and errors"', async () => {
    const c = capture();
    expect(await runCli(['explain', problemFile()], c.io)).toBe(0);
    const text = c.out.join('');
    const warnings = text.slice(text.indexOf('Warnings and errors'));
    expect(warnings).toContain('warning: patterns[2].rate: Hot partition: Player in GSI1');
    expect(warnings).toContain('byHandle asks for a strongly consistent read');
  });
});
