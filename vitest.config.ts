import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Tests run the real CLI on real PDFs, several files at once: on a loaded 2-core machine one
    // took 8.7 s against vitest's default limit of 5 s. A hang still fails, after a minute.
    testTimeout: 60_000,
    // Hooks too: launching Chromium for the review page took over 10 s (vitest's default) in CI
    // while the fuzz suites held both cores.
    hookTimeout: 60_000,
  },
});
