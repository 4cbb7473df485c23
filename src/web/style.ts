// The site's only stylesheet: system fonts, no images, logical properties so Arabic mirrors.
// Options are classes on <html>: text-large (bigger everything) and contrast-high.
import { fingerprint } from "./assets";

const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
html.text-large{font-size:125%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",Arial,sans-serif;font-size:1.125rem;line-height:1.5;color:#0b0c0c;background:#fff;overflow-wrap:break-word}
a{color:#0b4f6c;text-decoration:underline;text-underline-offset:.15em}
a:hover{text-decoration-thickness:3px}
:focus-visible{outline:4px solid #fd0;outline-offset:0;box-shadow:0 0 0 8px #0b0c0c}
a:focus-visible{background:#fd0;color:#0b0c0c;text-decoration:none}
.skip{position:absolute;inset-inline-start:0;top:-10rem;padding:.75rem 1rem;background:#fd0;color:#0b0c0c;z-index:9}
.skip:focus{top:0}
.wrap{max-width:52rem;margin:0 auto;padding:0 1rem}
header.site{background:#0b4f6c;color:#fff;padding:.5rem 0}
header.site a{color:#fff}
header.site a:focus-visible{color:#0b0c0c}
.brand{display:inline-flex;align-items:center;min-height:44px;font-size:1.5rem;font-weight:700;text-decoration:none}
.bar{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;justify-content:space-between}
.links{display:flex;flex-wrap:wrap;gap:.25rem .75rem;list-style:none;margin:0;padding:0;align-items:center}
.links a,.links button{display:inline-flex;align-items:center;min-height:44px;min-width:44px;padding:0 .4rem}
.links a[aria-current]{font-weight:700;text-decoration-thickness:3px}
.prefs{font-size:1rem;border-top:1px solid #6a9bb0;margin-top:.25rem}
.prefs h2{font-size:1rem;margin:0;display:inline}
.linkbutton{font:inherit;color:inherit;background:none;border:0;text-decoration:underline;cursor:pointer}
main{display:block;padding:1.5rem 0 3rem}
main:focus{outline:none}
h1{font-size:2rem;line-height:1.2;margin:0 0 1rem;color:#0b4f6c}
h2{font-size:1.5rem;line-height:1.25;margin:2rem 0 .75rem}
h3{font-size:1.25rem;margin:1.25rem 0 .5rem}
p,ul,dl{margin:0 0 1rem}
.lead{font-size:1.25rem}
.hint{color:#505a5f;display:block;margin-bottom:.25rem}
.button{display:inline-flex;align-items:center;justify-content:center;min-height:44px;padding:.5rem 1.25rem;border:2px solid #0b4f6c;border-radius:4px;background:#0b4f6c;color:#fff;font:inherit;font-weight:700;text-decoration:none;cursor:pointer}
.button.secondary{background:#fff;color:#0b4f6c}
.button:focus-visible{background:#fd0;color:#0b0c0c;border-color:#0b0c0c}
form.filters{background:#f3f2f1;padding:1rem;border-radius:4px}
.field{margin-bottom:1.25rem}
label,legend{font-weight:700;display:block;margin-bottom:.25rem}
input[type=text],input[type=email],input[type=search],input[type=date],input[type=time],input[type=number],select{font:inherit;min-height:44px;padding:.25rem .5rem;border:2px solid #0b0c0c;border-radius:0;background:#fff;color:#0b0c0c;max-width:100%}
input[type=email],input[type=search]{width:100%;max-width:30rem}
input[type=number]{width:6rem}
fieldset{border:0;margin:0 0 1rem;padding:0}
.checks{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(15rem,100%),1fr));gap:0 1rem}
.check{display:flex;align-items:center;gap:.5rem;min-height:44px}
.check input{width:1.5rem;height:1.5rem;margin:0;flex:none}
.check label{font-weight:400;margin:0;min-height:44px;display:flex;align-items:center;flex:1}
.row{display:flex;flex-wrap:wrap;gap:0 1.5rem}
.actions{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
.error{color:#b3261e;font-weight:700}
.has-error{border-inline-start:5px solid #b3261e;padding-inline-start:1rem}
.summary{border:4px solid #b3261e;padding:1rem;margin-bottom:1.5rem}
.summary h2{margin-top:0}
.cards{list-style:none;margin:0;padding:0}
.card{border:2px solid #b1b4b6;border-inline-start:8px solid #0b4f6c;border-radius:4px;padding:1rem;margin-bottom:1rem}
.card h3{margin-top:0}
.tag{display:inline-block;background:#e8f1f5;color:#0b0c0c;border-radius:3px;padding:0 .4rem;margin:0 0 .25rem;margin-inline-end:.25rem;font-size:1rem}
.meta{color:#383f43}
.seats{font-weight:700}
.full{color:#b3261e;font-weight:700}
dl.facts{display:grid;grid-template-columns:fit-content(40%) minmax(0,1fr);gap:.25rem 1rem}
dl.facts dt{font-weight:700}
dl.facts dd{margin:0}
ul.access{padding-inline-start:1.25rem}
.note{border-inline-start:5px solid #0b4f6c;padding-inline-start:1rem;margin-bottom:1rem}
.pager{display:flex;gap:1rem;flex-wrap:wrap;align-items:center}
.status{font-weight:700}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.hp{display:none}
textarea{font:inherit;width:100%;max-width:30rem;min-height:6rem;padding:.25rem .5rem;border:2px solid #0b0c0c;background:#fff;color:#0b0c0c}
.panel{border:4px solid #0b4f6c;padding:1rem;margin-bottom:1.5rem}
.panel h2{margin-top:0}
.ticket svg{width:min(100%,16rem);height:auto;display:block}
code.secret{display:block;overflow-wrap:anywhere;padding:.5rem;border:2px dashed #0b0c0c;font-size:1rem}
footer.site{border-top:4px solid #0b4f6c;padding:1.5rem 0;margin-top:2rem;font-size:1rem}
footer.site a{display:inline-flex;align-items:center;min-height:44px}
.poster{text-align:center}
.poster h1{font-size:clamp(1.75rem,9vw,2.5rem)}
.poster .when{font-size:1.5rem;font-weight:700}
.poster svg{width:min(100%,11cm);height:auto;display:block;margin:1rem auto}
.poster .url{font-size:1.25rem;overflow-wrap:anywhere}
html.contrast-high body{background:#000;color:#fff}
html.contrast-high a,html.contrast-high h1,html.contrast-high .linkbutton{color:#ff0}
html.contrast-high header.site,html.contrast-high form.filters{background:#000;border-bottom:2px solid #fff}
html.contrast-high header.site a{color:#ff0}
html.contrast-high a:focus-visible,html.contrast-high header.site a:focus-visible{background:#ff0;color:#000}
html.contrast-high :focus-visible{outline-color:#ff0;box-shadow:0 0 0 8px #fff}
html.contrast-high .hint,html.contrast-high .meta{color:#fff}
html.contrast-high .button{background:#ff0;color:#000;border-color:#ff0}
html.contrast-high .button.secondary{background:#000;color:#ff0}
html.contrast-high .card{border-color:#fff}
html.contrast-high .tag{background:#000;color:#fff;border:1px solid #fff}
html.contrast-high .error,html.contrast-high .full{color:#ff9c9c}
html.contrast-high .summary,html.contrast-high .has-error{border-color:#ff9c9c}
html.contrast-high input,html.contrast-high select,html.contrast-high textarea{background:#000;color:#fff;border-color:#fff}
html.contrast-high form.filters{border:2px solid #fff}
html.contrast-high footer.site,html.contrast-high .note,html.contrast-high .panel,html.contrast-high code.secret{border-color:#fff}
input[type=url],input[type=datetime-local]{font:inherit;min-height:44px;padding:.25rem .5rem;border:2px solid #0b0c0c;border-radius:0;background:#fff;color:#0b0c0c;width:100%;max-width:36rem}
.secret{word-break:break-all;font-size:1.1rem}
figure.chart{margin:0 0 1rem;max-width:44rem}
table.list caption{text-align:start;font-weight:700;padding:.5rem 0}
input.code{font-size:1.75rem;letter-spacing:.1em;text-transform:uppercase;width:100%;max-width:20rem}
video.scan{display:block;width:100%;max-width:24rem;margin-bottom:1rem}
video.scan[hidden]{display:none}
table.list{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
table.list th,table.list td{text-align:start;vertical-align:top;padding:.5rem;border-bottom:1px solid #b1b4b6}
html.contrast-high table.list th,html.contrast-high table.list td{border-color:#fff}
.category{display:inline-flex;align-items:center;gap:.4rem}
.pictogram{flex:none;color:#0b4f6c}
html.contrast-high .pictogram{color:#fff}
.category-links{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(14rem,100%),1fr));gap:.25rem 1rem;list-style:none;margin:0 0 1.5rem;padding:0}
.category-links a{display:flex;align-items:center;min-height:44px}
.category-links a[aria-current]{font-weight:700}
.open-now{color:#00703c}
html.contrast-high .open-now{color:#fff}
.poster .pictogram{width:4rem;height:4rem;margin:0 auto}
.poster ul{list-style:none;padding:0;font-size:1.25rem}
.poster.card svg{width:min(100%,6cm)}
.record-totals{display:flex;flex-wrap:wrap;gap:1rem}
.record-totals div{border:1px solid #767676;padding:.5rem 1rem}
.record-totals dd{font-size:1.5rem;font-weight:700;margin:0}
form.inline{display:inline}
.picto{display:inline-flex;align-items:center;gap:.35rem;vertical-align:middle}
ul.tags{list-style:none;margin:0 0 .75rem;padding:0;display:flex;flex-wrap:wrap;gap:.35rem}
ul.tags .tag{margin:0;padding:.1rem .4rem}
ul.pictos{list-style:none;padding:0;margin-top:0}
ul.pictos li{margin-bottom:.4rem}
.filters-fold{margin-bottom:1.5rem}
.filters-fold>summary{cursor:pointer;font-weight:700;padding:.6rem 0;color:#0b4f6c;text-decoration:underline}
html.contrast-high .filters-fold>summary{color:#ff0}
.poster .poster-type svg{width:6rem;height:6rem;margin:0 auto}
.poster ul.poster-pictos{display:flex;flex-wrap:wrap;justify-content:center;gap:.5rem 1.5rem}
.poster .picto svg{display:inline-block;width:2.5rem;height:2.5rem;margin:0}
@media print{
@page{size:A4;margin:15mm}
table.record{font-size:10pt;width:100%}
table.record tr{break-inside:avoid}
.record-totals div{border-color:#000}
header.site,footer.site,.no-print,.skip{display:none!important}
html,body{background:#fff!important;color:#000!important;font-size:12pt}
main{padding:0}
.poster{height:260mm;display:flex;flex-direction:column;justify-content:center;break-inside:avoid}
.poster h1{font-size:36pt;color:#000!important}
.poster p{margin:.3em 0}
.poster ul.poster-pictos{font-size:13pt;margin:.3em 0}
.poster .when{font-size:18pt}
.poster svg{width:8cm;margin:.5em auto}
.poster .pictogram{width:2.5cm;height:2.5cm}
.poster.card{height:auto;min-height:120mm;border:1px dashed #000;padding:8mm}
.poster.card h1{font-size:24pt}
.poster.card svg{width:5cm}
.poster .poster-type svg{width:2.5cm;height:2.5cm}
.poster .picto svg{width:1cm;height:1cm}
}
`;

export const SITE_CSS = CSS.trim().replace(/\n/g, "");

export const CSS_PATH = `/assets/site.${fingerprint(SITE_CSS)}.css`;
