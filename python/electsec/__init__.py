"""electsec: the CIS Essential Guide to Election Security as a queryable model.

Start with :func:`default_catalog`, the catalog embedded at build time::

    import electsec
    cat = electsec.default_catalog()
    for p in cat.practices(maturity=1, scope="priority"):
        print(p.order, p.title)

Values follow the catalog JSON format: maturity levels and Implementation Groups are ints
(1, 2, 3); scopes, asset types and security functions are strings ("priority", "Devices",
"Protect"). Lookups that miss raise :class:`NotFound` (a ``KeyError``); filters that match
nothing return an empty list. Every error is an :class:`Error` (a ``ValueError``).
"""

import gc as _gc

# Loading the compiled module registers thousands of objects, none of them garbage: the
# collector, left on, would walk them all several times over (about half a millisecond of
# the import, issue #18). It is off while the module loads, and then as it was.
_gc_was_enabled = _gc.isenabled()
_gc.disable()
try:
    from . import _core
finally:
    if _gc_was_enabled:
        _gc.enable()
del _gc, _gc_was_enabled

from ._core import (
    ASSESSMENT_SCHEMA,
    ASSET_TYPES,
    CATALOG_SCHEMA,
    HIT_KINDS,
    IMPLEMENTATION_GROUPS,
    JURISDICTION_KINDS,
    MATURITIES,
    PARAGRAPH_KINDS,
    SCOPES,
    SECURITY_FUNCTIONS,
    STATUSES,
    Acronym,
    Action,
    ActionStatus,
    Assessment,
    Catalog,
    CatalogBuilder,
    CdmRank,
    CompactAssessment,
    Control,
    Coverage,
    Error,
    GlossaryEntry,
    Goal,
    Guidance,
    GuidanceSource,
    ComponentConnection,
    ComponentVariant,
    ConnectednessClass,
    Primer,
    SystemComponent,
    SystemLink,
    SystemRisk,
    GuideInfo,
    HandbookPractice,
    IoError,
    Jurisdiction,
    LevelTally,
    Link,
    MappedPractice,
    MappedSafeguard,
    MaturityLevel,
    MaturityResult,
    MaturityStatement,
    NotFound,
    Paragraph,
    OfficeSummary,
    ParseError,
    Plan,
    PlanStep,
    Practice,
    PracticeRollup,
    PracticeScore,
    Priorities,
    Recommendation,
    RelatedPractice,
    Rollup,
    Safeguard,
    SafeguardMapping,
    SafeguardScore,
    Scorecard,
    SearchHit,
    Tool,
    ValidationError,
    Worksheet,
    __version__,
    build_plan,
    step_title,
    compact,
    create_assessment,
    default_catalog,
    determine_maturity,
    level_name,
    load_answers,
    load_assessment,
    load_catalog,
    main,
    office_report_html,
    office_report_markdown,
    parse_answers,
    parse_assessment,
    parse_catalog,
    rollup,
    rollup_files,
    rollup_report_html,
    rollup_report_markdown,
    run_cli,
    save_assessment,
    score,
    scorecard,
    to_json,
    update_assessment,
    uuid_v5,
    RiskPicture,
    SystemPractice,
    SystemPracticeLink,
    SystemUse,
    SystemUseRisks,
    risk_picture,
)


def _views():
    """Notebook views and list types, without importing _display (nearly a tenth of
    `import electsec`, issue #18) before one is used. Each class below gets a
    _repr_html_ that imports _display and shows the value with its view there; each
    query below returns its results as _display's list type (a list). Returns the function
    that does the same for a part of _core once the part is registered."""
    import functools

    views = {
        None: ("Practice", "Action", "Safeguard", "Catalog", "Control", "Goal", "Tool", "MaturityStatement",
               "GlossaryEntry", "Acronym", "HandbookPractice", "Recommendation", "SearchHit", "Assessment",
               "Scorecard", "Plan", "PlanStep", "Rollup", "MaturityResult"),
        "releases": ("CatalogDiff",),
        "store": ("PeerComparison", "Progress", "TrendPoint", "StoreEvent"),
    }
    lists = {
        None: (("Catalog", "search", "SearchHits"),),
        "store": (("Store", "trend", "Trend"), ("Store", "history", "Events"), ("Store", "changes", "Events")),
    }

    def view(name):
        def _repr_html_(self):
            from . import _display
            return _display.VIEWS[name](self)
        return _repr_html_

    def returning(kind, method):
        @functools.wraps(method)
        def call(*args, **kwargs):
            from . import _display
            return getattr(_display, kind)(method(*args, **kwargs))
        return call

    def install(part):
        for name in views.get(part, ()):
            setattr(_core.__dict__[name], "_repr_html_", view(name))
        for name, query, kind in lists.get(part, ()):
            cls = _core.__dict__[name]
            setattr(cls, query, returning(kind, getattr(cls, query)))

    install(None)
    return install


_install_views = _views()
del _views


def _lazy_parts():
    """The package's and _core's module __getattr__ and __dir__ (PEP 562) for the parts of
    the compiled module that are registered on the first lookup of one of their names
    rather than at import (issue #18): the history store, the importer of releases with
    diff and migrate, the OSCAL and CISO Assistant exchanges; and the package's own `report`
    (_report). Every name is where it always was, `dir()` lists the same names, and
    `from electsec import Store` works as before."""
    import _thread

    parts = {
        "store": ("STORE_SCHEMA_VERSION", "Distribution", "ImportSummary", "OfficeProgress", "PeerComparison",
                  "PracticeComparison", "Progress", "Store", "StoreEvent", "TrendPoint", "distribution",
                  "percentile_rank"),
        "releases": ("CatalogDiff", "FieldChange", "ImportResult", "ImportWarning", "Migration", "PracticeChange",
                     "diff", "import_eges_rst", "import_practice_rst", "migrate"),
        "exchange": ("CisoAssistantImport", "OscalImport", "StatusRow", "import_ciso_assistant_audit",
                     "parse_oscal_assessment_results", "to_ciso_assistant_library", "to_ciso_assistant_mapping",
                     "to_oscal_assessment_results", "to_oscal_catalog", "to_oscal_poam", "to_oscal_profile"),
    }
    part_of = {name: part for part, names in parts.items() for name in names}
    hooks = frozenset({"__getattr__", "__dir__"})
    lock = _thread.RLock()
    done, loading = set(), set()

    def load(part):
        with lock:
            # Registering looks names up in _core, which comes back here: not again.
            if part in done or part in loading:
                return
            loading.add(part)
            try:
                _core._register(_core, part)
                _install_views(part)
                done.add(part)
            finally:
                loading.discard(part)

    def package_getattr(name):
        if name == "report":  # the package's own, from _report, also on first use
            from ._report import report

            globals()["report"] = report
            return report
        part = part_of.get(name)
        if part is not None:
            load(part)
            if name in _core.__dict__:
                value = globals()[name] = _core.__dict__[name]
                return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    def core_getattr(name):
        part = part_of.get(name)
        if part is not None:
            load(part)
            if name in _core.__dict__:
                return _core.__dict__[name]
        raise AttributeError(f"module {_core.__name__!r} has no attribute {name!r}")

    def package_dir():
        return sorted((globals().keys() - hooks) | part_of.keys() | {"report"})

    def core_dir():
        return sorted((_core.__dict__.keys() - hooks) | part_of.keys())

    _core.__getattr__, _core.__dir__ = core_getattr, core_dir
    return package_getattr, package_dir


__getattr__, __dir__ = _lazy_parts()
del _lazy_parts

__all__ = [
    "ASSESSMENT_SCHEMA",
    "ASSET_TYPES",
    "CATALOG_SCHEMA",
    "HIT_KINDS",
    "IMPLEMENTATION_GROUPS",
    "JURISDICTION_KINDS",
    "MATURITIES",
    "PARAGRAPH_KINDS",
    "SCOPES",
    "SECURITY_FUNCTIONS",
    "STATUSES",
    "STORE_SCHEMA_VERSION",
    "Acronym",
    "Action",
    "ActionStatus",
    "Assessment",
    "Catalog",
    "CatalogBuilder",
    "CatalogDiff",
    "FieldChange",
    "CdmRank",
    "CompactAssessment",
    "Control",
    "Coverage",
    "Distribution",
    "Error",
    "GlossaryEntry",
    "Goal",
    "Guidance",
    "GuidanceSource",
    "ComponentConnection",
    "ComponentVariant",
    "ConnectednessClass",
    "Primer",
    "SystemComponent",
    "SystemLink",
    "SystemRisk",
    "GuideInfo",
    "HandbookPractice",
    "ImportResult",
    "ImportSummary",
    "ImportWarning",
    "IoError",
    "Jurisdiction",
    "LevelTally",
    "Link",
    "MappedPractice",
    "MappedSafeguard",
    "MaturityLevel",
    "MaturityResult",
    "MaturityStatement",
    "Migration",
    "OfficeProgress",
    "NotFound",
    "Paragraph",
    "OfficeSummary",
    "ParseError",
    "PeerComparison",
    "Plan",
    "PlanStep",
    "Practice",
    "PracticeChange",
    "PracticeComparison",
    "PracticeRollup",
    "PracticeScore",
    "Progress",
    "Priorities",
    "Recommendation",
    "RelatedPractice",
    "Rollup",
    "Safeguard",
    "SafeguardMapping",
    "SafeguardScore",
    "Scorecard",
    "SearchHit",
    "Store",
    "StoreEvent",
    "Tool",
    "TrendPoint",
    "ValidationError",
    "Worksheet",
    "__version__",
    "build_plan",
    "step_title",
    "compact",
    "create_assessment",
    "default_catalog",
    "determine_maturity",
    "diff",
    "distribution",
    "import_eges_rst",
    "import_practice_rst",
    "level_name",
    "load_answers",
    "load_assessment",
    "load_catalog",
    "main",
    "migrate",
    "office_report_html",
    "office_report_markdown",
    "parse_answers",
    "parse_assessment",
    "parse_catalog",
    "percentile_rank",
    "rollup",
    "rollup_files",
    "rollup_report_html",
    "rollup_report_markdown",
    "report",
    "run_cli",
    "save_assessment",
    "score",
    "scorecard",
    "to_json",
    "parse_oscal_assessment_results",
    "OscalImport",
    "StatusRow",
    "import_ciso_assistant_audit",
    "CisoAssistantImport",
    "to_ciso_assistant_library",
    "to_ciso_assistant_mapping",
    "to_oscal_assessment_results",
    "to_oscal_catalog",
    "to_oscal_poam",
    "to_oscal_profile",
    "update_assessment",
    "uuid_v5",
    "RiskPicture",
    "SystemPractice",
    "SystemPracticeLink",
    "SystemUse",
    "SystemUseRisks",
    "risk_picture",
]
