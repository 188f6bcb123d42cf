#include "rst_patterns.hpp"

#include "text.hpp"

#include <cctype>

namespace electsec::detail {

namespace {

std::string trimmed(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && Scan::space(s[b])) ++b;
  while (e > b && Scan::space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

bool label_char(char c) { return Scan::word(c) || c == '-'; }

// What '.' of a regular expression may match: anything but a line break ('\r' inside a
// line included, as the regular expressions these functions replaced had it).
// (Two scans, each a memchr, rather than find_first_of, which tests each character
// against the set on its own.)
bool on_one_line(std::string_view s) {
  return s.find('\n') == std::string_view::npos && s.find('\r') == std::string_view::npos;
}

// "`[^<`]*<([\w-]+)>`" from `s`: the label.
bool ref_target(Scan& s, std::string& label) {
  s.take([](char c) { return c != '<' && c != '`'; });
  if (!s.literal("<")) return false;
  const auto l = s.take(label_char);
  if (l.empty() || !s.literal(">`")) return false;
  label = std::string(l);
  return true;
}

// Every start of `needle` in `text`, tried in order until `match` (given the position just
// after the needle) succeeds.
template <typename Match>
bool search(std::string_view text, std::string_view needle, std::size_t from, Match match) {
  for (std::size_t at = text.find(needle, from); at != std::string_view::npos; at = text.find(needle, at + 1))
    if (match(at + needle.size())) return true;
  return false;
}

}  // namespace

bool substitution_definition(std::string_view line, std::string& name, std::string& value) {
  Scan s(line);
  if (!s.literal("..") || s.spaces() == 0 || !s.literal("|")) return false;
  const auto n = s.take([](char c) { return c != '|'; });
  if (n.empty() || !s.literal("|") || s.spaces() == 0 || !s.literal("replace::")) return false;
  s.spaces();
  const auto v = s.rest();
  if (!on_one_line(v)) return false;
  name = std::string(n);
  value = trimmed(v);
  return true;
}

bool target_definition(std::string_view line, std::string& name, std::string& url) {
  Scan s(line);
  if (!s.literal("..") || s.spaces() == 0 || !s.literal("_")) return false;
  if (s.literal("`")) {
    const auto quoted = s.take([](char c) { return c != '`'; });
    if (quoted.empty() || !s.literal("`")) return false;
    name = std::string(quoted);
  } else {
    if (s.done() || s.peek() == ':') return false;
    name = std::string(s.take([](char c) { return c != ':'; }));
  }
  if (!s.literal(":") || s.spaces() == 0) return false;
  const auto u = s.take([](char c) { return !Scan::space(c); });
  s.spaces();
  if (u.empty() || !s.done()) return false;
  url = std::string(u);
  return true;
}

std::string label_definition(std::string_view line) {
  Scan s(line);
  if (!s.literal("..") || s.spaces() == 0 || !s.literal("_")) return {};
  const auto l = s.take(label_char);
  if (l.empty() || !s.literal(":")) return {};
  s.spaces();
  return s.done() ? std::string(l) : std::string();
}

std::vector<int> maturity_substitutions(std::string_view text) {
  // Matches do not overlap: in "|Maturity1|Maturity2|" the '|' closing the first is not
  // reused to open a second.
  std::vector<int> found;
  constexpr std::string_view open = "|Maturity";
  for (std::size_t at = text.find(open); at != std::string_view::npos;) {
    const std::size_t after = at + open.size();
    if (after + 1 < text.size() && text[after] >= '1' && text[after] <= '3' && text[after + 1] == '|') {
      found.push_back(text[after] - '0');
      at = text.find(open, after + 2);
    } else {
      at = text.find(open, at + 1);
    }
  }
  return found;
}

std::vector<int> level_mentions(std::string_view text) {
  std::vector<int> found;
  search(text, "Level ", 0, [&](std::size_t after) {
    if (after < text.size() && text[after] >= '1' && text[after] <= '3') found.push_back(text[after] - '0');
    return false;
  });
  return found;
}

std::vector<int> level_numbers(std::string_view text) {
  std::string lower(text);
  for (auto& c : lower) c = ascii_lower(c);
  bool seen[4] = {false, false, false, false};
  for (const std::string_view all : {"all levels", "all maturities", "all maturity levels"})
    if (lower.find(all) != std::string::npos) seen[1] = seen[2] = seen[3] = true;
  for (const std::string_view word : {"level", "maturit"}) {
    for (std::size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
      if (at > 0 && Scan::word(lower[at - 1])) continue;  // "multilevel"
      Scan s(lower, at + word.size());
      if (word == "maturit") {
        if (!s.literal("ies") && !s.literal("y")) continue;
      } else {
        s.literal("s");
      }
      int last = 0;
      bool range = false;
      for (;;) {
        s.spaces();
        const char c = s.peek();
        if (c >= '1' && c <= '3' && !(s.at() + 1 < lower.size() && Scan::digit(lower[s.at() + 1]))) {
          const int n = c - '0';
          if (range && last > 0)
            for (int k = last; k <= n; ++k) seen[k] = true;
          seen[n] = true;
          last = n;
          range = false;
          s.skip();
        } else if (last > 0 && (s.literal("-") || s.literal("\xe2\x80\x93") || s.literal("to "))) {
          range = true;
        } else if (last > 0 &&
                   (s.literal(",") || s.literal("&") || s.literal("/") || s.literal("and ") || s.literal("or "))) {
        } else {
          break;
        }
      }
    }
  }
  std::vector<int> out;
  for (int n = 1; n <= 3; ++n)
    if (seen[n]) out.push_back(n);
  return out;
}

std::optional<std::pair<int, std::size_t>> trailing_maturity_tag(std::string_view text) {
  // The tag holds no '(' of its own, so only the last one can open it.
  const std::size_t open = text.rfind('(');
  if (open == std::string_view::npos) return std::nullopt;
  Scan s(text, open + 1);
  const auto level = [&](int& n) {
    const bool substituted = s.literal("|Maturity");
    if (!substituted && !s.literal("Level ")) return false;
    if (s.peek() < '1' || s.peek() > '3') return false;
    n = s.peek() - '0';
    s.skip();
    return !substituted || s.literal("|");
  };
  int n = 0, second = 0;
  s.spaces();
  if (!level(n)) return std::nullopt;
  const bool bare = s.spaces() == 0;
  if (!(bare && s.literal(")"))) {  // "(Level 1)" alone is a tag
    if (bare) return std::nullopt;
    if (s.literal("and")) {
      if (s.spaces() == 0 || !level(second) || s.spaces() == 0) return std::nullopt;
    }
    if (!s.literal("maturit") || !(s.literal("ies") || s.literal("y"))) return std::nullopt;
    s.spaces();
    if (!s.literal(")")) return std::nullopt;
  }
  s.spaces();
  s.literal(".");
  s.spaces();
  if (!s.done()) return std::nullopt;
  std::size_t start = open;
  while (start > 0 && Scan::space(text[start - 1])) --start;
  return std::make_pair(n, start);
}

std::string first_email_substitution(std::string_view text) {
  std::string name;
  search(text, "|", 0, [&](std::size_t after) {
    Scan s(text, after);
    const auto w = s.take(Scan::word);
    constexpr std::string_view suffix = "_email";
    if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix && s.literal("|")) {
      name = std::string(w);
      return true;
    }
    return false;
  });
  return name;
}

std::vector<std::string_view> digit_runs(std::string_view text) {
  std::vector<std::string_view> runs;
  Scan s(text);
  while (!s.done()) {
    if (Scan::digit(s.peek()))
      runs.push_back(s.take(Scan::digit));
    else
      s.take([](char c) { return !Scan::digit(c); });
  }
  return runs;
}

std::string first_version(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!Scan::digit(text[i]) || (i > 0 && Scan::digit(text[i - 1]))) continue;  // runs start once
    Scan s(text, i);
    s.take(Scan::digit);
    if (!s.literal(".") || s.take(Scan::digit).empty()) continue;
    const std::size_t two = s.at();
    if (!(s.literal(".") && !s.take(Scan::digit).empty())) return std::string(text.substr(i, two - i));
    return std::string(text.substr(i, s.at() - i));
  }
  return {};
}

bool safeguard_item(std::string_view text, std::string& id, std::string& rest) {
  Scan s(text);
  const std::size_t start = s.at();
  if (s.take(Scan::digit).empty() || !s.literal(".") || s.take(Scan::digit).empty()) return false;
  id = std::string(text.substr(start, s.at() - start));
  s.literal(":");
  if (s.spaces() == 0) return false;
  const auto r = s.rest();
  if (!on_one_line(r)) return false;
  rest = std::string(r);
  return true;
}

bool maturity_level_item(std::string_view text, int& level, std::string& rest) {
  Scan s(text);
  if (!s.literal("|Maturity") || s.peek() < '1' || s.peek() > '3') return false;
  level = s.peek() - '0';
  s.skip();
  if (!s.literal("|")) return false;
  s.spaces();
  if (!s.literal(":")) return false;
  s.spaces();
  const auto r = s.rest();
  if (!on_one_line(r)) return false;
  rest = std::string(r);
  return true;
}

bool doc_link(std::string_view text, std::string& shown, std::string& target) {
  return search(text, ":doc:`", 0, [&](std::size_t after) {
    Scan s(text, after);
    const auto name = s.take([](char c) { return c != '<' && c != '`'; });
    if (!s.literal("<")) return false;
    const auto t = s.take([](char c) { return c != '>' && c != '`'; });
    if (t.empty() || !s.literal(">`")) return false;
    std::size_t e = name.size();
    while (e > 0 && Scan::space(name[e - 1])) --e;
    shown = std::string(name.substr(0, e));
    target = std::string(t);
    return true;
  });
}

std::optional<WorksheetSpec> worksheet_spec(std::string_view text) {
  WorksheetSpec spec;
  constexpr std::string_view of_ref = " of :ref:`";
  const auto ref_from = [&](std::size_t at) {
    Scan s(text, at);
    return ref_target(s, spec.label);
  };
  Scan s(text);
  if (s.literal("All actions")) {
    if (s.literal(" under ")) {
      // The group is the shortest text (at least one character) after which the reference follows.
      const std::size_t start = s.at();
      if (search(text, of_ref, start + 1, [&](std::size_t after) {
            const auto group = text.substr(start, after - of_ref.size() - start);
            if (!on_one_line(group)) return false;
            spec.group = std::string(group);
            return ref_from(after);
          }))
        return spec;
      spec.group.reset();
      s = Scan(text, std::string_view("All actions").size());
    }
    if (s.literal(of_ref) && ref_from(s.at())) return spec;
    return std::nullopt;
  }
  if (!s.literal("Action")) return std::nullopt;
  s.literal("s");
  if (!s.literal(" ")) return std::nullopt;
  const std::size_t start = s.at();
  const auto in_list = [](char c) {
    return Scan::digit(c) || c == ' ' || c == ',' || c == 'a' || c == 'n' || c == 'd';
  };
  for (std::size_t end = start + 1; end <= text.size() && in_list(text[end - 1]); ++end) {
    if (text.substr(end, of_ref.size()) != of_ref) continue;
    if (ref_from(end + of_ref.size())) {
      spec.numbers = std::string(text.substr(start, end - start));
      return spec;
    }
  }
  return std::nullopt;
}

std::optional<CdmRow> cdm_row(std::string_view line) {
  Scan s(line);
  s.spaces();
  CdmRow row;
  row.rank = std::string(s.take(Scan::digit));
  if (row.rank.empty() || s.spaces() == 0) return std::nullopt;
  const std::size_t start = s.at();
  if (s.take(Scan::digit).empty() || !s.literal(".") || s.take(Scan::digit).empty()) return std::nullopt;
  row.safeguard = std::string(line.substr(start, s.at() - start));
  if (s.spaces() == 0) return std::nullopt;
  const std::size_t middle = s.at();
  if (search(line, ":ref:`", middle, [&](std::size_t after) {
        if (!on_one_line(line.substr(middle, after - 6 - middle))) return false;
        Scan r(line, after);
        return ref_target(r, row.label);
      }))
    return row;
  return std::nullopt;
}

}  // namespace electsec::detail
