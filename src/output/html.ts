// The auditor's review page: one self-contained HTML file (no external assets) with each
// sheet's page as an image, every extracted field outlined on it, flagged figures highlighted
// with their finding, and a findings list that jumps to the page.
import type { Finding, Report, Sheet } from "../model/schema.ts";
import type { PageImage } from "./render.ts";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface ReviewInput {
  report: Report;
  /** Rendered pages (PDF input); none for text input. */
  images: PageImage[];
}

const CSS = `
body{font-family:sans-serif;margin:0;display:flex;height:100vh}
nav{width:360px;overflow:auto;border-right:1px solid #ccc;padding:8px;font-size:13px;flex:none}
main{flex:1;overflow:auto;padding:12px}
.finding{display:block;padding:4px 6px;margin:2px 0;border-radius:4px;color:inherit;text-decoration:none;border-left:4px solid #999}
.finding.error{border-color:#d00}.finding.warning{border-color:#e90}.finding.info{border-color:#39f}
.finding.active,.finding:hover{background:#ffe}
.page{margin-bottom:24px;border:1px solid #ddd}
.page h2{font-size:15px;margin:0;padding:6px;background:#f4f4f4}
.canvas{position:relative}.canvas img{display:block;width:100%}
.canvas svg{position:absolute;left:0;top:0;width:100%;height:100%}
rect.field{fill:none;stroke:#2a7;stroke-width:.6;stroke-opacity:.7}
rect.flagged{fill:#f00;fill-opacity:.18;stroke:#d00;stroke-width:1.2;cursor:pointer}
rect.flagged.active{fill-opacity:.45;stroke-width:2.5}
#detail{position:fixed;right:12px;bottom:12px;max-width:480px;background:#fff;border:1px solid #999;padding:8px;display:none;font-size:13px}
table.fields{font-size:12px;border-collapse:collapse}table.fields td{border:1px solid #ddd;padding:2px 4px;vertical-align:top}
`;

const SCRIPT = `
const detail = document.getElementById("detail");
function show(id) {
  document.querySelectorAll(".active").forEach(e => e.classList.remove("active"));
  document.querySelectorAll('[data-finding="' + id + '"]').forEach(e => e.classList.add("active"));
  const item = document.querySelector('a.finding[data-finding="' + id + '"]');
  detail.textContent = item ? item.dataset.message : "";
  detail.style.display = item ? "block" : "none";
}
document.querySelectorAll("a.finding").forEach(a => a.addEventListener("click", () => show(a.dataset.finding)));
document.querySelectorAll("rect.flagged").forEach(r => r.addEventListener("click", () => show(r.dataset.finding)));
`;

function findingItem(f: Finding, id: string, anchor: string): string {
  const where = [f.sheet !== null ? `事業 ${f.sheet}` : "", f.indicator ? `#${f.indicator}` : "", f.year ?? "", f.field ?? ""].filter(Boolean).join(" ");
  const values = f.printed !== null ? ` ${f.printed}${f.expected !== null ? ` → ${f.expected}` : ""}` : "";
  const message = `${f.code} (${f.severity}) ${where}${values}: ${f.message.ja} / ${f.message.en}`;
  return `<a class="finding ${f.severity}" href="#${anchor}" data-finding="${id}" data-message="${escape(message)}"><b>${escape(f.code)}</b> ${escape(where)}${escape(values)}<br>${escape(f.message.ja)}</a>`;
}

function fieldsTable(sheet: Sheet): string {
  const rows: [string, string][] = [["事業名", sheet.name ?? ""], ["評価", sheet.evaluation ?? ""], ["今後の取組方針", sheet.futureDirection ?? ""]];
  for (const ind of sheet.indicators)
    for (const field of ["target", "actual", "rate"] as const)
      rows.push([`${ind.name} ${field}`, Object.entries(ind[field]).map(([y, f]) => `${y}: ${f?.printed ?? ""}`).join("　")]);
  return `<table class="fields">${rows.map(([k, v]) => `<tr><td>${escape(k)}</td><td>${escape(v)}</td></tr>`).join("")}</table>`;
}

export function reviewHtml(inputs: readonly ReviewInput[]): string {
  const nav: string[] = [];
  const pages: string[] = [];
  inputs.forEach(({ report, images }, r) => {
    const ids = new Map<Finding, string>(report.findings.map((f, i) => [f, `r${r}-f${i}`]));
    const anchorOf = (f: Finding) => {
      const sheet = report.sheets.find((s) => s.no === f.sheet);
      return sheet ? `r${r}-p${sheet.page}` : `r${r}`;
    };
    nav.push(`<h3 id="r${r}">${escape(report.source.file)}</h3><p>${report.sheets.length} sheets, ${report.findings.length} findings</p>`);
    for (const f of report.findings) nav.push(findingItem(f, ids.get(f)!, anchorOf(f)));
    for (const sheet of report.sheets) {
      const image = images.find((i) => i.page === sheet.page);
      const title = `<h2>p.${sheet.page} 事業 ${sheet.no ?? "?"} ${escape(sheet.name ?? "")}</h2>`;
      if (!image) {
        pages.push(`<section class="page" id="r${r}-p${sheet.page}" data-page="${sheet.page}">${title}${fieldsTable(sheet)}</section>`);
        continue;
      }
      const flagged = report.findings.filter((f) => f.where && f.where.page === sheet.page && f.sheet === sheet.no);
      const rects = Object.entries(sheet.where ?? {}).map(([field, p]) => {
        const [x0, y0, x1, y1] = p.bbox;
        return `<rect class="field" x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}"><title>${escape(field)}</title></rect>`;
      });
      const marks = flagged.map((f) => {
        const [x0, y0, x1, y1] = f.where!.bbox;
        return `<rect class="flagged" data-finding="${ids.get(f)}" x="${x0 - 1}" y="${y0 - 1}" width="${x1 - x0 + 2}" height="${y1 - y0 + 2}"><title>${escape(`${f.code}: ${f.message.ja}`)}</title></rect>`;
      });
      const img = `<img alt="page ${sheet.page}" src="data:image/png;base64,${Buffer.from(image.png).toString("base64")}">`;
      const svg = `<svg viewBox="0 0 ${image.width} ${image.height}" preserveAspectRatio="none">${rects.join("")}${marks.join("")}</svg>`;
      pages.push(`<section class="page" id="r${r}-p${sheet.page}" data-page="${sheet.page}">${title}<div class="canvas">${img}${svg}</div></section>`);
    }
  });
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>kanrihyo review</title><style>${CSS}</style></head>`
    + `<body><nav>${nav.join("\n")}</nav><main>${pages.join("\n")}</main><div id="detail"></div><script>${SCRIPT}</script></body></html>\n`;
}
