#pragma once
// JSON text written straight into a string, with no tree in between: for large documents
// (a whole catalog) whose tree would cost more to build than the text. The bytes are the
// ones nlohmann's dump() gives for the same values with the same indent, so that either
// route may serve a command: objects and arrays with an element per line, "{}" and "[]"
// when empty, `"key": value` when indenting and `"key":value` on one line, the same
// escapes. A string that is not valid UTF-8 throws NotUtf8 instead of writing anything
// nlohmann would refuse; the caller then takes the tree route, which reports it as before.

#include "json_bytes.hpp"

#include <cassert>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace electsec::detail {

class JsonWriter {
 public:
  /// A string held bytes that are not UTF-8.
  struct NotUtf8 {};

  /// Where a streaming writer sends its text, a piece at a time, in order.
  using Sink = std::function<void(std::string_view)>;

  /// `indent` < 0: one line; otherwise that many spaces per level.
  explicit JsonWriter(int indent, std::size_t expected_size = 0) : indent_(indent) {
    buf_.reserve(expected_size);
    open_.reserve(16);
  }
  /// A writer that sends its text to `sink` each time its buffer of `piece` bytes is full,
  /// and the rest on finish(): it never holds more than a piece (or one longer value).
  JsonWriter(int indent, Sink sink, std::size_t piece) : indent_(indent), sink_(std::move(sink)) {
    buf_.resize(piece);
    open_.reserve(16);
  }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  /// The key of the next member of the innermost object.
  void key(std::string_view k) {
    element();
    quoted(k);
    if (indent_ < 0)
      put(':');
    else
      put(": ", 2);
    after_key_ = true;
  }
  /// A key written in the program (a string literal), which never needs escaping: copied
  /// as it is, all N - 1 characters before the final NUL (for a key held in a char array,
  /// pass a string_view).
  template <std::size_t N>
  void key(const char (&k)[N]) {
    constexpr std::size_t n = N - 1;
    assert(plain_json_prefix(k, n) == n);
    element();
    char* at = room(n + 4);
    at[0] = '"';
    std::memcpy(at + 1, k, n);
    at[n + 1] = '"';
    at[n + 2] = ':';
    at[n + 3] = ' ';
    len_ += indent_ < 0 ? n + 3 : n + 4;
    after_key_ = true;
  }

  void value(std::string_view s) {
    element();
    quoted(s);
  }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(const char* s) { value(std::string_view(s)); }
  void value(std::int64_t n);
  void value(int n) { value(static_cast<std::int64_t>(n)); }
  void value(std::uint64_t n);
  /// A double in nlohmann's shortest form ("0.0", "0.25", "1e-05"); null when not finite,
  /// as dump() writes it.
  void number(double x);
  void null() {
    element();
    put("null", 4);
  }
  void boolean(bool b) {
    element();
    if (b)
      put("true", 4);
    else
      put("false", 5);
  }

  /// A list of strings or of numbers as an array.
  template <typename T>
  void values(const std::vector<T>& items) {
    begin_array();
    for (const auto& item : items) value(item);
    end_array();
  }

  std::string take() {
    buf_.resize(len_);
    len_ = 0;
    return std::move(buf_);
  }
  /// A streaming writer: sends what it still holds.
  void finish() {
    if (len_ > 0) sink_(std::string_view(buf_.data(), len_));
    len_ = 0;
  }

 private:
  void open(char c);
  void close(char c);
  // The text is written into buf_, which is kept a little larger than what is written
  // (len_ bytes) and cut to it by take(): each piece is one copy to a place known to have
  // room, with no string bookkeeping between pieces. It grows a step at a time within the
  // capacity reserved for the expected size, so that only memory written to is touched.
  char* room(std::size_t n) {
    if (buf_.size() - len_ < n) grow(n);
    return buf_.data() + len_;
  }
  void grow(std::size_t n);
  void put(char c) {
    *room(1) = c;
    ++len_;
  }
  void put(const char* s, std::size_t n) {
    if (n == 0) return;
    std::memcpy(room(n), s, n);
    len_ += n;
  }
  // Before a value or a key: the separator and the indentation it needs in its container.
  void element() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (open_.empty()) return;
    if (open_.back()) put(',');
    open_.back() = 1;
    if (indent_ >= 0) newline(open_.size());
  }
  void newline(std::size_t depth) {
    const std::size_t spaces = depth * static_cast<std::size_t>(indent_);
    char* at = room(spaces + 1 + 8);  // eight spaces at a time, the last eight maybe past the end
    at[0] = '\n';
    constexpr std::uint64_t eight_spaces = 0x2020202020202020ull;
    for (std::size_t k = 0; k < spaces; k += 8) std::memcpy(at + 1 + k, &eight_spaces, 8);
    len_ += spaces + 1;
  }
  void quoted(std::string_view s);

  int indent_;
  bool after_key_ = false;
  std::vector<char> open_;  // per open container: has it an element yet (0 or 1)
  std::string buf_;
  std::size_t len_ = 0;
  Sink sink_;  // set: the text goes there a piece at a time
};

}  // namespace electsec::detail
