#include <electsec/error.hpp>

#include <cstdio>
#include <sstream>

namespace electsec {
namespace {

// A quoted value at most 200 bytes long (cut before a character), so that a message stays
// a line however long the text it quotes.
std::string bounded(const std::string& text) {
  if (text.size() <= 200) return text;
  std::size_t cut = 200;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "... (" + std::to_string(text.size()) + " bytes)";
}


std::string parse_message(const std::string& source, std::size_t line, std::size_t column,
                          const std::string& field, const std::string& expected) {
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
  constexpr std::size_t listed = 100;
  for (std::size_t i = 0; i < problems.size() && i < listed; ++i)
    os << "\n  " << printable(bounded(problems[i].where)) << ": " << printable(bounded(problems[i].message));
  if (problems.size() > listed) os << "\n  ... and " << problems.size() - listed << " more";
  return os.str();
}

void escape(std::string& out, const char* format, unsigned value) {
  char buffer[12];
  std::snprintf(buffer, sizeof buffer, format, value);
  out += buffer;
}

std::string not_found_message(const std::string& kind, const std::string& id,
                              const std::vector<std::string>& closest) {
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
    const auto b = static_cast<unsigned char>(t[i]);
    if (b < 0x80) {
      if (b == '\n') out += "\\n";
      else if (b == '\r') out += "\\r";
      else if (b == '\t') out += "\\t";
      else if (b < 0x20 || b == 0x7f) escape(out, "\\x%02x", b);
      else out += static_cast<char>(b);
      ++i;
      continue;
    }
    // A UTF-8 sequence: its length from the lead byte, then its continuation bytes.
    const std::size_t length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
    bool valid = length > 0 && i + length <= t.size();
    unsigned code = length == 2 ? b & 0x1F : length == 3 ? b & 0x0F : b & 0x07;
    for (std::size_t k = 1; valid && k < length; ++k) {
      const auto c = static_cast<unsigned char>(t[i + k]);
      valid = (c & 0xC0) == 0x80;
      code = (code << 6) | (c & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if (valid && ((length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
                  (length == 4 && (code < 0x10000 || code > 0x10FFFF))))
      valid = false;
    if (!valid) {
      escape(out, "\\x%02x", b);
      ++i;
      continue;
    }
    // C1 controls; invisible format characters that can reorder or hide text (marks,
    // zero-width characters, embeddings, overrides, isolates, the BOM, tag characters);
    // line and paragraph separators.
    const bool control = (code >= 0x80 && code <= 0x9F) || code == 0x061C || (code >= 0x200B && code <= 0x200F) ||
                         (code >= 0x2028 && code <= 0x202E) || (code >= 0x2060 && code <= 0x2069) ||
                         code == 0xFEFF || (code >= 0xE0000 && code <= 0xE007F);
    if (control) escape(out, "\\u%04x", code);
    else out.append(t.substr(i, length));
    i += length;
  }
  return out;
}

Error::Error(const std::string& message) : std::runtime_error(printable(message)) {}

ParseError::ParseError(std::string source, std::size_t line, std::size_t column,
                       std::string field, std::string expected)
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

IoError::IoError(std::string path, const std::string& message)
    : Error(path + ": " + message), path_(std::move(path)) {}

}  // namespace electsec
