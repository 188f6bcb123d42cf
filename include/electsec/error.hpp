#pragma once
/// \file
/// The error hierarchy of electsec. Every error the library throws derives from
/// electsec::Error, which derives from std::runtime_error.

#include <electsec/export.hpp>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace electsec {

/// `text` made safe to show on one line of a terminal or a log: line breaks, tabs and other
/// control characters (C0, DEL, C1), invisible format characters that can reorder or hide
/// text (U+061C, U+200B..U+200F, U+202A..U+202E, U+2060..U+2069, U+FEFF, tag characters),
/// line and paragraph separators (U+2028, U+2029) and bytes that are not UTF-8 are written
/// as escapes ("\\n", "\\x1b", "\\u202e"); backslashes are left alone.
/// Every error message is passed through it, since messages quote file content.
ELECTSEC_API std::string printable(std::string_view text);

/// Base of every error electsec throws. what() is always one line that a terminal cannot
/// act on (see `printable`), except ValidationError's, whose problems follow on lines of
/// their own, each made printable.
class ELECTSEC_API Error : public std::runtime_error {
 public:
  /// An error whose what() is printable(message).
  explicit Error(const std::string& message);

 protected:
  /// Tag for the constructor below.
  struct Verbatim {};
  /// For subclasses that have made each line of `message` printable themselves.
  Error(const std::string& message, Verbatim) : std::runtime_error(message) {}
};

/// A text (JSON, later reStructuredText) could not be read. `line` and `column` are
/// 1-based; 0 means unknown. `source` names the file, or a label such as "<string>".
class ELECTSEC_API ParseError : public Error {
 public:
  /// what() reads "source:line:column: field F: expected", leaving out what is unknown
  /// (the line or column when 0, the field when empty).
  ParseError(std::string source, std::size_t line, std::size_t column, std::string field, std::string expected);

  /// The file, or a label such as "<string>".
  const std::string& source() const noexcept { return source_; }
  /// 1-based line of the problem; 0 when unknown.
  std::size_t line() const noexcept { return line_; }
  /// 1-based column of the problem; 0 when unknown.
  std::size_t column() const noexcept { return column_; }
  /// JSON pointer (e.g. "/safeguards/3/asset_type") of the offending value, or "".
  const std::string& field() const noexcept { return field_; }
  /// What was expected there, in words.
  const std::string& expected() const noexcept { return expected_; }

 private:
  std::string source_;
  std::size_t line_;
  std::size_t column_;
  std::string field_;
  std::string expected_;
};

/// One problem found while validating a catalog.
struct ELECTSEC_API Problem {
  std::string where;    ///< e.g. "practice user_management" or "safeguard 4.1"
  std::string message;  ///< what is wrong
  /// Equal when both fields are equal.
  bool operator==(const Problem& o) const { return where == o.where && message == o.message; }
  /// "where: message", or the message alone when it starts with `where` already (a file's
  /// own error, "a.json:3:5: ..."). Not yet made printable.
  std::string text() const;
};

/// A catalog (or other model) is inconsistent. Carries every problem found, not just
/// the first; what() lists them one per line.
class ELECTSEC_API ValidationError : public Error {
 public:
  /// what() starts "catalog is inconsistent (N problems)", then one problem per line.
  explicit ValidationError(std::vector<Problem> problems);
  /// `summary` is the first line of what(), e.g. "file.json: 3 problems".
  ValidationError(std::vector<Problem> problems, const std::string& summary);
  /// Every problem found, in the order found.
  const std::vector<Problem>& problems() const noexcept { return problems_; }

 private:
  std::vector<Problem> problems_;
};

/// A lookup by id found nothing. Names the kind ("practice", "safeguard", ...), the id
/// asked for, and the closest known ids (at most three, best first; possibly none).
class ELECTSEC_API NotFound : public Error {
 public:
  /// what() names the kind and id and suggests the closest ids ("did you mean ...?").
  NotFound(std::string kind, std::string id, std::vector<std::string> closest);
  /// What was looked up: "practice", "safeguard", ...
  const std::string& kind() const noexcept { return kind_; }
  /// The id asked for.
  const std::string& id() const noexcept { return id_; }
  /// Known ids closest to it, best first (at most three).
  const std::vector<std::string>& closest() const noexcept { return closest_; }

 private:
  std::string kind_;
  std::string id_;
  std::vector<std::string> closest_;
};

/// A file-system operation failed: a file could not be read, written, locked or listed.
/// Names the path and what the system said.
class ELECTSEC_API IoError : public Error {
 public:
  /// what() reads "path: message".
  IoError(std::string path, const std::string& message);
  /// The path the operation was about.
  const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
};

}  // namespace electsec
