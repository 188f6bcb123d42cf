#include <electsec/error.hpp>
#include <electsec/limits.hpp>

#include "text.hpp"

#include <cstdio>
#include <sstream>

namespace electsec {
namespace {

// A quoted value at most 200 bytes long (cut before a character), so that a message stays
// a line however long the text it quotes.
std::string bounded(const std::string& text) {
  if (text.size() <= 200) return text;
  return std::string(detail::cut_before_character(text, 200)) + "... (" + std::to_string(text.size()) + " bytes)";
}

std::string parse_message(const std::string& source, std::size_t line, std::size_t column, const std::string& field,
                          const std::string& expected) {
  std::ostringstream os;
  os << bounded(source);
  if (line > 0) {
    os << ':' << line;
    if (column > 0) os << ':' << column;
  }
  os << ": ";
  if (!field.empty()) os << "field " << bounded(field) << ": ";
  os << expected;
  return os.str();
}

std::string validation_message(const std::vector<Problem>& problems, std::string summary) {
  std::ostringstream os;
  if (summary.empty())
    summary = "catalog is inconsistent (" + std::to_string(problems.size()) +
              (problems.size() == 1 ? " problem)" : " problems)");
  os << printable(summary);
  // Long lists are capped: the count is in the summary or follows the list.
  for (std::size_t i = 0; i < problems.size() && i < max_listed_problems; ++i)
    os << "\n  " << printable(bounded(problems[i].text()));
  if (problems.size() > max_listed_problems) os << "\n  ... and " << problems.size() - max_listed_problems << " more";
  return os.str();
}

void escape(std::string& out, const char* format, unsigned value) {
  char buffer[12];
  std::snprintf(buffer, sizeof buffer, format, value);
  out += buffer;
}

std::string not_found_message(const std::string& kind, const std::string& id, const std::vector<std::string>& closest) {
  std::string m = "unknown " + kind + " '" + bounded(id) + "'";
  if (!closest.empty()) {
    m += "; did you mean ";
    for (std::size_t i = 0; i < closest.size(); ++i) {
      if (i > 0) m += i + 1 == closest.size() ? " or " : ", ";
      m += "'" + closest[i] + "'";
    }
    m += "?";
  }
  return m;
}

}  // namespace

std::string printable(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  for (std::size_t i = 0; i < t.size();) {
    const auto [length, code] = detail::utf8_char_at(t, i);
    if (length == 0) {  // not UTF-8: the byte itself, escaped
      escape(out, "\\x%02x", code);
      ++i;
      continue;
    }
    // C0 and C1 controls; invisible format characters that can reorder or hide text
    // (marks, zero-width characters, embeddings, overrides, isolates, the BOM, tag
    // characters); line and paragraph separators.
    const bool control = code < 0x20 || code == 0x7f || (code >= 0x80 && code <= 0x9F) || code == 0x061C ||
                         (code >= 0x200B && code <= 0x200F) || (code >= 0x2028 && code <= 0x202E) ||
                         (code >= 0x2060 && code <= 0x2069) || code == 0xFEFF || (code >= 0xE0000 && code <= 0xE007F);
    if (code == '\n')
      out += "\\n";
    else if (code == '\r')
      out += "\\r";
    else if (code == '\t')
      out += "\\t";
    else if (control)
      escape(out, code < 0x80 ? "\\x%02x" : "\\u%04x", code);
    else
      out.append(t.substr(i, length));
    i += length;
  }
  return out;
}

Error::Error(const std::string& message) : std::runtime_error(printable(message)) {}

ParseError::ParseError(std::string source, std::size_t line, std::size_t column, std::string field,
                       std::string expected)
    : Error(parse_message(source, line, column, field, expected)),
      source_(std::move(source)),
      line_(line),
      column_(column),
      field_(std::move(field)),
      expected_(std::move(expected)) {}

ValidationError::ValidationError(std::vector<Problem> problems)
    : Error(validation_message(problems, ""), Verbatim{}), problems_(std::move(problems)) {}

ValidationError::ValidationError(std::vector<Problem> problems, const std::string& summary)
    : Error(validation_message(problems, summary), Verbatim{}), problems_(std::move(problems)) {}

NotFound::NotFound(std::string kind, std::string id, std::vector<std::string> closest)
    : Error(not_found_message(kind, id, closest)),
      kind_(std::move(kind)),
      id_(std::move(id)),
      closest_(std::move(closest)) {}

std::string Problem::text() const {
  const bool says_where = !where.empty() && message.size() > where.size() &&
                          message.compare(0, where.size(), where) == 0 && message[where.size()] == ':';
  return says_where ? message : where + ": " + message;
}

IoError::IoError(std::string path, const std::string& message) : Error(path + ": " + message), path_(std::move(path)) {}

}  // namespace electsec
