#include "json_locate.hpp"

#include <string>
#include <vector>

namespace electsec::detail {

TextPosition position_of(std::string_view text, std::size_t offset) {
  TextPosition p{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

namespace {

std::vector<std::string> pointer_tokens(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  std::string current;
  for (std::size_t i = 1; i < pointer.size(); ++i) {
    const char c = pointer[i];
    if (c == '/') {
      tokens.push_back(current);
      current.clear();
    } else if (c == '~' && i + 1 < pointer.size()) {
      current += pointer[++i] == '1' ? '/' : '~';
    } else {
      current += c;
    }
  }
  tokens.push_back(current);
  return tokens;
}

class Scanner {
 public:
  explicit Scanner(std::string_view t) : t_(t) {}

  // Descends along `tokens`, leaving `best` at the deepest value reached.
  void find(const std::vector<std::string>& tokens, std::size_t depth, std::size_t& best) {
    ws();
    best = i_;
    if (depth == tokens.size() || i_ >= t_.size()) return;
    if (t_[i_] == '{') {
      ++i_;
      while (true) {
        ws();
        if (i_ >= t_.size() || t_[i_] == '}') return;
        const std::string key = string();
        ws();
        ++i_;  // ':'
        if (key == tokens[depth]) return find(tokens, depth + 1, best);
        skip_value();
        ws();
        if (i_ < t_.size() && t_[i_] == ',') ++i_;
      }
    }
    if (t_[i_] == '[') {
      ++i_;
      std::size_t wanted = 0;
      try {
        wanted = std::stoul(tokens[depth]);
      } catch (...) {
        return;
      }
      for (std::size_t k = 0;; ++k) {
        ws();
        if (i_ >= t_.size() || t_[i_] == ']') return;
        if (k == wanted) return find(tokens, depth + 1, best);
        skip_value();
        ws();
        if (i_ < t_.size() && t_[i_] == ',') ++i_;
      }
    }
  }

 private:
  void ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
  }

  // Reads a string token starting at '"'; escapes other than \uXXXX are decoded, which
  // is enough to compare object keys with pointer tokens.
  std::string string() {
    std::string out;
    ++i_;
    while (i_ < t_.size() && t_[i_] != '"') {
      if (t_[i_] == '\\' && i_ + 1 < t_.size()) {
        const char e = t_[++i_];
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'u':
            out += "\\u";
            break;
          default:
            out += e;
        }
      } else {
        out += t_[i_];
      }
      ++i_;
    }
    ++i_;
    return out;
  }

  void skip_value() {
    ws();
    if (i_ >= t_.size()) return;
    if (t_[i_] == '"') {
      string();
      return;
    }
    if (t_[i_] != '{' && t_[i_] != '[') {
      while (i_ < t_.size() && t_[i_] != ',' && t_[i_] != ']' && t_[i_] != '}' && t_[i_] != ' ' && t_[i_] != '\n' &&
             t_[i_] != '\r' && t_[i_] != '\t')
        ++i_;
      return;
    }
    std::size_t depth = 0;
    while (i_ < t_.size()) {
      const char c = t_[i_];
      if (c == '"') {
        string();
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (--depth == 0) {
          ++i_;
          return;
        }
      }
      ++i_;
    }
  }

  std::string_view t_;
  std::size_t i_ = 0;
};

}  // namespace

std::size_t locate(std::string_view text, std::string_view pointer) {
  std::size_t best = 0;
  Scanner(text).find(pointer_tokens(pointer), 0, best);
  return best;
}

}  // namespace electsec::detail
