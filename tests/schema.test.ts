// The committed JSON Schema is generated from the zod schema; this fails when they drift.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { reportJsonSchema } from "../src/model/json-schema.ts";
import { ROOT } from "./helpers.ts";

it("schema/report.schema.json is what the zod schema generates (run `npm run schema`)", () => {
  const committed = readFileSync(join(ROOT, "schema/report.schema.json"), "utf8");
  expect(committed).toBe(reportJsonSchema() + "\n");
});

it("the JSON Schema names every contract field of a sheet", () => {
  const schema = JSON.parse(reportJsonSchema());
  const sheet = schema.properties.sheets.items.properties;
  for (const field of ["no", "page", "name", "department", "targetGroup", "basicPolicy", "development", "approachPolicy",
    "content", "resultsAndIssues", "indicators", "overallRate", "evaluation", "adjustment", "covid", "futureDirection",
    "futureDirectionText", "committeeOpinion", "subcommitteeOpinion", "where"]) {
    expect(sheet, field).toHaveProperty(field);
  }
});
