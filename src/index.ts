// The library API: `import { extract, audit } from "kanrihyo"`.
export { extract, audit, auditSeries } from "./report.ts";
export { InputError, ERROR_CODES, type ErrorCode } from "./errors.ts";
export { Report, Sheet, Indicator, Figure, Finding } from "./model/schema.ts";
