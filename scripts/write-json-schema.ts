// Writes schema/report.schema.json from the zod schema (the contract's single source).
import { writeFileSync, mkdirSync } from "node:fs";
import { reportJsonSchema } from "../src/model/json-schema.ts";

mkdirSync("schema", { recursive: true });
writeFileSync("schema/report.schema.json", reportJsonSchema() + "\n");
console.log("wrote schema/report.schema.json");
