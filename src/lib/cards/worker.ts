/**
 * A card worker thread (see batch.ts): renders the jobs it is sent, one at a
 * time, and writes each PNG to the cache atomically, so an interrupted build
 * never leaves half a file behind.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { parentPort, threadId } from 'node:worker_threads';
import { type WorkerJob, type WorkerReply, thumbFile } from './batch.ts';
import { renderCardAndThumb } from './render.ts';

parentPort!.on('message', async ({ spec, file }: WorkerJob) => {
  let reply: WorkerReply;
  try {
    const { card, thumb } = await renderCardAndThumb(spec);
    // The thumbnail first: a card file in the cache means both are there.
    for (const [target, png] of [
      [thumbFile(file), thumb],
      [file, card],
    ] as const) {
      const temporary = `${target}.${process.pid}-${threadId}.tmp`;
      writeFileSync(temporary, png);
      renameSync(temporary, target);
    }
    reply = { ok: true };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
