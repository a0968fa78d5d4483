import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import type pg from "pg";
import { z } from "zod";
import { round } from "./stats.ts";

/**
 * Where the CPU went during a measured window: this process, other processes of the bench
 * (by pid), the PostgreSQL backends serving the bench database, and everything else on the
 * machine. On a shared machine "everything else" says how much the figures were disturbed, and
 * CPU milliseconds per operation stay meaningful when wall-clock rates are not.
 */
export type CpuSnapshot = {
  wallMs: number;
  selfMicros: number;
  pids: Map<number, number>;
  postgres: Map<number, number>;
  machineBusyTicks: number;
  machineTotalTicks: number;
};

export type CpuUsage = {
  wallSeconds: number;
  /** CPU milliseconds used in the window. */
  selfMs: number;
  pidsMs: Record<string, number>;
  postgresBackendsMs: number;
  /** All CPUs, busy share of the window (1.0 = every core busy all the time). */
  machineBusy: number;
  /** Busy time not accounted for by this process, the named pids or the bench database's backends. */
  otherProcessesMs: number;
  cores: number;
};

const TICK_MS = 1000 / clockTicksPerSecond();

export function createCpuMeter(options: { db: pg.Client; database: string; pids?: Record<string, number> }) {
  const namedPids = options.pids ?? {};

  async function snapshot(): Promise<CpuSnapshot> {
    const backends = await options.db.query("SELECT pid FROM pg_stat_activity WHERE datname = $1", [options.database]);
    const postgres = new Map<number, number>();
    for (const { pid } of z.array(z.object({ pid: z.number() })).parse(backends.rows)) {
      const ticks = processTicks(pid);
      if (ticks !== null) postgres.set(pid, ticks);
    }
    const pids = new Map<number, number>();
    for (const pid of Object.values(namedPids)) {
      const ticks = processTicks(pid);
      if (ticks !== null) pids.set(pid, ticks);
    }
    const machine = machineTicks();
    const self = process.cpuUsage();
    return {
      wallMs: performance.now(),
      selfMicros: self.user + self.system,
      pids,
      postgres,
      machineBusyTicks: machine.busy,
      machineTotalTicks: machine.total,
    };
  }

  function between(a: CpuSnapshot, b: CpuSnapshot): CpuUsage {
    const selfMs = (b.selfMicros - a.selfMicros) / 1000;
    const pidsMs: Record<string, number> = {};
    let namedMs = 0;
    for (const [name, pid] of Object.entries(namedPids)) {
      const ms = ((b.pids.get(pid) ?? 0) - (a.pids.get(pid) ?? 0)) * TICK_MS;
      pidsMs[name] = round(ms, 0);
      namedMs += ms;
    }
    let postgresTicks = 0;
    for (const [pid, ticks] of b.postgres) postgresTicks += ticks - (a.postgres.get(pid) ?? 0);
    const postgresBackendsMs = postgresTicks * TICK_MS;
    const cores = os.availableParallelism();
    const totalTicks = b.machineTotalTicks - a.machineTotalTicks;
    const busyTicks = b.machineBusyTicks - a.machineBusyTicks;
    // /proc/stat counts ticks summed over all CPUs.
    const machineBusyMs = busyTicks * TICK_MS;
    return {
      wallSeconds: round((b.wallMs - a.wallMs) / 1000, 2),
      selfMs: round(selfMs, 0),
      pidsMs,
      postgresBackendsMs: round(postgresBackendsMs, 0),
      machineBusy: totalTicks === 0 ? 0 : round(busyTicks / totalTicks, 2),
      otherProcessesMs: round(Math.max(0, machineBusyMs - selfMs - namedMs - postgresBackendsMs), 0),
      cores,
    };
  }

  return { snapshot, between };
}

/** utime + stime of a process in clock ticks, or null when it is gone. */
function processTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses: fields start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

function clockTicksPerSecond(): number {
  try {
    const value = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    return Number.isFinite(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
}

/** The CPU pressure (share of time some runnable task waited for a CPU), last 10 s, 0–100. */
export function cpuPressure(): number | null {
  try {
    const match = /some avg10=([\d.]+)/.exec(readFileSync("/proc/pressure/cpu", "utf8"));
    return match?.[1] === undefined ? null : Number(match[1]);
  } catch {
    return null;
  }
}
