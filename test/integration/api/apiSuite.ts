import { afterAll } from "vitest";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { createPlatformAdmin, platformLogin } from "./apiHelpers.ts";

export type ApiSuite = { app: TestApp; admin: { email: string; password: string; id: string }; platformToken: string };

/**
 * The header the API test files share: the real app (HTTP on a random port, real PostgreSQL and
 * Redis, a fake Graph API), a platform admin of the file's own with a token, and the app stopped
 * after the file's tests. Awaited at the top of a test file:
 * `const { app, platformToken } = await startApiSuite({ role: "web" });`.
 */
export async function startApiSuite(options: { role?: "all" | "web" } = {}): Promise<ApiSuite> {
  const app = await startTestApp(options.role === undefined ? {} : { role: options.role });
  afterAll(async () => {
    await app.stop();
  });
  const admin = await createPlatformAdmin(app.pool);
  const platformToken = await platformLogin(app, admin);
  return { app, admin, platformToken };
}
