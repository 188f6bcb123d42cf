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
  guide_info.def_readonly("title", &GuideInfo::title)
      .def_readonly("version", &GuideInfo::version)
      .def("__repr__",
           [](const GuideInfo& g) { return "GuideInfo(" + quote(g.title) + ", " + quote(g.version) + ")"; });
  value_protocol<GuideInfo>(guide_info, "GuideInfo");

  maturity_level.def_readonly("level", &MaturityLevel::level)
      .def_readonly("name", &MaturityLevel::name)
      .def_readonly("description", &MaturityLevel::description)
      .def("__repr__",
           [](const MaturityLevel& l) {
             return "MaturityLevel(" + std::to_string(static_cast<int>(l.level)) + ", " + quote(l.name) + ")";
           })
      .def("__hash__", [](const MaturityLevel& l) { return py::hash(py::int_(static_cast<int>(l.level))); });
  value_protocol<MaturityLevel>(maturity_level, "MaturityLevel");

  statement.def_readonly("id", &MaturityStatement::id)
      .def_readonly("level", &MaturityStatement::level)
      .def_readonly("text", &MaturityStatement::text)
      .def_readonly("links", &MaturityStatement::links)
      .def("__repr__", [](const MaturityStatement& s) { return "MaturityStatement(" + quote(s.id) + ")"; });
  value_protocol<MaturityStatement>(statement, "MaturityStatement");
  hash_by_id<MaturityStatement>(statement);

  goal.def_readonly("id", &Goal::id)
      .def_readonly("text", &Goal::text)
      .def_readonly("maturity", &Goal::maturity)
      .def_readonly("links", &Goal::links)
      .def("__repr__", [](const Goal& g) { return "Goal(" + quote(g.id) + ")"; });
  value_protocol<Goal>(goal, "Goal");
  hash_by_id<Goal>(goal);

  action.def_readonly("id", &Action::id)
      .def_readonly("levels", &Action::levels)
      .def_readonly("group", &Action::group)
      .def_readonly("text", &Action::text)
      .def_readonly("links", &Action::links)
      .def_property_readonly("first_level", &Action::first_level, "The maturity from which the action applies.")
      .def_property_readonly(
          "practice", [](const Action& a) { return a.id.substr(0, a.id.find('.')); },
          "The id of the practice the action belongs to.")
      .def("__repr__", [](const Action& a) { return "Action(" + quote(a.id) + ")"; });
  value_protocol<Action>(action, "Action");
  hash_by_id<Action>(action);

  paragraph.def_readonly("block", &Paragraph::block)
      .def_readonly("group", &Paragraph::group)
      .def_readonly("after", &Paragraph::after)
      .def_readonly("kind", &Paragraph::kind)
      .def_readonly("text", &Paragraph::text)
      .def_readonly("links", &Paragraph::links)
      .def("__repr__", [](const Paragraph& p) {
        return "Paragraph(" + quote(p.block) + ", " + std::string(to_string(p.kind)) + ")";
      });
  value_protocol<Paragraph>(paragraph, "Paragraph");

  tool.def_readonly("name", &Tool::name)
      .def_readonly("url", &Tool::url)
      .def_readonly("description", &Tool::description)
      .def("__repr__", [](const Tool& t) { return "Tool(" + quote(t.name) + ")"; });
  value_protocol<Tool>(tool, "Tool");

  link.def_readonly("title", &Link::title).def_readonly("url", &Link::url).def("__repr__", [](const Link& l) {
    return "Link(" + quote(l.title) + ", " + quote(l.url) + ")";
  });
  value_protocol<Link>(link, "Link");

  mapping.def_readonly("safeguard", &SafeguardMapping::safeguard)
      .def_readonly("maturity", &SafeguardMapping::maturity)
      .def("__repr__", [](const SafeguardMapping& x) { return "SafeguardMapping(" + quote(x.safeguard) + ")"; });
  value_protocol<SafeguardMapping>(mapping, "SafeguardMapping");

  practice.def_readonly("id", &Practice::id)
      .def_readonly("title", &Practice::title)
      .def_readonly("order", &Practice::order)
      .def_readonly("summary", &Practice::summary)
      .def_readonly("links", &Practice::links)
      .def_property_readonly(
          "scopes", [](const Practice& p) { return py::make_tuple(p.scopes[0], p.scopes[1], p.scopes[2]); },
          "Scope at Level 1, 2, 3.")
      .def_readonly("goals", &Practice::goals)
      .def_readonly("actions", &Practice::actions)
      .def_readonly("paragraphs", &Practice::paragraphs)
      .def_readonly("tools", &Practice::tools)
      .def_readonly("learn_more", &Practice::learn_more)
      .def_readonly("safeguards", &Practice::safeguards)
      .def_readonly("handbook", &Practice::handbook)
      .def("scope_at", &Practice::scope_at, py::arg("maturity"), "Scope at a maturity (1..3).")
      .def("__repr__", [](const Practice& p) { return "Practice(" + quote(p.id) + ", " + quote(p.title) + ")"; });
  value_protocol<Practice>(practice, "Practice");
  hash_by_id<Practice>(practice);

  control.def_readonly("id", &Control::id)
      .def_readonly("title", &Control::title)
      .def("__repr__", [](const Control& c) { return "Control(" + std::to_string(c.id) + ", " + quote(c.title) + ")"; })
      .def("__hash__", [](const Control& c) { return py::hash(py::int_(c.id)); });
  value_protocol<Control>(control, "Control");

  safeguard.def_readonly("id", &Safeguard::id)
      .def_readonly("control", &Safeguard::control)
      .def_readonly("title", &Safeguard::title)
      .def_readonly("asset_type", &Safeguard::asset_type)
      .def_readonly("security_function", &Safeguard::security_function)
      .def_readonly("implementation_groups", &Safeguard::implementation_groups)
      .def_readonly("depends_on", &Safeguard::depends_on)
      .def("in_group", &Safeguard::in_group, py::arg("ig"), "Whether the Safeguard belongs to IG 1, 2 or 3.")
      .def("__repr__", [](const Safeguard& s) { return "Safeguard(" + quote(s.id) + ", " + quote(s.title) + ")"; });
  value_protocol<Safeguard>(safeguard, "Safeguard");
  hash_by_id<Safeguard>(safeguard);

  worksheet.def_readonly("id", &Worksheet::id)
      .def_readonly("name", &Worksheet::name)
      .def_readonly("group", &Worksheet::group)
      .def_readonly("actions", &Worksheet::actions)
      .def("__repr__", [](const Worksheet& w) { return "Worksheet(" + quote(w.id) + ")"; });
  value_protocol<Worksheet>(worksheet, "Worksheet");
  hash_by_id<Worksheet>(worksheet);

  cdm_rank.def_readonly("rank", &CdmRank::rank)
      .def_readonly("safeguard", &CdmRank::safeguard)
      .def_readonly("practice", &CdmRank::practice)
      .def("__repr__", [](const CdmRank& r) {
        return "CdmRank(" + std::to_string(r.rank) + ", " + quote(r.safeguard) + ", " + quote(r.practice) + ")";
      });
  value_protocol<CdmRank>(cdm_rank, "CdmRank");

  priorities.def_readonly("level1_baseline", &Priorities::level1_baseline)
      .def_readonly("level1_election", &Priorities::level1_election)
      .def_readonly("cdm_ranking", &Priorities::cdm_ranking)
      .def("__repr__", [](const Priorities& p) {
        return "Priorities(" + std::to_string(p.level1_baseline.size()) + " worksheets, " +
               std::to_string(p.level1_election.size()) + " election priorities, " +
               std::to_string(p.cdm_ranking.size()) + " CDM ranks)";
      });
  value_protocol<Priorities>(priorities, "Priorities");

  handbook.def_readonly("number", &HandbookPractice::number)
      .def_readonly("title", &HandbookPractice::title)
      .def_readonly("practices", &HandbookPractice::practices)
      .def("__repr__", [](const HandbookPractice& h) { return "HandbookPractice(" + std::to_string(h.number) + ")"; })
      .def("__hash__", [](const HandbookPractice& h) { return py::hash(py::int_(h.number)); });
  value_protocol<HandbookPractice>(handbook, "HandbookPractice");

  glossary.def_readonly("term", &GlossaryEntry::term)
      .def_readonly("definition", &GlossaryEntry::definition)
      .def_readonly("links", &GlossaryEntry::links)
      .def("__repr__", [](const GlossaryEntry& g) { return "GlossaryEntry(" + quote(g.term) + ")"; });
  value_protocol<GlossaryEntry>(glossary, "GlossaryEntry");

  acronym.def_readonly("term", &Acronym::term)
      .def_readonly("expansion", &Acronym::expansion)
      .def("__repr__", [](const Acronym& a) { return "Acronym(" + quote(a.term) + ", " + quote(a.expansion) + ")"; });
  value_protocol<Acronym>(acronym, "Acronym");

  source.def_readonly("id", &GuidanceSource::id)
      .def_readonly("title", &GuidanceSource::title)
      .def_readonly("publisher", &GuidanceSource::publisher)
      .def_readonly("date", &GuidanceSource::date)
      .def_readonly("url", &GuidanceSource::url)
      .def_readonly("partners", &GuidanceSource::partners)
      .def("__repr__", [](const GuidanceSource& s) { return "GuidanceSource(" + quote(s.id) + ")"; });
  value_protocol<GuidanceSource>(source, "GuidanceSource");
  hash_by_id<GuidanceSource>(source);

  related.def_readonly("practice", &RelatedPractice::practice)
      .def_readonly("reason", &RelatedPractice::reason)
      .def_readonly("provenance", &RelatedPractice::provenance)
      .def("__repr__", [](const RelatedPractice& r) { return "RelatedPractice(" + quote(r.practice) + ")"; });
  value_protocol<RelatedPractice>(related, "RelatedPractice");

  recommendation.def_readonly("id", &Recommendation::id)
      .def_readonly("source", &Recommendation::source)
      .def_readonly("audience", &Recommendation::audience)
      .def_readonly("category", &Recommendation::category)
      .def_readonly("title", &Recommendation::title)
      .def_readonly("text", &Recommendation::text)
      .def_readonly("practices", &Recommendation::practices)
      .def_readonly("safeguards", &Recommendation::safeguards)
      .def_readonly("links", &Recommendation::links)
      .def("__repr__", [](const Recommendation& r) { return "Recommendation(" + quote(r.id) + ")"; });
  value_protocol<Recommendation>(recommendation, "Recommendation");
  hash_by_id<Recommendation>(recommendation);

  guidance.def_readonly("sources", &Guidance::sources)
      .def_readonly("recommendations", &Guidance::recommendations)
      .def("__repr__", [](const Guidance& g) {
        return "Guidance(" + std::to_string(g.sources.size()) + " sources, " +
               std::to_string(g.recommendations.size()) + " recommendations)";
      });
  value_protocol<Guidance>(guidance, "Guidance");

  connectedness_class.def_readonly("id", &ConnectednessClass::id)
      .def_readonly("title", &ConnectednessClass::title)
      .def_readonly("label", &ConnectednessClass::label)
      .def_readonly("text", &ConnectednessClass::text)
      .def_readonly("examples", &ConnectednessClass::examples)
      .def(
          "__repr__",
          [](const ConnectednessClass& k) { return "ConnectednessClass(" + quote(std::string(to_string(k.id))) + ")"; })
      .def("__hash__", [](const ConnectednessClass& k) { return py::hash(py::str(std::string(to_string(k.id)))); });
  value_protocol<ConnectednessClass>(connectedness_class, "ConnectednessClass");

  system_risk.def_readonly("id", &SystemRisk::id)
      .def_readonly("title", &SystemRisk::title)
      .def_readonly("text", &SystemRisk::text)
      .def("__repr__", [](const SystemRisk& r) { return "SystemRisk(" + quote(r.id) + ")"; });
  value_protocol<SystemRisk>(system_risk, "SystemRisk");
  hash_by_id<SystemRisk>(system_risk);

  component_connection.def_readonly("connectedness", &ComponentConnection::connectedness)
      .def_readonly("occurs", &ComponentConnection::occurs)
      .def_readonly("text", &ComponentConnection::text)
      .def("__repr__", [](const ComponentConnection& c) {
        return "ComponentConnection(" + quote(std::string(to_string(c.connectedness))) +
               ", occurs=" + (c.occurs ? "True" : "False") + ")";
      });
  value_protocol<ComponentConnection>(component_connection, "ComponentConnection");

  component_variant.def_readonly("name", &ComponentVariant::name)
      .def_readonly("text", &ComponentVariant::text)
      .def_readonly("connectedness", &ComponentVariant::connectedness)
      .def("__repr__", [](const ComponentVariant& v) { return "ComponentVariant(" + quote(v.name) + ")"; });
  value_protocol<ComponentVariant>(component_variant, "ComponentVariant");

  system_component.def_readonly("id", &SystemComponent::id)
      .def_readonly("title", &SystemComponent::title)
      .def_readonly("page", &SystemComponent::page)
      .def_readonly("summary", &SystemComponent::summary)
      .def_readonly("inputs", &SystemComponent::inputs)
      .def_readonly("outputs", &SystemComponent::outputs)
      .def_readonly("variants", &SystemComponent::variants)
      .def_readonly("risks", &SystemComponent::risks)
      .def_readonly("connections", &SystemComponent::connections)
      .def("__repr__", [](const SystemComponent& c) { return "SystemComponent(" + quote(c.id) + ")"; });
  value_protocol<SystemComponent>(system_component, "SystemComponent");
  hash_by_id<SystemComponent>(system_component);

  primer.def_readonly("classes", &Primer::classes)
      .def_readonly("risks", &Primer::risks)
      .def_readonly("components", &Primer::components)
      .def("__repr__", [](const Primer& p) {
        return "Primer(" + std::to_string(p.components.size()) + " systems, " + std::to_string(p.risks.size()) +
               " risks)";
      });
  value_protocol<Primer>(primer, "Primer");

  system_link.def_readonly("subject", &SystemLink::subject)
      .def_readonly("practice", &SystemLink::practice)
      .def_readonly("reason", &SystemLink::reason)
      .def_readonly("provenance", &SystemLink::provenance)
      .def("__repr__", [](const SystemLink& l) {
        return "SystemLink(" + quote(l.subject) + ", " + quote(l.practice) + ", provenance=" + quote(l.provenance) +
               ")";
      });
  value_protocol<SystemLink>(system_link, "SystemLink");

  mapped_practice.def_readonly("practice", &PyMappedPractice::practice)
      .def_readonly("maturity", &PyMappedPractice::maturity)
      .def("__iter__", [](const PyMappedPractice& x) { return py::iter(py::make_tuple(x.practice, x.maturity)); })
      .def(
          "__eq__", [](const PyMappedPractice& a, const PyMappedPractice& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const PyMappedPractice& x) {
        return "MappedPractice(" + quote(x.practice.id) +
               ", maturity=" + (x.maturity ? std::to_string(static_cast<int>(*x.maturity)) : "None") + ")";
      });
  mapped_safeguard.def_readonly("safeguard", &PyMappedSafeguard::safeguard)
      .def_readonly("maturity", &PyMappedSafeguard::maturity)
      .def("__iter__", [](const PyMappedSafeguard& x) { return py::iter(py::make_tuple(x.safeguard, x.maturity)); })
      .def(
          "__eq__", [](const PyMappedSafeguard& a, const PyMappedSafeguard& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const PyMappedSafeguard& x) {
        return "MappedSafeguard(" + quote(x.safeguard.id) +
               ", maturity=" + (x.maturity ? std::to_string(static_cast<int>(*x.maturity)) : "None") + ")";
      });
  coverage.def_readonly("ig", &PyCoverage::ig)
      .def_readonly("total", &PyCoverage::total)
      .def_readonly("mapped", &PyCoverage::mapped)
      .def_readonly("unmapped", &PyCoverage::unmapped)
      .def("__repr__", [](const PyCoverage& c) {
        return "Coverage(ig=" + std::to_string(static_cast<int>(c.ig)) + ", total=" + std::to_string(c.total) +
               ", mapped=" + std::to_string(c.mapped.size()) + ", unmapped=" + std::to_string(c.unmapped.size()) + ")";
      });
}

}  // namespace electsec::python
