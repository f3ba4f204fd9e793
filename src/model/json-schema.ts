import { z } from "zod";
import { Report } from "./schema.ts";

/** The contract as JSON Schema text, exactly as committed in schema/report.schema.json. */
export function reportJsonSchema(): string {
  return JSON.stringify(z.toJSONSchema(Report, { target: "draft-2020-12" }), null, 2);
}
