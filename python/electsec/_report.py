"""electsec.report: the reports of ``electsec report`` from Python, chosen by what they are
about, with the same defaults as the command."""

from __future__ import annotations

import os

from . import _core

FORMATS = ("markdown", "html")


def _today() -> str:
    import datetime  # here, not at package import
    return datetime.datetime.now(datetime.timezone.utc).date().isoformat()


def _a_year_before(day: str) -> str:
    out = f"{int(day[:4]) - 1:04d}{day[4:]}"
    return out[:8] + "28" if out[5:] == "02-29" else out


def _is_day(text) -> bool:
    import datetime
    if not isinstance(text, str) or len(text) != 10:
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _is_store(source) -> bool:
    return isinstance(source, _core.Store)


def report(source, format: str = "markdown", *, catalog: _core.Catalog | None = None, office: str | None = None,
           as_of: str | None = None, since: str | None = None, state: str | None = None, kind: str | None = None,
           maturity: int | None = None, title: str | None = None, report_date: str | None = None,
           next_steps: int | None = None, max_offices: int | None = None, stalled_days: int | None = None) -> str:
    """A report to read, as Markdown or self-contained HTML, exactly as ``electsec report``
    writes it.

    What it is about follows from `source`:

    - an Assessment, or the path of one assessment file: that office's report (level,
      scorecard, next steps, gaps), like ``--assessment FILE``;
    - a Rollup, a list of Assessments, or the path of a folder (or a list of files and
      folders) of assessment files: a state's report, like ``--rollup PATH...``;
    - a Store: with `office`, that office against the other offices of its state and the
      changes it recorded; without, the state's trend, the offices that gained most and
      those stalling (optionally only the offices of `state`, `kind` or `maturity`); as it
      stood at the end of `as_of` (default today), with progress from `since` (default a
      year earlier), like ``--store STORE``.

    `report_date` defaults to today, as in the command; `next_steps` (default 5) is for an
    office, `max_offices` (default 10) for a state, `stalled_days` (default 90) for a
    store. An option that the chosen report does not use raises Error, as the command
    refuses it."""
    if not isinstance(format, str) or format.lower() not in FORMATS:
        raise _core.Error(f"report format '{format}' is not one of {', '.join(FORMATS)}")
    html = format.lower() == "html"
    cat = _core.default_catalog() if catalog is None else catalog
    date = _today() if report_date is None else report_date
    # The command's checks, with its words.
    for name, value in (("report_date", date), ("as_of", as_of), ("since", since)):
        if value is not None and not _is_day(value):
            raise _core.Error(f"report {name}: '{value}' is not a date (YYYY-MM-DD)")
    for name, value, top in (("next_steps", next_steps, 1000), ("max_offices", max_offices, 100000),
                             ("stalled_days", stalled_days, 36500)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= top):
            raise _core.Error(f"report {name} must be a whole number between 1 and {top}, found {value!r}")
    store = _is_store(source)
    one = isinstance(source, _core.Assessment) or (
        isinstance(source, (str, os.PathLike)) and not os.path.isdir(source)) or (store and office is not None)

    def refuse(name, value, why):
        if value is not None:
            raise _core.Error(f"report {name} {why}")

    for name, value in (("office", office), ("as_of", as_of), ("since", since), ("stalled_days", stalled_days),
                        ("state", state), ("kind", kind), ("maturity", maturity)):
        if not store:
            refuse(name, value, "needs a Store")
    if one:
        refuse("max_offices", max_offices, "is for a state's report, not one office's")
        if store:
            for name, value in (("state", state), ("kind", kind), ("maturity", maturity),
                                ("stalled_days", stalled_days)):
                refuse(name, value, "is for a state's report, not one office's")
    else:
        refuse("next_steps", next_steps, "is for one office's report, not a state's")
    options = {"title": title, "report_date": date}
    if one:
        options["next_steps"] = 5 if next_steps is None else next_steps
    else:
        options["max_offices"] = 10 if max_offices is None else max_offices
    office_report = _core.office_report_html if html else _core.office_report_markdown
    rollup_report = _core.rollup_report_html if html else _core.rollup_report_markdown

    if store:
        start = since if since is not None else _a_year_before(as_of or _today())
        if office is not None:
            record = source.assessment(office, as_of)
            return office_report(cat, record, source.progress(office, since=start, as_of=as_of), **options)
        filters = {"state": state, "kind": kind, "maturity": maturity}
        state_rollup = source.rollup(as_of, **filters)
        if state_rollup.jurisdictions == 0 and any(v is not None for v in filters.values()):
            states = sorted({o.jurisdiction.state for o in source.rollup().offices})
            which = f" (state '{state}'; the store's states: {', '.join(states) or 'none'})" if state is not None else ""
            raise _core.Error(f"{source.path}: no office matches state, kind and maturity{which}")
        progress = source.progress(since=start, as_of=as_of, **filters)
        return rollup_report(cat, state_rollup, progress, 90 if stalled_days is None else stalled_days, **options)
    if isinstance(source, _core.Assessment):
        return office_report(cat, source, **options)
    if one:
        return office_report(cat, _core.load_assessment(source, cat), **options)
    if isinstance(source, _core.Rollup):
        return rollup_report(cat, source, **options)
    items = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    if items and all(isinstance(i, _core.Assessment) for i in items):
        return rollup_report(cat, _core.rollup(cat, items), **options)
    if items and all(isinstance(i, (str, os.PathLike)) for i in items):
        return rollup_report(cat, _core.rollup_files(cat, items), **options)
    raise _core.Error("report needs an Assessment, a Rollup, a Store, or paths of assessment files "
                      "(not a mix of records and paths, and not an empty list)")
