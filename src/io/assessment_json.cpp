#include <electsec/assessment_json.hpp>
#include <electsec/error.hpp>

#include "assessment_fast.hpp"
#include "assessment_reader.hpp"
#include "atomic_file.hpp"
#include "file.hpp"
#include "json_codec.hpp"
#include "json_locate.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

namespace electsec {

namespace {

// Assessments are read into sorted-map JSON (fast for many statuses) and written in the
// format's order.
using ujson = nlohmann::json;
using ordered = detail::json;


// Collects every problem of a document, each at its JSON pointer, and reports them all
// at the end with line and column.
class Problems {
 public:
  Problems(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  void add(std::string pointer, std::string message) { list_.emplace_back(std::move(pointer), std::move(message)); }

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

  std::string string(const ujson& j, const std::string& pointer, const char* key, bool non_empty) {
    const ujson* v = required(j, pointer, key);
    if (v == nullptr) return {};
    if (!v->is_string()) {
      wrong(*v, pointer + "/" + key, "a string");
      return {};
    }
    if (non_empty && v->get_ref<const std::string&>().empty()) add(pointer + "/" + key, "must not be empty");
    return v->get<std::string>();
  }

  void raise_if_any() const {
    if (list_.empty()) return;
    if (list_.size() == 1) {
      const auto pos = detail::position_of(text_, detail::locate(text_, list_[0].first));
      throw ParseError(std::string(source_), pos.line, pos.column, list_[0].first, list_[0].second);
    }
    std::vector<Problem> problems;
    for (const auto& [pointer, message] : list_) {
      const auto pos = detail::position_of(text_, detail::locate(text_, pointer));
      problems.push_back({std::string(source_) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
                              ": field " + pointer,
                          message});
    }
    throw ValidationError(std::move(problems), std::string(source_) + ": " + std::to_string(list_.size()) + " problems");
  }

 private:
  std::string_view text_;
  std::string_view source_;
  std::vector<std::pair<std::string, std::string>> list_;
};

std::string unknown_message(const NotFound& e) { return e.what(); }

MaturityAnswers decode_answers(const ujson& j, const std::string& pointer, const Catalog* catalog, Problems& problems) {
  MaturityAnswers answers;
  if (!j.is_object()) {
    problems.wrong(j, pointer, "an object of statement id -> true, false or null");
    return answers;
  }
  for (const auto& item : j.items()) {
    const std::string at = pointer + "/" + detail::pointer_token(item.key());
    if (catalog != nullptr) {
      try {
        catalog->maturity_statement(item.key());
      } catch (const NotFound& e) {
        problems.add(at, unknown_message(e));
        continue;
      }
    }
    if (item.value().is_boolean())
      answers[item.key()] = item.value().get<bool>();
    else if (!item.value().is_null())
      problems.wrong(item.value(), at, "true, false or null");
  }
  return answers;
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
  const ujson doc = detail::parse_json_unordered(text, source);
  Problems problems(text, source);
  Assessment a;
  if (!problems.object(doc, "", {"schema", "jurisdiction", "catalog_version", "maturity", "answers", "statuses",
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
    if (!m->is_number_integer())
      problems.wrong(*m, "/maturity", "an integer 1, 2 or 3");
    else if (m->get<long long>() < 1 || m->get<long long>() > 3)
      problems.add("/maturity", "maturity must be 1, 2 or 3, found " + std::to_string(m->get<long long>()));
    else
      a.maturity = static_cast<Maturity>(m->get<int>());
  }

  if (doc.contains("answers")) a.answers = decode_answers(doc["answers"], "/answers", catalog, problems);

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
          try {
            catalog->action(item.key());
          } catch (const NotFound& e) {
            problems.add(at, unknown_message(e));
            continue;
          }
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
          if (v["note"].is_string()) st.note = v["note"].get<std::string>();
          else problems.wrong(v["note"], at + "/note", "a string");
        }
        if (v.contains("updated")) {
          if (v["updated"].is_string()) st.updated = v["updated"].get<std::string>();
          else problems.wrong(v["updated"], at + "/updated", "a string");
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

std::string to_json(const Assessment& a) {
  ordered answers = ordered::object();
  for (const auto& [id, yes] : a.answers) answers[id] = yes;
  const auto encode_statuses = [](const auto& map) {
    ordered out = ordered::object();
    for (const auto& [id, st] : map)
      out[id] = {{"status", std::string(to_string(st.status))}, {"note", st.note}, {"updated", st.updated}};
    return out;
  };
  ordered doc = {{"schema", std::string(assessment_schema)},
              {"jurisdiction",
               {{"id", a.jurisdiction.id},
                {"name", a.jurisdiction.name},
                {"state", a.jurisdiction.state},
                {"kind", std::string(to_string(a.jurisdiction.kind))}}},
              {"catalog_version", a.catalog_version},
              {"maturity", static_cast<int>(a.maturity)}};
  if (!a.answers.empty()) doc["answers"] = answers;
  doc["statuses"] = encode_statuses(a.statuses);
  if (!a.retired.empty()) doc["retired"] = encode_statuses(a.retired);
  if (!a.retired_answers.empty()) {
    ordered retired_answers = ordered::object();
    for (const auto& [id, yes] : a.retired_answers) retired_answers[id] = yes;
    doc["retired_answers"] = retired_answers;
  }
  return doc.dump(2) + "\n";
}

void save_assessment(const Assessment& a, const std::string& path) {
  detail::write_file_atomically(path, to_json(a));
}

MaturityAnswers parse_answers(std::string_view text, const Catalog& catalog, std::string_view source) {
  const ujson doc = detail::parse_json_unordered(text, source);
  Problems problems(text, source);
  MaturityAnswers answers;
  if (problems.object(doc, "", {"answers"})) {
    if (const ujson* j = problems.required(doc, "", "answers")) answers = decode_answers(*j, "/answers", &catalog, problems);
  }
  problems.raise_if_any();
  return answers;
}

MaturityAnswers load_answers(const std::string& path, const Catalog& catalog) {
  return parse_answers(detail::read_file(path), catalog, path);
}

Rollup rollup_files(const Catalog& catalog, const std::vector<std::string>& paths, unsigned threads) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : std::filesystem::directory_iterator(path, ec))
        if (entry.path().extension() == ".json" && !entry.is_directory()) found.push_back(entry.path().string());
      if (ec) throw Error(path + ": cannot list: " + ec.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(path);
    }
  }
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, files.size())));

  // Workers claim files in increasing order; once a file fails, no later file is
  // started, so the error reported is always that of the first bad file.
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> first_bad{files.size()};
  std::vector<RollupBuilder> builders;
  builders.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) builders.emplace_back(catalog);
  std::vector<std::exception_ptr> errors(files.size());
  const auto work = [&](RollupBuilder& builder) {
    while (true) {
      const std::size_t i = next.fetch_add(1);
      if (i >= files.size() || i > first_bad.load()) return;
      try {
        builder.add(load_assessment(files[i], catalog));
      } catch (...) {
        errors[i] = std::current_exception();
        std::size_t seen = first_bad.load();
        while (i < seen && !first_bad.compare_exchange_weak(seen, i)) {
        }
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, std::ref(builders[t]));
  work(builders[0]);
  for (auto& t : pool) t.join();
  if (first_bad.load() < files.size()) std::rethrow_exception(errors[first_bad.load()]);
  for (std::size_t t = 1; t < builders.size(); ++t) builders[0].merge(builders[t]);
  return builders[0].finish();
}

}  // namespace electsec
