#pragma once
// The few textual patterns the RST importer looks for, matched by hand in one forward pass
// each (not public API). std::regex backtracks recursively: a long line can exhaust the
// stack and some inputs take exponential time. These functions are linear in their input
// (the searches try each start once and give up at the first character that cannot match)
// and never recurse.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace electsec::detail {

/// A cursor over a line, with the few steps the patterns need.
class Scan {
 public:
  explicit Scan(std::string_view text, std::size_t at = 0) : t_(text), i_(at) {}

  static bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
  static bool digit(char c) { return c >= '0' && c <= '9'; }
  /// [A-Za-z0-9_], as \w in ECMAScript.
  static bool word(char c) { return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

  std::size_t at() const { return i_; }
  void skip(std::size_t n = 1) { i_ = std::min(t_.size(), i_ + n); }
  bool done() const { return i_ >= t_.size(); }
  char peek() const { return done() ? '\0' : t_[i_]; }
  /// Consume `s` when the text continues with it.
  bool literal(std::string_view s) {
    if (t_.size() - i_ < s.size() || t_.substr(i_, s.size()) != s) return false;
    i_ += s.size();
    return true;
  }
  /// Consume the characters for which `keep` holds; returns them.
  template <typename Keep>
  std::string_view take(Keep keep) {
    const std::size_t start = i_;
    while (i_ < t_.size() && keep(t_[i_])) ++i_;
    return t_.substr(start, i_ - start);
  }
  /// Consume white space; returns how much.
  std::size_t spaces() { return take(space).size(); }
  std::string_view rest() {
    const std::string_view r = t_.substr(i_);
    i_ = t_.size();
    return r;
  }

 private:
  std::string_view t_;
  std::size_t i_;
};

/// ".. |name| replace:: value": the name and the value, trimmed.
bool substitution_definition(std::string_view line, std::string& name, std::string& value);
/// ".. _name: url" or ".. _`name`: url": the name (backticks removed) and the URL.
bool target_definition(std::string_view line, std::string& name, std::string& url);
/// ".. _label:" on a line of its own: the label ([\w-]+), or empty.
std::string label_definition(std::string_view line);

/// Every N of "|MaturityN|" (N in 1..3) in `text`, in order.
std::vector<int> maturity_substitutions(std::string_view text);
/// Every N of "Level N" (N in 1..3) in `text`, in order.
std::vector<int> level_mentions(std::string_view text);
/// The levels a heading written without substitutions names: after "Level", "Levels",
/// "Maturity" or "Maturities" (any case), a list or range of 1..3 ("Levels 2 and 3",
/// "Maturity 1, 2 & 3", "Levels 2-3"); "All Levels" and "All Maturities" name all three.
/// Sorted, each once.
std::vector<int> level_numbers(std::string_view text);
/// A trailing "(|MaturityN| maturity)" or "(|MaturityN| and |MaturityM| maturities)",
/// optionally followed by a full stop: N, and where the tag (with the space before it)
/// starts. "Level N" may stand for "|MaturityN|" (releases that wrote the level out), and
/// "(Level N)" alone is a tag too.
std::optional<std::pair<int, std::size_t>> trailing_maturity_tag(std::string_view text);
/// The name of the first "|xxx_email|" substitution in `text`, or empty.
std::string first_email_substitution(std::string_view text);
/// Every run of digits in `text`, in order.
std::vector<std::string_view> digit_runs(std::string_view text);
/// The first "N.N" or "N.N.N" in `text`, or empty.
std::string first_version(std::string_view text);

/// "4.1 text" or "4.1: text" (the whole of `text`): the Safeguard id and the text.
bool safeguard_item(std::string_view text, std::string& id, std::string& rest);
/// "|MaturityN|: text" (the whole of `text`): N and the text.
bool maturity_level_item(std::string_view text, int& level, std::string& rest);

/// The first ":doc:`shown <target>`" in `text`: the shown text (trimmed at its end) and
/// the target.
bool doc_link(std::string_view text, std::string& shown, std::string& target);

/// A worksheet row of the Level 1 mapping, from its start: "All actions of :ref:`x <L>`",
/// "All actions under GROUP of :ref:`...`" or "Action(s) 1, 2 and 3 of :ref:`...`".
struct WorksheetSpec {
  std::optional<std::string> group;    ///< the GROUP of "All actions under GROUP"
  std::optional<std::string> numbers;  ///< "1, 2 and 3" of "Actions ..."
  std::string label;                   ///< L, the label referred to
};
std::optional<WorksheetSpec> worksheet_spec(std::string_view text);

/// A row of the CDM ranking: "  RANK  SAFEGUARD  ... :ref:`x <label>`".
struct CdmRow {
  std::string rank, safeguard, label;
};
std::optional<CdmRow> cdm_row(std::string_view line);

}  // namespace electsec::detail
