// Helpers every command file uses: format names, option parsing, writing a result.
#include "cli_internal.hpp"

#include <electsec/files.hpp>

#include <sys/stat.h>
#include <unistd.h>

namespace electsec::cli {

thread_local std::size_t terminal_width = 0;

const char* format_name(Format f) {
  switch (f) {
    case Format::table:
      return "table";
    case Format::json:
      return "json";
    case Format::csv:
      return "csv";
    case Format::markdown:
      return "markdown";
    case Format::oscal_catalog:
      return "oscal-catalog";
    case Format::oscal_profile:
      return "oscal-profile";
    case Format::html:
      return "html";
    case Format::oscal_poam:
      return "oscal-poam";
    case Format::ciso_assistant:
      return "ciso-assistant";
    case Format::ciso_assistant_mapping:
      return "ciso-assistant-mapping";
    default:
      return "oscal-assessment-results";
  }
}

std::string groups_text(const Safeguard& s) {
  std::vector<std::string> out;
  for (auto g : s.implementation_groups) out.emplace_back(to_string(g));
  return join(out, " ");
}

std::string maturity_tag(const std::optional<Maturity>& m) { return m ? level_name(*m) : ""; }

// The block of an action id ("l1", "all", ...) in words.
std::string block_title(const std::vector<Maturity>& levels) {
  if (levels.size() == 3) return "All levels";
  std::vector<std::string> names;
  for (auto m : levels) names.emplace_back(to_string(m));
  return (levels.size() == 1 ? "Level " : "Levels ") + join(names, " and ");
}

std::string block_title(const Action& a) { return block_title(a.levels); }

std::string provenance_label(const RelatedPractice& rp) {
  return rp.provenance.empty() ? std::string() : " [linked by " + rp.provenance + "]";
}

void write_rows(std::ostream& out, Format f, const Table& t, const char* noun) {
  if (f == Format::csv) return write_csv(out, t);
  write_table(out, t, terminal_width);
  // "1 practice", "2 practices": every noun here forms its plural with a final s.
  std::string text = noun;
  if (t.rows.size() == 1 && !text.empty() && text.back() == 's') text.pop_back();
  if (t.rows.size() == 1 && text.size() > 3 && text.compare(text.size() - 3, 3, "ie") == 0)
    text.replace(text.size() - 2, 2, "y");  // "entries" -> "entry"
  out << t.rows.size() << ' ' << text << '\n';
}

int parse_int_option(const Args& a, const std::string& name, int lo, int hi) {
  const std::string text = *a.option(name);
  int value = 0;
  try {
    std::size_t used = 0;
    value = std::stoi(text, &used);
    if (used != text.size()) throw std::invalid_argument(text);
  } catch (const std::exception&) {
    throw UsageError{"--" + name + " expects a number, not '" + text + "'"};
  }
  if (value < lo || value > hi)
    throw UsageError{"--" + name + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", not " +
                     text};
  return value;
}

int parse_int_option_text(const std::string& text, const std::string& what) {
  try {
    std::size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  throw UsageError{what + " must be a number, not '" + text + "'"};
}

namespace {

// True when `path` is this process's standard output under another name (/dev/stdout,
// /dev/fd/1, /proc/self/fd/1): the document then goes to the output stream itself, so it
// cannot be interleaved with, or overwritten by, what the command prints.
bool is_standard_output(const std::string& path) {
  struct stat named {
  }, out{};
  return ::stat(path.c_str(), &named) == 0 && ::fstat(STDOUT_FILENO, &out) == 0 && named.st_dev == out.st_dev &&
         named.st_ino == out.st_ino;
}

}  // namespace

void allow_options(const Args& a, const std::string& command, std::initializer_list<const char*> allowed) {
  const auto known = [&](const std::string& name) {
    return std::any_of(allowed.begin(), allowed.end(), [&](const char* x) { return name == x; });
  };
  for (const auto& option : a.options)
    if (option.first != "format" && option.first != "catalog" && !known(option.first))
      throw UsageError{"'" + command + "' has no option --" + option.first};
  for (const auto& flag : a.flags)
    if (!known(flag)) throw UsageError{"'" + command + "' has no option --" + flag};
}

void write_result(const Args& a, Io& io, const std::string& text, const std::string& summary) {
  write_result(
      a, io, [&](std::ostream& out) { out << text; }, summary);
}

void write_result(const Args& a, Io& io, const std::function<void(std::ostream&)>& write, const std::string& summary) {
  const auto output = a.option("output");
  if (!output || *output == "-" || is_standard_output(*output)) {
    write(io.out);
    return;
  }
  // Never over a file the command read: `export --assessment a.json -o a.json` would
  // replace the office's record with the export.
  std::vector<std::string> inputs = a.positional;
  for (const auto& [name, value] : a.options)
    if (name != "output") inputs.push_back(value);
  for (const std::string& input : inputs) {
    struct stat in {
    }, out{};
    if (::stat(input.c_str(), &in) == 0 && ::stat(output->c_str(), &out) == 0 && in.st_dev == out.st_dev &&
        in.st_ino == out.st_ino)
      throw UsageError{"-o " + *output + " is " +
                       (input == *output ? "a file this command reads" : input + ", which this command reads") +
                       "; write the result to another file"};
  }
  write_file_atomically(*output, write);
  io.out << "wrote " << *output << summary << '\n';
}

}  // namespace electsec::cli
