// The history store: opening, and recording changes (one transaction per call).

#include "enum_names.hpp"
#include "io/file.hpp"
#include "io/json_codec.hpp"
#include "store/batch.hpp"
#include "store/dates.hpp"
#include "store/schema.hpp"
#include "store/store_impl.hpp"
#include "threads.hpp"

#include <electsec/assessment_json.hpp>
#include <electsec/text.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <filesystem>
#include <functional>
#include <system_error>
#include <thread>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace electsec {

using store::Statement;

namespace {

// BEGIN IMMEDIATE takes the write lock at once (waiting up to the busy timeout), so a
// read-modify-write never has to be retried; anything thrown before commit() rolls back.
// It numbers the events recorded in it, after the store's last, and keeps each office's
// checkpoints true to the batches before it commits.
class Transaction {
 public:
  explicit Transaction(const Store::Impl& s) : s_(s) {
    if (s.read_only) throw IoError(s.path, "this user cannot write the history store (read-only); nothing was changed");
    store::execute(s.db, s.path, "BEGIN IMMEDIATE");
    try {
      const auto last = s.statement("SELECT first + count FROM batches ORDER BY first DESC LIMIT 1");
      next_sequence_ = last->step() ? last->integer(0) : 1;
    } catch (...) {
      sqlite3_exec(s.db, "ROLLBACK", nullptr, nullptr, nullptr);  // no destructor runs for it
      throw;
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (!done_) {
      sqlite3_exec(s_.db, "ROLLBACK", nullptr, nullptr, nullptr);
      s_.forget_subjects();  // numbers given in it are gone
    }
  }

  /// The key of office `id`, added when the store has none (`added` says so).
  std::int64_t office(const std::string& id, bool& added) {
    added = false;
    const auto pending = new_offices_.find(id);
    if (pending != new_offices_.end()) return pending->second;
    {
      const auto find = s_.statement("SELECT office FROM offices WHERE id = ?");
      find->bind(1, id);
      if (find->step()) return find->integer(0);
    }
    if (next_office_ == 0) {
      const auto last = s_.statement("SELECT coalesce(max(office), 0) + 1 FROM offices");
      next_office_ = last->step() ? last->integer(0) : 1;
    }
    added = true;
    new_offices_.emplace(id, next_office_);
    pending_offices_.emplace_back(next_office_, id);
    return next_office_++;
  }

  /// Write one batch of `count` events of `office` dated `at` (its earliest event's date),
  /// its latest event's key `last_key` when that is later.
  void write(std::int64_t office, bool added, const std::string& at, std::string last_key, std::size_t count,
             std::string events, const std::string& author, const std::string& source) {
    std::string key = store::key_of(at);
    Touched& t = touched_[office];
    if (t.batches == 0 || key < t.from) t.from = key;
    t.added = t.batches == 0 ? added : t.added && added;
    ++t.batches;
    pending_.push_back({office, std::move(key), next_sequence_, static_cast<std::int64_t>(count), at, author, source,
                        std::move(events), std::move(last_key)});
    next_sequence_ += static_cast<std::int64_t>(count);
    if (pending_.size() >= rows_per_insert * 4) flush();
  }

  /// Write what is held back, before anything reads the store's batches or offices.
  void flush() {
    // Many rows per statement: each statement that a trigger could abort keeps a journal
    // of the pages it changes, which one row per statement pays for again and again.
    for (std::size_t i = 0; i < pending_offices_.size(); i += rows_per_insert) {
      const std::size_t n = std::min(rows_per_insert, pending_offices_.size() - i);
      const auto insert = s_.statement(insert_sql("offices(office, id)", 2, n));
      for (std::size_t k = 0; k < n; ++k) {
        const int c = static_cast<int>(2 * k);
        insert->bind(c + 1, pending_offices_[i + k].first).bind(c + 2, pending_offices_[i + k].second);
      }
      insert->run();
    }
    pending_offices_.clear();
    for (std::size_t i = 0; i < pending_.size(); i += rows_per_insert) {
      const std::size_t n = std::min(rows_per_insert, pending_.size() - i);
      const auto insert =
          s_.statement(insert_sql("batches(office, at_key, first, count, at, author, source, events, last_key)", 9, n));
      for (std::size_t k = 0; k < n; ++k) {
        const Pending& p = pending_[i + k];
        const int c = static_cast<int>(9 * k);
        insert->bind(c + 1, p.office)
            .bind(c + 2, p.key)
            .bind(c + 3, p.first)
            .bind(c + 4, p.count)
            .bind(c + 5, p.at)
            .bind(c + 6, p.author)
            .bind(c + 7, p.source)
            .bind_unchanged(c + 8, p.events);                      // held until the insert has run
        if (!p.last_key.empty()) insert->bind(c + 9, p.last_key);  // else NULL: a batch of one date
      }
      insert->run();
    }
    pending_.clear();
  }

  const Store::Impl& impl() const { return s_; }

  void commit() {
    flush();
    for (const auto& [office, t] : touched_)
      // An office new in this transaction with fewer batches than a checkpoint needs has
      // nothing to bring up to date.
      if (!t.added || t.batches >= store::checkpoint_every) store::refresh_checkpoints(s_, office, t.from);
    store::execute(s_.db, s_.path, "COMMIT");
    done_ = true;
  }

 private:
  static constexpr std::size_t rows_per_insert = 32;
  // "INSERT INTO <table> VALUES(?,...),..." for `rows` rows of `columns` values; one text per
  // size, so that each is prepared once.
  static const char* insert_sql(const char* table, std::size_t columns, std::size_t rows) {
    static std::map<std::pair<std::string, std::size_t>, std::string> texts;
    static std::mutex mutex;
    const std::lock_guard<std::mutex> lock(mutex);
    std::string& sql = texts[{table, rows}];
    if (sql.empty()) {
      std::string row = "(";
      for (std::size_t c = 0; c < columns; ++c) row += c == 0 ? "?" : ",?";
      row += ")";
      sql = std::string("INSERT INTO ") + table + " VALUES";
      for (std::size_t r = 0; r < rows; ++r) sql += (r == 0 ? "" : ",") + row;
    }
    return sql.c_str();
  }
  struct Pending {
    std::int64_t office;
    std::string key;
    std::int64_t first, count;
    std::string at, author, source, events, last_key;
  };
  struct Touched {
    std::string from;  // the earliest key written
    std::size_t batches = 0;
    bool added = false;  // the office was added in this transaction
  };
  const Store::Impl& s_;
  std::int64_t next_sequence_ = 1;
  std::map<std::int64_t, Touched> touched_;
  std::vector<Pending> pending_;
  std::vector<std::pair<std::int64_t, std::string>> pending_offices_;
  std::unordered_map<std::string, std::int64_t> new_offices_;  // added in this transaction
  std::int64_t next_office_ = 0;
  bool done_ = false;
};

// A change cannot take effect later than tomorrow (UTC; a day's slack for offices whose
// local date is ahead of UTC): the store never changes an event, so a mistyped year could
// not be taken back by a correction dated today.
void refuse_future(const std::string& at, const std::string& what) {
  const std::string tomorrow = store::date_of(store::day_number(today_utc()) + 1);
  if (std::string_view(at).substr(0, 10) > tomorrow)
    throw Error(what + "date " + at + " is in the future (today is " + today_utc() +
                " UTC); a change is recorded on or before the day it takes effect");
}

// Nor earlier than 1990: a year mistyped that way ("0202") would stay in the record, and
// stretch every trend that starts at the first record over centuries.
bool before_1990(std::string_view at) { return at.substr(0, 10) < "1990-01-01"; }
void refuse_past(const std::string& at, const std::string& what) {
  if (before_1990(at))
    throw Error(what + "date " + at +
                " is before 1990; a change is recorded on the day it takes effect (is the year mistyped?)");
}

std::string checked_date(const std::string& at, const std::string& fallback) {
  if (at.empty()) return fallback;
  if (!is_iso_timestamp(at))
    throw Error("date '" + at + "' is not an ISO 8601 date (YYYY-MM-DD) or UTC date-time (YYYY-MM-DDThh:mm:ssZ)");
  refuse_future(at, "");
  refuse_past(at, "");
  return at;
}

// Collects the events of one office and writes them into the transaction as one batch
// when done: dated by its earliest event, each event of another date carrying its own.
// Their texts are kept in one buffer (an import adds tens of thousands of events).
class Recorder {
 public:
  Recorder(Transaction& t, std::int64_t office, bool added, const Stamp& stamp, std::string source)
      : t_(t), office_(office), added_(added), author_(stamp.author), source_(std::move(source)) {}
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  /// Add the event of subject `kind` + `id` ("status:" and an action id, "maturity" and "").
  void add(std::string_view at, std::string_view kind, std::string_view id, std::string_view value,
           std::string_view note = {}) {
    subject_.assign(kind);
    subject_ += id;
    events_.push_back({store::subject_number(t_.impl(), subject_), keep(value), keep(note), keep(at)});
  }
  /// Write the batch; returns how many events it holds.
  std::size_t finish() {
    if (events_.empty()) return 0;
    // A date is its own key; a date-time's is made only when there is one.
    std::string earliest_key, latest_key;
    const Event* earliest = nullptr;
    std::string scratch;
    for (const Event& e : events_) {
      const std::string_view at = text(e.at);
      std::string_view key = at;
      if (at.size() != 10) key = scratch = store::key_of(at);
      if (earliest == nullptr || key < earliest_key) {
        earliest = &e;
        earliest_key.assign(key);
      }
      if (latest_key.empty() || key > latest_key) latest_key.assign(key);
    }
    const std::string at(text(earliest->at));
    std::string batch;
    batch.reserve(buffer_.size() + 16 * events_.size());
    for (const Event& e : events_) {
      const std::string_view own = text(e.at);
      store::append_event(batch, e.subject, text(e.value), text(e.note), own == at ? std::string_view() : own);
    }
    store::close_batch(batch);
    const std::size_t n = events_.size();
    t_.write(office_, added_, at, latest_key == earliest_key ? std::string() : std::move(latest_key), n,
             std::move(batch), author_, source_);
    events_.clear();
    buffer_.clear();
    return n;
  }

 private:
  struct Span {
    std::size_t from, size;
  };
  struct Event {
    std::int64_t subject;
    Span value, note, at;
  };
  Span keep(std::string_view text) {
    const Span span{buffer_.size(), text.size()};
    buffer_ += text;
    return span;
  }
  std::string_view text(Span span) const { return std::string_view(buffer_).substr(span.from, span.size); }
  Transaction& t_;
  std::int64_t office_;
  bool added_;
  std::string author_, source_;
  std::vector<Event> events_;
  std::string buffer_;   // the events' texts
  std::string subject_;  // reused, to spare an allocation per event
};

std::string_view answer_text(std::optional<bool> answer) { return !answer ? "" : *answer ? "true" : "false"; }

// Every status (or answer) of an assessment, current and retired, by id: the current ones
// themselves when none is retired (the common case), else a merged copy in `storage`.
template <typename Map>
const Map& all_of(const Map& current, const Map& retired, Map& storage) {
  if (retired.empty()) return current;
  storage = current;
  storage.insert(retired.begin(), retired.end());
  return storage;
}

// True when moment `a` is later than `b` (both ISO dates or UTC date-times).
bool later(const std::string& a, const std::string& b) {
  if (a.size() == 10 && b.size() == 10) return a > b;  // two dates: their text is their order
  return store::key_of(a) > store::key_of(b);
}

// The latest `updated` of an assessment's statuses (by time), or "".
std::string latest_update(const Assessment& a) {
  const std::string* latest = nullptr;
  for (const auto* map : {&a.statuses, &a.retired})
    for (const auto& entry : *map)
      if (!entry.second.updated.empty() && (latest == nullptr || later(entry.second.updated, *latest)))
        latest = &entry.second.updated;
  return latest == nullptr ? std::string() : *latest;
}

// Record what differs between an office's record and `next`. Its level, answers, name and
// release are compared with the record as of `when` and take that date; its statuses are
// compared with the record as of `last` (the later of `when` and its latest status) and
// take their own dates, or `last` when they have none or the record's status is newer, so
// that recording them changes the record as of `last`. Statuses the record has and `next`
// lacks are recorded as removed on `last`.
void record_difference(Recorder& r, const store::OfficeFold& then, const store::OfficeFold& now, const Assessment& next,
                       const std::string& when, const std::string& last) {
  decltype(next.statuses) status_storage, old_status_storage;
  MaturityAnswers answer_storage, old_answer_storage;
  const auto& statuses = all_of(next.statuses, next.retired, status_storage);
  const auto& answers = all_of(next.answers, next.retired_answers, answer_storage);
  const Assessment& old = then.assessment;
  if (!then.has_jurisdiction || !(old.jurisdiction == next.jurisdiction))
    r.add(when, "jurisdiction", {}, to_json(next.jurisdiction, -1));
  if (!then.has_catalog_version || old.catalog_version != next.catalog_version)
    r.add(when, "catalog_version", {}, next.catalog_version);
  if (!then.has_maturity || old.maturity != next.maturity)
    r.add(when, "maturity", {}, std::to_string(static_cast<int>(next.maturity)));
  // An office that never recorded a profile has an empty one: no event until it has one.
  if (old.systems != next.systems) r.add(when, "systems", {}, detail::systems_json(next.systems));
  const auto& old_answers = all_of(old.answers, old.retired_answers, old_answer_storage);
  for (const auto& [id, yes] : answers) {
    const auto it = old_answers.find(id);
    if (it == old_answers.end() || it->second != yes) r.add(when, "answer:", id, answer_text(yes));
  }
  for (const auto& [id, yes] : old_answers)
    if (answers.count(id) == 0) r.add(when, "answer:", id, "");
  const auto& old_statuses = all_of(now.assessment.statuses, now.assessment.retired, old_status_storage);
  for (const auto& [id, st] : statuses) {
    const auto it = old_statuses.find(id);
    if (it != old_statuses.end() && it->second.status == st.status && it->second.note == st.note) continue;
    const std::string* at = st.updated.empty() ? &last : &st.updated;
    // A status the record changed, or removed, after the file's date for it takes effect on
    // `last`: dated earlier, the record as of `last` would not show it.
    if (it != old_statuses.end() && later(it->second.updated, *at)) at = &last;
    if (it == old_statuses.end()) {
      const auto gone = now.removed.find(id);
      if (gone != now.removed.end() && later(gone->second, *at)) at = &last;
    }
    r.add(*at, "status:", id, to_string(st.status), st.note);
  }
  for (const auto& [id, st] : old_statuses)
    if (statuses.count(id) == 0) r.add(last, "status:", id, "");
}

void add_import(const Store::Impl& s, Transaction& t, const Assessment& a, const Stamp& stamp,
                const std::string& source, ImportSummary& summary, const std::string& today) {
  // `when`: the day the file stands for (the stamp's, else its latest status's, else today);
  // `last`: the later of that and its latest status.
  const std::string latest = latest_update(a);
  if (!latest.empty()) refuse_future(latest, source.empty() ? std::string() : source + ": a status's ");
  for (const auto* map : {&a.statuses, &a.retired})
    for (const auto& [id, st] : *map)
      if (!st.updated.empty() && before_1990(st.updated))
        refuse_past(st.updated, (source.empty() ? std::string() : source + ": ") + "the status of " + id + ": ");
  const std::string when = checked_date(stamp.at, latest.empty() ? today : latest);
  const std::string last = latest.empty() || store::key_of(when) >= store::key_of(latest) ? when : latest;
  bool added = false;
  const std::int64_t key = t.office(a.jurisdiction.id, added);
  if (!added) t.flush();  // its record is read: what an earlier file of this import added must be in it
  const store::OfficeFold then = added ? store::OfficeFold{} : store::rebuild(s, key, store::bound_of(when));
  const store::OfficeFold now = added          ? store::OfficeFold{}
                                : last == when ? then
                                               : store::rebuild(s, key, store::bound_of(last));
  Recorder r(t, key, added, stamp, source);
  record_difference(r, then, now, a, when, last);
  const std::size_t n = r.finish();
  ++summary.files;
  summary.events += n;
  if (added)
    ++summary.offices_new;
  else if (n > 0)
    ++summary.offices_changed;
  else
    ++summary.offices_unchanged;
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::create(const std::string& path, const Catalog& catalog, std::chrono::milliseconds lock_wait) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->catalog = &catalog;
  impl->db = store::create_store(path, lock_wait, store_schema_version);
  return Store(std::move(impl));
}

Store Store::open(const std::string& path, const Catalog& catalog, std::chrono::milliseconds lock_wait) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->catalog = &catalog;
  int migrated_from = 0;
  impl->db = store::open_store(path, lock_wait, impl->read_only, migrated_from);
  Store store(std::move(impl));
  // Events stored one per row before version 3 gain their checkpoints once. A store whose
  // events cannot all be read gets none (queries read every event then, and name the damage).
  if (migrated_from > 0 && migrated_from < 3) {
    try {
      store.optimize();
    } catch (const IoError&) {
      throw;
    } catch (const Error&) {
    }
  }
  return store;
}

const std::string& Store::path() const { return impl_->path; }

ImportSummary Store::import_assessment(const Assessment& assessment, const Stamp& stamp) {
  validate_assessment(assessment, *impl_->catalog, stamp.source.empty() ? "<assessment>" : stamp.source);
  ImportSummary summary;
  Transaction t(*impl_);
  add_import(*impl_, t, assessment, stamp, stamp.source, summary, today_utc());
  t.commit();
  return summary;
}

ImportSummary Store::import_files(const std::vector<std::string>& paths, const Stamp& stamp, bool recursive) {
  const std::vector<std::string> files = detail::assessment_inputs(paths, recursive);
  if (files.empty()) throw Error("no assessment files to import (a folder stands for the *.json files in it)");
  // Files are read and checked on every core while this thread records them in order, one
  // transaction for all: a file that does not load stops the recording (nothing is
  // committed), and the others are still read, so that every bad file is named.
  const std::size_t n = files.size();
  std::vector<Assessment> loaded(n);
  std::vector<std::string> errors(n);
  std::unique_ptr<std::atomic<bool>[]> ready(new std::atomic<bool>[n]);
  for (std::size_t i = 0; i < n; ++i) ready[i] = false;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  // Recorded assessments are freed by the loaders, while this thread records the next ones;
  // a loader with no file left to read waits for more to free until `stop`.
  std::size_t recorded = 0, freed = 0;  // guarded by `mutex`
  bool stop = false;                    // guarded by `mutex`
  std::mutex mutex;
  std::condition_variable loaded_one, progress;
  const auto free_recorded = [&](std::unique_lock<std::mutex>& lock) {
    const std::size_t from = freed, to = freed = recorded;
    lock.unlock();
    for (std::size_t k = from; k < to; ++k) loaded[k] = Assessment{};
    lock.lock();
  };
  const auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      try {
        loaded[i] = load_assessment(files[i], *impl_->catalog);
      } catch (const Error& e) {
        // Its summary line ("FILE: 5 problems"), as a rollup lists a file that does not load.
        const std::string what = e.what();
        errors[i] = what.substr(0, what.find('\n'));
      } catch (const std::exception& e) {
        errors[i] = std::string("cannot read: ") + e.what();
      }
      if (!errors[i].empty()) failed = true;
      std::unique_lock<std::mutex> lock(mutex);
      ready[i] = true;
      loaded_one.notify_one();
      if (freed < recorded) free_recorded(lock);
    }
    std::unique_lock<std::mutex> lock(mutex);
    while (true) {
      if (freed < recorded)
        free_recorded(lock);
      else if (stop)
        break;
      else
        progress.wait(lock);
    }
  };
  const unsigned threads = std::max(1u, std::min(std::thread::hardware_concurrency(), 16u));
  std::vector<detail::HelperThread> pool(std::min<std::size_t>(threads, n));
  const auto finish_loaders = [&] {
    {
      const std::lock_guard<std::mutex> lock(mutex);
      stop = true;
    }
    progress.notify_all();
    for (auto& thread : pool) thread.join();
  };
  struct Join {  // the loaders are joined however this function ends
    std::atomic<std::size_t>& next;
    std::size_t n;
    const std::function<void()> finish;
    ~Join() {
      next = n;  // no further file is taken
      finish();
    }
  } join{next, n, finish_loaders};
  std::size_t started = 0;
  for (auto& thread : pool)
    if (thread.start(work)) ++started;
  // This thread only records: with no loader it would wait for ever.
  if (started == 0)
    throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again),
                            "import: no thread to read the files on");
  ImportSummary summary;
  const std::string today = today_utc();
  std::optional<Transaction> t;
  t.emplace(*impl_);
  for (std::size_t i = 0; i < n && !failed; ++i) {
    {
      std::unique_lock<std::mutex> lock(mutex);
      loaded_one.wait(lock, [&] { return ready[i].load(); });
    }
    if (!errors[i].empty()) break;
    add_import(*impl_, *t, loaded[i], stamp, stamp.source.empty() ? files[i] : stamp.source, summary, today);
    {
      const std::lock_guard<std::mutex> lock(mutex);
      recorded = i + 1;  // its memory can go
    }
    progress.notify_one();
  }
  if (failed) {
    // A file that does not load: nothing is recorded, and the store is free for others
    // while the rest are read, so that every bad file is named.
    t.reset();
    finish_loaders();
    std::vector<Problem> problems;
    for (std::size_t i = 0; i < n; ++i)
      if (!errors[i].empty()) problems.push_back({files[i], errors[i]});
    const std::size_t bad = problems.size();
    if (problems.size() > max_listed_problems) problems.resize(max_listed_problems);
    throw ValidationError(std::move(problems), std::to_string(bad) + " of " + std::to_string(n) +
                                                   (n == 1 ? " file" : " files") +
                                                   " did not load; nothing was imported");
  }
  // Every file was read and recorded; the loaders free the last ones while this commits.
  t->commit();
  return summary;
}

std::size_t Store::set_status(const std::string& office, const std::vector<std::string>& actions, Status status,
                              const std::optional<std::string>& note, const Stamp& stamp) {
  for (const auto& id : actions) impl_->catalog->action(id);  // NotFound before anything is written
  const std::string at = checked_date(stamp.at, today_utc());
  Transaction t(*impl_);
  const std::int64_t key = store::office_key(*impl_, office);
  const store::OfficeFold now = store::rebuild(*impl_, key, store::bound_of(at));
  Recorder r(t, key, false, stamp, stamp.source);
  std::set<std::string> seen;
  for (const auto& id : actions) {
    if (!seen.insert(id).second) continue;
    const auto it = now.assessment.statuses.find(id);
    const std::string old_note = it == now.assessment.statuses.end() ? "" : it->second.note;
    const std::string new_note = note ? *note : old_note;
    if (it != now.assessment.statuses.end() && it->second.status == status && old_note == new_note) continue;
    r.add(at, "status:", id, to_string(status), new_note);
  }
  const std::size_t n = r.finish();
  t.commit();
  return n;
}

std::size_t Store::set_level(const std::string& office, Maturity level, const Stamp& stamp) {
  if (!valid_maturity(static_cast<int>(level))) throw Error("the level must be 1, 2 or 3");
  const std::string at = checked_date(stamp.at, today_utc());
  Transaction t(*impl_);
  const std::int64_t key = store::office_key(*impl_, office);
  const store::OfficeFold now = store::rebuild(*impl_, key, store::bound_of(at));
  Recorder r(t, key, false, stamp, stamp.source);
  if (!now.has_maturity || now.assessment.maturity != level)
    r.add(at, "maturity", {}, std::to_string(static_cast<int>(level)));
  const std::size_t n = r.finish();
  t.commit();
  return n;
}

std::size_t Store::set_answers(const std::string& office, const MaturityAnswers& answers, const Stamp& stamp) {
  for (const auto& [id, yes] : answers) impl_->catalog->maturity_statement(id);
  const std::string at = checked_date(stamp.at, today_utc());
  Transaction t(*impl_);
  const std::int64_t key = store::office_key(*impl_, office);
  const store::OfficeFold now = store::rebuild(*impl_, key, store::bound_of(at));
  Recorder r(t, key, false, stamp, stamp.source);
  for (const auto& [id, yes] : answers) {
    const auto it = now.assessment.answers.find(id);
    if (it == now.assessment.answers.end() || it->second != yes) r.add(at, "answer:", id, answer_text(yes));
  }
  const std::size_t n = r.finish();
  t.commit();
  return n;
}

namespace {
// A profile as the assessment loader accepts one: each pair once, notes of UTF-8 text, and
// known components among those not in `before` (an entry recorded under an earlier catalog
// stays, and can be taken out). Errors name the store and the office.
void check_profile(const Catalog& c, const std::vector<SystemUse>& systems, const std::vector<SystemUse>& before,
                   const std::string& where) {
  for (std::size_t i = 0; i < systems.size(); ++i) {
    const SystemUse& use = systems[i];
    const bool known = std::any_of(before.begin(), before.end(), [&](const SystemUse& b) {
      return b.component == use.component && b.connectedness == use.connectedness;
    });
    if (!known) c.system_component(use.component);  // NotFound, with the closest ids
    if (!is_utf8(use.note))
      throw Error(where + ": the note of '" + use.component + "' (/systems/" + std::to_string(i) +
                  "/note) is not UTF-8 text; nothing was recorded");
    for (std::size_t j = 0; j < i; ++j)
      if (systems[j].component == use.component && systems[j].connectedness == use.connectedness)
        throw Error(where + ": '" + use.component + "' with connectedness '" +
                    std::string(to_string(use.connectedness)) + "' is listed twice; give each pair once");
  }
}

std::size_t record_systems(Store::Impl& impl, const std::string& office,
                           const std::function<void(std::vector<SystemUse>&)>& change, const Stamp& stamp, bool edit) {
  const std::string at = checked_date(stamp.at, today_utc());
  Transaction t(impl);
  const std::int64_t key = store::office_key(impl, office);
  // An edit starts from the profile of its date. A later change of the profile would hide it
  // from then on (each change holds the whole profile), so it is refused instead; without
  // one, the profile of its date is the latest, read from the whole record.
  const store::OfficeFold now = store::rebuild(impl, key, edit ? std::nullopt : store::bound_of(at));
  const std::string where = impl.path + ": office '" + office + "'";
  if (edit && !now.systems_at.empty() && store::key_of(now.systems_at) > store::key_of(at))
    throw Error(where + ": its system profile was changed again on " + now.systems_at + ", after " + at +
                ", and a change dated " + at + " would not show from then on; date it " + now.systems_at +
                " or later. Nothing was recorded");
  std::vector<SystemUse> next = now.assessment.systems;
  change(next);
  check_profile(*impl.catalog, next, now.assessment.systems, where);
  Recorder r(t, key, false, stamp, stamp.source);
  if (now.assessment.systems != next) r.add(at, "systems", {}, detail::systems_json(next));
  const std::size_t n = r.finish();
  t.commit();
  return n;
}
}  // namespace

std::size_t Store::set_systems(const std::string& office, const std::vector<SystemUse>& systems, const Stamp& stamp) {
  return record_systems(
      *impl_, office, [&](std::vector<SystemUse>& profile) { profile = systems; }, stamp, false);
}

std::size_t Store::update_systems(const std::string& office, const std::function<void(std::vector<SystemUse>&)>& change,
                                  const Stamp& stamp) {
  return record_systems(*impl_, office, change, stamp, true);
}

std::size_t Store::optimize() {
  Transaction t(*impl_);
  // Every checkpoint goes, whatever office or date it names, and is made again from the
  // events, if the rest of the file is sound.
  store::execute(impl_->db, impl_->path, "DELETE FROM checkpoints");
  {
    Statement sound(impl_->db, impl_->path, "PRAGMA quick_check(1)");
    if (!sound.step() || sound.text(0) != "ok") {
      // SQLite's first problem, without its header line.
      std::string said(sound.text(0));
      if (said.rfind("*** ", 0) == 0 && said.find('\n') != std::string::npos) said = said.substr(said.find('\n') + 1);
      said = said.substr(0, said.find('\n'));
      throw Error(impl_->path + ": the history store is damaged (" + said +
                  "); nothing was changed. Restore it from a backup");
    }
  }
  std::vector<std::int64_t> keys;
  {
    const auto all = impl_->statement("SELECT office FROM offices ORDER BY office");
    while (all->step()) keys.push_back(all->integer(0));
  }
  for (const std::int64_t key : keys) store::refresh_checkpoints(*impl_, key, std::string());
  std::int64_t n = 0;
  {
    const auto count = impl_->statement("SELECT count(*) FROM checkpoints");
    if (count->step()) n = count->integer(0);
  }
  t.commit();
  return static_cast<std::size_t>(n);
}

namespace {
constexpr detail::EnumNames<Period, 3> period_names{
    "period", {Period::day, Period::week, Period::month}, {"day", "week", "month"}};
constexpr detail::EnumNames<PeerGroup, 3> peer_group_names{
    "peer group", {PeerGroup::state, PeerGroup::level, PeerGroup::all}, {"state", "level", "all"}};
}  // namespace

std::string_view to_string(Period p) { return period_names.name(p); }
Period parse_period(std::string_view text) { return period_names.parse(text); }
std::string_view to_string(PeerGroup g) { return peer_group_names.name(g); }
PeerGroup parse_peer_group(std::string_view text) { return peer_group_names.parse(text); }

bool StoreEvent::operator==(const StoreEvent& o) const {
  return sequence == o.sequence && office == o.office && subject == o.subject && value == o.value && note == o.note &&
         at == o.at && author == o.author && source == o.source;
}
bool Distribution::operator==(const Distribution& o) const {
  return count == o.count && min == o.min && q1 == o.q1 && median == o.median && q3 == o.q3 && max == o.max;
}
bool TrendPoint::operator==(const TrendPoint& o) const {
  return period == o.period && as_of == o.as_of && offices == o.offices &&
         maturity_distribution == o.maturity_distribution && actions_applicable == o.actions_applicable &&
         actions_done == o.actions_done && completion == o.completion && office_completion == o.office_completion &&
         practices == o.practices;
}
bool PracticeComparison::operator==(const PracticeComparison& o) const {
  return practice == o.practice && completion == o.completion && peers == o.peers &&
         percentile_rank == o.percentile_rank;
}
bool PeerComparison::operator==(const PeerComparison& o) const {
  return jurisdiction == o.jurisdiction && maturity == o.maturity && as_of == o.as_of && peer_group == o.peer_group &&
         completion == o.completion && peers == o.peers && percentile_rank == o.percentile_rank &&
         practices == o.practices;
}

bool OfficeProgress::operator==(const OfficeProgress& o) const {
  return jurisdiction == o.jurisdiction && maturity == o.maturity && completion_since == o.completion_since &&
         completion == o.completion && last_change == o.last_change && days_without_change == o.days_without_change;
}
bool Progress::operator==(const Progress& o) const {
  return since == o.since && as_of == o.as_of && period == o.period && trend == o.trend && peers == o.peers &&
         changes == o.changes && offices == o.offices;
}

Distribution distribution(std::vector<double> values) {
  Distribution d;
  d.count = values.size();
  if (values.empty()) return d;
  std::sort(values.begin(), values.end());
  const auto at = [&](double q) {
    const double pos = q * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(pos);
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (values[hi] - values[lo]) * (pos - static_cast<double>(lo));
  };
  d.min = values.front();
  d.q1 = at(0.25);
  d.median = at(0.5);
  d.q3 = at(0.75);
  d.max = values.back();
  return d;
}

double percentile_rank(double value, const std::vector<double>& values) {
  if (values.empty()) return 0;
  double below = 0, equal = 0;
  for (double v : values) {
    if (v < value) ++below;
    if (v == value) ++equal;
  }
  return 100.0 * (below + equal / 2) / static_cast<double>(values.size());
}

}  // namespace electsec
