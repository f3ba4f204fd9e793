// npm run build (run by `npm ci` and `npm test`): src/ → dist/ as plain JavaScript. The CLI runs
// from dist/ because Node strips TypeScript's types at every start of every thread (~0.2 s each);
// bin/kanrihyo.js falls back to src/ whenever a source file is newer than the build.
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;
rmSync(join(ROOT, "dist"), { recursive: true, force: true });
execFileSync(join(ROOT, "node_modules/.bin/tsc"), ["-p", join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
writeFileSync(join(ROOT, "dist/BUILT"), `${new Date().toISOString()}\n`);
