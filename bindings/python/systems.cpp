// An office's system profile and its risk picture (systems.hpp). electsec's links from
// systems to practices keep their provenance in every value Python sees.
#include "bindings.hpp"

namespace electsec::python {

namespace {

std::string use_repr(const SystemUse& u) {
  return "SystemUse(" + quote(u.component) + ", " + quote(std::string(to_string(u.connectedness))) +
         (u.note.empty() ? std::string() : ", note=" + quote(u.note)) + ")";
}

py::dict use_dict(const SystemUse& u) {
  py::dict d;
  d["component"] = u.component;
  d["connectedness"] = std::string(to_string(u.connectedness));
  d["note"] = u.note;
  return d;
}

}  // namespace

void init_systems(py::module_& m) {
  auto system_use = registered<SystemUse>(m, "SystemUse");
  auto system_use_risks = registered<SystemUseRisks>(m, "SystemUseRisks");
  auto link = registered<SystemPracticeLink>(m, "SystemPracticeLink");
  auto practice = registered<SystemPractice>(m, "SystemPractice");
  auto picture = registered<RiskPicture>(m, "RiskPicture");
  auto assessment = registered<Assessment>(m, "Assessment");

  members(system_use)
      .readonly("component", &SystemUse::component)
      .readonly("connectedness", &SystemUse::connectedness)
      .readonly("note", &SystemUse::note)
      .binary("__eq__", [](const SystemUse& a, const SystemUse& b) { return a == b; })
      .method("__hash__",
              [](const SystemUse& u) {
                return py::hash(py::make_tuple(u.component, std::string(to_string(u.connectedness)), u.note));
              })
      .method("to_dict", [](const SystemUse& u) { return use_dict(u); })
      .method("__repr__", [](const SystemUse& u) { return use_repr(u); });
  system_use
      .def(py::init([](std::string component, Connectedness connectedness, std::string note) {
             return SystemUse{non_empty("component", std::move(component)), connectedness, std::move(note)};
           }),
           py::arg("component"), py::arg("connectedness"), py::arg("note") = "",
           "component: a kind of election system of the catalog's primer ('pollbooks'); connectedness: 'network', "
           "'indirect', 'none' or 'transmission'. The component is checked when the entry joins an assessment.")
      .def(
          py::pickle([](const SystemUse& u) { return py::make_tuple(u.component, u.connectedness, u.note); },
                     [](const py::tuple& t) {
                       return SystemUse{t[0].cast<std::string>(), t[1].cast<Connectedness>(), t[2].cast<std::string>()};
                     }));

  members(system_use_risks)
      .readonly("use", &SystemUseRisks::use)
      .readonly("occurs", &SystemUseRisks::occurs, "False where the guide says this class does not occur for it.")
      .readonly("connection", &SystemUseRisks::connection, "The guide's connection-table text for it.")
      .readonly("risks", &SystemUseRisks::risks, "SystemRisk ids that apply; none for 'none'.")
      .binary("__eq__", [](const SystemUseRisks& a, const SystemUseRisks& b) { return a == b; })
      .method("__repr__", [](const SystemUseRisks& s) {
        return "SystemUseRisks(" + use_repr(s.use) + ", " + std::to_string(s.risks.size()) + " risks" +
               (s.occurs ? "" : ", does not occur") + ")";
      });

  members(link)
      .readonly("component", &SystemPracticeLink::component)
      .readonly("connectedness", &SystemPracticeLink::connectedness)
      .readonly("subject", &SystemPracticeLink::subject,
                "What the link starts from: the component, a risk id or the connectedness.")
      .readonly("reason", &SystemPracticeLink::reason)
      .readonly("provenance", &SystemPracticeLink::provenance, "Who draws the link: 'electsec', never the guide.")
      .readonly("marked_reason", &editorial_reason, "The reason marked with who draws it: 'electsec: ...'.")
      .binary("__eq__", [](const SystemPracticeLink& a, const SystemPracticeLink& b) { return a == b; })
      .method("__repr__", [](const SystemPracticeLink& l) {
        return "SystemPracticeLink(" + quote(l.subject) + ", provenance=" + quote(l.provenance) + ")";
      });

  members(practice)
      .readonly("practice", &SystemPractice::practice)
      .readonly("scope", &SystemPractice::scope)
      .readonly(
          "plan_rank",
          [](const SystemPractice& p) -> std::optional<int> {
            if (p.plan_rank == 0) return std::nullopt;
            return p.plan_rank;
          },
          "Rank of the first step of the guide's plan listing one of its actions; None when out of scope.")
      .readonly("links", &SystemPractice::links, "Every electsec link that brought it in.")
      .readonly("addresses", &addressed_uses, "The profile's entries it addresses, as one string.")
      .binary("__eq__", [](const SystemPractice& a, const SystemPractice& b) { return a == b; })
      .method("__repr__", [](const SystemPractice& p) {
        return "SystemPractice(" + quote(p.practice) + ", plan_rank=" + std::to_string(p.plan_rank) + ", " +
               std::to_string(p.links.size()) + " electsec links)";
      });

  members(picture)
      .readonly("maturity", &RiskPicture::maturity)
      .readonly("systems", &RiskPicture::systems)
      .readonly("practices", &RiskPicture::practices, "In scope, in the guide's plan order.")
      .readonly("out_of_scope", &RiskPicture::out_of_scope, "Linked but out of scope at the maturity.")
      .method("to_dict", [](const RiskPicture& p) { return json_loads(to_json(p, -1)); })
      .binary("__eq__", [](const RiskPicture& a, const RiskPicture& b) { return a == b; })
      .method("__repr__", [](const RiskPicture& p) {
        return "RiskPicture(maturity=" + std::to_string(static_cast<int>(p.maturity)) + ", " +
               std::to_string(p.systems.size()) + " systems, " + std::to_string(p.practices.size()) + " practices)";
      });

  assessment
      .def_property(
          "systems", [](const Assessment& a) { return a.systems; },
          [](Assessment& a, const std::vector<SystemUse>& systems) {
            Assessment checked_copy;
            for (const auto& u : systems)
              if (!checked_copy.add_system(default_catalog(), u.component, u.connectedness, u.note))
                throw Error("'" + u.component + "' with connectedness '" + std::string(to_string(u.connectedness)) +
                            "' is listed twice; give each pair once");
            a.systems = std::move(checked_copy.systems);
          },
          "The system profile: a list of SystemUse (a copy; assign a list, or use add_system and remove_system). "
          "Components are checked against the embedded catalog.")
      .def(
          "add_system",
          [](Assessment& a, std::string_view component, Connectedness connectedness, std::optional<std::string> note,
             const std::optional<Catalog>& catalog) {
            return a.add_system(catalog ? *catalog : default_catalog(), component, connectedness, std::move(note));
          },
          py::arg("component"), py::arg("connectedness"), py::arg("note") = py::none(), py::arg("catalog") = py::none(),
          "Add a kind of system with its connectedness; note=None keeps an existing entry's note. Returns True when "
          "added. Raises NotFound (with the closest ids) for a component the primer lacks.")
      .def("remove_system", &Assessment::remove_system, py::arg("component"), py::arg("connectedness") = py::none(),
           "Remove the component's entries (only the one with connectedness when given); returns how many.");

  m.def(
      "risk_picture",
      [](const Catalog& c, const Assessment& a) {
        py::gil_scoped_release release;
        return risk_picture(c, a);
      },
      py::arg("catalog"), py::arg("assessment"),
      "The risk picture of an assessment's system profile at its maturity. Practice links are electsec's "
      "(provenance 'electsec'), never the guide's.");
  m.def(
      "risk_picture",
      [](const Catalog& c, const std::vector<SystemUse>& systems, Maturity maturity) {
        py::gil_scoped_release release;
        return risk_picture(c, systems, maturity);
      },
      py::arg("catalog"), py::arg("systems"), py::arg("maturity"),
      "The risk picture of a list of SystemUse at a maturity.");
}

}  // namespace electsec::python
