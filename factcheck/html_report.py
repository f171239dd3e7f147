"""The HTML report: the Markdown report's sections, with a timeline chart per subject, in one file.

Self-contained on purpose (it is mailed, or opened from an intranet share): CSS inline, and
the charting library (Vega-Lite with Vega and vega-embed, as bundled by ``vl-convert`` for
altair) inlined once in a ``<script>``; no network, no CDN. Each chart is an altair spec:
figures as points (interval bars where the figure is a range) over time, coloured by
outlet, conflicts ringed in red, each point's tooltip quoting the sentence. Each figure in
the tables links to its place in the article (path, ``#L<line>``). Readable at a phone's
width; prints one subject per block. Deterministic: the same Report gives the same bytes.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from html import escape
from urllib.parse import quote

from factcheck.model import Report
from factcheck.report import MARK_LABEL, MAX_ITEMS, MAX_ROWS, VERDICT_LABEL, summary_line
from factcheck.timeline import Entry, Timeline, figure_label, figure_note, timelines

__all__ = ["render_html", "chart_spec"]

_CSS = """
:root { --conflict: #c62828; --tension: #b26a00; --ok: #2e7d32; --muted: #5f6368; }
* { box-sizing: border-box; }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f;
       margin: 0 auto; padding: 1rem; max-width: 62rem; }
h1 { font-size: 1.6rem; margin: .2rem 0 .6rem; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 .4rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.1rem 0 .3rem; }
.verdict { display: inline-block; font-size: .8rem; font-weight: 600; padding: .05rem .45rem; border-radius: .6rem;
           color: #fff; vertical-align: middle; margin-right: .35rem; }
.v-conflict { background: var(--conflict); } .v-tension { background: var(--tension); }
.v-compatible { background: var(--ok); } .v-single { background: var(--muted); }
.says { font-weight: 600; margin: .3rem 0; }
.meta, .note { color: var(--muted); font-size: .9rem; }
.chart { width: 100%; min-height: 240px; margin: .4rem 0; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; font-size: .88rem; width: 100%; }
th, td { text-align: left; padding: .25rem .45rem; border-bottom: 1px solid #e6e6e6; vertical-align: top; }
th { background: #f5f5f5; font-weight: 600; }
tr.mark-conflict td { background: #fdecea; } tr.mark-tension td { background: #fff4e0; }
tr.mark-earlier td { color: var(--muted); }
td:last-child { white-space: nowrap; }
code, .loc { font: .82rem ui-monospace, SFMono-Regular, Menlo, monospace; word-break: break-all; }
a { color: #1a57b0; }
section.subject { break-inside: avoid; page-break-inside: avoid; border-left: 4px solid #ccc; padding-left: .7rem; }
section.s-conflict { border-color: var(--conflict); } section.s-tension { border-color: var(--tension); }
section.s-compatible { border-color: var(--ok); }
@media (max-width: 600px) { body { padding: .6rem; font-size: 15px; } th, td { padding: .2rem .3rem; } }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; }
               h2 { break-after: avoid; } .chart { break-inside: avoid; } }
"""

#: Embeds every chart once the page has loaded; the specs are JSON in <script type="application/json">.
_EMBED = """
document.querySelectorAll('div.chart[data-spec]').forEach(function (el) {
  var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
  vegaEmbed(el, spec, {actions: false, renderer: 'svg'}).then(function () {
    el.setAttribute('data-rendered', 'yes');
  }).catch(function (err) { el.setAttribute('data-error', String(err)); el.textContent = String(err); });
});
"""

#: Ring colours of marked figures on a chart.
_RING = {"conflict": "#c62828", "tension": "#b26a00", "correction": "#1565c0", "earlier": "#888888"}


@lru_cache(maxsize=1)
def _library() -> str:
    """Vega, Vega-Lite and vega-embed as one script, at the Vega-Lite version altair writes."""
    import vl_convert as vlc
    from altair.utils._importers import vl_version_for_vl_convert

    return vlc.javascript_bundle(vl_version=vl_version_for_vl_convert())


def _day(c) -> date | None:
    return c.as_of or c.published


def _point(e: Entry, t: Timeline) -> dict | None:
    """One figure as chart data: its date, value and interval (dates for a start-date rule), tooltip text."""
    c = e.claim
    when = _day(c)
    if when is None:
        return None
    row = {"date": when.isoformat(), "source": c.source or c.article, "figure": " ".join(c.text.split()),
           "interval": e.interval, "mark": e.mark or "none", "where": e.location, "count": e.count,
           "sentence": " ".join((c.sentence or c.text).split())[:300]}
    if getattr(t.rule, "compare", None) == "start_date":
        from factcheck.compare import start_interval

        iv = start_interval(c, t.rule)
        if iv is None:
            return None
        lo, hi = int(iv[0].lo), int(iv[0].hi)
        row.update(low=date.fromordinal(lo).isoformat(), high=date.fromordinal(hi).isoformat(),
                   value=date.fromordinal((lo + hi) // 2).isoformat())
        return row
    value = c.value if c.value is not None else (c.low if c.low is not None else c.high)
    if value is None:
        return None
    row.update(value=value, low=c.low if c.low is not None else value, high=c.high if c.high is not None else value)
    return row


def _scale(rows: list[dict], dated: bool):
    """A linear axis; a logarithmic one when the figures span more than two orders of magnitude, so that
    one outlier (a population quoted for a toll) does not flatten the rest."""
    import altair as alt

    values = [r[k] for r in rows for k in ("low", "high", "value") if not dated]
    if values and min(values) > 0 and max(values) / min(values) > 100:
        return alt.Scale(type="log")
    return alt.Scale(zero=False)


def chart_spec(t: Timeline) -> dict | None:
    """The Vega-Lite spec (through altair) of a subject's timeline; None when fewer than two figures have a date."""
    import altair as alt

    rows = [r for r in (_point(e, t) for e in t.entries) if r is not None]
    if sum(r["count"] for r in rows) < 2:
        return None
    marks = [m for m in _RING if any(r["mark"] == m for r in rows)] or ["conflict"]
    dated = getattr(t.rule, "compare", None) == "start_date"
    kind = "T" if dated else "Q"
    title = "start date" if dated else " ".join(str(t.subject.name or t.subject.measure).split())
    data = alt.Data(values=rows)
    x = alt.X("date:T", title="as of / published", axis=alt.Axis(format="%d %b %Y", labelAngle=-30, tickCount=6))
    y = alt.Y(f"value:{kind}", title=title, scale=_scale(rows, dated))
    colour = alt.Color("source:N", title="outlet", legend=alt.Legend(orient="bottom", columns=2, labelLimit=260))
    tooltip = [alt.Tooltip("figure:N", title="figure"), alt.Tooltip("source:N", title="outlet"),
               alt.Tooltip("date:T", title="date", format="%Y-%m-%d"), alt.Tooltip("interval:N", title="interval"),
               alt.Tooltip("sentence:N", title="sentence"), alt.Tooltip("where:N", title="in"),
               alt.Tooltip("count:Q", title="times printed")]
    bars = alt.Chart(data).mark_rule(strokeWidth=4, opacity=0.45).encode(
        x=x, y=alt.Y(f"low:{kind}"), y2="high", color=colour)
    points = alt.Chart(data).mark_point(filled=True, size=80, opacity=0.9).encode(
        x=x, y=y, color=colour, tooltip=tooltip)
    flagged = alt.Chart(data, name="flagged").transform_filter("datum.mark != 'none'").mark_point(
        size=340, strokeWidth=2.5, filled=False, shape="circle").encode(
        x=x, y=y, tooltip=tooltip,
        stroke=alt.Stroke("mark:N", title="mark", legend=alt.Legend(orient="bottom"), scale=alt.Scale(domain=marks, range=[_RING[m] for m in marks])))
    chart = alt.layer(bars, points, flagged).properties(width="container", height=220).configure_view(stroke=None)
    spec = chart.to_dict()
    spec.pop("$schema", None)  # a URL the page never needs
    return spec


def _link(e: Entry) -> str:
    c = e.claim
    path = e.location.rsplit(":", 2)[0]
    href = quote(path) + f"#L{c.line}"
    more = f" ×{e.count}" if e.count > 1 else ""
    return f'<a class="loc" href="{escape(href)}">{escape(e.location)}</a>{more}'


def _table(t: Timeline) -> list[str]:
    entries = list(t.entries)
    if len(entries) > MAX_ROWS:
        marked = [e for e in entries if e.mark]
        keep = set(map(id, (marked + [e for e in entries if not e.mark])[:MAX_ROWS]))
        entries = [e for e in entries if id(e) in keep]
    out = ['<div class="table-wrap"><table>', "<thead><tr><th>As of</th><th>Published</th><th>Source</th>"
           "<th>Attribution</th><th>Figure</th><th>Interval</th><th>Mark</th></tr></thead><tbody>"]
    for e in entries:
        c = e.claim
        cls = f' class="mark-{e.mark}"' if e.mark else ""
        out.append(f"<tr{cls}><td>{c.as_of.isoformat() if c.as_of else ''}</td>"
                   f"<td>{c.published.isoformat() if c.published else ''}</td><td>{escape(c.source or c.article)}</td>"
                   f"<td>{escape(c.attribution or '')}</td><td>{escape(figure_label(c))}<br>{_link(e)}"
                   f"{'<br><em>' + escape(figure_note(c)) + '</em>' if c.part else ''}</td>"
                   f"<td>{escape(e.interval)}</td><td>{escape(MARK_LABEL[e.mark])}</td></tr>")
    out.append("</tbody></table></div>")
    hidden = len(t.entries) - len(entries)
    if hidden:
        out.append(f'<p class="note">… and {hidden} more rows (every figure is in the JSON report).</p>')
    return out


def _section(t: Timeline, specs: list[tuple[str, dict]], level: int = 2) -> list[str]:
    s = t.subject
    name = escape(" ".join(str(s.name or s.measure).split()))
    pairs = sum(1 for f in t.findings if f.verdict == s.verdict) if s.verdict in ("conflict", "tension") else 0
    out = [f'<section class="subject s-{s.verdict}" id="{escape(s.id)}" data-verdict="{s.verdict}">',
           f'<h{level}><span class="verdict v-{s.verdict}">{VERDICT_LABEL[s.verdict]}</span>{name} '
           f'<span class="meta">({escape(s.id)})</span></h{level}>',
           f'<p class="says">{escape(t.summary[0].upper() + t.summary[1:])}.</p>',
           f'<p class="meta">{t.figures} figures from {t.outlets} outlet{"s" if t.outlets != 1 else ""}'
           + (f"; {pairs} pair{'s' if pairs != 1 else ''} in {s.verdict}" if pairs else "") + ".</p>"]
    spec = chart_spec(t)
    if spec is not None:
        sid = f"spec-{s.id}"
        specs.append((sid, spec))
        out.append(f'<div class="chart" data-spec="{escape(sid)}" data-subject="{escape(s.id)}" role="img" '
                   f'aria-label="timeline of {name}"></div>')
    return out + _table(t) + ["</section>"]


def _short_list(items: list[str]) -> list[str]:
    out = ["<ul>"] + [f"<li>{i}</li>" for i in items[:MAX_ITEMS]]
    if len(items) > MAX_ITEMS:
        out.append(f"<li>… and {len(items) - MAX_ITEMS} more (in the JSON report).</li>")
    return out + ["</ul>"]


def _body(report: Report, ts: list[Timeline], specs: list[tuple[str, dict]]) -> list[str]:
    from factcheck.report import draft_section

    out = [f"<p><strong>Summary:</strong> {escape(summary_line(report, ts))}.</p>"]
    if report.problems:
        out += ["<h2>Input problems</h2>", "<ul>"] + [f"<li><code>{escape(str(p))}</code></li>" for p in report.problems]
        out.append("</ul>")
    draft = draft_section(report)
    if draft:
        out += ["<h2>The draft, checked</h2>", f"<p>{escape(draft[2])}</p>", "<ul>"]
        out += [f"<li>{escape(line[2:])}</li>" for line in draft[4:] if line.startswith("- ")] + ["</ul>"]
    flagged = [t for t in ts if t.verdict in ("conflict", "tension")]
    if not flagged:
        out.append("<p>No conflicts or tensions found.</p>")
    for t in flagged:
        out += _section(t, specs)
    consistent = [t for t in ts if t.verdict == "compatible"]
    out.append(f"<h2>Checked and consistent ({len(consistent)})</h2>")
    if not consistent:
        out.append("<p>Nothing to report.</p>")
    for t in consistent[:MAX_ITEMS]:
        out += _section(t, specs, level=3)
    if len(consistent) > MAX_ITEMS:
        out.append(f'<p class="note">… and {len(consistent) - MAX_ITEMS} more consistent subjects (in the JSON report).</p>')
    single = [t for t in ts if t.verdict == "single"]
    if single:
        out.append(f"<h2>Figures given once ({len(single)})</h2>")
        out += _short_list([f"{escape(str(t.subject.name or t.subject.measure))} ({escape(t.subject.id)}): "
                            f"{escape(t.summary)}" for t in single])
    scoped = sorted((f for f in report.findings if f.verdict == "different_scope"), key=lambda f: (f.subject, f.id))
    out.append(f"<h2>Not compared, and why ({len(scoped)})</h2>")
    out += _short_list([f"<strong>{escape(f.subject)}</strong> ({escape(f.id)}): {escape(f.message)}" for f in scoped]) \
        if scoped else ["<p>Nothing to report.</p>"]
    return out


def _json_script(sid: str, spec: dict) -> str:
    text = json.dumps(spec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")  # safe inside <script>
    return f'<script type="application/json" id="{escape(sid)}">{text}</script>'


def render_html(report: Report, title: str = "Fact-check report") -> str:
    """One self-contained HTML page: the report's sections, a chart per subject with two or more dated figures."""
    ts = timelines(report)
    specs: list[tuple[str, dict]] = []
    body = _body(report, ts, specs)
    head = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>", f"<style>{_CSS}</style>"]
    if specs:
        head.append(f"<script>{_library()}</script>")
    tail = [_json_script(sid, spec) for sid, spec in specs]
    if specs:
        tail.append(f"<script>{_EMBED}</script>")
    return "\n".join(head + ["</head>", "<body>", f"<h1>{escape(title)}</h1>"] + body + tail + ["</body>", "</html>", ""])
