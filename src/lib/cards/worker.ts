/**
 * A card worker process (see batch.ts): renders the jobs it is sent, one at a
 * time, and writes each PNG to the cache atomically, so an interrupted build
 * never leaves half a file behind. It replies once both files are in place;
 * the batch ends it when there is nothing left to draw.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { WORKER_TITLE, type WorkerJob, type WorkerReply, thumbFile } from './batch.ts';
import { renderCardAndThumb } from './render.ts';

// Named for ps and the benchmark's count of each program's memory.
process.title = WORKER_TITLE;

/**
 * resvg keeps each card's picture (about 6 MB) in native memory that V8 does
 * not count, until the collector finds its small JavaScript handle; V8, seeing
 * a small heap, seldom looks, and a worker grew to 460 MB. A young-generation
 * collection after each card (under a millisecond) finds the handles, and
 * the pictures are let go before the next card (the batch starts workers
 * with --expose-gc). A worker peaks at about 240 MB instead
 * (`npm run bench:cards 300`).
 */
const collect = (globalThis as { gc?: (options: { type: 'minor'; execution: 'sync' }) => void }).gc;

process.on('message', async ({ spec, file }: WorkerJob) => {
  let reply: WorkerReply;
  try {
    const { card, thumb } = await renderCardAndThumb(spec);
    // The thumbnail first: a card file in the cache means both are there.
    for (const [target, png] of [
      [thumbFile(file), thumb],
      [file, card],
    ] as const) {
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, png);
      renameSync(temporary, target);
    }
    reply = { ok: true };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  process.send!(reply);
  collect?.({ type: 'minor', execution: 'sync' });
});
