/**
 * Keeps a failed build from hanging instead of exiting.
 *
 * Node 24 can deadlock in `process.exit()` (nodejs/node#54918): the main
 * thread waits for V8's background threads to finish, while one of them,
 * compiling a function (with Maglev or Sparkplug), waits for the main thread
 * to collect garbage. Astro exits through `process.exit(1)` on every error,
 * and so do the hub's own checks, so a build that found a mistake in content
 * now and then printed its report and never ended (seen with gdb: about one
 * failing build in 8 to 30 on two busy cores; a CI job then waits for its
 * time-out).
 *
 * A background thread only waits for the main thread when it allocates on the
 * heap: Maglev does so to build a function's deoptimisation data and code
 * object, Sparkplug to build its code object. These flags have Maglev do both
 * on the main thread when its job is done (compiling stays in the
 * background), and Sparkplug compile on the main thread, which it does in
 * microseconds. With them, 150 failing builds in a row on two busy cores all
 * ended; without, the 8th, 14th and 33rd hung. Set once, when Astro loads the
 * hub.
 */
import { setFlagsFromString } from 'node:v8';

export const EXIT_SAFE_V8_FLAGS = ['--no-concurrent-sparkplug', '--no-maglev-deopt-data-on-background', '--no-maglev-build-code-on-background'];

let set = false;

export function makeExitSafe(): void {
  if (set) return;
  set = true;
  for (const flag of EXIT_SAFE_V8_FLAGS) setFlagsFromString(flag);
}
