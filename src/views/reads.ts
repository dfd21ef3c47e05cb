/**
 * What the entry page being rendered reads of the content, noted for its key
 * in the incremental build (page-key.ts says what a read is and what its
 * value is). The hub's middleware opens a scope around each entry page;
 * outside one (getStaticPaths, lists, feeds, `astro dev`) nothing is noted.
 */
import { buildChannel } from '../lib/build-channel.ts';

/** Notes that the entry page being rendered read `read` (`entry:<collection>/<id>`, `published:<collection>`, …). */
export function noteRead(read: string): void {
  buildChannel().pageReads?.getStore()?.add(read);
}
