/**
 * What the benchmark measures a command by: wall time and the peak resident
 * memory of its whole process tree (the build, its worker threads and the
 * programs it starts, such as Pagefind's indexer), polled from /proc, since
 * `/usr/bin/time -v` is not on every machine. Linux only; elsewhere the
 * memory figures are left out.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** Resident set and its high-water mark, in bytes, from the text of /proc/<pid>/status. */
export function parseStatus(text: string): { rss: number; hwm: number } {
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
  return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

/** The parent pid from the text of /proc/<pid>/stat (the command name may hold spaces and parentheses). */
export function parsePpid(text: string): number {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return Number(fields[1]);
}

/** `root` and every process below it, given each process's parent. */
export function descendants(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process ended meanwhile
  }
}

/** Resident bytes of the tree under `root` now, and the high-water mark of each of its processes. */
export function treeMemory(root: number): { rss: number; hwm: Map<number, number> } {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (stat) parents.set(Number(name), parsePpid(stat));
  }
  let rss = 0;
  const hwm = new Map<number, number>();
  for (const pid of descendants(root, parents)) {
    const status = read(`/proc/${pid}/status`);
    if (!status) continue;
    const memory = parseStatus(status);
    rss += memory.rss;
    hwm.set(pid, memory.hwm);
  }
  return { rss, hwm };
}

export interface Measured {
  code: number | null;
  /** Everything the command printed (stdout and stderr). */
  output: string;
  wallMs: number;
  /** Highest sum of the tree's resident memory seen by polling (bytes); undefined without /proc. */
  peakRss?: number;
  /** High-water mark of the command's own process, as the kernel counts it (bytes). */
  mainHwm?: number;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** How often to poll /proc. Default: 100 ms. */
  pollMs?: number;
  /** Called with each chunk of output, e.g. to show progress. */
  onOutput?: (chunk: string) => void;
}

/** Runs a command, measuring its wall time and the peak memory of its process tree. */
export function runMeasured(command: string, args: readonly string[], options: RunOptions = {}): Promise<Measured> {
  const canPoll = existsSync('/proc/self/status');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peakRss = 0;
    let mainHwm = 0;
    const poll = () => {
      if (!canPoll || child.pid === undefined) return;
      const { rss, hwm } = treeMemory(child.pid);
      peakRss = Math.max(peakRss, rss);
      mainHwm = Math.max(mainHwm, hwm.get(child.pid) ?? 0);
    };
    const timer = setInterval(poll, options.pollMs ?? 100);
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      options.onOutput?.(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, output, wallMs: performance.now() - started, peakRss: canPoll ? peakRss : undefined, mainHwm: canPoll ? mainHwm : undefined });
    });
  });
}
