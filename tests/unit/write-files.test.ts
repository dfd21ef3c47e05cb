import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFiles } from '../../src/lib/files.ts';

describe('writing many files at once', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-write-files-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes every file, in folders it makes, with more files than it writes at once', async () => {
    const dir = tempDir();
    const files = Array.from({ length: 100 }, (_, i) => ({
      path: path.join(dir, `f${i % 7}`, `deep/${i}.bin`),
      content: i % 2 ? `text ${i}` : new Uint8Array([i, 255 - i]),
    }));
    await writeFiles(files, 4);
    for (const file of files) expect(readFileSync(file.path)).toEqual(Buffer.from(file.content));
    expect(readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.bin'))).toHaveLength(100);
  });

  it('fails with the error of a file it could not write, after the others are written', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'taken'), '');
    const files = [
      { path: path.join(dir, 'a.txt'), content: 'a' },
      // A folder where a file is: the folder cannot be made.
      { path: path.join(dir, 'taken', 'b.txt'), content: 'b' },
    ];
    await expect(writeFiles(files)).rejects.toThrow(/taken/);
    const second = [
      { path: path.join(dir, 'c.txt'), content: 'c' },
      { path: path.join(dir, 'd'), content: 'd' },
    ];
    // A folder in the place of a file: writing it fails, the other file is still written.
    mkdirSync(path.join(dir, 'd'));
    await expect(writeFiles(second)).rejects.toThrow(/EISDIR/);
    expect(readFileSync(path.join(dir, 'c.txt'), 'utf8')).toBe('c');
  });
});
