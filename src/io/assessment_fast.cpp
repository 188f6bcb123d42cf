// A fast path for reading assessments: one pass over the text for documents of exactly the
// expected shape, with no JSON tree in between. Anything unexpected (an unknown field, a
// wrong type, an unknown id or status, a syntax error, an escape it does not handle) makes
// it give up, and the full reader then reports every problem with its position; so errors
// are the same either way, and valid files are read several times faster.

#include "assessment_fast.hpp"

#include <electsec/error.hpp>

#include <algorithm>
#include <cstring>

namespace electsec::detail {

namespace {

class Reader {
 public:
  explicit Reader(std::string_view t) : t_(t) {}

  bool ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
    return i_ < t_.size();
  }
  bool eat(char c) {
    if (!ws() || t_[i_] != c) return false;
    ++i_;
    return true;
  }
  bool peek(char c) { return ws() && t_[i_] == c; }

  // A string with the simple escapes; \u escapes, control characters and non-UTF-8-safe
  // bytes are left to the full reader.
  bool string(std::string& out) {
    if (!eat('"')) return false;
    out.clear();
    while (i_ < t_.size()) {
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

  // Members of an object: calls field(key) for each; field consumes the value.
  template <typename F>
  bool object(F field) {
    if (!eat('{')) return false;
    if (eat('}')) return true;
    std::string key;
    while (true) {
      if (!string(key) || !eat(':') || !field(key)) return false;
      if (eat(',')) continue;
      return eat('}');
    }
  }

  bool at_end() { return !ws(); }

 private:
  std::string_view t_;
  std::size_t i_ = 0;
};

bool statuses(Reader& r, std::map<std::string, ActionStatus, std::less<>>& out, const Catalog* catalog) {
  std::string value;
  return r.object([&](const std::string& id) {
    if (catalog != nullptr) {
      try {
        catalog->action(id);
      } catch (const NotFound&) {
        return false;
      }
    }
    ActionStatus st;
    bool have_status = false;
    unsigned seen_fields = 0;  // a field given twice is left to the full reader, which rejects it
    const bool ok = r.object([&](const std::string& k) {
      if (!r.string(value)) return false;
      const unsigned bit = k == "status" ? 1u : k == "note" ? 2u : k == "updated" ? 4u : 0u;
      if (bit == 0 || (seen_fields & bit) != 0) return false;
      seen_fields |= bit;
      if (k == "status") {
        try {
          st.status = parse_status(value);
        } catch (const Error&) {
          return false;
        }
        have_status = true;
      } else if (k == "note") {
        st.note = value;
      } else if (k == "updated") {
        if (!value.empty() && !is_iso_timestamp(value)) return false;
        st.updated = value;
      } else {
        return false;
      }
      return true;
    });
    return ok && have_status && out.emplace(id, std::move(st)).second;
  });
}

bool answers(Reader& r, MaturityAnswers& out, const Catalog* catalog) {
  return r.object([&](const std::string& id) {
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
    return out.emplace(id, yes).second;
  });
}

}  // namespace

std::optional<Assessment> read_assessment_fast(std::string_view text, const Catalog* catalog) {
  Reader r(text);
  Assessment a;
  std::string value;
  bool schema = false, jurisdiction = false, version = false, maturity = false;
  std::set<std::string> seen;
  const bool ok = r.object([&](const std::string& key) {
    if (!seen.insert(key).second) return false;  // duplicate keys: let the full reader decide
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
      jurisdiction = r.object([&](const std::string& k) {
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
    if (key == "statuses") return statuses(r, a.statuses, catalog);
    if (key == "retired") return statuses(r, a.retired, nullptr);
    if (key == "retired_answers") return answers(r, a.retired_answers, nullptr);
    return false;
  });
  if (!ok || !r.at_end() || !schema || !jurisdiction || !version || !maturity) return std::nullopt;
  return a;
}

}  // namespace electsec::detail
