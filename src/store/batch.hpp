#pragma once
// A batch: the events one command recorded for one office, stored as one row. Its events
// are a JSON array of [subject number, value, note, date] arrays: the number of the subject
// in the store's `subjects` table; the note, left out when empty and the date is the
// batch's; the date (an ISO date or UTC date-time) only where it is not the batch's own, as
// in an imported file whose statuses carry dates of their own. SQLite's own JSON functions
// read them too (the store's `events` view); this reader decodes them without building a
// tree: the store's queries read millions of them.

#include <cstdint>
#include <string>
#include <string_view>

namespace electsec::store {

/// How a batch is named in an error: by the number of its first event.
std::string batch_label(std::int64_t first);

/// Append one event to a batch's text (start with an empty string; finish with close_batch).
/// `at`: the event's date where it is not the batch's, else empty.
void append_event(std::string& batch, std::int64_t subject, std::string_view value, std::string_view note,
                  std::string_view at = {});
/// Close a batch's text after its last event.
void close_batch(std::string& batch);

struct BatchEvent {
  std::int64_t subject = 0;
  std::string_view value, note;
  std::string_view at;  ///< its own date, or empty when it is the batch's
};

/// Reads a batch's events in order. Anything that is not the shape the store writes (JSON
/// whitespace aside) throws Error with `what` ("the batch of ... is damaged: ..."); the views
/// stay valid until the next call to next().
class BatchReader {
 public:
  BatchReader(std::string_view text, std::string what);
  /// The batch numbered from `first` in the store at `path` (which must outlive the reader):
  /// its name is only made for an error.
  BatchReader(std::string_view text, const std::string& path, std::int64_t first);
  /// The next event, or false at the end.
  bool next(BatchEvent& event);

 private:
  std::string_view string(std::string& scratch);
  std::int64_t number();
  void skip_space();
  /// True, and done, when the array closes here (only spaces may follow).
  bool at_end();
  void expect(char c);
  [[noreturn]] void damaged(const char* why) const;
  std::string_view text_;
  std::size_t at_ = 0;
  bool first_ = true, done_ = false;
  std::string what_;
  const std::string* path_ = nullptr;
  std::int64_t batch_first_ = 0;
  std::string scratch_[3];
};

}  // namespace electsec::store
