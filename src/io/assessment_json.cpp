#include <electsec/assessment_json.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/error.hpp>

#include "catalog_impl.hpp"
#include "assessment_fast.hpp"
#include "assessment_reader.hpp"
#include "atomic_file.hpp"
#include "file.hpp"
#include "json_codec.hpp"
#include "json_locate.hpp"

#include <algorithm>
#include <cmath>
#include <atomic>
#include <filesystem>
#include <map>
#include <optional>
#include <thread>
#include <tuple>
#include <tuple>
#include <utility>

namespace electsec {

namespace {

// Assessments are read into sorted-map JSON (fast for many statuses) and written in the
// format's order.
using ujson = nlohmann::json;

// Collects every problem of a document, each at its JSON pointer, and reports them all
// at the end with line and column.
class Problems {
 public:
  // Without `positions`, problems name the field only: for documents that exist in memory,
  // not in a file whose lines a user could look up.
  Problems(std::string_view text, std::string_view source, bool positions = true)
      : text_(text), source_(source), positions_(positions) {}

  // Only the first `max_listed_problems` are kept (and located); the rest are counted, so
  // that a document with a million bad entries is still reported in linear time.
  void add(std::string pointer, std::string message) {
    if (++count_ <= max_listed_problems) list_.emplace_back(std::move(pointer), std::move(message));
  }
  bool full() const { return count_ >= max_listed_problems; }

  // An id the catalog lacks is a problem; its message (with the closest ids) is worked
  // out only while problems are still listed.
  template <typename Lookup>
  bool known(bool exists, const std::string& pointer, Lookup&& lookup) {
    if (exists) return true;
    if (full()) {
      add(pointer, "");
      return false;
    }
    try {
      lookup();
    } catch (const NotFound& e) {
      add(pointer, e.what());
    }
    return false;
  }

  void wrong(const ujson& j, const std::string& pointer, const std::string& expected) {
    add(pointer, "expected " + expected + ", found " + detail::type_name(j.type()));
  }

  // Unknown keys of an object are problems; returns false when `j` is not an object.
  bool object(const ujson& j, const std::string& pointer, std::initializer_list<const char*> keys) {
    if (!j.is_object()) {
      wrong(j, pointer.empty() ? "/" : pointer, "an object");
      return false;
    }
    for (const auto& item : j.items())
      if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return item.key() == k; }))
        add(pointer + "/" + detail::pointer_token(item.key()), "unknown field '" + item.key() + "'");
    return true;
  }

  const ujson* required(const ujson& j, const std::string& pointer, const char* key) {
    const auto it = j.find(key);
    if (it == j.end()) {
      add(pointer + "/" + key, std::string("missing required field '") + key + "'");
      return nullptr;
    }
    return &*it;
  }

  // A required string; a `name` (non_empty) must also hold no control characters, since
  // names and ids are shown on one line in tables, messages and reports.
  std::string string(const ujson& j, const std::string& pointer, const char* key, bool non_empty) {
    const ujson* v = required(j, pointer, key);
    if (v == nullptr) return {};
    if (!v->is_string()) {
      wrong(*v, pointer + "/" + key, "a string");
      return {};
    }
    const std::string& s = v->get_ref<const std::string&>();
    if (non_empty && s.empty())
      add(pointer + "/" + key, "must not be empty");
    else if (non_empty && !is_valid_name(s))
      add(pointer + "/" + key, "must not contain control characters such as line breaks");
    return v->get<std::string>();
  }

  void raise_if_any() const {
    if (count_ == 0) return;
    const auto position = [&](const std::string& pointer) {
      return positions_ ? detail::position_of(text_, detail::locate(text_, pointer)) : detail::TextPosition{0, 0};
    };
    if (count_ == 1) {
      const auto pos = position(list_[0].first);
      throw ParseError(std::string(source_), pos.line, pos.column, list_[0].first, list_[0].second);
    }
    // In the order of the file, as a person reads it and fixes it.
    std::vector<std::pair<detail::TextPosition, Problem>> located;
    for (const auto& [pointer, message] : list_) {
      const auto pos = position(pointer);
      located.push_back({pos,
                         {std::string(source_) +
                              (positions_ ? ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) : "") +
                              ": field " + pointer,
                          message}});
    }
    std::stable_sort(located.begin(), located.end(), [](const auto& a, const auto& b) {
      return std::tie(a.first.line, a.first.column) < std::tie(b.first.line, b.first.column);
    });
    std::vector<Problem> problems;
    for (auto& item : located) problems.push_back(std::move(item.second));
    throw ValidationError(
        std::move(problems),
        std::string(source_) + ": " + std::to_string(count_) + " problems" +
            (count_ > max_listed_problems ? " (the first " + std::to_string(max_listed_problems) + " listed)" : ""));
  }

 private:
  std::string_view text_;
  std::string_view source_;
  bool positions_;
  std::size_t count_ = 0;
  std::vector<std::pair<std::string, std::string>> list_;
};

MaturityAnswers decode_answers(const ujson& j, const std::string& pointer, const Catalog* catalog, Problems& problems) {
  MaturityAnswers answers;
  if (!j.is_object()) {
    problems.wrong(j, pointer, "an object of statement id -> true, false or null");
    return answers;
  }
  for (const auto& item : j.items()) {
    const std::string at = pointer + "/" + detail::pointer_token(item.key());
    if (catalog != nullptr) {
      const auto& index = detail::CatalogAccess::impl(*catalog).statement_index;
      if (!problems.known(index.count(item.key()) > 0, at, [&] { catalog->maturity_statement(item.key()); })) continue;
    }
    if (item.value().is_boolean())
      answers[item.key()] = item.value().get<bool>();
    else if (!item.value().is_null())
      problems.wrong(item.value(), at, "true, false or null");
  }
  return answers;
}

// The system profile: components of the catalog's primer (unchecked without a catalog),
// each (component, connectedness) at most once.
std::vector<SystemUse> decode_systems(const ujson& j, const Catalog* catalog, Problems& problems) {
  std::vector<SystemUse> systems;
  if (!j.is_array()) {
    problems.wrong(j, "/systems", "an array of {component, connectedness, note}");
    return systems;
  }
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string at = "/systems/" + std::to_string(i);
    const ujson& v = j[i];
    if (!problems.object(v, at, {"component", "connectedness", "note"})) continue;
    SystemUse use;
    bool ok = true;
    use.component = problems.string(v, at, "component", true);
    if (use.component.empty() || !is_valid_name(use.component)) ok = false;
    if (ok && catalog != nullptr) {
      const auto& components = catalog->primer().components;
      const bool exists = std::any_of(components.begin(), components.end(),
                                      [&](const SystemComponent& c) { return c.id == use.component; });
      ok = problems.known(exists, at + "/component", [&] { catalog->system_component(use.component); });
    }
    const std::string connectedness = problems.string(v, at, "connectedness", false);
    if (!v.contains("connectedness") || !v["connectedness"].is_string()) {
      ok = false;
    } else {
      try {
        use.connectedness = parse_connectedness(connectedness);
      } catch (const Error& e) {
        problems.add(at + "/connectedness", e.what());
        ok = false;
      }
    }
    if (v.contains("note")) {
      if (v["note"].is_string())
        use.note = v["note"].get<std::string>();
      else
        problems.wrong(v["note"], at + "/note", "a string");
    }
    if (!ok) continue;
    const bool twice = std::any_of(systems.begin(), systems.end(), [&](const SystemUse& s) {
      return s.component == use.component && s.connectedness == use.connectedness;
    });
    if (twice)
      problems.add(at, "'" + use.component + "' with connectedness '" + connectedness +
                           "' is listed twice; give each pair once");
    else
      systems.push_back(std::move(use));
  }
  return systems;
}

}  // namespace

namespace detail {

// The loader; with no catalog, action and statement ids are not checked (for migrating a
// file written for another release).
Assessment read_assessment(std::string_view text, const Catalog* catalog, std::string_view source) {
  if (text.size() <= max_input_bytes)
    if (auto fast = read_assessment_fast(text, catalog)) return std::move(*fast);
  return read_assessment_full(text, catalog, source);
}

Assessment read_assessment_full(std::string_view text, const Catalog* catalog, std::string_view source) {
  return read_assessment_checked(text, catalog, source, true);
}

Assessment read_assessment_checked(std::string_view text, const Catalog* catalog, std::string_view source,
                                   bool positions) {
  const ujson doc = detail::parse_json_unordered(text, source);
  Problems problems(text, source, positions);
  Assessment a;
  if (!problems.object(doc, "",
                       {"schema", "jurisdiction", "catalog_version", "maturity", "answers", "systems", "statuses",
                        "retired", "retired_answers"}))
    problems.raise_if_any();

  const std::string schema = problems.string(doc, "", "schema", false);
  if (doc.contains("schema") && doc["schema"].is_string() && schema != assessment_schema)
    problems.add("/schema", "expected \"" + std::string(assessment_schema) + "\", found \"" + schema + "\"");

  if (const ujson* j = problems.required(doc, "", "jurisdiction")) {
    if (problems.object(*j, "/jurisdiction", {"id", "name", "state", "kind"})) {
      a.jurisdiction.id = problems.string(*j, "/jurisdiction", "id", true);
      a.jurisdiction.name = problems.string(*j, "/jurisdiction", "name", true);
      a.jurisdiction.state = problems.string(*j, "/jurisdiction", "state", true);
      const std::string kind = problems.string(*j, "/jurisdiction", "kind", false);
      if (j->contains("kind") && (*j)["kind"].is_string()) {
        try {
          a.jurisdiction.kind = parse_jurisdiction_kind(kind);
        } catch (const Error& e) {
          problems.add("/jurisdiction/kind", e.what());
        }
      }
    }
  }
  a.catalog_version = problems.string(doc, "", "catalog_version", true);

  if (const ujson* m = problems.required(doc, "", "maturity")) {
    if (detail::integer_past_int64(*m))
      problems.add("/maturity", "maturity must be 1, 2 or 3, found an integer too large to read exactly");
    else if (!m->is_number_integer())
      problems.wrong(*m, "/maturity", "an integer 1, 2 or 3");
    else if (m->is_number_unsigned() && m->get<unsigned long long>() > 3)
      problems.add("/maturity", "maturity must be 1, 2 or 3, found " + std::to_string(m->get<unsigned long long>()));
    else if (m->get<long long>() < 1 || m->get<long long>() > 3)
      problems.add("/maturity", "maturity must be 1, 2 or 3, found " + std::to_string(m->get<long long>()));
    else
      a.maturity = static_cast<Maturity>(m->get<int>());
  }

  if (doc.contains("answers")) a.answers = decode_answers(doc["answers"], "/answers", catalog, problems);
  if (doc.contains("systems")) a.systems = decode_systems(doc["systems"], catalog, problems);

  // Current statuses name actions of the catalog; retired ones, by definition, do not.
  for (const char* section : {"statuses", "retired"}) {
    if (!doc.contains(section)) continue;
    const bool current = std::string_view(section) == "statuses";
    const ujson& statuses = doc[section];
    const std::string base = std::string("/") + section;
    auto& target = current ? a.statuses : a.retired;
    if (!statuses.is_object()) {
      problems.wrong(statuses, base, "an object of action id -> status");
    } else {
      for (const auto& item : statuses.items()) {
        const std::string at = base + "/" + detail::pointer_token(item.key());
        if (current && catalog != nullptr) {
          const auto& index = detail::CatalogAccess::impl(*catalog).action_index;
          if (!problems.known(index.count(item.key()) > 0, at, [&] { catalog->action(item.key()); })) continue;
        }
        const ujson& v = item.value();
        if (!problems.object(v, at, {"status", "note", "updated"})) continue;
        ActionStatus st;
        const std::string status = problems.string(v, at, "status", false);
        if (v.contains("status") && v["status"].is_string()) {
          try {
            st.status = parse_status(status);
          } catch (const Error& e) {
            problems.add(at + "/status", e.what());
          }
        }
        if (v.contains("note")) {
          if (v["note"].is_string())
            st.note = v["note"].get<std::string>();
          else
            problems.wrong(v["note"], at + "/note", "a string");
        }
        if (v.contains("updated")) {
          if (!v["updated"].is_string()) {
            problems.wrong(v["updated"], at + "/updated", "a string");
          } else {
            st.updated = v["updated"].get<std::string>();
            if (!st.updated.empty() && !is_iso_timestamp(st.updated))
              problems.add(at + "/updated",
                           "expected an ISO 8601 date (YYYY-MM-DD) or UTC date-time "
                           "(YYYY-MM-DDThh:mm:ssZ), found '" +
                               st.updated + "'");
          }
        }
        target.emplace(item.key(), std::move(st));
      }
    }
  }
  if (doc.contains("retired_answers")) {
    const ujson& r = doc["retired_answers"];
    if (!r.is_object()) {
      problems.wrong(r, "/retired_answers", "an object of statement id -> true or false");
    } else {
      for (const auto& item : r.items()) {
        if (item.value().is_boolean())
          a.retired_answers[item.key()] = item.value().get<bool>();
        else
          problems.wrong(item.value(), "/retired_answers/" + detail::pointer_token(item.key()), "true or false");
      }
    }
  }
  problems.raise_if_any();
  return a;
}

}  // namespace detail

Assessment parse_assessment(std::string_view text, const Catalog& catalog, std::string_view source) {
  return detail::read_assessment(text, &catalog, source);
}

Assessment load_assessment(const std::string& path, const Catalog& catalog) {
  return parse_assessment(detail::read_file(path), catalog, path);
}

namespace {

// The writer builds the text directly: linear in the number of statuses (an insertion-
// ordered JSON object would make each insertion linear, the whole save quadratic).
class DocumentWriter {
 public:
  // `field` (a JSON pointer) names the value in the error when it is not UTF-8.
  void string(const std::string& s, const std::string& field) {
    try {
      out_ += ujson(s).dump();
    } catch (const nlohmann::json::type_error&) {
      throw ParseError("<assessment>", 0, 0, field, "not valid UTF-8 text: '" + s.substr(0, 40) + "'");
    }
  }
  void raw(std::string_view s) { out_ += s; }
  void key(int indent, const std::string& k, const std::string& base) {
    out_.append(static_cast<std::size_t>(indent), ' ');
    string(k, base + "/" + k);
    out_ += ": ";
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

template <typename Map, typename Write>
void write_object(DocumentWriter& w, int indent, const std::string& base, const Map& map, Write write_value) {
  if (map.empty()) {
    w.raw("{}");
    return;
  }
  w.raw("{\n");
  std::size_t i = 0;
  for (const auto& [id, value] : map) {
    w.key(indent + 2, id, base);
    write_value(id, value);
    w.raw(++i < map.size() ? ",\n" : "\n");
  }
  w.raw(std::string(static_cast<std::size_t>(indent), ' ') + "}");
}

void write_statuses(DocumentWriter& w, const std::string& base,
                    const std::map<std::string, ActionStatus, std::less<>>& statuses) {
  write_object(w, 2, base, statuses, [&](const std::string& id, const ActionStatus& st) {
    w.raw("{\n      \"status\": \"");
    w.raw(to_string(st.status));
    w.raw("\",\n      \"note\": ");
    w.string(st.note, base + "/" + id + "/note");
    w.raw(",\n      \"updated\": ");
    w.string(st.updated, base + "/" + id + "/updated");
    w.raw("\n    }");
  });
}

void write_answers(DocumentWriter& w, const std::string& base, const MaturityAnswers& answers) {
  write_object(w, 2, base, answers, [&](const std::string&, bool yes) { w.raw(yes ? "true" : "false"); });
}

}  // namespace

std::string to_json(const Assessment& a) {
  DocumentWriter w;
  w.raw("{\n  \"schema\": \"");
  w.raw(assessment_schema);
  w.raw("\",\n  \"jurisdiction\": {\n    \"id\": ");
  w.string(a.jurisdiction.id, "/jurisdiction/id");
  w.raw(",\n    \"name\": ");
  w.string(a.jurisdiction.name, "/jurisdiction/name");
  w.raw(",\n    \"state\": ");
  w.string(a.jurisdiction.state, "/jurisdiction/state");
  w.raw(",\n    \"kind\": \"");
  w.raw(to_string(a.jurisdiction.kind));
  w.raw("\"\n  },\n  \"catalog_version\": ");
  w.string(a.catalog_version, "/catalog_version");
  w.raw(",\n  \"maturity\": " + std::to_string(static_cast<int>(a.maturity)));
  if (!a.answers.empty()) {
    w.raw(",\n  \"answers\": ");
    write_answers(w, "/answers", a.answers);
  }
  if (!a.systems.empty()) {
    w.raw(",\n  \"systems\": [");
    for (std::size_t i = 0; i < a.systems.size(); ++i) {
      const SystemUse& use = a.systems[i];
      const std::string at = "/systems/" + std::to_string(i);
      w.raw(i == 0 ? "\n    {\"component\": " : ",\n    {\"component\": ");
      w.string(use.component, at + "/component");
      w.raw(", \"connectedness\": \"");
      w.raw(to_string(use.connectedness));
      w.raw("\", \"note\": ");
      w.string(use.note, at + "/note");
      w.raw("}");
    }
    w.raw("\n  ]");
  }
  w.raw(",\n  \"statuses\": ");
  write_statuses(w, "/statuses", a.statuses);
  if (!a.retired.empty()) {
    w.raw(",\n  \"retired\": ");
    write_statuses(w, "/retired", a.retired);
  }
  if (!a.retired_answers.empty()) {
    w.raw(",\n  \"retired_answers\": ");
    write_answers(w, "/retired_answers", a.retired_answers);
  }
  w.raw("\n}\n");
  return w.take();
}

ELECTSEC_DEFINE_TO_JSON(Jurisdiction)
ELECTSEC_DEFINE_TO_JSON(ActionStatus)
ELECTSEC_DEFINE_FROM_JSON(Jurisdiction)

ELECTSEC_DEFINE_FROM_JSON(ActionStatus)

void validate_assessment(const Assessment& a, const Catalog& catalog, std::string_view source) {
  const std::string text = to_json(a);
  detail::read_assessment_checked(text, &catalog, source, false);
}

namespace {
// The document to write: valid by the loader's rules, or an exception naming `path`.
std::string checked_json(const Assessment& a, const Catalog& catalog, const std::string& path) {
  std::string text;
  try {
    text = to_json(a);
  } catch (const ParseError& e) {
    throw ParseError(path, 0, 0, e.field(), e.expected());
  }
  detail::read_assessment_checked(text, &catalog, path, false);
  return text;
}
}  // namespace

void save_assessment(const Assessment& a, const std::string& path, const Catalog& catalog,
                     std::chrono::milliseconds lock_wait) {
  detail::write_file_atomically(path, checked_json(a, catalog, path), nullptr, lock_wait);
}

void save_assessment(const Assessment& a, const std::string& path) { save_assessment(a, path, default_catalog()); }

void create_assessment(const Assessment& a, const std::string& path, const Catalog& catalog) {
  detail::create_file_exclusively(path, checked_json(a, catalog, path));
}

Assessment update_assessment(const std::string& path, const Catalog& catalog,
                             const std::function<void(Assessment&)>& change, std::chrono::milliseconds lock_wait) {
  Assessment result;
  detail::update_file(
      path,
      [&](const std::string& text) {
        result = parse_assessment(text, catalog, path);
        change(result);
        return checked_json(result, catalog, path);
      },
      lock_wait);
  return result;
}

MaturityAnswers parse_answers(std::string_view text, const Catalog& catalog, std::string_view source) {
  const ujson doc = detail::parse_json_unordered(text, source);
  Problems problems(text, source);
  MaturityAnswers answers;
  if (problems.object(doc, "", {"answers"})) {
    if (const ujson* j = problems.required(doc, "", "answers"))
      answers = decode_answers(*j, "/answers", &catalog, problems);
  }
  problems.raise_if_any();
  return answers;
}

MaturityAnswers load_answers(const std::string& path, const Catalog& catalog) {
  return parse_answers(detail::read_file(path), catalog, path);
}

Migration migrate_assessment_file(const std::string& path, const Catalog& target, std::chrono::milliseconds lock_wait) {
  std::optional<Migration> result;
  detail::update_file(
      path,
      [&](const std::string& text) {
        result = migrate(detail::read_assessment(text, nullptr, path), target);
        return checked_json(result->assessment, target, path);
      },
      lock_wait);
  return std::move(*result);
}

}  // namespace electsec
