import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { componentThreadNames } from '../component-thread';

/**
 * CPU time and memory of an OS process, read from Linux's /proc: `stat` for the CPU time the
 * kernel charged it (user + system, in clock ticks), `status` for its resident set (VmRSS) and
 * the resident set's high-water mark (VmHWM). Elsewhere there is no /proc and every reading is null.
 */
export interface ProcessSample {
  pid: number;
  /** CPU seconds used so far, user + system. */
  cpuSeconds: number;
  /** The same by thread name (`threadCpuSeconds`). */
  threads: Record<string, number>;
  rssBytes: number;
  /** The highest RSS since the process started, or since the mark was last reset. */
  peakRssBytes: number;
  /** performance.now() when it was read. */
  atMs: number;
}

export interface ProcessUsage {
  /** CPU used over the span as a share of one core: 100 is one core busy all along. */
  cpuPercentOfCore: number;
  /** CPU seconds used over the span. */
  cpuSeconds: number;
  /** The same two by thread name, for the names read at both ends of the span. */
  cpuPercentByThread: Record<string, number>;
  cpuSecondsByThread: Record<string, number>;
  peakRssBytes: number;
  /** Whether the peak is that of the span (the mark was reset at its start) or of the whole life. */
  peakSince: 'span' | 'process start';
}

let ticksPerSecond: number | undefined;

/** USER_HZ, the unit of /proc/<pid>/stat times: `getconf CLK_TCK`, 100 where that cannot be asked. */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      const answer = Number.parseInt(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 2000 }).trim(), 10);
      ticksPerSecond = Number.isFinite(answer) && answer > 0 ? answer : 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime and stime (fields 14 and 15) of /proc/<pid>/stat; the command name may hold spaces and parentheses, so fields count from its last ')'. */
export function parseStatTicks(stat: string): { userTicks: number; systemTicks: number } {
  const close = stat.lastIndexOf(')');
  if (close < 0) throw new Error('not a /proc/<pid>/stat line: no command name');
  // after ')' come field 3 (state) onwards: utime is field 14, so index 11 here
  const fields = stat.slice(close + 1).trim().split(/\s+/);
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  if (!Number.isFinite(userTicks) || !Number.isFinite(systemTicks)) throw new Error('not a /proc/<pid>/stat line: no utime/stime');
  return { userTicks, systemTicks };
}

/** The command name of a /proc stat line (a thread's name, in a task's stat): between the first '(' and the last ')'. */
export function parseStatName(stat: string): string {
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error('not a /proc/<pid>/stat line: no command name');
  return stat.slice(open + 1, close);
}

/** Every thread but the first and the platform's component threads: the runtime's helpers (GC, compiler, libuv pool; a JVM's many). */
export const unnamedThreads = 'other';

/**
 * CPU seconds of a process's threads: `main` for its first thread, the embedded `start`'s
 * component threads by the names they gave themselves (`componentThreadNames`), every other
 * together under `unnamedThreads` (a JVM or a newer Node names its helpers: they stay together).
 * Threads that ended are no longer counted.
 */
export function threadCpuSeconds(pid: number): Record<string, number> {
  const byName: Record<string, number> = {};
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // ended between the listing and the read
    }
    const named = parseStatName(stat);
    const name = tid === String(pid) ? 'main' : (componentThreadNames as readonly string[]).includes(named) ? named : unnamedThreads;
    const { userTicks, systemTicks } = parseStatTicks(stat);
    byName[name] = (byName[name] ?? 0) + (userTicks + systemTicks) / clockTicksPerSecond();
  }
  return byName;
}

/** VmRSS and VmHWM of /proc/<pid>/status, in bytes (the file gives kB); 0 when absent (a zombie has neither). */
export function parseStatusMemory(status: string): { rssBytes: number; peakRssBytes: number } {
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)\\s*kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM') };
}

export const procAvailable = (): boolean => process.platform === 'linux' && fs.existsSync('/proc/self/stat');

/** One reading of a process; null off Linux or when the process is gone. */
export function sampleProcess(pid: number): ProcessSample | null {
  if (!procAvailable()) return null;
  try {
    const { userTicks, systemTicks } = parseStatTicks(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const memory = parseStatusMemory(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { pid, cpuSeconds: (userTicks + systemTicks) / clockTicksPerSecond(), threads: threadCpuSeconds(pid), ...memory, atMs: performance.now() };
  } catch {
    return null;
  }
}

/**
 * Resets the process's VmHWM to its current RSS (writing 5 to clear_refs, Linux ≥ 4.0), so a
 * later VmHWM is the peak of what follows; false where the kernel or permissions refuse.
 */
export function resetPeakRss(pid: number): boolean {
  if (!procAvailable()) return false;
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** What a process used between two readings of it. */
export function usageBetween(start: ProcessSample, end: ProcessSample, peakReset: boolean): ProcessUsage {
  const wallSeconds = (end.atMs - start.atMs) / 1000;
  const percentOfCore = (seconds: number) => (wallSeconds > 0 ? Math.round((seconds / wallSeconds) * 1000) / 10 : 0);
  const cpuSecondsByThread: Record<string, number> = {};
  for (const [name, seconds] of Object.entries(end.threads)) {
    const before = start.threads[name];
    if (before !== undefined) cpuSecondsByThread[name] = Math.max(0, seconds - before);
  }
  const cpuPercentByThread = Object.fromEntries(Object.entries(cpuSecondsByThread).map(([name, seconds]) => [name, percentOfCore(seconds)]));
  const cpuSeconds = end.cpuSeconds - start.cpuSeconds;
  return { cpuPercentOfCore: percentOfCore(cpuSeconds), cpuSeconds, cpuPercentByThread, cpuSecondsByThread, peakRssBytes: Math.max(end.peakRssBytes, end.rssBytes), peakSince: peakReset ? 'span' : 'process start' };
}

/** CPU time of the whole machine, every process included (the Kafka broker, the databases): /proc/stat's first line. */
export interface MachineSample {
  busySeconds: number;
  atMs: number;
}

/** Busy jiffies of /proc/stat's `cpu` line: everything but idle and iowait. */
export function parseMachineBusyTicks(procStat: string): number {
  const fields = /^cpu\s+(.*)$/m.exec(procStat)?.[1]?.trim().split(/\s+/).map(Number);
  if (!fields || fields.length < 4 || fields.some((value) => !Number.isFinite(value))) throw new Error('not /proc/stat: no cpu line');
  // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already inside user
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return user + nice + system + irq + softirq + steal;
}

export function sampleMachine(): MachineSample | null {
  if (!procAvailable()) return null;
  try {
    return { busySeconds: parseMachineBusyTicks(fs.readFileSync('/proc/stat', 'utf8')) / clockTicksPerSecond(), atMs: performance.now() };
  } catch {
    return null;
  }
}

export interface SpanUsage {
  processes: Record<string, ProcessUsage | null>;
  /** Every process of the machine together, as a share of one core (200 is two cores busy). */
  machineCpuPercentOfCore: number | null;
}

/**
 * Watches named processes over one span: `start()` resets their peak RSS and reads them, each
 * `mark()` gives what each used since the start (null where it could not be read).
 */
export function watchProcesses(pids: Readonly<Record<string, number>>) {
  const starts = new Map<string, { sample: ProcessSample | null; reset: boolean }>();
  let machineStart: MachineSample | null = null;
  return {
    start() {
      for (const [name, pid] of Object.entries(pids)) {
        const reset = resetPeakRss(pid);
        starts.set(name, { sample: sampleProcess(pid), reset });
      }
      machineStart = sampleMachine();
    },
    mark(): SpanUsage {
      const processes = Object.fromEntries(Object.entries(pids).map(([name, pid]) => {
        const begun = starts.get(name);
        const end = sampleProcess(pid);
        return [name, begun?.sample && end ? usageBetween(begun.sample, end, begun.reset) : null];
      }));
      const machineEnd = sampleMachine();
      const wallSeconds = machineStart && machineEnd ? (machineEnd.atMs - machineStart.atMs) / 1000 : 0;
      const machineCpuPercentOfCore = machineStart && machineEnd && wallSeconds > 0 ? Math.round(((machineEnd.busySeconds - machineStart.busySeconds) / wallSeconds) * 1000) / 10 : null;
      return { processes, machineCpuPercentOfCore };
    },
  };
}
