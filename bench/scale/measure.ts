/**
 * What the benchmark measures a command by: wall time and the peak resident
 * memory of its whole process tree (the build, its worker threads and the
 * programs it starts, such as Pagefind's indexer), polled from /proc, since
 * `/usr/bin/time -v` is not on every machine. Linux only; elsewhere the
 * memory figures are left out.
 */
import { execFileSync, spawn } from 'node:child_process';
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

/** CPU time (user + system, in clock ticks) a process has used itself, from the text of /proc/<pid>/stat. */
export function parseCpuTicks(text: string): number {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** CPU time (user + system, in clock ticks) of the process's children that have ended and been waited for, from the text of /proc/<pid>/stat. */
export function parseChildrenCpuTicks(text: string): number {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return Number(fields[13]) + Number(fields[14]);
}

let ticksPerSecond: number | undefined;
/** Clock ticks a second, as /proc/<pid>/stat counts CPU time. */
export function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** The command name from the text of /proc/<pid>/stat ("node", "pagefind_extend"). */
export function parseComm(text: string): string {
  return text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
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

/** The tree under `root` now: resident bytes in all, and each process's high-water mark and CPU ticks. */
export function treeMemory(root: number): { rss: number; hwm: Map<number, number>; cpu: Map<number, number>; comm: Map<number, string> } {
  const parents = new Map<number, number>();
  const stats = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    parents.set(Number(name), parsePpid(stat));
    stats.set(Number(name), stat);
  }
  let rss = 0;
  const hwm = new Map<number, number>();
  const cpu = new Map<number, number>();
  const comm = new Map<number, string>();
  for (const pid of descendants(root, parents)) {
    const status = read(`/proc/${pid}/status`);
    if (!status) continue;
    const memory = parseStatus(status);
    rss += memory.rss;
    hwm.set(pid, memory.hwm);
    cpu.set(pid, parseCpuTicks(stats.get(pid)!));
    comm.set(pid, pid === root ? 'build' : parseComm(stats.get(pid)!));
  }
  return { rss, hwm, cpu, comm };
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
  /**
   * CPU time (user + system) of the whole tree in ms, as last polled for each
   * process: less sensitive than the wall time to what else the machine runs.
   */
  cpuMs?: number;
  /**
   * Each program of the tree ("build" for the command itself, "pagefind_extend"
   * for Pagefind's indexer): the highest high-water mark of its processes and
   * their CPU time, to tell where memory and time go.
   */
  byProgram?: Record<string, { hwm: number; cpuMs: number }>;
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
    const ticks = new Map<number, number>();
    const hwms = new Map<number, number>();
    const programs = new Map<number, string>();
    const poll = () => {
      if (!canPoll || child.pid === undefined) return;
      const { rss, hwm, cpu, comm } = treeMemory(child.pid);
      peakRss = Math.max(peakRss, rss);
      mainHwm = Math.max(mainHwm, hwm.get(child.pid) ?? 0);
      for (const [pid, used] of cpu) ticks.set(pid, used);
      for (const [pid, bytes] of hwm) hwms.set(pid, Math.max(hwms.get(pid) ?? 0, bytes));
      for (const [pid, name] of comm) programs.set(pid, name);
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
      const toMs = (t: number) => (t / clockTicks()) * 1000;
      const cpuMs = toMs([...ticks.values()].reduce((sum, t) => sum + t, 0));
      const byProgram: Record<string, { hwm: number; cpuMs: number }> = {};
      for (const [pid, name] of programs) {
        const program = (byProgram[name] ??= { hwm: 0, cpuMs: 0 });
        program.hwm = Math.max(program.hwm, hwms.get(pid) ?? 0);
        program.cpuMs += toMs(ticks.get(pid) ?? 0);
      }
      resolve({ code, output, wallMs: performance.now() - started, ...(canPoll ? { peakRss, mainHwm, cpuMs, byProgram } : {}) });
    });
  });
}
