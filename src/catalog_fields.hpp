#pragma once
// The fields of each catalog value type, listed once (not public API). Each entry is
// X(Type, the fields of `x`, in declaration order). types.cpp makes operator== of them and
// io/catalog_binary.cpp the binary form, so a field added to a type in types.hpp is added
// here once and both follow. A field left out here would be left out of both, so the tests
// compare the JSON of the embedded catalog with the JSON of data/ (the JSON encoder lists the
// fields on its own): catalog_binary_test.

// clang-format off
#define ELECTSEC_CATALOG_FIELDS(X) \
  X(Link, x.title, x.url) \
  X(Goal, x.id, x.text, x.maturity, x.links) \
  X(Action, x.id, x.levels, x.group, x.text, x.links) \
  X(Paragraph, x.block, x.group, x.after, x.kind, x.text, x.links) \
  X(Tool, x.name, x.url, x.description) \
  X(SafeguardMapping, x.safeguard, x.maturity) \
  X(Practice, x.id, x.title, x.order, x.scopes, x.summary, x.links, x.goals, x.actions, x.paragraphs, x.tools, x.learn_more, x.safeguards, x.handbook) \
  X(Control, x.id, x.title) \
  X(Safeguard, x.id, x.control, x.title, x.asset_type, x.security_function, x.implementation_groups, x.depends_on) \
  X(HandbookPractice, x.number, x.title, x.practices) \
  X(MaturityLevel, x.level, x.name, x.description) \
  X(MaturityStatement, x.id, x.level, x.text, x.links) \
  X(Worksheet, x.id, x.name, x.group, x.actions) \
  X(CdmRank, x.rank, x.safeguard, x.practice) \
  X(Priorities, x.level1_baseline, x.level1_election, x.cdm_ranking) \
  X(GlossaryEntry, x.term, x.definition, x.links) \
  X(Acronym, x.term, x.expansion) \
  X(GuidanceSource, x.id, x.title, x.publisher, x.date, x.url, x.partners) \
  X(RelatedPractice, x.practice, x.reason, x.provenance) \
  X(Recommendation, x.id, x.source, x.audience, x.category, x.title, x.text, x.practices, x.safeguards, x.links) \
  X(Guidance, x.sources, x.recommendations) \
  X(ConnectednessClass, x.id, x.title, x.label, x.text, x.examples) \
  X(SystemRisk, x.id, x.title, x.text) \
  X(ComponentConnection, x.connectedness, x.occurs, x.text) \
  X(ComponentVariant, x.name, x.text, x.connectedness) \
  X(SystemComponent, x.id, x.title, x.page, x.summary, x.inputs, x.outputs, x.variants, x.risks, x.connections) \
  X(Primer, x.classes, x.risks, x.components) \
  X(SystemLink, x.subject, x.practice, x.reason, x.provenance) \
  X(GuideInfo, x.title, x.version) \
  X(CatalogData, x.guide, x.maturity_levels, x.maturity_statements, x.practices, x.controls, x.safeguards, x.priorities, x.handbook, x.glossary, x.acronyms, x.guidance, x.primer, x.system_links)
// clang-format on
