#include "store/batch.hpp"

#include <electsec/assessment.hpp>
#include <electsec/error.hpp>
#include <electsec/text.hpp>

#include <utility>

namespace electsec::store {

namespace {

void append_string(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  // Runs of characters that need no escape are copied whole.
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.substr(run, i - run));
    run = i + 1;
    const char ch = s[i];
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 0xf];
    }
  }
  out.append(s.substr(run));
  out += '"';
}

void append_utf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xc0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3f));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xe0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (code & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (code & 0x3f));
  }
}

}  // namespace

void append_event(std::string& batch, std::int64_t subject, std::string_view value, std::string_view note,
                  std::string_view at) {
  batch += batch.empty() ? "[[" : ",[";
  batch += std::to_string(subject);
  batch += ',';
  append_string(batch, value);
  if (!note.empty() || !at.empty()) {  // an empty note is left out, unless a date follows
    batch += ',';
    append_string(batch, note);
  }
  if (!at.empty()) {
    batch += ',';
    append_string(batch, at);
  }
  batch += ']';
}

void close_batch(std::string& batch) { batch += batch.empty() ? "[]" : "]"; }

std::string batch_label(std::int64_t first) { return "the batch of events numbered from " + std::to_string(first); }

BatchReader::BatchReader(std::string_view text, std::string what) : text_(text), what_(std::move(what)) {
  skip_space();
  expect('[');
  at_end();
}

BatchReader::BatchReader(std::string_view text, const std::string& path, std::int64_t first)
    : text_(text), path_(&path), batch_first_(first) {
  skip_space();
  expect('[');
  at_end();
}

bool BatchReader::at_end() {
  skip_space();
  if (at_ >= text_.size() || text_[at_] != ']') return false;
  ++at_;
  done_ = true;
  skip_space();
  if (at_ != text_.size()) damaged("something follows its end");
  return true;
}

void BatchReader::damaged(const char* why) const {
  throw Error((path_ != nullptr ? *path_ + ": " + batch_label(batch_first_) : what_) + " is damaged (" + why +
              " at character " + std::to_string(at_) + "); nothing was changed. Restore it from a backup");
}

void BatchReader::skip_space() {
  while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\t' || text_[at_] == '\r'))
    ++at_;
}

void BatchReader::expect(char c) {
  if (at_ >= text_.size() || text_[at_] != c)
    damaged(c == '[' ? "'[' expected" : c == ',' ? "',' expected" : c == ']' ? "']' expected" : "'\"' expected");
  ++at_;
}

std::string_view BatchReader::string(std::string& scratch) {
  skip_space();
  expect('"');
  const std::size_t start = at_;
  bool high = false;
  // The common case: no escapes, a view into the text.
  while (at_ < text_.size()) {
    const auto c = static_cast<unsigned char>(text_[at_]);
    if (c == '"' || c == '\\' || c < 0x20) break;
    high |= c >= 0x80;
    ++at_;
  }
  if (at_ >= text_.size()) damaged("a string without its end");
  if (text_[at_] == '"') {
    const std::string_view s = text_.substr(start, at_ - start);
    ++at_;
    if (high && !is_utf8(s)) damaged("text that is not UTF-8");
    return s;
  }
  scratch.assign(text_.substr(start, at_ - start));
  while (true) {
    if (at_ >= text_.size()) damaged("a string without its end");
    const auto c = static_cast<unsigned char>(text_[at_]);
    if (c == '"') {
      ++at_;
      break;
    }
    if (c < 0x20) damaged("a control character inside a string");
    if (c != '\\') {
      high |= c >= 0x80;
      scratch += static_cast<char>(c);
      ++at_;
      continue;
    }
    if (++at_ >= text_.size()) damaged("a string without its end");
    const char e = text_[at_++];
    switch (e) {
      case '"':
        scratch += '"';
        break;
      case '\\':
        scratch += '\\';
        break;
      case '/':
        scratch += '/';
        break;
      case 'b':
        scratch += '\b';
        break;
      case 'f':
        scratch += '\f';
        break;
      case 'n':
        scratch += '\n';
        break;
      case 'r':
        scratch += '\r';
        break;
      case 't':
        scratch += '\t';
        break;
      case 'u': {
        const auto four = [&] {
          if (at_ + 4 > text_.size()) damaged("a short \\u escape");
          unsigned v = 0;
          for (int i = 0; i < 4; ++i) {
            const char h = text_[at_++];
            v <<= 4;
            if (h >= '0' && h <= '9')
              v |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f')
              v |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
              v |= static_cast<unsigned>(h - 'A' + 10);
            else
              damaged("a \\u escape that is not hexadecimal");
          }
          return v;
        };
        unsigned code = four();
        if (code >= 0xdc00 && code <= 0xdfff) damaged("a lone surrogate");
        if (code >= 0xd800 && code <= 0xdbff) {
          if (at_ + 2 > text_.size() || text_[at_] != '\\' || text_[at_ + 1] != 'u') damaged("a lone surrogate");
          at_ += 2;
          const unsigned low = four();
          if (low < 0xdc00 || low > 0xdfff) damaged("a lone surrogate");
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        }
        append_utf8(scratch, code);
        break;
      }
      default:
        damaged("an unknown escape");
    }
  }
  if (high && !is_utf8(scratch)) damaged("text that is not UTF-8");
  return scratch;
}

std::int64_t BatchReader::number() {
  skip_space();
  std::int64_t n = 0;
  const std::size_t start = at_;
  while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
    if (at_ - start >= 18) damaged("a number too long");
    n = n * 10 + (text_[at_++] - '0');
  }
  if (at_ == start) damaged("a subject number expected");
  if (text_[start] == '0' && at_ - start > 1) damaged("a number with a leading zero");
  return n;
}

bool BatchReader::next(BatchEvent& event) {
  if (done_) return false;
  if (!first_) {
    if (at_end()) return false;
    expect(',');
  }
  first_ = false;
  skip_space();
  expect('[');
  event.subject = number();
  skip_space();
  expect(',');
  event.value = string(scratch_[0]);
  skip_space();
  event.note = {};
  event.at = {};
  if (at_ >= text_.size() || text_[at_] != ']') {
    expect(',');
    event.note = string(scratch_[1]);
    skip_space();
    if (at_ >= text_.size() || text_[at_] != ']') {
      expect(',');
      event.at = string(scratch_[2]);
      if (!is_iso_timestamp(event.at)) damaged("a date that is not an ISO 8601 date or UTC date-time");
      skip_space();
    }
  }
  expect(']');
  return true;
}

}  // namespace electsec::store
