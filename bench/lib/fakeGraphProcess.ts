import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { startFakeGraphApi } from "../../test/helpers/fakeGraphApi.ts";

/**
 * The fake Graph API in a process of its own, so the arrival times it records are not delayed
 * by the app's event loop (which the bench saturates). Run as a child: it prints nothing and
 * answers `arrivals` and `close` over IPC.
 */
const isChild = process.argv[2] === "--child";

const requestSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("arrivals") }),
  z.object({ type: z.literal("close") }),
]);
const replySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), url: z.string() }),
  z.object({ type: z.literal("arrivals"), at: z.array(z.number()) }),
]);

if (isChild) {
  const graph = await startFakeGraphApi();
  process.send?.({ type: "ready", url: graph.url });
  process.on("message", (raw: unknown) => {
    const message = requestSchema.parse(raw);
    if (message.type === "arrivals") process.send?.({ type: "arrivals", at: graph.requests.map((r) => r.at) });
    else void graph.close().then(() => process.exit(0));
  });
}

export type FakeGraphProcess = { url: string; arrivals(): Promise<number[]>; close(): Promise<void> };

/** Starts the fake Graph API in a child process on 127.0.0.1. */
export async function startFakeGraphProcess(): Promise<FakeGraphProcess> {
  const child = fork(fileURLToPath(import.meta.url), ["--child"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const replies: Array<(reply: z.infer<typeof replySchema>) => void> = [];
  child.on("message", (raw: unknown) => replies.shift()?.(replySchema.parse(raw)));
  const next = () => new Promise<z.infer<typeof replySchema>>((resolve) => replies.push(resolve));
  const ready = await next();
  if (ready.type !== "ready") throw new Error("fake graph process did not start");
  return {
    url: ready.url,
    async arrivals() {
      const reply = next();
      child.send({ type: "arrivals" });
      const answer = await reply;
      return answer.type === "arrivals" ? answer.at : [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.send({ type: "close" });
      }),
  };
}
