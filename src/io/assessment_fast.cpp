// A fast path for reading assessments: one pass over the text for documents of exactly the
// expected shape, with no JSON tree in between. Anything unexpected (an unknown field, a
// wrong type, an unknown id or status, a syntax error, an escape it does not handle) makes
// it give up, and the full reader then reports every problem with its position; so errors
// are the same either way, and valid files are read several times faster.

#include "assessment_fast.hpp"
#include "json_bytes.hpp"

#include "engine/flat_statuses.hpp"

#include <electsec/error.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace electsec::detail {

namespace {

class Reader {
 public:
  explicit Reader(std::string_view t) : t_(t) {}

  bool ws() {
    while (i_ < t_.size()) {
      const char c = t_[i_];
      if (static_cast<unsigned char>(c) > ' ') return true;  // most calls: at a token already
      if (c == ' ') {
        i_ += spaces_at(i_);
        continue;
      }
      if (c != '\n' && c != '\r' && c != '\t') return true;
      ++i_;
    }
    return false;
  }
  bool eat(char c) {
    if (!ws() || t_[i_] != c) return false;
    ++i_;
    return true;
  }
  bool peek(char c) { return ws() && t_[i_] == c; }

  // Where the run of plain characters from `from` ends.
  std::size_t plain_end(std::size_t from) const { return from + plain_json_prefix(t_.data() + from, t_.size() - from); }

  // A string with the simple escapes; \u escapes, control characters and non-UTF-8-safe
  // bytes are left to the full reader.
  bool string(std::string& out) {
    if (!eat('"')) return false;
    out.clear();
    while (i_ < t_.size()) {
      // The run of plain characters up to the next quote, escape or other byte, at once.
      const std::size_t run = plain_end(i_);
      out.append(t_.data() + i_, run - i_);
      i_ = run;
      if (i_ >= t_.size()) return false;
      const char c = t_[i_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x80) return false;
      if (c == '\\') {
        if (i_ >= t_.size()) return false;
        const char e = t_[i_++];
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          default:
            return false;
        }
        continue;
      }
      out += c;
    }
    return false;
  }

  bool boolean(bool& out) {
    ws();
    if (t_.compare(i_, 4, "true") == 0) {
      i_ += 4;
      out = true;
      return true;
    }
    if (t_.compare(i_, 5, "false") == 0) {
      i_ += 5;
      out = false;
      return true;
    }
    return false;
  }

  bool small_int(int& out) {
    ws();
    const std::size_t start = i_;
    out = 0;
    while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9' && i_ - start < 3) out = out * 10 + (t_[i_++] - '0');
    if (i_ - start > 1 && t_[start] == '0') return false;  // JSON has no leading zeros: "02" is invalid
    return i_ > start &&
           (i_ >= t_.size() || (t_[i_] != '.' && t_[i_] != 'e' && t_[i_] != 'E' && !(t_[i_] >= '0' && t_[i_] <= '9')));
  }

  // A string as a view: of the text itself when it has no escapes (no copy), else of
  // `scratch`, which then holds it decoded. The view lasts as long as both.
  bool view(std::string& scratch, std::string_view& out) {
    if (!peek('"')) return false;
    const std::size_t run = plain_end(i_ + 1);
    if (run < t_.size() && t_[run] == '"') {
      out = t_.substr(i_ + 1, run - i_ - 1);
      i_ = run + 1;
      return true;
    }
    if (!string(scratch)) return false;
    out = scratch;
    return true;
  }

  // Members of an object: calls field(key) for each; field consumes the value.
  template <typename F>
  bool object(F field) {
    if (!eat('{')) return false;
    if (eat('}')) return true;
    std::string scratch;
    std::string_view key;
    while (true) {
      if (!view(scratch, key) || !eat(':') || !field(key)) return false;
      if (eat(',')) continue;
      return eat('}');
    }
  }

  // Items of an array: calls item() for each; item consumes the value.
  template <typename F>
  bool array(F item) {
    if (!eat('[')) return false;
    if (eat(']')) return true;
    while (true) {
      if (!item()) return false;
      if (eat(',')) continue;
      return eat(']');
    }
  }

  bool at_end() { return !ws(); }

 private:
  static constexpr std::uint64_t ones = 0x0101010101010101ull;
  // How many spaces start at `from` (at least one: the caller saw it), eight at a time.
  std::size_t spaces_at(std::size_t from) const {
    std::size_t i = from;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (t_.size() - i >= 8) {
      std::uint64_t w;
      std::memcpy(&w, t_.data() + i, 8);
      const std::uint64_t other = w ^ (' ' * ones);  // zero bytes where there are spaces
      if (other != 0) return i - from + static_cast<std::size_t>(__builtin_ctzll(other)) / 8;
      i += 8;
    }
#endif
    while (i < t_.size() && t_[i] == ' ') ++i;
    return i - from;
  }

  std::string_view t_;
  std::size_t i_ = 0;
};

// The status `text` names, or none (parse_status's names, without its exception).
std::optional<Status> status_named(std::string_view text) {
  // By length first: only not_started and in_progress share one.
  switch (text.size()) {
    case 4:
      if (text == "done") return Status::done;
      break;
    case 11:
      if (text == "not_started") return Status::not_started;
      if (text == "in_progress") return Status::in_progress;
      break;
    case 14:
      if (text == "not_applicable") return Status::not_applicable;
      break;
    default:
      break;
  }
  return std::nullopt;
}

// Reads a statuses object, handing each status to `keep(id, status, note, updated)`, which
// returns false for an id it refuses (unknown, or given twice). The views last until the
// next status is read.
template <typename Keep>
bool statuses(Reader& r, Keep keep) {
  std::string note_scratch, updated_scratch, status_scratch;
  std::string last_date;  // the last date found valid: files often give one date throughout
  return r.object([&](std::string_view id) {
    Status status = Status::not_started;
    std::string_view note, updated;
    unsigned seen_fields = 0;  // a field given twice is left to the full reader, which rejects it
    const bool ok = r.object([&](std::string_view k) {
      const unsigned bit = k == "status" ? 1u : k == "note" ? 2u : k == "updated" ? 4u : 0u;
      if (bit == 0 || (seen_fields & bit) != 0) return false;
      seen_fields |= bit;
      if (bit == 1u) {
        std::string_view value;
        if (!r.view(status_scratch, value)) return false;
        const auto named = status_named(value);
        if (!named) return false;
        status = *named;
      } else if (bit == 2u) {
        if (!r.view(note_scratch, note)) return false;
      } else {
        if (!r.view(updated_scratch, updated)) return false;
        if (!updated.empty() && updated != last_date) {
          if (!is_iso_timestamp(updated)) return false;
          last_date = updated;
        }
      }
      return true;
    });
    return ok && (seen_fields & 1u) != 0 && keep(id, status, note, updated);
  });
}

// Statuses kept in an Assessment's map, ids checked against `catalog` when it is given.
bool statuses(Reader& r, std::map<std::string, ActionStatus, std::less<>>& out, const Catalog* catalog) {
  const auto keep = [&](std::string_view id, Status status, std::string_view note, std::string_view updated) {
    if (catalog != nullptr && action_number(*catalog, id) < 0) return false;
    ActionStatus st;
    st.status = status;
    st.note = note;
    st.updated = updated;
    return out.emplace(std::string(id), std::move(st)).second;
  };
  return statuses(r, keep);
}

bool answers(Reader& r, MaturityAnswers& out, const Catalog* catalog) {
  return r.object([&](std::string_view id) {
    if (r.peek('n')) return false;  // null answers: the full reader handles them
    bool yes = false;
    if (!r.boolean(yes)) return false;
    if (catalog != nullptr) {
      try {
        catalog->maturity_statement(id);
      } catch (const NotFound&) {
        return false;
      }
    }
    return out.emplace(std::string(id), yes).second;
  });
}

// The system profile: every entry of the plain shape, its component known to `catalog` (when
// given), no (component, connectedness) twice; anything else is left to the full reader.
bool systems(Reader& r, std::vector<SystemUse>& out, const Catalog* catalog) {
  std::string scratch;
  return r.array([&] {
    SystemUse use;
    unsigned fields = 0;
    const bool ok = r.object([&](std::string_view k) {
      std::string_view value;
      if (!r.view(scratch, value)) return false;
      const unsigned bit = k == "component" ? 1u : k == "connectedness" ? 2u : k == "note" ? 4u : 0u;
      if (bit == 0 || (fields & bit) != 0) return false;
      fields |= bit;
      if (bit == 1u) {
        if (!is_valid_name(value)) return false;
        use.component = value;
      } else if (bit == 2u) {
        const auto c = std::find_if(all_connectedness.begin(), all_connectedness.end(),
                                    [&](Connectedness x) { return to_string(x) == value; });
        if (c == all_connectedness.end()) return false;
        use.connectedness = *c;
      } else {
        use.note = value;
      }
      return true;
    });
    if (!ok || (fields & 3u) != 3u) return false;
    if (catalog != nullptr) {
      const auto& components = catalog->primer().components;
      if (std::none_of(components.begin(), components.end(),
                       [&](const SystemComponent& c) { return c.id == use.component; }))
        return false;
    }
    for (const auto& s : out)
      if (s.component == use.component && s.connectedness == use.connectedness) return false;
    out.push_back(std::move(use));
    return true;
  });
}

// The document into `a`, its statuses read by `read_statuses(reader)`.
template <typename ReadStatuses>
bool read_fast(std::string_view text, const Catalog* catalog, Assessment& a, ReadStatuses read_statuses) {
  Reader r(text);
  std::string value;
  bool schema = false, jurisdiction = false, version = false, maturity = false;
  static constexpr std::string_view keys[] = {"schema",       "catalog_version", "maturity",
                                              "jurisdiction", "answers",         "statuses",
                                              "retired",      "retired_answers", "systems"};
  unsigned seen = 0;  // one bit per known key
  const bool ok = r.object([&](std::string_view key) {
    const auto known = std::find(std::begin(keys), std::end(keys), key);
    if (known == std::end(keys)) return false;
    const unsigned bit = 1u << (known - std::begin(keys));
    if ((seen & bit) != 0) return false;  // duplicate keys: let the full reader decide
    seen |= bit;
    if (key == "schema") return schema = r.string(value) && value == "electsec.assessment/1";
    if (key == "catalog_version") return version = r.string(a.catalog_version) && is_valid_name(a.catalog_version);
    if (key == "maturity") {
      int m = 0;
      if (!r.small_int(m) || m < 1 || m > 3) return false;
      a.maturity = static_cast<Maturity>(m);
      return maturity = true;
    }
    if (key == "jurisdiction") {
      unsigned fields = 0;  // one bit per field: a field given twice is left to the full reader
      jurisdiction = r.object([&](std::string_view k) {
        if (!r.string(value) || !is_valid_name(value)) return false;
        const unsigned bit = k == "id" ? 1u : k == "name" ? 2u : k == "state" ? 4u : k == "kind" ? 8u : 0u;
        if (bit == 0 || (fields & bit) != 0) return false;
        fields |= bit;
        if (k == "id")
          a.jurisdiction.id = value;
        else if (k == "name")
          a.jurisdiction.name = value;
        else if (k == "state")
          a.jurisdiction.state = value;
        else if (k == "kind") {
          try {
            a.jurisdiction.kind = parse_jurisdiction_kind(value);
          } catch (const Error&) {
            return false;
          }
        } else {
          return false;
        }
        return true;
      }) && fields == 15u;
      return jurisdiction;
    }
    if (key == "answers") return answers(r, a.answers, catalog);
    if (key == "statuses") return read_statuses(r);
    if (key == "retired") return statuses(r, a.retired, nullptr);
    if (key == "retired_answers") return answers(r, a.retired_answers, nullptr);
    if (key == "systems") return systems(r, a.systems, catalog);
    return false;
  });
  return ok && r.at_end() && schema && jurisdiction && version && maturity;
}

}  // namespace

std::optional<Assessment> read_assessment_fast(std::string_view text, const Catalog* catalog) {
  Assessment a;
  if (!read_fast(text, catalog, a, [&](Reader& r) { return statuses(r, a.statuses, catalog); })) return std::nullopt;
  return a;
}

bool read_assessment_fast_flat(std::string_view text, const Catalog& catalog, Assessment& rest,
                               std::vector<std::int8_t>& statuses_out) {
  rest = Assessment{};
  statuses_out.assign(action_count(catalog), no_status);
  // The note and date are checked as the full reader checks them, and not kept.
  const auto keep = [&](std::string_view id, Status status, std::string_view, std::string_view) {
    const int n = action_number(catalog, id);
    if (n < 0 || statuses_out[static_cast<std::size_t>(n)] != no_status) return false;
    statuses_out[static_cast<std::size_t>(n)] = static_cast<std::int8_t>(status);
    return true;
  };
  return read_fast(text, &catalog, rest, [&](Reader& r) { return statuses(r, keep); });
}

}  // namespace electsec::detail
