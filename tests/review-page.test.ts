// The review page in a real headless Chromium (Debian's, installed by .ci/run).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Report } from "../src/model/schema.ts";
import { ROOT, SAMPLE_TEXT } from "./helpers.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const dir = mkdtempSync(join(tmpdir(), "kanrihyo-review-"));
const html = join(dir, "review.html");
const pdf = join(ROOT, "fixtures/pdf/broken-figures.pdf");
const run = spawnSync(process.execPath, [join(ROOT, "bin/kanrihyo.js"), "audit", pdf, SAMPLE_TEXT, "--html", html, "--json", "--quiet"], { encoding: "utf8" });
const [broken, text] = (JSON.parse(run.stdout) as unknown[]).map((r) => Report.parse(r));

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
afterAll(async () => browser?.close());

describe("audit --html", () => {
  it("shows every sheet, the PDF's pages as images, and the text report without images", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`file://${html}`);
    expect(await page.locator("section.page").count()).toBe(48);
    expect(await page.locator("section.page img").count()).toBe(24);
    expect(await page.locator("#r1-p1 table.fields").count()).toBe(1);
    expect(await page.locator("#r0-p1 rect.field").count()).toBe(Object.keys(broken!.sheets[0]!.where!).length);
    await page.close();
  });

  it("highlights every flagged figure on its page and lists every finding", async () => {
    const page = await browser.newPage();
    await page.goto(`file://${html}`);
    const placed = broken!.findings.filter((f) => f.where !== null).length;
    expect(placed).toBeGreaterThanOrEqual(8);
    expect(await page.locator("rect.flagged").count()).toBe(placed);
    expect(await page.locator("a.finding").count()).toBe(broken!.findings.length + text!.findings.length);
    expect(await page.locator("rect.flagged >> title").first().textContent()).toMatch(/^[A-Z_]+: /);
    await page.close();
  });

  it("clicking a finding shows its page, marks the figure, and tells what is wrong", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`file://${html}`);
    const index = broken!.findings.findIndex((f) => f.code === "RATE_MISMATCH" && f.sheet === 1);
    const link = page.locator(`a.finding[data-finding="r0-f${index}"]`);
    await page.locator("#r0-p18").scrollIntoViewIfNeeded(); // start far from page 1
    await link.click();
    await expect.poll(async () => page.locator("#r0-p1").evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top < window.innerHeight && box.bottom > 0;
    })).toBe(true);
    expect(await page.locator(`rect.flagged.active[data-finding="r0-f${index}"]`).count()).toBe(1);
    expect(await page.locator("#detail").textContent()).toContain("RATE_MISMATCH");
    mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
    await page.screenshot({ path: join(ROOT, "test-artifacts/review-page.png") });
    await page.close();
  });
});
