import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { z } from "zod";

export type AppProcess = {
  pid: number;
  url: string;
  /** `performance.now()` when the process was spawned, and when it logged that it had started. */
  spawnedAt: number;
  readyAt: number;
  /** kill -9: no shutdown, no flush, PostgreSQL ends its sessions. */
  kill(): Promise<void>;
  /** SIGTERM, waiting for the graceful shutdown. */
  stop(): Promise<void>;
  /** Whether the process has exited (on its own, or killed). */
  exited(): boolean;
};

const startedLine = z.object({ msg: z.literal("loyaltylaas started"), url: z.string() });

/**
 * Starts the app as `npm start` does (`node src/main.ts`, migrations included) in a child process
 * with `env` as its whole environment, and resolves once it logs that it has started. Its log
 * lines (pino JSON on stdout) go to `onLog`.
 */
export async function startAppProcess(
  env: Record<string, string>,
  onLog: (line: string) => void = () => undefined,
): Promise<AppProcess> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ["src/main.ts"], {
    env: { PATH: process.env["PATH"] ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the app did not start within 60 s")), 60_000);
    child.once("exit", (code) => reject(new Error(`the app exited (${String(code)}) before it started`)));
    createInterface({ input: child.stderr }).on("line", onLog);
    createInterface({ input: child.stdout }).on("line", (line) => {
      onLog(line);
      const started = parseLine(line);
      if (started !== null) {
        clearTimeout(timer);
        resolve(started.url);
      }
    });
  });
  return {
    pid: child.pid ?? 0,
    url,
    spawnedAt,
    readyAt: performance.now(),
    async kill() {
      signal(child, "SIGKILL");
      await exited;
    },
    async stop() {
      signal(child, "SIGTERM");
      await exited;
    },
    exited: () => child.exitCode !== null || child.signalCode !== null,
  };
}

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.exitCode === null && child.signalCode === null) child.kill(name);
}

function parseLine(line: string): z.infer<typeof startedLine> | null {
  try {
    const parsed = startedLine.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
