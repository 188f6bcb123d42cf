// electsec-serve's one style sheet: plain, readable at phone and desktop widths, and clean
// on paper (navigation and forms are left out of print).
#include "web.hpp"

namespace serve {

const char* const style_css = R"css(
:root { --ink: #1d2530; --muted: #5b6675; --line: #d5dbe3; --accent: #1f5fa8; --done: #2e7d4f;
        --peers: #c26a12; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       background: #fff; }
header { background: var(--ink); }
header nav { max-width: 70rem; margin: 0 auto; padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem;
             align-items: baseline; }
header a { color: #fff; text-decoration: none; padding: .25rem 0; }
header a[aria-current] { border-bottom: 3px solid #8fb8ea; }
.brand { color: #8fb8ea; font-weight: 700; margin-right: .75rem; }
main { max-width: 70rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 .75rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; }
a { color: var(--accent); }
.muted, .lede { color: var(--muted); }
.muted { font-size: .875rem; }
code { font-size: .9em; }
footer { max-width: 70rem; margin: 2rem auto 1rem; padding: 0 1rem; color: var(--muted); font-size: .8rem; }
.tabs { display: flex; flex-wrap: wrap; gap: .25rem 1rem; border-bottom: 1px solid var(--line); margin: .5rem 0 1rem;
        padding-bottom: .25rem; }
.tabs a { text-decoration: none; padding: .2rem 0; }
.tabs a[aria-current] { font-weight: 700; border-bottom: 3px solid var(--accent); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--bg); font-weight: 600; }
.meter { white-space: nowrap; font-variant-numeric: tabular-nums; }
.meter svg { vertical-align: middle; }
.meter .track { fill: #e3e8ee; }
.meter .fill { fill: var(--done); }
.summary { display: flex; gap: 1rem; align-items: center; background: var(--bg); border: 1px solid var(--line);
           border-radius: 6px; padding: .5rem 1rem; }
.summary .big { font-size: 2.2rem; font-weight: 700; margin: 0; color: var(--done); }
.notice, .result { background: #eef5ec; border-left: 4px solid var(--done); padding: .5rem .75rem; }
.error { background: #fbeeee; border-left: 4px solid #b3261e; padding: .5rem .75rem; }
.empty { color: var(--muted); font-style: italic; }
form.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .5rem 1rem;
            align-items: end; }
form.grid label, .filters label { display: flex; flex-direction: column; font-size: .875rem; color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0 1rem; }
input, select, button { font: inherit; padding: .3rem .4rem; border: 1px solid #aab4c0; border-radius: 4px;
                        color: var(--ink); background: #fff; }
button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0; }
legend { font-weight: 700; padding: 0 .25rem; }
.statement { border-bottom: 1px solid var(--line); padding: .25rem 0 .5rem; }
.statement p { margin: .25rem 0; }
.choice { margin-right: 1.25rem; white-space: nowrap; }
details.step { border: 1px solid var(--line); border-radius: 6px; margin: .75rem 0; padding: .25rem .75rem; }
details.step summary { cursor: pointer; font-weight: 600; padding: .35rem 0; }
.rank { display: inline-block; min-width: 1.75rem; text-align: center; background: var(--accent); color: #fff;
        border-radius: 1rem; font-size: .85rem; margin-right: .35rem; }
.reason { color: var(--muted); margin-top: 0; }
ul.actions { list-style: none; padding: 0; }
li.action { border-top: 1px solid var(--line); padding: .5rem 0; }
li.action p { margin: 0 0 .35rem; }
li.action.status-done p { color: var(--done); }
li.action.status-in_progress p::before { content: "In progress: "; font-weight: 600; color: var(--peers); }
form.mark { display: flex; flex-wrap: wrap; gap: .35rem .75rem; align-items: center; font-size: .9rem; }
form.mark input[type=text] { min-width: 16rem; }
ul.plain li { margin: .35rem 0; }
ul.links { margin: 0; padding-left: 1.1rem; }
form.inline { display: inline; }
li.paragraph { list-style: none; color: var(--muted); }
.two { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 2fr); gap: 1.5rem; }
figure.chart { margin: .5rem 0; }
figure.chart svg { width: 100%; height: auto; max-width: 40rem; display: block; }
figure.chart.small svg { max-width: 24rem; }
figcaption { font-size: .85rem; color: var(--muted); }
.grid { stroke: #e3e8ee; }
.axis { font-size: 11px; fill: var(--muted); }
.bar { fill: var(--accent); }
polyline.office, circle.office { stroke: var(--done); stroke-width: 2.5; }
circle.office { fill: var(--done); }
polyline.peers, circle.peers { stroke: var(--peers); stroke-width: 2; stroke-dasharray: 5 3; }
circle.peers { fill: var(--peers); stroke-dasharray: none; }
.key { margin-left: .75rem; }
.key::before { content: ""; display: inline-block; width: 1.25rem; height: 3px; vertical-align: middle;
               margin-right: .3rem; }
.key.office::before { background: var(--done); }
.key.peers::before { background: var(--peers); }
.csv { margin: .25rem 0 0; font-size: .9rem; }
dt { font-weight: 700; margin-top: .5rem; }
dd { margin-left: 1rem; }
@media (max-width: 40rem) {
  .two { grid-template-columns: 1fr; }
  .summary { flex-direction: column; align-items: flex-start; }
  form.mark input[type=text] { min-width: 0; width: 100%; }
  th, td { padding: .3rem; }
}
@media print {
  header, footer, form, .tabs, .csv, .noprint { display: none !important; }
  main { max-width: none; padding: 0; }
  details.step { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  table, figure { break-inside: avoid; }
}
)css";

}  // namespace serve
