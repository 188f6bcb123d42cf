"""Type stubs of electsec._core (the compiled module). Values follow the catalog JSON
format: maturity levels and Implementation Groups are ints 1..3; scopes, asset types and
security functions are strings."""

import os
from typing import Any, Callable, Iterable, Iterator, Optional, Union, overload

PathLike = Union[str, bytes, os.PathLike]
# What CompactAssessment takes as statuses: any buffer of single bytes (a numpy uint8 array too).
Buffer = Union[bytes, bytearray, memoryview]

__version__: str
CATALOG_SCHEMA: str
MATURITIES: tuple[int, int, int]
IMPLEMENTATION_GROUPS: tuple[int, int, int]
SCOPES: tuple[str, str, str]
PARAGRAPH_KINDS: tuple[str, str]
ASSET_TYPES: tuple[str, ...]
SECURITY_FUNCTIONS: tuple[str, ...]
STORE_SCHEMA_VERSION: int

class Error(ValueError):
    """Base of every error electsec raises."""

class ParseError(Error):
    """A file or text could not be read."""
    source: str
    line: int
    column: int
    field: str
    expected: str

class ValidationError(Error):
    """A catalog is inconsistent."""
    problems: list[tuple[str, str]]

class IoError(Error, OSError):
    """A file could not be read, written, locked or listed (also an OSError)."""
    path: str

class NotFound(Error, KeyError):
    """A lookup by id found nothing."""
    kind: str
    id: str
    closest: list[str]

class GuideInfo:
    title: str
    version: str
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> GuideInfo: ...

class MaturityLevel:
    level: int
    name: str
    description: str
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> MaturityLevel: ...

class MaturityStatement:
    id: str
    level: int
    text: str
    links: list[Link]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> MaturityStatement: ...

class Goal:
    id: str
    text: str
    maturity: Optional[int]
    links: list[Link]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Goal: ...

class Action:
    id: str
    levels: list[int]
    group: Optional[str]
    text: str
    links: list[Link]
    @property
    def first_level(self) -> int: ...
    @property
    def practice(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Action: ...

class Paragraph:
    block: str
    group: Optional[str]
    after: str
    kind: str
    text: str
    links: list[Link]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Paragraph: ...

class Tool:
    name: str
    url: str
    description: str
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Tool: ...

class Link:
    title: str
    url: str
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Link: ...

class SafeguardMapping:
    safeguard: str
    maturity: Optional[int]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> SafeguardMapping: ...

class Practice:
    id: str
    title: str
    order: int
    summary: str
    links: list[Link]
    goals: list[Goal]
    actions: list[Action]
    paragraphs: list[Paragraph]
    tools: list[Tool]
    learn_more: list[Link]
    safeguards: list[SafeguardMapping]
    handbook: list[int]
    @property
    def scopes(self) -> tuple[str, str, str]: ...
    def scope_at(self, maturity: int) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Practice: ...

class Control:
    id: int
    title: str
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Control: ...

class Safeguard:
    id: str
    control: int
    title: str
    asset_type: str
    security_function: str
    implementation_groups: list[int]
    depends_on: list[str]
    def in_group(self, ig: int) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Safeguard: ...

class Worksheet:
    id: str
    name: str
    group: str
    actions: list[str]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Worksheet: ...

class CdmRank:
    rank: int
    safeguard: str
    practice: str
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> CdmRank: ...

class Priorities:
    level1_baseline: list[Worksheet]
    level1_election: list[str]
    cdm_ranking: list[CdmRank]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Priorities: ...

class HandbookPractice:
    number: int
    title: str
    practices: list[str]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> HandbookPractice: ...

class GlossaryEntry:
    term: str
    definition: str
    links: list[Link]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> GlossaryEntry: ...

class Acronym:
    term: str
    expansion: str
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Acronym: ...

class GuidanceSource:
    id: str
    title: str
    publisher: str
    date: str
    url: str
    partners: list[str]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> GuidanceSource: ...

class RelatedPractice:
    practice: str
    reason: str
    provenance: str
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> RelatedPractice: ...

class Recommendation:
    id: str
    source: str
    audience: str
    category: str
    title: str
    text: str
    practices: list[RelatedPractice]
    safeguards: list[str]
    links: list[Link]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Recommendation: ...

class Guidance:
    sources: list[GuidanceSource]
    recommendations: list[Recommendation]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Guidance: ...

class ConnectednessClass:
    id: str
    title: str
    label: str
    text: str
    examples: list[str]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> ConnectednessClass: ...

class SystemRisk:
    id: str
    title: str
    text: str
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> SystemRisk: ...

class ComponentConnection:
    connectedness: str
    occurs: bool
    text: str
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> ComponentConnection: ...

class ComponentVariant:
    name: str
    text: str
    connectedness: Optional[str]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> ComponentVariant: ...

class SystemComponent:
    id: str
    title: str
    page: str
    summary: str
    inputs: list[str]
    outputs: list[str]
    variants: list[ComponentVariant]
    risks: list[str]
    connections: list[ComponentConnection]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> SystemComponent: ...

class Primer:
    classes: list[ConnectednessClass]
    risks: list[SystemRisk]
    components: list[SystemComponent]
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Primer: ...

class SystemLink:
    subject: str
    practice: str
    reason: str
    provenance: str
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> SystemLink: ...

class MappedPractice:
    practice: Practice
    maturity: Optional[int]
    def __iter__(self) -> Iterator[Any]: ...

class MappedSafeguard:
    safeguard: Safeguard
    maturity: Optional[int]
    def __iter__(self) -> Iterator[Any]: ...

class Coverage:
    ig: int
    total: int
    mapped: list[Safeguard]
    unmapped: list[Safeguard]

class Catalog:
    """The validated, immutable model; safe to share between threads."""
    def guide(self) -> GuideInfo: ...
    def practices(self, maturity: Optional[int] = None, scope: Optional[str] = None) -> list[Practice]: ...
    def practice(self, id: str) -> Practice: ...
    def action(self, id: str) -> Action: ...
    def practice_of_action(self, action_id: str) -> Practice: ...
    def controls(self) -> list[Control]: ...
    def control(self, id: int) -> Control: ...
    def safeguards(self, ig: Optional[int] = None, control: Optional[int] = None,
                   asset_type: Optional[str] = None, function: Optional[str] = None) -> list[Safeguard]: ...
    def safeguard(self, id: str) -> Safeguard: ...
    def practices_of_safeguard(self, id: str) -> list[MappedPractice]: ...
    def safeguards_of_practice(self, id: str) -> list[MappedSafeguard]: ...
    def applicable_actions(self, practice: str, maturity: int) -> list[Action]: ...
    def actions(self, *, practice: Optional[str] = None, maturity: Optional[int] = None) -> list[Action]: ...
    def coverage(self, ig: int) -> Coverage: ...
    def maturity_levels(self) -> list[MaturityLevel]: ...
    def maturity_statements(self, maturity: Optional[int] = None) -> list[MaturityStatement]: ...
    def maturity_statement(self, id: str) -> MaturityStatement: ...
    def priorities(self) -> Priorities: ...
    def worksheet(self, id: str) -> Worksheet: ...
    def handbook(self) -> list[HandbookPractice]: ...
    def handbook_practice(self, number: int) -> HandbookPractice: ...
    def practices_of_handbook(self, number: int) -> list[Practice]: ...
    def handbook_of_practice(self, id: str) -> list[HandbookPractice]: ...
    def glossary(self) -> list[GlossaryEntry]: ...
    def glossary_entry(self, term: str) -> GlossaryEntry: ...
    def acronyms(self) -> list[Acronym]: ...
    def acronym_expansions(self, term: str) -> list[str]: ...
    def guidance(self) -> Guidance: ...
    def guidance_source(self, id: str) -> GuidanceSource: ...
    def recommendation(self, id: str) -> Recommendation: ...
    def recommendations(self, source: Optional[str] = None, audience: Optional[str] = None,
                        category: Optional[str] = None, practice: Optional[str] = None) -> list[Recommendation]: ...
    def recommendations_of_practice(self, id: str) -> list[Recommendation]: ...
    def primer(self) -> Primer: ...
    def system_component(self, id: str) -> SystemComponent: ...
    def system_risk(self, id: str) -> SystemRisk: ...
    def connectedness_class(self, connectedness: str) -> ConnectednessClass: ...
    def components_with_risk(self, id: str) -> list[SystemComponent]: ...
    def system_links(self) -> list[SystemLink]: ...
    def system_links_of(self, subject: str) -> list[SystemLink]: ...
    def search(self, text: str, kind: Optional[str] = None, limit: int = 10) -> list[SearchHit]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, indent: int = 2) -> str: ...

class CatalogBuilder:
    def __init__(self) -> None: ...
    def guide(self, info: GuideInfo) -> CatalogBuilder: ...
    def priorities(self, priorities: Priorities) -> CatalogBuilder: ...
    def primer(self, primer: Primer) -> CatalogBuilder: ...
    def add(self, item: Any) -> CatalogBuilder: ...
    def problems(self) -> list[tuple[str, str]]: ...
    def build(self) -> Catalog: ...

def default_catalog() -> Catalog: ...
def load_catalog(path: PathLike) -> Catalog: ...
def parse_catalog(text: str, source: str = "<string>") -> Catalog: ...
def to_json(catalog: Catalog, indent: int = 2) -> str: ...
def level_name(maturity: int) -> str: ...
def run_cli(args: list[str]) -> tuple[int, str, str]: ...
def main(args: list[str]) -> int: ...

# ---- engines ----
STATUSES: tuple[str, str, str, str]
JURISDICTION_KINDS: tuple[str, str, str, str]
ASSESSMENT_SCHEMA: str

class LevelTally:
    level: int
    yes: int
    answered: int
    total: int
    @property
    def majority(self) -> bool: ...

class MaturityResult:
    level: int
    conflict: bool
    unsure: bool
    applied: list[str]
    rationale: str
    @property
    def tallies(self) -> list[LevelTally]: ...
    def to_dict(self) -> dict[str, Any]: ...

class PlanStep:
    rank: int
    kind: str
    id: str
    actions: list[str]
    reason: str
    @property
    def practice(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> PlanStep: ...

class Plan:
    maturity: int
    steps: list[PlanStep]
    def to_dict(self) -> dict[str, Any]: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[PlanStep]: ...
    def __getitem__(self, index: int) -> PlanStep: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Plan: ...

class Jurisdiction:
    id: str
    name: str
    state: str
    kind: str
    def __init__(self, id: str, name: str, state: str, kind: str = "county") -> None: ...
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Jurisdiction: ...

class ActionStatus:
    status: str
    note: str
    updated: str
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> ActionStatus: ...

class SystemUse:
    """One kind of election system an office runs and how it connects (a profile entry)."""
    def __init__(self, component: str, connectedness: str, note: str = "") -> None: ...
    @property
    def component(self) -> str: ...
    @property
    def connectedness(self) -> str: ...
    @property
    def note(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

class SystemUseRisks:
    """What the guide's primer says of one entry of a system profile."""
    use: SystemUse
    occurs: bool
    connection: str
    risks: list[str]

class SystemPracticeLink:
    """One of electsec's editorial links (never the guide's), as it applies to a profile entry."""
    component: str
    connectedness: str
    subject: str
    reason: str
    provenance: str
    @property
    def marked_reason(self) -> str: ...

class SystemPractice:
    """A practice that addresses an office's systems, with every electsec link that brought it in."""
    practice: str
    scope: str
    links: list[SystemPracticeLink]
    @property
    def plan_rank(self) -> Optional[int]: ...
    @property
    def addresses(self) -> str: ...

class RiskPicture:
    """The risks of an office's systems and the practices that address them."""
    maturity: int
    systems: list[SystemUseRisks]
    practices: list[SystemPractice]
    out_of_scope: list[SystemPractice]
    def to_dict(self) -> dict[str, Any]: ...

class Assessment:
    jurisdiction: Jurisdiction
    catalog_version: str
    maturity: int
    answers: dict[str, bool]
    systems: list[SystemUse]
    def __init__(self, jurisdiction: Jurisdiction, maturity: int, catalog_version: Optional[str] = None) -> None: ...
    @property
    def statuses(self) -> dict[str, ActionStatus]: ...
    @property
    def retired(self) -> dict[str, ActionStatus]: ...
    @property
    def retired_answers(self) -> dict[str, bool]: ...
    def status_of(self, action_id: str, catalog: Optional[Catalog] = None) -> str: ...
    def set(self, action_id: str, status: str, note: Optional[str] = None, updated: str = "",
            catalog: Optional[Catalog] = None) -> None: ...
    def set_level(self, level: int, catalog: Optional[Catalog] = None) -> list[str]: ...
    def add_system(self, component: str, connectedness: str, note: Optional[str] = None,
                   catalog: Optional[Catalog] = None) -> bool: ...
    def remove_system(self, component: str, connectedness: Optional[str] = None) -> int: ...
    def score(self, catalog: Optional[Catalog] = None) -> Scorecard: ...
    def compact(self, catalog: Optional[Catalog] = None) -> CompactAssessment: ...
    def save(self, path: PathLike, catalog: Optional[Catalog] = None) -> None: ...
    @staticmethod
    def load(path: PathLike, catalog: Optional[Catalog] = None) -> Assessment: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any], catalog: Optional[Catalog] = None) -> Assessment: ...

class CompactAssessment:
    jurisdiction: Jurisdiction
    maturity: int
    def __init__(self, jurisdiction: Jurisdiction, maturity: int, statuses: Buffer) -> None: ...
    @property
    def statuses(self) -> bytes: ...
    def score(self, catalog: Optional[Catalog] = None) -> Scorecard: ...

class PracticeScore:
    practice: str
    scope: str
    actions_applicable: int
    actions_done: int
    actions_in_progress: int
    completion: float

class SafeguardScore:
    safeguard: str
    actions_applicable: int
    actions_done: int
    completion: float

class Scorecard:
    jurisdiction: Jurisdiction
    maturity: int
    practices: list[PracticeScore]
    safeguards: list[SafeguardScore]
    priorities_complete: bool
    actions_applicable: int
    actions_done: int
    actions_in_progress: int
    completion: float
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Scorecard: ...

class PracticeRollup:
    practice: str
    actions_applicable: int
    actions_done: int
    completion: float
    offices_complete: int

class OfficeSummary:
    jurisdiction: Jurisdiction
    maturity: int
    actions_applicable: int
    actions_done: int
    completion: float
    priorities_complete: bool
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> OfficeSummary: ...

class Rollup:
    jurisdictions: int
    practices: list[PracticeRollup]
    least_complete: list[str]
    safeguards: list[SafeguardScore]
    offices: list[OfficeSummary]
    actions_applicable: int
    actions_done: int
    completion: float
    @property
    def maturity_distribution(self) -> tuple[int, int, int]: ...
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Rollup: ...

# ---- the history store ----

class StoreEvent:
    sequence: int
    office: str
    subject: str
    value: str
    note: str
    at: str
    author: str
    source: str
    def to_dict(self) -> dict[str, Any]: ...

class ImportSummary:
    files: int
    offices_new: int
    offices_changed: int
    offices_unchanged: int
    events: int
    def to_dict(self) -> dict[str, Any]: ...

class Distribution:
    count: int
    min: float
    q1: float
    median: float
    q3: float
    max: float
    def to_dict(self) -> dict[str, Any]: ...

class TrendPoint:
    period: str
    as_of: str
    offices: int
    actions_applicable: int
    actions_done: int
    completion: float
    office_completion: Distribution
    practices: list[PracticeRollup]
    @property
    def maturity_distribution(self) -> list[int]: ...
    def to_dict(self) -> dict[str, Any]: ...

class PracticeComparison:
    practice: str
    completion: float
    peers: Distribution
    percentile_rank: float
    def to_dict(self) -> dict[str, Any]: ...

class PeerComparison:
    jurisdiction: Jurisdiction
    maturity: int
    as_of: str
    completion: float
    peers: Distribution
    percentile_rank: float
    practices: list[PracticeComparison]
    @property
    def peer_group(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

class OfficeProgress:
    jurisdiction: Jurisdiction
    maturity: int
    completion_since: Optional[float]
    completion: float
    last_change: str
    days_without_change: int
    def to_dict(self) -> dict[str, Any]: ...

class Progress:
    since: str
    as_of: str
    trend: list[TrendPoint]
    peers: list[TrendPoint]
    changes: list[StoreEvent]
    offices: list[OfficeProgress]
    @property
    def period(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

class Store:
    @staticmethod
    def create(path: PathLike, catalog: Optional[Catalog] = None) -> Store: ...
    @staticmethod
    def open(path: PathLike, catalog: Optional[Catalog] = None) -> Store: ...
    @property
    def path(self) -> str: ...
    @property
    def event_count(self) -> int: ...
    def optimize(self) -> int: ...
    def check(self) -> list[str]: ...
    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *args: Any) -> None: ...
    def import_assessment(self, assessment: Assessment, *, at: Optional[str] = None, author: str = "",
                          source: str = "") -> ImportSummary: ...
    def import_files(self, paths: list[PathLike], *, at: Optional[str] = None, author: str = "", source: str = "",
                     recursive: bool = False) -> ImportSummary: ...
    def set_status(self, office: str, actions: Union[str, list[str]], status: str, *, note: Optional[str] = None,
                   at: Optional[str] = None, author: str = "", source: str = "") -> int: ...
    def set_level(self, office: str, level: int, *, at: Optional[str] = None, author: str = "",
                  source: str = "") -> int: ...
    def set_answers(self, office: str, answers: dict[str, bool], *, at: Optional[str] = None, author: str = "",
                    source: str = "") -> int: ...
    def set_systems(self, office: str, systems: list[SystemUse], *, at: Optional[str] = None, author: str = "",
                    source: str = "") -> int: ...
    def add_system(self, office: str, component: str, connectedness: str, note: Optional[str] = None, *,
                   at: Optional[str] = None, author: str = "", source: str = "") -> bool: ...
    def remove_system(self, office: str, component: str, connectedness: Optional[str] = None, *,
                      at: Optional[str] = None, author: str = "", source: str = "") -> int: ...
    def offices(self) -> list[str]: ...
    def assessment(self, office: str, as_of: Optional[str] = None) -> Assessment: ...
    def history(self, office: str) -> list[StoreEvent]: ...
    def changes(self, from_: Optional[str] = None, to: Optional[str] = None) -> list[StoreEvent]: ...
    def rollup(self, as_of: Optional[str] = None, *, offices: Optional[list[str]] = None,
               state: Optional[str] = None, kind: Optional[str] = None, maturity: Optional[int] = None) -> Rollup: ...
    def trend(self, period: str = "month", *, from_: Optional[str] = None, to: Optional[str] = None,
              offices: Optional[list[str]] = None, state: Optional[str] = None, kind: Optional[str] = None,
              maturity: Optional[int] = None) -> list[TrendPoint]: ...
    def compare(self, office: str, as_of: Optional[str] = None, *, peer_group: str = "state") -> PeerComparison: ...
    def progress(self, office: Optional[str] = None, *, since: str, as_of: Optional[str] = None,
                 offices: Optional[list[str]] = None, state: Optional[str] = None, kind: Optional[str] = None,
                 maturity: Optional[int] = None) -> Progress: ...

def distribution(values: list[float]) -> Distribution: ...
def percentile_rank(value: float, values: list[float]) -> float: ...

def determine_maturity(catalog: Catalog, answers: dict[str, bool]) -> MaturityResult: ...
def build_plan(catalog: Catalog, maturity: int, assessment: Optional[Assessment] = None, *,
               systems_first: bool = False) -> Plan: ...
@overload
def risk_picture(catalog: Catalog, assessment: Assessment) -> RiskPicture: ...
@overload
def risk_picture(catalog: Catalog, systems: list[SystemUse], maturity: int) -> RiskPicture: ...
def step_title(catalog: Catalog, step: PlanStep) -> str: ...
def score(catalog: Catalog, assessment: Union[Assessment, CompactAssessment]) -> Scorecard: ...
def scorecard(catalog: Catalog, assessment: Union[Assessment, CompactAssessment]) -> Scorecard: ...
def compact(catalog: Catalog, assessment: Assessment) -> CompactAssessment: ...
def office_report_markdown(catalog: Catalog, assessment: Assessment, progress: Optional[Progress] = None, *,
                           title: Optional[str] = None, report_date: Optional[str] = None, next_steps: int = 5) -> str: ...
def office_report_html(catalog: Catalog, assessment: Assessment, progress: Optional[Progress] = None, *,
                       title: Optional[str] = None, report_date: Optional[str] = None, next_steps: int = 5) -> str: ...
def rollup_report_markdown(catalog: Catalog, rollup: Rollup, progress: Optional[Progress] = None,
                           stalled_days: int = 90, *, title: Optional[str] = None,
                           report_date: Optional[str] = None, max_offices: int = 10) -> str: ...
def rollup_report_html(catalog: Catalog, rollup: Rollup, progress: Optional[Progress] = None,
                       stalled_days: int = 90, *, title: Optional[str] = None,
                       report_date: Optional[str] = None, max_offices: int = 10) -> str: ...
def rollup(catalog: Catalog, assessments: Iterable[Union[Assessment, CompactAssessment]]) -> Rollup: ...
def rollup_files(catalog: Catalog, paths: list[PathLike], threads: int = 0, *, recursive: bool = False,
                 skip_invalid: bool = False) -> Any: ...
def load_assessment(path: PathLike, catalog: Catalog) -> Assessment: ...
def parse_assessment(text: str, catalog: Catalog, source: str = "<string>") -> Assessment: ...
def save_assessment(assessment: Assessment, path: PathLike, catalog: Optional[Catalog] = None) -> None: ...
def update_assessment(path: PathLike, change: Callable[[Assessment], None],
                      catalog: Optional[Catalog] = None) -> Assessment: ...
def create_assessment(assessment: Assessment, path: PathLike, catalog: Optional[Catalog] = None) -> None: ...
def load_answers(path: PathLike, catalog: Catalog) -> dict[str, bool]: ...
def parse_answers(text: str, catalog: Catalog, source: str = "<string>") -> dict[str, bool]: ...

HIT_KINDS: tuple[str, ...]

class SearchHit:
    kind: str
    id: str
    title: str
    score: float
    snippet: str
    @property
    def practice(self) -> Optional[str]: ...

# ---- releases ----
class ImportWarning:
    file: str
    line: int
    message: str
    kind: str

class ImportResult:
    catalog: Catalog
    warnings: list[ImportWarning]

class FieldChange:
    subject: str
    field: str
    nature: str
    old_value: str
    new_value: str

class PracticeChange:
    id: str
    goals_changed: bool
    goals_reworded: bool
    links_changed: bool
    summary_reworded: bool
    paragraphs_changed: bool
    paragraphs_reworded: bool
    actions_added: list[str]
    actions_removed: list[str]
    actions_changed: list[str]
    actions_reworded: list[str]
    tools_added: list[str]
    tools_removed: list[str]
    safeguards_added: list[str]
    safeguards_removed: list[str]
    safeguards_retagged: list[str]
    handbook_added: list[int]
    handbook_removed: list[int]
    changes: list[FieldChange]
    def facts_changed(self) -> bool: ...
    @property
    def title(self) -> Optional[tuple[str, str]]: ...
    @property
    def scopes(self) -> Optional[tuple[tuple[str, str, str], tuple[str, str, str]]]: ...

class CatalogDiff:
    added: list[str]
    removed: list[str]
    changed: list[PracticeChange]
    changes: list[FieldChange]
    def same_facts(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __bool__(self) -> bool: ...

class Migration:
    assessment: Assessment
    kept: list[str]
    retired: list[str]

def import_eges_rst(directory: PathLike, substitutions: Optional[dict[str, str]] = None) -> ImportResult: ...
def import_practice_rst(path: PathLike, substitutions: Optional[dict[str, str]] = None) -> Practice: ...
def diff(old: Catalog, new: Catalog) -> CatalogDiff: ...
def migrate(assessment: Assessment, target: Catalog) -> Migration: ...

class StatusRow:
    action: str
    status: str
    note: Optional[str]
    updated: str
    line: int

class OscalImport:
    statuses: list[StatusRow]
    unmatched: list[str]
    changed_since: list[str]

def parse_oscal_assessment_results(text: str, catalog: Catalog, assessment: Assessment,
                                   source: str = "<string>") -> OscalImport: ...

class CisoAssistantImport:
    assessment: Assessment
    statuses: list[StatusRow]
    changed: list[str]
    unmatched: list[str]
    not_assessed: int

def import_ciso_assistant_audit(text: str, catalog: Catalog, assessment: Assessment,
                                source: str = "<string>", date: str = "") -> CisoAssistantImport: ...

# ---- OSCAL ----
def to_oscal_catalog(catalog: Catalog, timestamp: Optional[str] = None) -> str: ...
def to_oscal_profile(catalog: Catalog, maturity: int, timestamp: Optional[str] = None) -> str: ...
def to_oscal_assessment_results(catalog: Catalog, assessment: Assessment, timestamp: Optional[str] = None) -> str: ...
def to_oscal_poam(catalog: Catalog, assessment: Assessment, timestamp: Optional[str] = None) -> str: ...
def to_ciso_assistant_library(catalog: Catalog) -> str: ...
def to_ciso_assistant_mapping(catalog: Catalog, cis_packager: str = "intuitem") -> str: ...
def uuid_v5(name: str) -> str: ...
