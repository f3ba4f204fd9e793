// A worker collects its young generation between files (src/cli/young-garbage.ts).
import { getHeapSpaceStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { collectYoungGarbage } from "../src/cli/young-garbage.ts";

const youngUsed = () => getHeapSpaceStatistics().find((s) => s.space_name === "new_space")!.space_used_size;

describe("collecting the young generation", () => {
  it("empties it of garbage at once", () => {
    let garbage: object[] | null = Array.from({ length: 50_000 }, (_, i) => ({ i }));
    expect(garbage.length).toBe(50_000);
    garbage = null;
    const before = youngUsed();
    collectYoungGarbage();
    const after = youngUsed();
    expect(before).toBeGreaterThan(1_000_000);
    expect(after).toBeLessThan(before / 4);
  });

  it("leaves the thread's globals without V8's gc", () => {
    expect("gc" in globalThis).toBe(false);
  });
});
