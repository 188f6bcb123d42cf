#pragma once
// The importer's view of one reStructuredText file: its lines, headings, link targets and
// substitutions, read once; and the small text helpers every part of the importer uses
// (not public API).
//
// Map of the importer: rst_document.hpp (this file: a document), rst_blocks.cpp (lists,
// paragraphs, level headings, grid tables), rst_practice.cpp (one best-practice page),
// rst_import.cpp (the whole guide: index, priorities, handbook, glossary), rst_patterns.cpp
// (the line patterns, without std::regex).

#include <electsec/error.hpp>
#include <electsec/rst_import.hpp>

#include "rst_patterns.hpp"
#include "text.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace electsec::detail::rst {

namespace fs = std::filesystem;

// Substitution values by name; looked up by views of a page's text without copying them.
using Substitutions = std::map<std::string, std::string, std::less<>>;

inline const Substitutions& default_substitutions() {
  static const Substitutions subs{
      {"Maturity1", "Level 1"},
      {"Maturity2", "Level 2"},
      {"Maturity3", "Level 3"},
      {"eges_email", "essentialguide@cisecurity.org"},
      {"eiisac_email", "elections@cisecurity.org"},
      {"controls_email", "controlsinfo@cisecurity.org"},
      {"soc_email", "soc@cisecurity.org"},
      {"CISA_vuln_email", "vulnerability_info@cisa.dhs.gov"},
  };
  return subs;
}

// `s` without spaces, tabs and carriage returns at either end, as a view into `s`.
inline std::string_view trim_view(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

inline std::string trim(std::string_view s) { return std::string(trim_view(s)); }

// A number of at most 6 digits, or none: the guide's numbers are small, and a longer run of
// digits is not a number the importer can use (fuzzing found stoi overflowing on them).
inline std::optional<int> small_int(std::string_view s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

inline std::size_t indent_of(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// Only spaces, tabs and carriage returns (what trim() removes), without making the string.
inline bool blank(std::string_view s) {
  for (const char c : s)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

// Runs of white space as one space, none at either end; in place (the text only shrinks).
// Each byte of white space becomes a space unless the text kept so far is empty or ends
// in one; a space left at the end is dropped. Sixteen bytes that hold no tab or line
// break and no two spaces in a row (nor one after a kept space) are kept as they are, at
// once, which is most text.
inline void collapse_spaces_in(std::string& s) {
  char* const d = s.data();
  const std::size_t n = s.size();
  std::size_t r = 0, w = 0;  // bytes read; bytes kept, w <= r
  const auto put = [&](char c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (w == 0 || d[w - 1] == ' ') return;
      c = ' ';
    }
    d[w++] = c;
  };
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'), nl = _mm_set1_epi8('\n'),
                cr = _mm_set1_epi8('\r');
  while (n - r >= 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + r));
    const __m128i breaks =
        _mm_or_si128(_mm_cmpeq_epi8(x, tab), _mm_or_si128(_mm_cmpeq_epi8(x, nl), _mm_cmpeq_epi8(x, cr)));
    const auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, space)));
    const unsigned before = (w == 0 || d[w - 1] == ' ') ? 1u : 0u;  // a space here would be dropped
    if (_mm_movemask_epi8(breaks) == 0 && (spaces & ((spaces << 1) | before)) == 0) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(d + w), x);  // only over bytes already read
      w += 16;
      r += 16;
    } else {
      for (const std::size_t end = r + 16; r < end; ++r) put(d[r]);
    }
  }
#endif
  for (; r < n; ++r) put(d[r]);
  if (w > 0 && d[w - 1] == ' ') --w;
  s.resize(w);
}

// The same as collapse_spaces(out + " " + text) when `out` is already collapsed, without
// going over `out` again: the words of `text` are appended, one space before each.
inline void append_collapsed(std::string& out, std::string_view text) {
  bool space = !out.empty();  // owed before the next character that is kept
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
}

inline std::string collapse_spaces(std::string_view s) {
  std::string out(s);
  collapse_spaces_in(out);
  return out;
}

struct Link {
  std::string text;
  std::string url;
};

struct Heading {
  std::size_t line;  // index of the title line
  int level;
  std::string raw;    // title as written
  std::string plain;  // title as text
};

// One .rst file: its lines, substitutions, link targets and headings.
class Document {
 public:
  // Substitutions, each over the ones before it: the defaults; `inherited`, the release's
  // for every page (conf.py's rst_prolog), which the caller keeps for as long as the
  // document (or nullptr); `included`, those of files the page includes; the page's own;
  // the options'. Only the last three are the document's own: the others are shared.
  Document(std::string source, std::string text, const ImportOptions& options, const Substitutions* inherited = nullptr,
           Substitutions included = {})
      : source_(std::move(source)), text_(std::move(text)), inherited_(inherited), own_(std::move(included)) {
    // The lines are views into the page's own text, which the document keeps: no line is
    // copied. (A moved std::string keeps its buffer, so the views survive a move of the
    // document; a short text held inside the string itself is copied first to the heap.)
    if (text_.capacity() < sizeof(std::string)) text_.reserve(sizeof(std::string));
    const std::string_view all(text_);
    lines_.reserve(all.size() / 32 + 16);  // about the guide's lines; grows if need be
    std::size_t start = 0;
    const auto line_to = [&](std::size_t end) {  // the line from `start` to the break at `end`
      std::string_view line = all.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.push_back(line);
      start = end + 1;
    };
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8('\n');  // the breaks of sixteen bytes at a time
    for (; all.size() - i >= 16; i += 16) {
      auto breaks = static_cast<unsigned>(_mm_movemask_epi8(
          _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(all.data() + i)), newline)));
      for (; breaks != 0; breaks &= breaks - 1) line_to(i + static_cast<std::size_t>(__builtin_ctz(breaks)));
    }
#endif
    for (; i < all.size(); ++i)
      if (all[i] == '\n') line_to(i);
    line_to(all.size());  // the last line, empty when the text ends with a break
    // The catalog is text for JSON, terminals and reports: a page that is not UTF-8 is
    // refused here, naming the first line that is not, rather than failing on output.
    // (Line breaks are never inside a character: the text is UTF-8 when each line is, so
    // the lines are searched only for a text that is not.)
    if (!detail::is_utf8(text_))
      for (std::size_t i = 0; i < lines_.size(); ++i)
        if (!detail::is_utf8(lines_[i])) fail(i, "not valid UTF-8 text (save the file as UTF-8)");
    std::string name, value;
    for (const auto& line : lines_) {
      if (line.rfind("..", 0) != 0) continue;  // definitions are explicit markup lines
      if (detail::substitution_definition(line, name, value)) own_[name] = value;
      if (detail::target_definition(line, name, value)) targets_[detail::lower_case(trim(name))] = value;
    }
    for (const auto& [k, v] : options.substitutions) own_[k] = v;
    find_headings();
    for (auto& h : headings_) h.plain = plain(h.raw);
  }

  // Its lines look into its text: a copy would look into the original's.
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;

  const std::string& source() const { return source_; }
  const std::vector<std::string_view>& lines() const { return lines_; }
  const std::vector<Heading>& headings() const { return headings_; }

  std::string substitution(const std::string& name) const {
    const std::string* value = find_substitution(name);
    return value == nullptr ? std::string() : *value;
  }

  [[noreturn]] void fail(std::size_t line_index, const std::string& message) const {
    throw ParseError(source_, line_index + 1, 1, "", message);
  }

  // Replace |name| with its value (unknown names stay as written).
  std::string substitute(std::string_view text) const {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
      const auto bar = text.find('|', i);
      if (bar == std::string_view::npos) {  // the rest has no substitution: copied at once
        out.append(text.data() + i, text.size() - i);
        break;
      }
      out.append(text.data() + i, bar - i);
      i = bar;
      const auto end = text.find('|', i + 1);
      if (end != std::string_view::npos && end > i + 1) {
        const std::string_view name = text.substr(i + 1, end - i - 1);
        const std::string* value = find_substitution(name);
        if (value != nullptr && name.find(' ') == std::string_view::npos) {
          out += *value;
          i = end + 1;
          continue;
        }
      }
      out += text[i++];
    }
    return out;
  }

  // Inline markup reduced to plain text; links found on the way go to `links`. One pass
  // over the text: roles (:term:`x <y>` -> x), hyperlinks (`text <url>`_, `name`_),
  // substitutions, strong, emphasis and literal markers, backslash escapes.
  std::string plain(std::string_view text, std::vector<Link>* links = nullptr) const {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    const auto closing_backtick = [&](std::size_t from) { return text.find('`', from); };
    while (i < text.size()) {
      // Most of the text is words: a run without a character that could start markup is
      // copied at once (the cases below each begin with one of these).
      const std::size_t run = i + plain_prefix(text.substr(i));
      if (run > i) {
        out.append(text.data() + i, run - i);
        i = run;
        if (i == text.size()) break;
      }
      const char c = text[i];
      // :role:`...`
      if (c == ':' && i + 1 < text.size() && detail::ascii_alpha(text[i + 1])) {
        std::size_t j = i + 1;
        while (j < text.size() && (detail::ascii_alnum(text[j]) || text[j] == '-')) ++j;
        if (j + 1 < text.size() && text[j] == ':' && text[j + 1] == '`') {
          const std::size_t end = closing_backtick(j + 2);
          if (end != std::string_view::npos) {
            std::string_view inner = text.substr(j + 2, end - j - 2);
            const auto lt = inner.rfind('<');
            if (lt != std::string_view::npos && inner.back() == '>') inner = inner.substr(0, lt);
            out += substitute(trim(inner));
            i = end + 1;
            continue;
          }
        }
      }
      // `text <url>`_ , `name`_ , ``literal``
      if (c == '`') {
        if (i + 1 < text.size() && text[i + 1] == '`') {
          const auto end = text.find("``", i + 2);
          if (end != std::string_view::npos) {
            out += text.substr(i + 2, end - i - 2);
            i = end + 2;
            continue;
          }
        }
        const std::size_t end = closing_backtick(i + 1);
        if (end != std::string_view::npos && end + 1 < text.size() && text[end + 1] == '_') {
          std::string_view inner = text.substr(i + 1, end - i - 1);
          std::string label, url;
          const auto lt = inner.rfind('<');
          if (lt != std::string_view::npos && !inner.empty() && inner.back() == '>') {
            label = trim(inner.substr(0, lt));
            url = trim(inner.substr(lt + 1, inner.size() - lt - 2));
          } else {
            label = trim(inner);
            const auto it = targets_.find(detail::lower_case(label));
            if (it != targets_.end()) url = it->second;
          }
          const std::string shown = substitute(label.empty() ? url : label);
          if (links != nullptr && !url.empty()) links->push_back({shown, url});
          out += shown;
          i = end + 2;
          if (i < text.size() && text[i] == '_') ++i;  // anonymous `...`__
          continue;
        }
      }
      // |substitution|
      if (c == '|') {
        const auto end = text.find('|', i + 1);
        if (end != std::string_view::npos && end > i + 1) {
          if (const std::string* value = find_substitution(text.substr(i + 1, end - i - 1))) {
            out += *value;
            i = end + 1;
            continue;
          }
        }
      }
      if (c == '*') {  // **strong** and *emphasis* markers: drop the stars that open or close
        const bool opens = i + 1 < text.size() && text[i + 1] != ' ';
        const bool closes = i > 0 && text[i - 1] != ' ';
        if (opens || closes) {
          ++i;
          continue;
        }
      }
      if (c == '\\' && i + 1 < text.size()) {
        out += text[i + 1];
        i += 2;
        continue;
      }
      out += c;
      ++i;
    }
    collapse_spaces_in(out);
    return out;
  }

  // The first heading whose plain title satisfies `match`, or none.
  const Heading* heading_where(const std::function<bool(const std::string&)>& match) const {
    for (const auto& h : headings_)
      if (match(h.plain)) return &h;
    return nullptr;
  }

  // Line range [begin, end) of a section's body: after its heading, up to the next
  // heading of the same or a higher level.
  std::pair<std::size_t, std::size_t> body(const Heading& h) const {
    std::size_t end = lines_.size();
    for (const auto& other : headings_)
      if (other.line > h.line && other.level <= h.level) {
        end = other.line - overline_offset(other);
        break;
      }
    return {h.line + 2, end};
  }

  // Headings strictly inside a section.
  std::vector<const Heading*> inside(const Heading& h) const {
    const auto [begin, end] = body(h);
    std::vector<const Heading*> out;
    for (const auto& other : headings_)
      if (other.line >= begin && other.line < end) out.push_back(&other);
    return out;
  }

  bool is_underline_at(std::size_t i) const { return i < lines_.size() && underline_char(lines_[i]) != 0; }

 private:
  // How many bytes `text` starts with that cannot start markup (sixteen at a time where
  // it can).
  static std::size_t plain_prefix(std::string_view text) {
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i colon = _mm_set1_epi8(':'), tick = _mm_set1_epi8('`'), bar = _mm_set1_epi8('|'),
                  star = _mm_set1_epi8('*'), backslash = _mm_set1_epi8('\\');
    for (; text.size() - i >= 16; i += 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      const __m128i hit = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(x, colon), _mm_cmpeq_epi8(x, tick)),
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, bar), _mm_cmpeq_epi8(x, star)), _mm_cmpeq_epi8(x, backslash)));
      if (const int mask = _mm_movemask_epi8(hit); mask != 0)
        return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    while (i < text.size() && !markup_char(text[i])) ++i;
    return i;
  }

  static bool markup_char(char c) {
    struct Table {
      bool at[256] = {};
      constexpr Table() {
        for (const char m : {':', '`', '|', '*', '\\'}) at[static_cast<unsigned char>(m)] = true;
      }
    };
    static constexpr Table table;
    return table.at[static_cast<unsigned char>(c)];
  }

  // The value of |name|: the document's own, else the release's, else the default.
  const std::string* find_substitution(std::string_view name) const {
    if (const auto it = own_.find(name); it != own_.end()) return &it->second;
    if (inherited_ != nullptr)
      if (const auto it = inherited_->find(name); it != inherited_->end()) return &it->second;
    const auto& defaults = default_substitutions();
    if (const auto it = defaults.find(name); it != defaults.end()) return &it->second;
    return nullptr;
  }

  static char underline_char(std::string_view line) {
    if (line.size() < 3) return 0;
    const char c = line[0];
    struct Table {  // the characters a title may be underlined with
      bool at[256] = {};
      constexpr Table() {
        for (const char u : std::string_view("=-~^&*#\"+'`:.")) at[static_cast<unsigned char>(u)] = true;
      }
    };
    static constexpr Table adornment;
    if (!adornment.at[static_cast<unsigned char>(c)]) return 0;
    for (char x : line)
      if (x != c) return 0;
    return c;
  }

  std::size_t overline_offset(const Heading& h) const {
    return h.line > 0 && underline_char(lines_[h.line - 1]) != 0 ? 1 : 0;
  }

  void find_headings() {
    std::map<std::pair<char, bool>, int> levels;
    for (std::size_t i = 0; i + 1 < lines_.size(); ++i) {
      const std::string_view title = lines_[i];
      if (blank(title) || title[0] == ' ' || underline_char(title) != 0) continue;
      const char u = underline_char(lines_[i + 1]);
      if (u == 0) continue;
      if (title.rfind("..", 0) == 0 || (title[0] == '|' && title.find("replace::") != std::string::npos)) continue;
      if (title[0] == '+' || (title[0] == '|' && title.back() == '|' && title.size() > 2 && title[1] == ' ')) continue;
      const bool over = i > 0 && underline_char(lines_[i - 1]) == u;
      const auto key = std::make_pair(u, over);
      const auto it = levels.find(key);
      const int level = it == levels.end() ? static_cast<int>(levels.size()) : it->second;
      if (it == levels.end()) levels[key] = level;
      headings_.push_back({i, level, trim(title), {}});
      ++i;
    }
  }

  std::string source_;
  std::string text_;
  std::vector<std::string_view> lines_;
  const Substitutions* inherited_;
  Substitutions own_;
  std::map<std::string, std::string> targets_;
  std::vector<Heading> headings_;
};

// A list item: where it starts and its raw text (continuation lines joined; nested list
// markers kept as " - ").

}  // namespace electsec::detail::rst
