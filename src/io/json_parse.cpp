// JSON text to a tree: size limits, NUL bytes and duplicate keys refused, syntax errors
// and decode errors located by line and column.
#include "json_codec.hpp"

#include "json_locate.hpp"
#include "text.hpp"

#include <electsec/catalog_json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_set>
#include <initializer_list>
#include <type_traits>

namespace electsec::detail {

const char* type_name(nlohmann::detail::value_t type) {
  using value_t = nlohmann::detail::value_t;
  switch (type) {
    case value_t::null:
      return "null";
    case value_t::boolean:
      return "a boolean";
    case value_t::string:
      return "a string";
    case value_t::array:
      return "an array";
    case value_t::object:
      return "an object";
    case value_t::number_float:
      return "a fractional number";
    default:
      return "a number";
  }
}

const char* type_name(const json& j) { return type_name(j.type()); }

std::string pointer_token(std::string_view key) {
  if (key.find_first_of("~/") == std::string_view::npos) return std::string(key);
  std::string escaped;
  for (char c : key) {
    if (c == '~')
      escaped += "~0";
    else if (c == '/')
      escaped += "~1";
    else
      escaped += c;
  }
  return escaped;
}

namespace {

[[noreturn]] void fail_at(std::string_view text, std::string_view source, std::size_t offset, const std::string& what) {
  const TextPosition pos = position_of(text, offset);
  throw ParseError(std::string(source), pos.line, pos.column, "", what);
}

// The text of a key as the parser will see it: escapes decoded (so "a" and "\u0061" are
// the same key).
std::string key_text(std::string_view raw) {
  if (raw.find('\\') == std::string_view::npos) return std::string(raw.substr(1, raw.size() - 2));
  try {
    return nlohmann::json::parse(raw).get<std::string>();
  } catch (const nlohmann::json::exception&) {
    return std::string(raw);  // malformed: the parser reports it
  }
}

// At most 60 bytes of a key for a message, cut before a character, not inside one.
std::string shortened(const std::string& key) {
  return key.size() <= 60 ? key : std::string(cut_before_character(key, 60)) + "...";
}

// One pass before nlohmann sees the text, for what it would accept but must not be: input
// over the size limit; nesting deep enough to matter; a NUL byte, where nlohmann would stop
// reading and accept whatever followed; and a key given twice in one object, which
// nlohmann would resolve silently (last wins). Strings are skipped quote to quote.
void check_limits(std::string_view text, std::string_view source) {
  if (text.size() > max_input_bytes)
    throw ParseError(std::string(source), 0, 0, "",
                     "input of " + std::to_string(text.size()) + " bytes is over the limit of " +
                         std::to_string(max_input_bytes) + " bytes");
  if (const void* nul = std::memchr(text.data(), '\0', text.size()))
    fail_at(text, source, static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()),
            "invalid JSON: a NUL byte");
  struct Container {
    bool object;
    std::unordered_set<std::string> keys;
  };
  std::vector<Container> open;
  const char* const data = text.data();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = data[i];
    if (c == '"') {  // skip the string: jump from quote to quote, minding escapes
      const std::size_t start = i;
      while (true) {
        const void* q = std::memchr(data + i + 1, '"', text.size() - i - 1);
        if (q == nullptr) return;  // unterminated: the parser reports it
        std::size_t end = static_cast<std::size_t>(static_cast<const char*>(q) - data);
        std::size_t slashes = 0;
        while (end - slashes > i + 1 && data[end - slashes - 1] == '\\') ++slashes;
        i = end;
        if (slashes % 2 == 0) break;
      }
      if (open.empty() || !open.back().object) continue;
      std::size_t next = i + 1;
      while (next < text.size() &&
             (data[next] == ' ' || data[next] == '\n' || data[next] == '\r' || data[next] == '\t'))
        ++next;
      if (next >= text.size() || data[next] != ':') continue;  // a value, not a key
      std::string key = key_text(text.substr(start, i - start + 1));
      if (!open.back().keys.insert(key).second)
        fail_at(text, source, start, "invalid JSON: key '" + shortened(key) + "' given twice in one object");
    } else if (c == '[' || c == '{') {
      if (open.size() + 1 > max_nesting_depth)
        fail_at(text, source, i, "nesting deeper than " + std::to_string(max_nesting_depth) + " levels");
      open.push_back({c == '{', {}});
    } else if ((c == ']' || c == '}') && !open.empty()) {
      open.pop_back();
    }
  }
}

}  // namespace

namespace {

// Any nlohmann parse into J, with the limits checked first and every failure a ParseError.
template <typename J>
J parse_as(std::string_view text, std::string_view source) {
  check_limits(text, source);
  try {
    return J::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte counts characters read, so the offending one is at byte - 1.
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    const TextPosition pos = position_of(text, offset);
    std::string what = e.what();
    const auto at = what.find("syntax error");
    if (at != std::string::npos) what = what.substr(at);
    throw ParseError(std::string(source), pos.line, pos.column, "", "invalid JSON: " + what);
  } catch (const nlohmann::json::exception& e) {
    // Other parser failures, e.g. a number too large for a double (found by fuzzing). The
    // message quotes the offending text ('1e400'): its first place in the text is where.
    std::string what = e.what();
    const auto at = what.find("] ");
    if (at != std::string::npos) what = what.substr(at + 2);
    TextPosition pos{0, 0};
    const auto open = what.find('\''), close = open == std::string::npos ? open : what.find('\'', open + 1);
    if (close != std::string::npos && close > open + 1) {
      const auto found = text.find(what.substr(open + 1, close - open - 1));
      if (found != std::string_view::npos) pos = position_of(text, found);
    }
    throw ParseError(std::string(source), pos.line, pos.column, "", "invalid JSON: " + what);
  }
}

}  // namespace

json parse_json(std::string_view text, std::string_view source) { return parse_as<json>(text, source); }

nlohmann::json parse_json_unordered(std::string_view text, std::string_view source) {
  return parse_as<nlohmann::json>(text, source);
}

std::string dump(const json& doc, int indent) {
  if (indent > max_json_indent)
    throw Error("indent " + std::to_string(indent) + " is over the limit of " + std::to_string(max_json_indent));
  return doc.dump(indent < 0 ? -1 : indent);
}

ParseError located(const DecodeError& e, std::string_view text, std::string_view source) {
  const TextPosition pos = position_of(text, locate(text, e.pointer));
  return ParseError(std::string(source), pos.line, pos.column, e.pointer, e.expected);
}

}  // namespace electsec::detail
