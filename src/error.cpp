#include <electsec/error.hpp>

#include <sstream>

namespace electsec {
namespace {

std::string parse_message(const std::string& source, std::size_t line, std::size_t column,
                          const std::string& field, const std::string& expected) {
  std::ostringstream os;
  os << source;
  if (line > 0) {
    os << ':' << line;
    if (column > 0) os << ':' << column;
  }
  os << ": ";
  if (!field.empty()) os << "field " << field << ": ";
  os << expected;
  return os.str();
}

std::string validation_message(const std::vector<Problem>& problems, std::string summary) {
  std::ostringstream os;
  if (summary.empty())
    summary = "catalog is inconsistent (" + std::to_string(problems.size()) +
              (problems.size() == 1 ? " problem)" : " problems)");
  os << summary;
  for (const auto& p : problems) os << "\n  " << p.where << ": " << p.message;
  return os.str();
}

std::string not_found_message(const std::string& kind, const std::string& id,
                              const std::vector<std::string>& closest) {
  std::string m = "unknown " + kind + " '" + id + "'";
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

ParseError::ParseError(std::string source, std::size_t line, std::size_t column,
                       std::string field, std::string expected)
    : Error(parse_message(source, line, column, field, expected)),
      source_(std::move(source)),
      line_(line),
      column_(column),
      field_(std::move(field)),
      expected_(std::move(expected)) {}

ValidationError::ValidationError(std::vector<Problem> problems)
    : Error(validation_message(problems, "")), problems_(std::move(problems)) {}

ValidationError::ValidationError(std::vector<Problem> problems, const std::string& summary)
    : Error(validation_message(problems, summary)), problems_(std::move(problems)) {}

NotFound::NotFound(std::string kind, std::string id, std::vector<std::string> closest)
    : Error(not_found_message(kind, id, closest)),
      kind_(std::move(kind)),
      id_(std::move(id)),
      closest_(std::move(closest)) {}

IoError::IoError(std::string path, const std::string& message)
    : Error(path + ": " + message), path_(std::move(path)) {}

}  // namespace electsec
