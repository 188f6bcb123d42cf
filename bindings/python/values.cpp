// The value classes of the catalog: fields, repr, equality, to_dict/from_dict, pickling.
#include "bindings.hpp"

namespace electsec::python {

void init_values(py::module_& m) {
  auto guide_info = registered<GuideInfo>(m, "GuideInfo");
  auto maturity_level = registered<MaturityLevel>(m, "MaturityLevel");
  auto statement = registered<MaturityStatement>(m, "MaturityStatement");
  auto goal = registered<Goal>(m, "Goal");
  auto action = registered<Action>(m, "Action");
  auto paragraph = registered<Paragraph>(m, "Paragraph");
  auto tool = registered<Tool>(m, "Tool");
  auto link = registered<Link>(m, "Link");
  auto mapping = registered<SafeguardMapping>(m, "SafeguardMapping");
  auto practice = registered<Practice>(m, "Practice");
  auto control = registered<Control>(m, "Control");
  auto safeguard = registered<Safeguard>(m, "Safeguard");
  auto worksheet = registered<Worksheet>(m, "Worksheet");
  auto cdm_rank = registered<CdmRank>(m, "CdmRank");
  auto priorities = registered<Priorities>(m, "Priorities");
  auto handbook = registered<HandbookPractice>(m, "HandbookPractice");
  auto glossary = registered<GlossaryEntry>(m, "GlossaryEntry");
  auto acronym = registered<Acronym>(m, "Acronym");
  auto source = registered<GuidanceSource>(m, "GuidanceSource");
  auto related = registered<RelatedPractice>(m, "RelatedPractice");
  auto recommendation = registered<Recommendation>(m, "Recommendation");
  auto guidance = registered<Guidance>(m, "Guidance");
  auto connectedness_class = registered<ConnectednessClass>(m, "ConnectednessClass");
  auto system_risk = registered<SystemRisk>(m, "SystemRisk");
  auto component_connection = registered<ComponentConnection>(m, "ComponentConnection");
  auto component_variant = registered<ComponentVariant>(m, "ComponentVariant");
  auto system_component = registered<SystemComponent>(m, "SystemComponent");
  auto primer = registered<Primer>(m, "Primer");
  auto system_link = registered<SystemLink>(m, "SystemLink");
  auto mapped_practice = registered<PyMappedPractice>(m, "MappedPractice");
  auto mapped_safeguard = registered<PyMappedSafeguard>(m, "MappedSafeguard");
  auto coverage = registered<PyCoverage>(m, "Coverage");

  // ---- value classes ----
  members(guide_info)
      .readonly("title", &GuideInfo::title)
      .readonly("version", &GuideInfo::version)
      .method("__repr__",
              [](const GuideInfo& g) { return "GuideInfo(" + quote(g.title) + ", " + quote(g.version) + ")"; });
  value_protocol<GuideInfo>(guide_info, "GuideInfo");

  members(maturity_level)
      .readonly("level", &MaturityLevel::level)
      .readonly("name", &MaturityLevel::name)
      .readonly("description", &MaturityLevel::description)
      .method("__repr__",
              [](const MaturityLevel& l) {
                return "MaturityLevel(" + std::to_string(static_cast<int>(l.level)) + ", " + quote(l.name) + ")";
              })
      .method("__hash__", [](const MaturityLevel& l) { return py::hash(py::int_(static_cast<int>(l.level))); });
  value_protocol<MaturityLevel>(maturity_level, "MaturityLevel");

  members(statement)
      .readonly("id", &MaturityStatement::id)
      .readonly("level", &MaturityStatement::level)
      .readonly("text", &MaturityStatement::text)
      .readonly("links", &MaturityStatement::links)
      .method("__repr__", [](const MaturityStatement& s) { return "MaturityStatement(" + quote(s.id) + ")"; });
  value_protocol<MaturityStatement>(statement, "MaturityStatement");
  hash_by_id<MaturityStatement>(statement);

  members(goal)
      .readonly("id", &Goal::id)
      .readonly("text", &Goal::text)
      .readonly("maturity", &Goal::maturity)
      .readonly("links", &Goal::links)
      .method("__repr__", [](const Goal& g) { return "Goal(" + quote(g.id) + ")"; });
  value_protocol<Goal>(goal, "Goal");
  hash_by_id<Goal>(goal);

  members(action)
      .readonly("id", &Action::id)
      .readonly("levels", &Action::levels)
      .readonly("group", &Action::group)
      .readonly("text", &Action::text)
      .readonly("links", &Action::links)
      .readonly("first_level", &Action::first_level, "The maturity from which the action applies.")
      .readonly(
          "practice", [](const Action& a) { return a.id.substr(0, a.id.find('.')); },
          "The id of the practice the action belongs to.")
      .method("__repr__", [](const Action& a) { return "Action(" + quote(a.id) + ")"; });
  value_protocol<Action>(action, "Action");
  hash_by_id<Action>(action);

  members(paragraph)
      .readonly("block", &Paragraph::block)
      .readonly("group", &Paragraph::group)
      .readonly("after", &Paragraph::after)
      .readonly("kind", &Paragraph::kind)
      .readonly("text", &Paragraph::text)
      .readonly("links", &Paragraph::links)
      .method("__repr__", [](const Paragraph& p) {
        return "Paragraph(" + quote(p.block) + ", " + std::string(to_string(p.kind)) + ")";
      });
  value_protocol<Paragraph>(paragraph, "Paragraph");

  members(tool)
      .readonly("name", &Tool::name)
      .readonly("url", &Tool::url)
      .readonly("description", &Tool::description)
      .method("__repr__", [](const Tool& t) { return "Tool(" + quote(t.name) + ")"; });
  value_protocol<Tool>(tool, "Tool");

  members(link).readonly("title", &Link::title).readonly("url", &Link::url).method("__repr__", [](const Link& l) {
    return "Link(" + quote(l.title) + ", " + quote(l.url) + ")";
  });
  value_protocol<Link>(link, "Link");

  members(mapping)
      .readonly("safeguard", &SafeguardMapping::safeguard)
      .readonly("maturity", &SafeguardMapping::maturity)
      .method("__repr__", [](const SafeguardMapping& x) { return "SafeguardMapping(" + quote(x.safeguard) + ")"; });
  value_protocol<SafeguardMapping>(mapping, "SafeguardMapping");

  members(practice)
      .readonly("id", &Practice::id)
      .readonly("title", &Practice::title)
      .readonly("order", &Practice::order)
      .readonly("summary", &Practice::summary)
      .readonly("links", &Practice::links)
      .readonly(
          "scopes", [](const Practice& p) { return py::make_tuple(p.scopes[0], p.scopes[1], p.scopes[2]); },
          "Scope at Level 1, 2, 3.")
      .readonly("goals", &Practice::goals)
      .readonly("actions", &Practice::actions)
      .readonly("paragraphs", &Practice::paragraphs)
      .readonly("tools", &Practice::tools)
      .readonly("learn_more", &Practice::learn_more)
      .readonly("safeguards", &Practice::safeguards)
      .readonly("handbook", &Practice::handbook)
      .method("__repr__", [](const Practice& p) { return "Practice(" + quote(p.id) + ", " + quote(p.title) + ")"; });
  practice.def("scope_at", &Practice::scope_at, py::arg("maturity"), "Scope at a maturity (1..3).");
  value_protocol<Practice>(practice, "Practice");
  hash_by_id<Practice>(practice);

  members(control)
      .readonly("id", &Control::id)
      .readonly("title", &Control::title)
      .method("__repr__",
              [](const Control& c) { return "Control(" + std::to_string(c.id) + ", " + quote(c.title) + ")"; })
      .method("__hash__", [](const Control& c) { return py::hash(py::int_(c.id)); });
  value_protocol<Control>(control, "Control");

  members(safeguard)
      .readonly("id", &Safeguard::id)
      .readonly("control", &Safeguard::control)
      .readonly("title", &Safeguard::title)
      .readonly("asset_type", &Safeguard::asset_type)
      .readonly("security_function", &Safeguard::security_function)
      .readonly("implementation_groups", &Safeguard::implementation_groups)
      .readonly("depends_on", &Safeguard::depends_on)
      .method("__repr__", [](const Safeguard& s) { return "Safeguard(" + quote(s.id) + ", " + quote(s.title) + ")"; });
  safeguard.def("in_group", &Safeguard::in_group, py::arg("ig"), "Whether the Safeguard belongs to IG 1, 2 or 3.");
  value_protocol<Safeguard>(safeguard, "Safeguard");
  hash_by_id<Safeguard>(safeguard);

  members(worksheet)
      .readonly("id", &Worksheet::id)
      .readonly("name", &Worksheet::name)
      .readonly("group", &Worksheet::group)
      .readonly("actions", &Worksheet::actions)
      .method("__repr__", [](const Worksheet& w) { return "Worksheet(" + quote(w.id) + ")"; });
  value_protocol<Worksheet>(worksheet, "Worksheet");
  hash_by_id<Worksheet>(worksheet);

  members(cdm_rank)
      .readonly("rank", &CdmRank::rank)
      .readonly("safeguard", &CdmRank::safeguard)
      .readonly("practice", &CdmRank::practice)
      .method("__repr__", [](const CdmRank& r) {
        return "CdmRank(" + std::to_string(r.rank) + ", " + quote(r.safeguard) + ", " + quote(r.practice) + ")";
      });
  value_protocol<CdmRank>(cdm_rank, "CdmRank");

  members(priorities)
      .readonly("level1_baseline", &Priorities::level1_baseline)
      .readonly("level1_election", &Priorities::level1_election)
      .readonly("cdm_ranking", &Priorities::cdm_ranking)
      .method("__repr__", [](const Priorities& p) {
        return "Priorities(" + std::to_string(p.level1_baseline.size()) + " worksheets, " +
               std::to_string(p.level1_election.size()) + " election priorities, " +
               std::to_string(p.cdm_ranking.size()) + " CDM ranks)";
      });
  value_protocol<Priorities>(priorities, "Priorities");

  members(handbook)
      .readonly("number", &HandbookPractice::number)
      .readonly("title", &HandbookPractice::title)
      .readonly("practices", &HandbookPractice::practices)
      .method("__repr__",
              [](const HandbookPractice& h) { return "HandbookPractice(" + std::to_string(h.number) + ")"; })
      .method("__hash__", [](const HandbookPractice& h) { return py::hash(py::int_(h.number)); });
  value_protocol<HandbookPractice>(handbook, "HandbookPractice");

  members(glossary)
      .readonly("term", &GlossaryEntry::term)
      .readonly("definition", &GlossaryEntry::definition)
      .readonly("links", &GlossaryEntry::links)
      .method("__repr__", [](const GlossaryEntry& g) { return "GlossaryEntry(" + quote(g.term) + ")"; });
  value_protocol<GlossaryEntry>(glossary, "GlossaryEntry");

  members(acronym)
      .readonly("term", &Acronym::term)
      .readonly("expansion", &Acronym::expansion)
      .method("__repr__",
              [](const Acronym& a) { return "Acronym(" + quote(a.term) + ", " + quote(a.expansion) + ")"; });
  value_protocol<Acronym>(acronym, "Acronym");

  members(source)
      .readonly("id", &GuidanceSource::id)
      .readonly("title", &GuidanceSource::title)
      .readonly("publisher", &GuidanceSource::publisher)
      .readonly("date", &GuidanceSource::date)
      .readonly("url", &GuidanceSource::url)
      .readonly("partners", &GuidanceSource::partners)
      .method("__repr__", [](const GuidanceSource& s) { return "GuidanceSource(" + quote(s.id) + ")"; });
  value_protocol<GuidanceSource>(source, "GuidanceSource");
  hash_by_id<GuidanceSource>(source);

  members(related)
      .readonly("practice", &RelatedPractice::practice)
      .readonly("reason", &RelatedPractice::reason)
      .readonly("provenance", &RelatedPractice::provenance)
      .method("__repr__", [](const RelatedPractice& r) { return "RelatedPractice(" + quote(r.practice) + ")"; });
  value_protocol<RelatedPractice>(related, "RelatedPractice");

  members(recommendation)
      .readonly("id", &Recommendation::id)
      .readonly("source", &Recommendation::source)
      .readonly("audience", &Recommendation::audience)
      .readonly("category", &Recommendation::category)
      .readonly("title", &Recommendation::title)
      .readonly("text", &Recommendation::text)
      .readonly("practices", &Recommendation::practices)
      .readonly("safeguards", &Recommendation::safeguards)
      .readonly("links", &Recommendation::links)
      .method("__repr__", [](const Recommendation& r) { return "Recommendation(" + quote(r.id) + ")"; });
  value_protocol<Recommendation>(recommendation, "Recommendation");
  hash_by_id<Recommendation>(recommendation);

  members(guidance)
      .readonly("sources", &Guidance::sources)
      .readonly("recommendations", &Guidance::recommendations)
      .method("__repr__", [](const Guidance& g) {
        return "Guidance(" + std::to_string(g.sources.size()) + " sources, " +
               std::to_string(g.recommendations.size()) + " recommendations)";
      });
  value_protocol<Guidance>(guidance, "Guidance");

  members(connectedness_class)
      .readonly("id", &ConnectednessClass::id)
      .readonly("title", &ConnectednessClass::title)
      .readonly("label", &ConnectednessClass::label)
      .readonly("text", &ConnectednessClass::text)
      .readonly("examples", &ConnectednessClass::examples)
      .method(
          "__repr__",
          [](const ConnectednessClass& k) { return "ConnectednessClass(" + quote(std::string(to_string(k.id))) + ")"; })
      .method("__hash__", [](const ConnectednessClass& k) { return py::hash(py::str(std::string(to_string(k.id)))); });
  value_protocol<ConnectednessClass>(connectedness_class, "ConnectednessClass");

  members(system_risk)
      .readonly("id", &SystemRisk::id)
      .readonly("title", &SystemRisk::title)
      .readonly("text", &SystemRisk::text)
      .method("__repr__", [](const SystemRisk& r) { return "SystemRisk(" + quote(r.id) + ")"; });
  value_protocol<SystemRisk>(system_risk, "SystemRisk");
  hash_by_id<SystemRisk>(system_risk);

  members(component_connection)
      .readonly("connectedness", &ComponentConnection::connectedness)
      .readonly("occurs", &ComponentConnection::occurs)
      .readonly("text", &ComponentConnection::text)
      .method("__repr__", [](const ComponentConnection& c) {
        return "ComponentConnection(" + quote(std::string(to_string(c.connectedness))) +
               ", occurs=" + (c.occurs ? "True" : "False") + ")";
      });
  value_protocol<ComponentConnection>(component_connection, "ComponentConnection");

  members(component_variant)
      .readonly("name", &ComponentVariant::name)
      .readonly("text", &ComponentVariant::text)
      .readonly("connectedness", &ComponentVariant::connectedness)
      .method("__repr__", [](const ComponentVariant& v) { return "ComponentVariant(" + quote(v.name) + ")"; });
  value_protocol<ComponentVariant>(component_variant, "ComponentVariant");

  members(system_component)
      .readonly("id", &SystemComponent::id)
      .readonly("title", &SystemComponent::title)
      .readonly("page", &SystemComponent::page)
      .readonly("summary", &SystemComponent::summary)
      .readonly("inputs", &SystemComponent::inputs)
      .readonly("outputs", &SystemComponent::outputs)
      .readonly("variants", &SystemComponent::variants)
      .readonly("risks", &SystemComponent::risks)
      .readonly("connections", &SystemComponent::connections)
      .method("__repr__", [](const SystemComponent& c) { return "SystemComponent(" + quote(c.id) + ")"; });
  value_protocol<SystemComponent>(system_component, "SystemComponent");
  hash_by_id<SystemComponent>(system_component);

  members(primer)
      .readonly("classes", &Primer::classes)
      .readonly("risks", &Primer::risks)
      .readonly("components", &Primer::components)
      .method("__repr__", [](const Primer& p) {
        return "Primer(" + std::to_string(p.components.size()) + " systems, " + std::to_string(p.risks.size()) +
               " risks)";
      });
  value_protocol<Primer>(primer, "Primer");

  members(system_link)
      .readonly("subject", &SystemLink::subject)
      .readonly("practice", &SystemLink::practice)
      .readonly("reason", &SystemLink::reason)
      .readonly("provenance", &SystemLink::provenance)
      .method("__repr__", [](const SystemLink& l) {
        return "SystemLink(" + quote(l.subject) + ", " + quote(l.practice) + ", provenance=" + quote(l.provenance) +
               ")";
      });
  value_protocol<SystemLink>(system_link, "SystemLink");

  members(mapped_practice)
      .readonly("practice", &PyMappedPractice::practice)
      .readonly("maturity", &PyMappedPractice::maturity)
      .method("__iter__", [](const PyMappedPractice& x) { return py::iter(py::make_tuple(x.practice, x.maturity)); })
      .binary("__eq__", [](const PyMappedPractice& a, const PyMappedPractice& b) { return a == b; })
      .method("__repr__", [](const PyMappedPractice& x) {
        return "MappedPractice(" + quote(x.practice.id) +
               ", maturity=" + (x.maturity ? std::to_string(static_cast<int>(*x.maturity)) : "None") + ")";
      });
  members(mapped_safeguard)
      .readonly("safeguard", &PyMappedSafeguard::safeguard)
      .readonly("maturity", &PyMappedSafeguard::maturity)
      .method("__iter__", [](const PyMappedSafeguard& x) { return py::iter(py::make_tuple(x.safeguard, x.maturity)); })
      .binary("__eq__", [](const PyMappedSafeguard& a, const PyMappedSafeguard& b) { return a == b; })
      .method("__repr__", [](const PyMappedSafeguard& x) {
        return "MappedSafeguard(" + quote(x.safeguard.id) +
               ", maturity=" + (x.maturity ? std::to_string(static_cast<int>(*x.maturity)) : "None") + ")";
      });
  members(coverage)
      .readonly("ig", &PyCoverage::ig)
      .readonly("total", &PyCoverage::total)
      .readonly("mapped", &PyCoverage::mapped)
      .readonly("unmapped", &PyCoverage::unmapped)
      .method("__repr__", [](const PyCoverage& c) {
        return "Coverage(ig=" + std::to_string(static_cast<int>(c.ig)) + ", total=" + std::to_string(c.total) +
               ", mapped=" + std::to_string(c.mapped.size()) + ", unmapped=" + std::to_string(c.unmapped.size()) + ")";
      });
}

}  // namespace electsec::python
