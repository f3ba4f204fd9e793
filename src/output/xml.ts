// A report as XML (many clerks' systems import XML), built with fast-xml-parser from the same
// Report the JSON is. Figures become <R3 printed="6,400" value="6400"/>; blank cells are absent.
import { XMLBuilder } from "fast-xml-parser";
import type { Figure, Report, Sheet, YearFigures } from "../model/schema.ts";

const figure = (f: Figure) => ({ "@_printed": f.printed, ...(f.value === null ? {} : { "@_value": f.value }) });
const years = (y: YearFigures) => Object.fromEntries(Object.entries(y).filter(([, f]) => f !== null).map(([k, f]) => [k, figure(f!)]));

function sheet(s: Sheet) {
  const { indicators, overallRate, covid, marks, where, no, page, ...text } = s;
  return {
    "@_no": no ?? "", "@_page": page,
    ...Object.fromEntries(Object.entries(text).filter(([, v]) => v !== null)),
    covid: { "@_impact": covid.impact ?? "", ...(covid.note ? { note: covid.note } : {}) },
    marks: { "@_evaluation": marks.evaluation ?? "", "@_futureDirection": marks.futureDirection ?? "" },
    overallRate: years(overallRate),
    indicators: {
      indicator: indicators.map((ind, i) => ({
        "@_no": i + 1, "@_kind": ind.kind, name: ind.name, rowLabel: ind.rowLabel, ...(ind.unit ? { unit: ind.unit } : {}),
        target: years(ind.target), actual: years(ind.actual), rate: years(ind.rate),
      })),
    },
    ...(where ? { where: { place: Object.entries(where).map(([field, p]) => ({ "@_field": field, "@_page": p.page, "@_bbox": p.bbox.join(" ") })) } } : {}),
  };
}

/** Characters XML 1.0 cannot hold, not even as references: C0 controls other than tab, line
 * feed and carriage return, U+FFFE and U+FFFF, and halves of surrogate pairs. One of them in a
 * field (a damaged or hostile PDF's text) made the whole file ill-formed, and a clerk's system
 * refuse it. */
const NOT_IN_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The report as XML; characters XML cannot hold become U+FFFD (the JSON keeps them exactly). */
export function reportXml(report: Report): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  const doc = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    report: {
      "@_schemaVersion": report.schemaVersion,
      source: { "@_file": report.source.file, "@_sha256": report.source.sha256, "@_kind": report.source.kind, ...(report.source.encoding ? { "@_encoding": report.source.encoding } : {}), "@_pages": report.source.pages },
      ...(report.title ? { title: report.title } : {}),
      ...(report.fiscalYear ? { fiscalYear: { "@_gregorian": report.fiscalYear.gregorian, "#text": report.fiscalYear.printed } } : {}),
      ...(report.planPeriod ? { planPeriod: { "@_from": report.planPeriod.from, "@_to": report.planPeriod.to, "@_plan": report.planPeriod.plan ?? "", "#text": report.planPeriod.printed } } : {}),
      sheets: { sheet: report.sheets.map(sheet) },
      findings: {
        finding: report.findings.map((f) => ({
          "@_code": f.code, "@_severity": f.severity, "@_sheet": f.sheet ?? "", "@_indicator": f.indicator ?? "", "@_year": f.year ?? "", "@_field": f.field ?? "",
          ...(f.printed !== null ? { printed: f.printed } : {}), ...(f.expected !== null ? { expected: f.expected } : {}),
          message: { ja: f.message.ja, en: f.message.en },
        })),
      },
    },
  };
  return (builder.build(doc) as string).replace(NOT_IN_XML, "\ufffd");
}
