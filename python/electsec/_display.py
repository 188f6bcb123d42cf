"""How electsec's values show in a notebook: a compact HTML view (``_repr_html_``) for the
catalog's entities and for every result, and list types for the queries that return many
values (search hits, trend points, events) so those show as one table too. The package
imports this module on the first view or list it makes, not at `import electsec`.

Every string from a catalog or a record is escaped: a note or an office name may hold
anything. Long lists are cut at a limit, and the view says how many rows it left out.
"""

from __future__ import annotations

# HTML's special characters (what html.escape replaces; that module would pull in `re` at
# package import).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    return text.translate(_ESCAPES)

ROWS = 30  # rows a table shows before it says how many more there are


# Characters that would change how the text around them shows: controls, and the marks
# that reorder text (bidirectional overrides and isolates). Shown as escapes, as the
# reports show them, so that a name cannot pass for another.
_HIDDEN = {c: f"\\u{c:04x}" for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x061C, 0x200E,
                                      0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
CELL = 300  # characters a cell shows before it is cut


class _Html(str):
    """A cell already written as HTML (by this module, from escaped parts)."""


def _links(links) -> _Html:
    """Links as HTML: a web or e-mail address as a link with the guide's text (what a
    notebook can follow), any other address as text after its title."""
    out = []
    for link in links:
        scheme = link.url.split(":", 1)[0].lower()
        plain = all(32 < ord(c) != 127 for c in link.url) and not any(c in link.url for c in '<>"\\')
        if scheme in ("http", "https", "mailto") and plain:
            out.append(f"<a href=\"{escape(link.url)}\">{_e(link.title)}</a>")
        else:
            out.append(f"{_e(link.title)}: {_e(link.url)}")
    return _Html(" · ".join(out))


def _e(value, limit: int | None = CELL) -> str:
    """`value` as HTML text: escaped, hidden characters shown, cut at `limit` characters."""
    if isinstance(value, _Html):
        return str(value)
    if value is None:
        return ""
    text = str(value).translate(_HIDDEN)
    if limit is not None and len(text) > limit:
        text = text[:limit] + f"… ({len(text) - limit} more characters)"
    return escape(text)


def _n(count: int, word: str) -> str:
    """A count and its noun: 1 office, 2 offices."""
    return f"{count} {word}" + ("" if count == 1 else ("es" if word.endswith("s") else "s"))


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _head(title: str, line: str = "") -> str:
    out = f"<strong>{_e(title)}</strong>"
    return out + (f"<br><span style='color:#555'>{_e(line)}</span>" if line else "")


def _table(headers, rows, limit: int = ROWS, cut: bool = True) -> str:
    """An HTML table; `cut`: cells are cut at CELL characters (what people typed may be
    long; the catalog's own text is shown whole)."""
    rows = list(rows)
    width = CELL if cut else None
    cells = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e(c, width)}</td>" for c in row) + "</tr>" for row in rows[:limit])
    more = f"<tr><td colspan='{len(headers)}'>… {len(rows) - limit} more</td></tr>" if len(rows) > limit else ""
    # The class pandas gives its tables, so that a notebook styles these the same way.
    return f"<table class='dataframe'><thead><tr>{cells}</tr></thead><tbody>{body}{more}</tbody></table>"


def _div(*parts: str) -> str:
    return "<div>" + "".join(p for p in parts if p) + "</div>"


# ---- the catalog ----

def _practice(p) -> str:
    scopes = ", ".join(f"Level {n}: {s.replace('_', ' ')}" for n, s in enumerate(p.scopes, 1))
    actions = _table(["action", "levels", "text", "links"],
                     ((a.id, " ".join(map(str, a.levels)), a.text, _links(a.links))
                      for a in p.actions), limit=len(p.actions), cut=False)
    paragraphs = _table(["block", "after", "kind", "text", "links"],
                        ((q.block, q.after or "(opens the block)", q.kind, q.text,
                          _links(q.links)) for q in p.paragraphs),
                        limit=len(p.paragraphs), cut=False) if p.paragraphs else ""
    maps = ", ".join(m.safeguard + (f" (from Level {m.maturity})" if m.maturity else "") for m in p.safeguards)
    return _div(_head(f"{p.order}. {p.title} ({p.id})", scopes), f"<p>{_e(p.summary, None)}</p>", actions, paragraphs,
                f"<p>CIS Safeguards: {_e(maps or 'none')}</p>")


def _action(a) -> str:
    where = f"{a.practice}, Level {' '.join(map(str, a.levels))}" + (f", {a.group}" if a.group else "")
    return _div(_head(a.id, where), f"<p>{_e(a.text, None)}</p>")


def _safeguard(s) -> str:
    groups = " ".join(f"IG{g}" for g in s.implementation_groups)
    line = f"Control {s.control} · {s.asset_type} · {s.security_function} · {groups}"
    if s.depends_on:
        line += " · depends on " + ", ".join(s.depends_on)
    return _div(_head(f"Safeguard {s.id}: {s.title}", line))


def _catalog(c) -> str:
    g = c.guide()
    counts = [("practices", len(c.practices())), ("actions", len(c.actions())),
              ("maturity statements", len(c.maturity_statements())), ("CIS Safeguards", len(c.safeguards())),
              ("glossary terms", len(c.glossary()))]
    return _div(_head(f"{g.title} {g.version}"), _table(["", "count"], counts))


def _simple(title, line=None):
    """A view of a catalog value: a heading and its text, both read from its attributes."""
    def view(v):
        text = f"<br><span style='color:#555'>{_e(line(v), None)}</span>" if line else ""
        return _div(_head(title(v)) + text)
    return view


# ---- results ----

def _assessment(a) -> str:
    j = a.jurisdiction
    rows = sorted((k, s.status, s.note, s.updated) for k, s in a.statuses.items())
    return _div(_head(f"{j.name} ({j.id})", f"{j.kind}, {j.state} · Level {a.maturity} · "
                                            f"{_n(len(rows), 'status')} · catalog {a.catalog_version}"),
                _table(["action", "status", "note", "updated"], rows))


def _scorecard(card) -> str:
    j = card.jurisdiction
    line = (f"Level {card.maturity} · {card.actions_done} of {card.actions_applicable} actions done "
            f"({_pct(card.completion)}), {card.actions_in_progress} in progress · priorities "
            + ("complete" if card.priorities_complete else "not complete"))
    rows = [(p.practice, p.scope.replace("_", " "), f"{p.actions_done} of {p.actions_applicable}",
             _pct(p.completion)) for p in card.practices if p.actions_applicable]
    return _div(_head(f"Scorecard of {j.name} ({j.id})", line), _table(["practice", "scope", "done", "completion"],
                                                                        rows, limit=len(rows)))


def _plan(plan) -> str:
    rows = [(s.rank, s.kind, s.id, ", ".join(s.actions), s.reason) for s in plan.steps]
    return _div(_head(f"Plan at Level {plan.maturity}", _n(len(plan.steps), "step")),
                _table(["rank", "kind", "step", "actions", "reason"], rows))


def _rollup(r) -> str:
    d = r.maturity_distribution
    line = (f"{_n(r.jurisdictions, 'office')}: {d[0]} at Level 1, {d[1]} at Level 2, {d[2]} at Level 3 · "
            f"{r.actions_done} of {r.actions_applicable} applicable actions done ({_pct(r.completion)})")
    rows = [(p.practice, f"{p.actions_done} of {p.actions_applicable}", _pct(p.completion), p.offices_complete)
            for p in r.practices if p.actions_applicable]
    return _div(_head("Rollup", line), _table(["practice", "done", "completion", "offices complete"], rows,
                                              limit=len(rows)))


def _maturity(m) -> str:
    rows = [(f"Level {t.level}", t.yes, t.answered, t.total, "yes" if t.majority else "no") for t in m.tallies]
    flags = ", ".join(f for f, on in (("answers conflict", m.conflict), ("unsure", m.unsure)) if on)
    return _div(_head(f"Level {m.level}", flags), f"<pre>{_e(m.rationale)}</pre>",
                _table(["level", "apply", "answered", "statements", "majority"], rows))


def _diff(d) -> str:
    rows = [("added", p) for p in d.added] + [("removed", p) for p in d.removed]
    for c in d.changed:
        parts = [f"{len(getattr(c, f))} {f.replace('_', ' ')}" for f in ("actions_added", "actions_removed",
                                                                         "actions_changed", "actions_reworded")
                 if getattr(c, f)]
        kind = "changed" if c.facts_changed() else "reworded"
        rows.append((kind, f"{c.id}: " + (", ".join(parts) or "goals, tools or other fields")))
    return _div(_head("Catalog differences", "none" if not rows else _n(len(rows), "practice")),
                _table(["", "practice"], rows) if rows else "")


def _peer(c) -> str:
    j = c.jurisdiction
    if c.peers.count:
        peers = (f"{c.peer_group} peers' median {_pct(c.peers.median)} ({_n(c.peers.count, 'office')}); "
                 f"percentile rank {c.percentile_rank:.0f}")
    else:
        peers = f"no {c.peer_group} peers to compare with"
    line = f"as of {c.as_of} · {_pct(c.completion)} done; {peers}"
    rows = [(p.practice, _pct(p.completion), _pct(p.peers.median) if p.peers.count else "-",
             f"{p.percentile_rank:.0f}" if p.peers.count else "-") for p in c.practices]
    return _div(_head(f"{j.name} ({j.id}) against its peers", line),
                _table(["practice", "completion", "peers' median", "percentile rank"], rows, limit=len(rows)))


def _trend_rows(points):
    return [(p.period, p.as_of, p.offices, " / ".join(map(str, p.maturity_distribution)),
             f"{p.actions_done} of {p.actions_applicable}", _pct(p.completion),
             _pct(p.office_completion.median) if p.office_completion.count else "-")
            for p in points]


_TREND_HEADERS = ["period", "as of", "offices", "Level 1 / 2 / 3", "done", "completion", "median office"]


def _progress(p) -> str:
    return _div(_head("Progress", f"{p.since} to {p.as_of}"), _table(_TREND_HEADERS, _trend_rows(p.trend)))


# ---- lists of results ----

class SearchHits(list):
    """The hits of a search, best first (a list of SearchHit)."""

    def _repr_html_(self) -> str:
        rows = [(h.kind, h.id, h.title, f"{h.score:.2f}", h.snippet) for h in self]
        return _div(_head("Search", _n(len(self), "hit")), _table(["kind", "id", "title", "score", "snippet"], rows))


class Trend(list):
    """The points of a trend, one per period (a list of TrendPoint)."""

    def _repr_html_(self) -> str:
        return _div(_head("Trend", _n(len(self), "period")), _table(_TREND_HEADERS, _trend_rows(self)))


class Events(list):
    """Recorded changes, oldest first (a list of StoreEvent)."""

    def _repr_html_(self) -> str:
        rows = [(e.sequence, e.office, e.at, e.subject, e.value, e.note, e.author) for e in self]
        return _div(_head("Events", _n(len(self), "recorded change")),
                    _table(["sequence", "office", "at", "subject", "value", "note", "author"], rows))


# The view of each class that has one, by class name. The package (__init__) gives the
# classes these views, and imports this module only when one is first shown.
VIEWS = {
    "Practice": _practice,
    "Action": _action,
    "Safeguard": _safeguard,
    "Catalog": _catalog,
    "Control": _simple(lambda c: f"CIS Control {c.id}: {c.title}"),
    "Goal": _simple(lambda g: g.id, lambda g: g.text),
    "Tool": _simple(lambda t: t.name, lambda t: f"{t.url} · {t.description}"),
    "MaturityStatement": _simple(lambda s: f"{s.id} (Level {s.level})", lambda s: s.text),
    "GlossaryEntry": _simple(lambda g: g.term, lambda g: g.definition),
    "Acronym": _simple(lambda a: a.term, lambda a: a.expansion),
    "HandbookPractice": _simple(lambda h: f"Handbook practice {h.number}: {h.title}",
                                lambda h: "EGES practices: " + ", ".join(h.practices)),
    "Recommendation": _simple(lambda r: f"{r.title} ({r.id})", lambda r: r.text),
    "SearchHit": _simple(lambda h: f"{h.kind} {h.id}: {h.title}", lambda h: h.snippet),
    "Assessment": _assessment,
    "Scorecard": _scorecard,
    "Plan": _plan,
    "PlanStep": _simple(lambda s: f"{s.rank}. {s.kind} {s.id}", lambda s: f"{', '.join(s.actions)} · {s.reason}"),
    "Rollup": _rollup,
    "MaturityResult": _maturity,
    # classes of the parts registered on first use (see the package's __init__)
    "CatalogDiff": _diff,
    "PeerComparison": _peer,
    "Progress": _progress,
    "TrendPoint": lambda p: Trend([p])._repr_html_(),
    "StoreEvent": lambda e: Events([e])._repr_html_(),
}
