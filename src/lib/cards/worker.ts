/**
 * A card worker thread (see batch.ts): renders the jobs it is sent, one at a
 * time, and writes each PNG to the cache atomically, so an interrupted build
 * never leaves half a file behind.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { parentPort, threadId } from 'node:worker_threads';
import type { WorkerJob, WorkerReply } from './batch.ts';
import { renderCard } from './render.ts';

parentPort!.on('message', async ({ spec, file }: WorkerJob) => {
  let reply: WorkerReply;
  try {
    const png = await renderCard(spec);
    const temporary = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(temporary, png);
    renameSync(temporary, file);
    reply = { ok: true };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
