import { createLogger, flushLogs } from "../../src/logger.ts";

/**
 * Run as a child process by test/unit/logDestination.test.ts: logs one line through the root
 * logger with the default destination, so the test sees what a pipe or a terminal receives.
 */
const log = createLogger("info");
log.info({ tenantId: "tenant-1", phone: "2348012345678" }, "probe line");
flushLogs(log);
