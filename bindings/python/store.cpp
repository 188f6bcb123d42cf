// The history store: Store and the values its queries return.
#include "bindings.hpp"

#include <mutex>

namespace electsec::python {

// The store with its own handle on the catalog (which must outlive it), and a lock: a
// Python program may call one Store from several threads, and calls release the GIL.
struct PyStore {
  explicit PyStore(Catalog c) : catalog(std::move(c)) {}
  Catalog catalog;
  std::optional<Store> store;
  std::mutex lock;

  Store& open() {
    if (!store) throw Error("the history store is closed");
    return *store;
  }
};

}  // namespace electsec::python

// Its caster checks, as every class's does, that __init__ ran (bindings.hpp).
namespace pybind11::detail {
template <>
struct type_caster<electsec::python::PyStore> : initialised_caster<electsec::python::PyStore> {};
}  // namespace pybind11::detail

namespace electsec::python {

namespace {

Stamp stamp(const std::optional<std::string>& at, std::string author, std::string source) {
  return Stamp{at.value_or(""), std::move(author), std::move(source)};
}

OfficeFilter filter(std::optional<std::vector<std::string>> offices, std::optional<std::string> state,
                    std::optional<JurisdictionKind> kind, std::optional<Maturity> maturity) {
  OfficeFilter f;
  if (offices) f.offices = std::move(*offices);
  if (state) f.state = std::move(*state);
  f.kind = kind;
  f.maturity = maturity;
  return f;
}

py::dict distribution_dict(const Distribution& d) {
  py::dict out;
  out["count"] = d.count;
  out["min"] = d.min;
  out["q1"] = d.q1;
  out["median"] = d.median;
  out["q3"] = d.q3;
  out["max"] = d.max;
  return out;
}

py::dict practice_rollup_dict(const PracticeRollup& r) {
  py::dict d;
  d["practice"] = r.practice;
  d["actions_applicable"] = r.actions_applicable;
  d["actions_done"] = r.actions_done;
  d["completion"] = r.completion;
  d["offices_complete"] = r.offices_complete;
  return d;
}

py::dict event_dict(const StoreEvent& e) {
  py::dict d;
  d["sequence"] = e.sequence;
  d["office"] = e.office;
  d["subject"] = e.subject;
  d["value"] = e.value;
  d["note"] = e.note;
  d["at"] = e.at;
  d["author"] = e.author;
  d["source"] = e.source;
  return d;
}

py::dict trend_point_dict(const TrendPoint& p) {
  py::dict d;
  d["period"] = p.period;
  d["as_of"] = p.as_of;
  d["offices"] = p.offices;
  d["maturity_distribution"] =
      py::make_tuple(p.maturity_distribution[0], p.maturity_distribution[1], p.maturity_distribution[2]);
  d["actions_applicable"] = p.actions_applicable;
  d["actions_done"] = p.actions_done;
  d["completion"] = p.completion;
  d["office_completion"] = distribution_dict(p.office_completion);
  py::list practices;
  for (const auto& r : p.practices) practices.append(practice_rollup_dict(r));
  d["practices"] = practices;
  return d;
}

template <typename T, typename F>
py::list list_of(const std::vector<T>& items, F f) {
  py::list out;
  for (const auto& x : items) out.append(f(x));
  return out;
}

// Run `f` on the open store with the GIL released and the store's lock held.
template <typename F>
auto locked(PyStore& s, F f) {
  py::gil_scoped_release release;
  std::lock_guard<std::mutex> guard(s.lock);
  return f(s.open());
}

std::unique_ptr<PyStore> make_store(const FsPath& path, const std::optional<Catalog>& catalog, bool create) {
  auto s = std::make_unique<PyStore>(catalog ? *catalog : default_catalog());
  py::gil_scoped_release release;
  s->store.emplace(create ? Store::create(path, s->catalog) : Store::open(path, s->catalog));
  return s;
}

}  // namespace

void init_store(py::module_& m) {
  // Once only (the package's lock makes the calls one at a time). The module's own
  // dictionary is asked, not the module: its __getattr__ would come back here.
  if (py::reinterpret_borrow<py::dict>(PyModule_GetDict(m.ptr())).contains("Store")) return;
  // Every class first, as in module.cpp (which registered Progress already).
  py::class_<StoreEvent> event(m, "StoreEvent", "One recorded change of one office.");
  py::class_<ImportSummary> summary(m, "ImportSummary", "What one import into a store added.");
  py::class_<Distribution> dist(m, "Distribution", "How values spread over a group of offices.");
  py::class_<TrendPoint> point(m, "TrendPoint", "One period of a trend.");
  py::class_<PracticeComparison> practice_comparison(m, "PracticeComparison",
                                                     "One practice of an office against its peers.");
  py::class_<PeerComparison> comparison(m, "PeerComparison", "An office against its peers as of a date.");
  py::class_<OfficeProgress> office_progress(m, "OfficeProgress", "One office's progress between two dates.");
  py::class_<PyStore> store(m, "Store",
                            "The history store: one SQLite file with every change of many offices and its date. "
                            "Open with Store.open(path) or make a new one with Store.create(path); use it as a "
                            "context manager, or call close().");
  auto progress = registered<Progress>(m, "Progress");

  members(event)
      .readonly("sequence", &StoreEvent::sequence)
      .readonly("office", &StoreEvent::office)
      .readonly("subject", &StoreEvent::subject)
      .readonly("value", &StoreEvent::value)
      .readonly("note", &StoreEvent::note)
      .readonly("at", &StoreEvent::at)
      .readonly("author", &StoreEvent::author)
      .readonly("source", &StoreEvent::source)
      .binary("__eq__", [](const StoreEvent& a, const StoreEvent& b) { return a == b; })
      .method("__repr__", [](const StoreEvent& e) {
        return "StoreEvent(" + quote(e.office) + ", " + quote(e.at) + ", " + quote(e.subject) + ", " + quote(e.value) +
               ")";
      });
  event.def("to_dict", &event_dict);
  members(summary)
      .method("to_dict",
              [](const ImportSummary& x) {
                py::dict d;
                d["files"] = x.files;
                d["offices_new"] = x.offices_new;
                d["offices_changed"] = x.offices_changed;
                d["offices_unchanged"] = x.offices_unchanged;
                d["events"] = x.events;
                return d;
              })
      .readonly("files", &ImportSummary::files)
      .readonly("offices_new", &ImportSummary::offices_new)
      .readonly("offices_changed", &ImportSummary::offices_changed)
      .readonly("offices_unchanged", &ImportSummary::offices_unchanged)
      .readonly("events", &ImportSummary::events)
      .method("__repr__", [](const ImportSummary& s) {
        return "ImportSummary(files=" + std::to_string(s.files) + ", offices_new=" + std::to_string(s.offices_new) +
               ", offices_changed=" + std::to_string(s.offices_changed) +
               ", offices_unchanged=" + std::to_string(s.offices_unchanged) + ", events=" + std::to_string(s.events) +
               ")";
      });
  members(dist)
      .readonly("count", &Distribution::count)
      .readonly("min", &Distribution::min)
      .readonly("q1", &Distribution::q1)
      .readonly("median", &Distribution::median)
      .readonly("q3", &Distribution::q3)
      .readonly("max", &Distribution::max)
      .binary("__eq__", [](const Distribution& a, const Distribution& b) { return a == b; })
      .method("__repr__", [](const Distribution& d) {
        return "Distribution(count=" + std::to_string(d.count) +
               ", median=" + py::repr(py::float_(d.median)).cast<std::string>() + ")";
      });
  dist.def("to_dict", &distribution_dict);
  members(point)
      .readonly("period", &TrendPoint::period)
      .readonly("as_of", &TrendPoint::as_of)
      .readonly("offices", &TrendPoint::offices)
      .readonly("maturity_distribution",
                [](const TrendPoint& p) {
                  return std::vector<std::size_t>(p.maturity_distribution.begin(), p.maturity_distribution.end());
                })
      .readonly("actions_applicable", &TrendPoint::actions_applicable)
      .readonly("actions_done", &TrendPoint::actions_done)
      .readonly("completion", &TrendPoint::completion)
      .readonly("office_completion", &TrendPoint::office_completion)
      .readonly("practices", &TrendPoint::practices)
      .binary("__eq__", [](const TrendPoint& a, const TrendPoint& b) { return a == b; })
      .method("__repr__", [](const TrendPoint& p) {
        return "TrendPoint(" + quote(p.period) + ", offices=" + std::to_string(p.offices) +
               ", completion=" + py::repr(py::float_(p.completion)).cast<std::string>() + ")";
      });
  point.def("to_dict", &trend_point_dict);
  const auto practice_comparison_dict = [](const PracticeComparison& c) {
    py::dict d;
    d["practice"] = c.practice;
    d["completion"] = c.completion;
    d["peers"] = distribution_dict(c.peers);
    d["percentile_rank"] = c.percentile_rank;
    return d;
  };
  members(practice_comparison)
      .readonly("practice", &PracticeComparison::practice)
      .readonly("completion", &PracticeComparison::completion)
      .readonly("peers", &PracticeComparison::peers)
      .readonly("percentile_rank", &PracticeComparison::percentile_rank)
      .binary("__eq__", [](const PracticeComparison& a, const PracticeComparison& b) { return a == b; })
      .method("__repr__", [](const PracticeComparison& c) {
        return "PracticeComparison(" + quote(c.practice) +
               ", completion=" + py::repr(py::float_(c.completion)).cast<std::string>() + ")";
      });
  practice_comparison.def("to_dict", practice_comparison_dict);
  members(comparison)
      .readonly("jurisdiction", &PeerComparison::jurisdiction)
      .readonly("maturity", &PeerComparison::maturity)
      .readonly("as_of", &PeerComparison::as_of)
      .readonly("peer_group", [](const PeerComparison& c) { return std::string(to_string(c.peer_group)); })
      .readonly("completion", &PeerComparison::completion)
      .readonly("peers", &PeerComparison::peers)
      .readonly("percentile_rank", &PeerComparison::percentile_rank)
      .readonly("practices", &PeerComparison::practices)
      .binary("__eq__", [](const PeerComparison& a, const PeerComparison& b) { return a == b; })
      .method("__repr__", [](const PeerComparison& c) {
        return "PeerComparison(" + quote(c.jurisdiction.id) + ", as_of=" + quote(c.as_of) +
               ", peer_group=" + quote(std::string(to_string(c.peer_group))) +
               ", peers=" + std::to_string(c.peers.count) + ")";
      });
  comparison.def("to_dict", [practice_comparison_dict](const PeerComparison& c) {
    py::dict d;
    d["jurisdiction"] = py::cast(c.jurisdiction).attr("to_dict")();
    d["maturity"] = static_cast<int>(c.maturity);
    d["as_of"] = c.as_of;
    d["peer_group"] = std::string(to_string(c.peer_group));
    d["completion"] = c.completion;
    d["peers"] = distribution_dict(c.peers);
    d["percentile_rank"] = c.percentile_rank;
    d["practices"] = list_of(c.practices, practice_comparison_dict);
    return d;
  });

  const auto office_progress_dict = [](const OfficeProgress& o) {
    py::dict d;
    d["jurisdiction"] = py::cast(o.jurisdiction).attr("to_dict")();
    d["maturity"] = static_cast<int>(o.maturity);
    d["completion_since"] = o.completion_since ? py::object(py::float_(*o.completion_since)) : py::object(py::none());
    d["completion"] = o.completion;
    d["last_change"] = o.last_change;
    d["days_without_change"] = o.days_without_change;
    return d;
  };
  members(office_progress)
      .readonly("jurisdiction", &OfficeProgress::jurisdiction)
      .readonly("maturity", &OfficeProgress::maturity)
      .readonly("completion_since", &OfficeProgress::completion_since)
      .readonly("completion", &OfficeProgress::completion)
      .readonly("last_change", &OfficeProgress::last_change)
      .readonly("days_without_change", &OfficeProgress::days_without_change)
      .binary("__eq__", [](const OfficeProgress& a, const OfficeProgress& b) { return a == b; })
      .method("__repr__", [](const OfficeProgress& o) {
        return "OfficeProgress(" + quote(o.jurisdiction.id) +
               ", days_without_change=" + std::to_string(o.days_without_change) + ")";
      });
  office_progress.def("to_dict", office_progress_dict);
  members(progress)
      .readonly("since", &Progress::since)
      .readonly("as_of", &Progress::as_of)
      .readonly("period", [](const Progress& p) { return std::string(to_string(p.period)); })
      .readonly("trend", &Progress::trend)
      .readonly("peers", &Progress::peers)
      .readonly("changes", &Progress::changes)
      .readonly("offices", &Progress::offices)
      .binary("__eq__", [](const Progress& a, const Progress& b) { return a == b; })
      .method("__repr__", [](const Progress& p) {
        return "Progress(" + quote(p.since) + ", " + quote(p.as_of) + ", " + std::to_string(p.trend.size()) +
               " periods)";
      });
  progress.def("to_dict", [office_progress_dict](const Progress& p) {
    py::dict d;
    d["since"] = p.since;
    d["as_of"] = p.as_of;
    d["period"] = std::string(to_string(p.period));
    d["trend"] = list_of(p.trend, trend_point_dict);
    d["peers"] = list_of(p.peers, trend_point_dict);
    d["changes"] = list_of(p.changes, event_dict);
    d["offices"] = list_of(p.offices, office_progress_dict);
    return d;
  });

  members(store)
      .readonly("path",
                [](PyStore& s) {
                  std::lock_guard<std::mutex> guard(s.lock);
                  return s.open().path();
                })
      .readonly("event_count", [](PyStore& s) { return locked(s, [](Store& st) { return st.event_count(); }); });
  store
      .def_static(
          "create",
          [](const FsPath& path, const std::optional<Catalog>& catalog) { return make_store(path, catalog, true); },
          py::arg("path"), py::arg("catalog") = py::none(),
          "Create a new, empty store; raises IoError when the file exists.")
      .def_static(
          "open",
          [](const FsPath& path, const std::optional<Catalog>& catalog) { return make_store(path, catalog, false); },
          py::arg("path"), py::arg("catalog") = py::none(),
          "Open an existing store (migrating an older schema forward). A file that is not a store, is damaged or "
          "is of a newer schema raises Error and is left as it was.")
      .def("close",
           [](PyStore& s) {
             py::gil_scoped_release release;
             std::lock_guard<std::mutex> guard(s.lock);
             s.store.reset();
           })
      .def("__enter__", [](py::object self) { return self; })
      .def("__exit__",
           [](PyStore& s, const py::args&) {
             py::gil_scoped_release release;
             std::lock_guard<std::mutex> guard(s.lock);
             s.store.reset();
           })
      .def(
          "import_assessment",
          [](PyStore& s, Assessment a, std::optional<std::string> at, std::string author, std::string source) {
            return locked(s, [&](Store& st) { return st.import_assessment(a, stamp(at, author, source)); });
          },
          py::arg("assessment"), py::kw_only(), py::arg("at") = py::none(), py::arg("author") = "",
          py::arg("source") = "", "Record what differs from the office's latest record; one transaction.")
      .def(
          "import_files",
          [](PyStore& s, const std::vector<FsPath>& paths, std::optional<std::string> at, std::string author,
             std::string source, bool recursive) {
            std::vector<std::string> files(paths.begin(), paths.end());
            return locked(s, [&](Store& st) { return st.import_files(files, stamp(at, author, source), recursive); });
          },
          py::arg("paths"), py::kw_only(), py::arg("at") = py::none(), py::arg("author") = "", py::arg("source") = "",
          py::arg("recursive") = false,
          "Import assessment files (folders stand for their *.json files) in one transaction: all or none.")
      .def(
          "set_status",
          [](PyStore& s, const std::string& office, const py::object& actions, Status status,
             std::optional<std::string> note, std::optional<std::string> at, std::string author, std::string source) {
            std::vector<std::string> ids;
            if (py::isinstance<py::str>(actions)) {
              ids.push_back(actions.cast<std::string>());
            } else {
              try {
                ids = actions.cast<std::vector<std::string>>();
              } catch (const py::cast_error&) {
                throw py::type_error("actions: an action id, or a list of action ids");
              }
            }
            return locked(s, [&](Store& st) {
              return st.set_status(office, ids, status, note, stamp(at, std::move(author), std::move(source)));
            });
          },
          py::arg("office"), py::arg("actions"), py::arg("status"), py::kw_only(), py::arg("note") = py::none(),
          py::arg("at") = py::none(), py::arg("author") = "", py::arg("source") = "",
          "Record a status for one action id or a list of them; returns the number of events recorded.")
      .def(
          "set_level",
          [](PyStore& s, const std::string& office, Maturity level, std::optional<std::string> at, std::string author,
             std::string source) {
            return locked(s, [&](Store& st) { return st.set_level(office, level, stamp(at, author, source)); });
          },
          py::arg("office"), py::arg("level"), py::kw_only(), py::arg("at") = py::none(), py::arg("author") = "",
          py::arg("source") = "")
      .def(
          "set_answers",
          [](PyStore& s, const std::string& office, const MaturityAnswers& answers, std::optional<std::string> at,
             std::string author, std::string source) {
            return locked(s, [&](Store& st) { return st.set_answers(office, answers, stamp(at, author, source)); });
          },
          py::arg("office"), py::arg("answers"), py::kw_only(), py::arg("at") = py::none(), py::arg("author") = "",
          py::arg("source") = "")
      .def(
          "set_systems",
          [](PyStore& s, const std::string& office, const std::vector<SystemUse>& systems,
             std::optional<std::string> at, std::string author, std::string source) {
            return locked(s, [&](Store& st) { return st.set_systems(office, systems, stamp(at, author, source)); });
          },
          py::arg("office"), py::arg("systems"), py::kw_only(), py::arg("at") = py::none(), py::arg("author") = "",
          py::arg("source") = "",
          "Record the office's whole system profile (a list of SystemUse); returns the number of events recorded.")
      .def(
          "add_system",
          [](PyStore& s, const std::string& office, const std::string& component, Connectedness connectedness,
             std::optional<std::string> note, std::optional<std::string> at, std::string author, std::string source) {
            return locked(s, [&](Store& st) {
              bool added = false;
              st.update_systems(
                  office,
                  [&](std::vector<SystemUse>& profile) {
                    Assessment x;
                    x.systems = std::move(profile);
                    added = x.add_system(s.catalog, component, connectedness, note);
                    profile = std::move(x.systems);
                  },
                  stamp(at, author, source));
              return added;
            });
          },
          py::arg("office"), py::arg("component"), py::arg("connectedness"), py::arg("note") = py::none(),
          py::kw_only(), py::arg("at") = py::none(), py::arg("author") = "", py::arg("source") = "",
          "Add an entry to the office's system profile as of `at`, reading and recording in one transaction (as "
          "Assessment.add_system changes an assessment); returns True when it was added.")
      .def(
          "remove_system",
          [](PyStore& s, const std::string& office, const std::string& component,
             std::optional<Connectedness> connectedness, std::optional<std::string> at, std::string author,
             std::string source) {
            return locked(s, [&](Store& st) {
              std::size_t removed = 0;
              st.update_systems(
                  office,
                  [&](std::vector<SystemUse>& profile) {
                    Assessment x;
                    x.systems = std::move(profile);
                    removed = x.remove_system(component, connectedness);
                    profile = std::move(x.systems);
                  },
                  stamp(at, author, source));
              return removed;
            });
          },
          py::arg("office"), py::arg("component"), py::arg("connectedness") = py::none(), py::kw_only(),
          py::arg("at") = py::none(), py::arg("author") = "", py::arg("source") = "",
          "Remove the component's entries from the office's system profile as of `at` (only the one with "
          "connectedness when given), in one transaction; returns how many.")
      .def(
          "optimize", [](PyStore& s) { return locked(s, [](Store& st) { return st.optimize(); }); },
          "Rebuild every office's checkpoints (summaries derived from its events); returns how many there are.")
      .def(
          "check", [](PyStore& s) { return locked(s, [](Store& st) { return st.check(); }); },
          "Look for damage in the whole store; returns what is wrong, one line each (empty when nothing is).")
      .def("offices", [](PyStore& s) { return locked(s, [](Store& st) { return st.offices(); }); })
      .def(
          "assessment",
          [](PyStore& s, const std::string& office, std::optional<std::string> as_of) {
            return locked(s, [&](Store& st) { return st.assessment(office, as_of.value_or("")); });
          },
          py::arg("office"), py::arg("as_of") = py::none(),
          "The office's assessment as it stood at the end of as_of (a date or UTC date-time); latest when None.")
      .def(
          "history",
          [](PyStore& s, const std::string& office) {
            return locked(s, [&](Store& st) { return st.history(office); });
          },
          py::arg("office"), "The office's events in the order they took effect.")
      .def(
          "changes",
          [](PyStore& s, std::optional<std::string> from, std::optional<std::string> to) {
            return locked(s, [&](Store& st) { return st.changes(from.value_or(""), to.value_or("")); });
          },
          py::arg("from_") = py::none(), py::arg("to") = py::none(),
          "Every office's events that took effect from the day from_ to the day to (both included).")
      .def(
          "rollup",
          [](PyStore& s, std::optional<std::string> as_of, std::optional<std::vector<std::string>> offices,
             std::optional<std::string> state, std::optional<JurisdictionKind> kind, std::optional<Maturity> maturity) {
            const OfficeFilter f = filter(std::move(offices), std::move(state), kind, maturity);
            return locked(s, [&](Store& st) { return st.rollup(as_of.value_or(""), f); });
          },
          py::arg("as_of") = py::none(), py::kw_only(), py::arg("offices") = py::none(), py::arg("state") = py::none(),
          py::arg("kind") = py::none(), py::arg("maturity") = py::none(),
          "The rollup of the selected offices as they stood at the end of as_of.")
      .def(
          "trend",
          [](PyStore& s, Period period, std::optional<std::string> from, std::optional<std::string> to,
             std::optional<std::vector<std::string>> offices, std::optional<std::string> state,
             std::optional<JurisdictionKind> kind, std::optional<Maturity> maturity) {
            TrendOptions o;
            o.period = period;
            o.from = from.value_or("");
            o.to = to.value_or("");
            o.filter = filter(std::move(offices), std::move(state), kind, maturity);
            return locked(s, [&](Store& st) { return st.trend(o); });
          },
          py::arg("period") = Period::month, py::kw_only(), py::arg("from_") = py::none(), py::arg("to") = py::none(),
          py::arg("offices") = py::none(), py::arg("state") = py::none(), py::arg("kind") = py::none(),
          py::arg("maturity") = py::none(),
          "Progress per period ('day', 'week' or 'month') of the selected offices, from the first change (or from_) "
          "to today (or to).")
      .def(
          "compare",
          [](PyStore& s, const std::string& office, std::optional<std::string> as_of, PeerGroup peer_group) {
            return locked(s, [&](Store& st) { return st.compare(office, as_of.value_or(""), peer_group); });
          },
          py::arg("office"), py::arg("as_of") = py::none(), py::kw_only(), py::arg("peer_group") = PeerGroup::state,
          "The office against the other offices of its state ('state'), of its level ('level') or all ('all').")
      .def(
          "progress",
          [](PyStore& s, std::optional<std::string> office, const std::string& since, std::optional<std::string> as_of,
             std::optional<std::vector<std::string>> offices, std::optional<std::string> state,
             std::optional<JurisdictionKind> kind, std::optional<Maturity> maturity) {
            const OfficeFilter f = filter(std::move(offices), std::move(state), kind, maturity);
            return locked(s, [&](Store& st) {
              return office ? st.progress(*office, since, as_of.value_or(""))
                            : st.progress(f, since, as_of.value_or(""));
            });
          },
          py::arg("office") = py::none(), py::kw_only(), py::arg("since"), py::arg("as_of") = py::none(),
          py::arg("offices") = py::none(), py::arg("state") = py::none(), py::arg("kind") = py::none(),
          py::arg("maturity") = py::none(),
          "Progress from the day since to as_of (today when None), as the reports show it: of one office (with its "
          "peers and its changes), or of the selected offices (each one's gain and days without a status change).")
      .def("__repr__", [](PyStore& s) {
        std::lock_guard<std::mutex> guard(s.lock);
        return s.store ? "Store(" + quote(s.store->path()) + ")" : std::string("Store(closed)");
      });

  m.def("distribution", &distribution, py::arg("values"), "How values spread: count, min, quartiles, median, max.");
  m.def("percentile_rank", &percentile_rank, py::arg("value"), py::arg("values"),
        "The share of values below value plus half of those equal to it, 0..100.");
  m.attr("STORE_SCHEMA_VERSION") = store_schema_version;
}

}  // namespace electsec::python
