/**
 * The report's only stylesheet, inlined and pinned by its hash in the CSP. No style="" attributes anywhere:
 * a hash-based style-src would block them (the client script sizes bars through CSSOM, which CSP allows).
 */
export const STYLES = `
:root{--ink:#101828;--muted:#475467;--faint:#667085;--line:#e4e7ec;--bg:#f6f7f9;--card:#fff;--accent:#1d4ed8;
--broken:#b42318;--breaks:#e04f16;--at-risk:#c88a04;--ready:#079455;--not-affected:#98a2b3}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.top{background:#0b1f3a;color:#fff;padding:20px 32px}
header.top h1{margin:0 0 4px;font-size:20px;font-weight:600}
header.top .sub{color:#c7d2e4;font-size:13px}
.facts{display:flex;flex-wrap:wrap;gap:8px 28px;margin-top:14px}
.fact{display:flex;flex-direction:column}
.fact .k{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:#9fb0c9}
.fact .v{font-size:14px;font-variant-numeric:tabular-nums}
.fact .note{font-size:12px;color:#c7d2e4}
main{padding:20px 32px 40px;max-width:1500px;margin:0 auto}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin-bottom:18px}
section h2{font-size:15px;margin:0 0 12px;font-weight:600}
section h2.spaced{margin-top:20px}
section p.lead{margin:-6px 0 12px;color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
.card{border:1px solid var(--line);border-left-width:4px;border-radius:6px;padding:10px 12px;background:#fff;cursor:pointer;text-align:left;font:inherit;color:inherit}
.card:hover{background:#f9fafb}
.card .n{font-size:24px;font-weight:600;font-variant-numeric:tabular-nums}
.card .l{color:var(--muted);font-size:12px}
.card.v-broken{border-left-color:var(--broken)}.card.v-breaks{border-left-color:var(--breaks)}.card.v-at-risk{border-left-color:var(--at-risk)}
.card.v-ready{border-left-color:var(--ready)}.card.v-not-affected{border-left-color:var(--not-affected)}.card.c{border-left-color:var(--accent)}
.row{display:grid;grid-template-columns:minmax(0,1.15fr) minmax(0,1fr);gap:18px}
.row>section{margin-bottom:18px}
@media (max-width:1000px){.row{grid-template-columns:1fr}}
table{border-collapse:collapse;width:100%}
th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600;background:#f9fafb;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.matrix td.num{cursor:pointer}.matrix td.num:hover{background:#eef4ff}.matrix td.zero{color:#c0c5cf;cursor:default}.matrix td.zero:hover{background:none}
.matrix tr.total td{font-weight:600;border-top:2px solid var(--line)}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap;color:#fff}
.badge.v-broken{background:var(--broken)}.badge.v-breaks{background:var(--breaks)}.badge.v-at-risk{background:var(--at-risk)}
.badge.v-ready{background:var(--ready)}.badge.v-not-affected{background:#eaecf0;color:#344054}
.badge.i-breaks{background:var(--broken)}.badge.i-needs-human{background:var(--breaks)}.badge.i-depends{background:var(--at-risk)}.badge.i-safe{background:var(--ready)}
.upn,.mono,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.upn{color:var(--faint);display:block}
.soonest{list-style:none;margin:0;padding:0}
.soonest li{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:2px 12px;padding:8px 6px;border-bottom:1px solid var(--line);cursor:pointer}
.soonest li:hover{background:#f9fafb}
.soonest .when{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.soonest .what{color:var(--muted);font-size:12px;grid-column:1/3}
button.link{all:unset;cursor:pointer;color:var(--accent);border-bottom:1px dotted var(--accent)}
button.link:focus-visible{outline:2px solid var(--accent)}
.empty{color:var(--faint);font-style:italic}
.controls{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin-bottom:10px}
.controls input,.controls select{font:inherit;padding:6px 8px;border:1px solid #d0d5dd;border-radius:6px;background:#fff}
.controls input{min-width:360px}
.controls .count{color:var(--muted);margin-left:auto}
.controls button,.more{font:inherit;padding:6px 10px;border:1px solid #d0d5dd;border-radius:6px;background:#fff;cursor:pointer}
th button.sort{all:unset;cursor:pointer}
th button.sort::after{content:" \\2195";color:#c0c5cf}
th[aria-sort=ascending] button.sort::after{content:" \\2191";color:var(--ink)}
th[aria-sort=descending] button.sort::after{content:" \\2193";color:var(--ink)}
tr.identity-row{cursor:pointer}
tr.identity-row td:nth-child(n+2):nth-child(-n+5){white-space:nowrap}
table.evidence td.mono{white-space:nowrap}
tr.identity-row:hover{background:#f5f8ff}
tr.identity-row[aria-expanded=true]{background:#eef4ff}
tr.detail>td{background:#fbfcfe;padding:12px 16px 16px}
.detail-grid{display:grid;grid-template-columns:minmax(0,1.3fr) minmax(0,1fr);gap:16px}
.detail-grid h3{font-size:13px;margin:4px 0 6px}
.detail-grid ul{margin:0;padding-left:18px}
.weight{display:flex;align-items:center;gap:6px;font-variant-numeric:tabular-nums;white-space:nowrap}
.bar{display:inline-block;height:8px;border-radius:4px;background:var(--accent);min-width:2px}
.bar.neg{background:var(--broken)}
.kv{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;font-size:13px}
.kv .k{color:var(--muted)}
.table-wrap{overflow-x:auto}
#scan-table td:nth-child(1){min-width:200px;overflow-wrap:anywhere}
#scan-table td:nth-child(6){min-width:300px}
#scan-table td:nth-child(7){min-width:340px;color:var(--muted)}
#scan-table td:nth-child(5){min-width:150px;overflow-wrap:anywhere}
details{margin-top:12px}
summary{cursor:pointer;color:var(--accent)}
tr.warn td{background:#fffaeb}
.chart svg{width:100%;height:auto;display:block}
.chart text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
.chart text.in{fill:#fff;font-weight:600}
.chart text.muted{fill:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:12px;margin-top:8px;font-size:12px;color:var(--muted)}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.legend i.v-broken{background:var(--broken)}.legend i.v-breaks{background:var(--breaks)}.legend i.v-at-risk{background:var(--at-risk)}
.legend i.v-ready{background:var(--ready)}.legend i.v-not-affected{background:var(--not-affected)}
.seg-broken{fill:var(--broken)}.seg-breaks{fill:var(--breaks)}.seg-at-risk{fill:var(--at-risk)}.seg-ready{fill:var(--ready)}.seg-not-affected{fill:var(--not-affected)}
footer{color:var(--faint);font-size:12px;padding:0 32px 24px;max-width:1500px;margin:0 auto}
@media print{header.top{background:#fff;color:#000}.controls{display:none}section{break-inside:avoid}}
`;
