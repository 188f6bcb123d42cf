// The history store's queries: offices rebuilt as of a date, histories, rollups, trends
// and comparisons with peers.

#include "engine/flat_statuses.hpp"
#include "io/json_codec.hpp"
#include "store/batch.hpp"
#include "store/dates.hpp"
#include "store/store_impl.hpp"

#include <electsec/assessment_json.hpp>
#include <electsec/text.hpp>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace electsec {

using store::Statement;

namespace store {

namespace {
// An office's batches, all of them; and those from one key up to (not including) another.
constexpr const char* office_all_sql =
    "SELECT " ELECTSEC_BATCH_COLUMNS " FROM batches WHERE office = ? ORDER BY at_key, first";
constexpr const char* office_batches_sql = "SELECT " ELECTSEC_BATCH_COLUMNS
                                           " FROM batches WHERE office = ? AND at_key >= ? AND at_key < ? "
                                           "ORDER BY at_key, first";
}  // namespace

void OfficeFold::apply(const Catalog& catalog, std::string_view subject, std::string_view value, std::string_view note,
                       std::string_view at, const std::string& source) {
  exists = true;
  try {
    set(catalog, subject, value, note, at, source);
  } catch (const Error& e) {
    throw Error(source + ": the event '" + std::string(subject) + "' of " + std::string(at) + " of office '" +
                assessment.jurisdiction.id + "' cannot be read: " + e.what());
  }
}

void OfficeFold::set(const Catalog& catalog, std::string_view subject, std::string_view value, std::string_view note,
                     std::string_view at, const std::string& source) {
  Assessment& a = assessment;
  const auto colon = subject.find(':');
  const std::string_view kind = subject.substr(0, colon);
  const std::string_view id = colon == std::string_view::npos ? std::string_view() : subject.substr(colon + 1);
  if (kind == "status") {
    // An action seen before is found without hashing its id or copying it.
    auto it = a.statuses.find(id);
    auto* target = &a.statuses;
    if (it == a.statuses.end() && catalog.find_action(id) == nullptr) {
      target = &a.retired;
      it = target->find(id);
    }
    if (value.empty()) {
      if (it != target->end()) target->erase(it);
      removed[std::string(id)] = at;
      return;
    }
    if (!removed.empty()) {
      const auto gone = removed.find(id);
      if (gone != removed.end()) removed.erase(gone);
    }
    if (it == target->end()) it = target->emplace_hint(it, std::string(id), ActionStatus{});
    ActionStatus& st = it->second;
    st.status = parse_status(value);
    st.note = note;
    st.updated = at;
  } else if (kind == "answer") {
    auto& target = catalog.find_maturity_statement(id) != nullptr ? a.answers : a.retired_answers;
    if (value.empty()) {
      const auto it = target.find(id);
      if (it != target.end()) target.erase(it);
      return;
    }
    target[std::string(id)] = value == "true";
  } else if (kind == "maturity") {
    a.maturity = parse_maturity(value);
    has_maturity = true;
  } else if (kind == "jurisdiction") {
    a.jurisdiction = from_json<Jurisdiction>(value, source);
    has_jurisdiction = true;
  } else if (kind == "catalog_version") {
    a.catalog_version = value;
    has_catalog_version = true;
  } else if (kind == "systems") {
    a.systems = detail::decode_text<detail::SystemProfile>(value, source);
    systems_at = at;
  } else {
    throw Error(source + ": the history store holds an event this electsec does not know ('" + std::string(subject) +
                "'); use a newer electsec");
  }
}

std::optional<std::string> bound_of(const std::string& as_of) {
  if (as_of.empty()) return std::nullopt;
  if (!is_iso_timestamp(as_of))
    throw Error("as-of date '" + as_of +
                "' is not an ISO 8601 date (YYYY-MM-DD) or UTC date-time (YYYY-MM-DDThh:mm:ssZ)");
  // A date counts its whole day: everything before the next day. A date-time counts
  // itself: everything before the text that follows it directly in string order.
  // A date's keys are the date itself and "<date>T...": all sort before "<date>~" ('~' comes
  // after every digit and 'T'), and every later day's keys after it, up to 9999-12-31.
  if (as_of.size() == 10) return as_of + '~';
  return key_of(as_of) + '\0';
}

std::int64_t office_key(const Store::Impl& s, const std::string& office) {
  {
    const auto find = s.statement("SELECT office FROM offices WHERE id = ?");
    find->bind(1, office);
    if (find->step()) return find->integer(0);
  }
  std::vector<std::string> ids;
  Statement all(s.db, s.path, "SELECT id FROM offices ORDER BY id");
  while (all.step()) ids.emplace_back(all.text(0));
  throw NotFound("office", office, closest(office, ids, 3));
}

std::string batch_name(const Store::Impl& s, std::int64_t first) { return s.path + ": " + batch_label(first); }

namespace {
// Why an event dated `at` does not belong in a batch from `first_key` to `last_key`.
std::string outside(std::string_view at, const std::string& first_key, const std::string& last_key) {
  return "an event of " + std::string(at) +
         (first_key == last_key ? " in a batch of only " + first_key
                                : " outside the batch's dates, " + first_key + " to " + last_key);
}
}  // namespace

namespace {

[[noreturn]] void batch_damaged(const Store::Impl& s, std::int64_t first, const std::string& why) {
  throw Error(batch_name(s, first) + " is damaged (" + why + "); nothing was changed. Restore it from a backup");
}

// A batch's events checked against its row as they are read: each within the batch's
// dates, one of them on its first date, as many as the row says. The views are the row's,
// valid while it is read.
class BatchCheck {
 public:
  BatchCheck(const Store::Impl& s, std::int64_t first, std::string_view at, std::string_view at_key,
             std::string_view last_key, std::int64_t count)
      : s_(s), first_(first), at_(at), at_key_(at_key), last_(last_key.empty() ? at_key : last_key), count_(count) {}
  /// The key of the next event, whose own date is `own` (empty: the batch's).
  std::string key(std::string_view own) {
    ++read_;
    std::string k = own.empty() ? std::string(at_key_) : key_of(own);
    if (k < at_key_ || k > last_)
      batch_damaged(s_, first_, outside(own.empty() ? at_ : own, std::string(at_key_), std::string(last_)));
    on_its_date_ = on_its_date_ || k == at_key_;
    return k;
  }
  /// The number of the last event read.
  std::int64_t sequence() const { return first_ + read_ - 1; }
  std::string_view last() const { return last_; }
  /// After the last event.
  void finish() const {
    if (read_ > 0 && !on_its_date_) batch_damaged(s_, first_, "no event on its own date, " + std::string(at_));
    if (read_ != count_)
      batch_damaged(s_, first_, "it holds " + std::to_string(read_) + " events and says " + std::to_string(count_));
  }

 private:
  const Store::Impl& s_;
  std::int64_t first_;
  std::string_view at_, at_key_, last_;
  std::int64_t count_, read_ = 0;
  bool on_its_date_ = false;
};

}  // namespace

void OfficeEvents::start_batch() {
  first_ = rows_.integer(3);
  count_ = rows_.integer(5);
  read_ = 0;
  key_ = rows_.text(0);
  at_ = rows_.text(1);
  reader_.emplace(rows_.text(2), s_.path, first_);
}

bool OfficeEvents::next(StoredEvent& e) {
  while (!sorted_) {
    if (reader_) {
      BatchEvent b;
      if (reader_->next(b)) {
        ++read_;
        if (!b.at.empty() && key_of(b.at) != key_)
          batch_damaged(s_, first_, outside(b.at, std::string(key_), std::string(key_)));
        e.key = key_;
        e.at = b.at.empty() ? at_ : b.at;
        e.subject = b.subject;
        e.sequence = first_ + read_ - 1;
        e.value = b.value;
        e.note = b.note;
        e.batch = batch_;
        e.batch_last = key_;
        return true;
      }
      if (read_ != count_)
        batch_damaged(s_, first_, "it holds " + std::to_string(read_) + " events and says " + std::to_string(count_));
      reader_.reset();
      ++batch_;
    }
    if (!next_row()) return false;
    if (rows_.text(4).empty()) {
      start_batch();
    } else {
      read_rest();
      sorted_ = true;
    }
  }
  if (next_ == rest_.size()) return false;
  const Owned& o = rest_[next_++];
  e.key = o.key;
  e.at = o.at;
  e.subject = o.subject;
  e.sequence = o.sequence;
  e.value = o.value;
  e.note = o.note;
  e.batch = o.batch;
  e.batch_last = o.last;
  return true;
}

void OfficeEvents::read_rest() {
  do {
    start_batch();
    BatchCheck check(s_, first_, at_, key_, rows_.text(4), count_);
    BatchEvent b;
    while (reader_->next(b)) {
      std::string key = check.key(b.at);
      rest_.push_back({std::move(key), std::string(b.at.empty() ? at_ : b.at), std::string(b.value),
                       std::string(b.note), std::string(check.last()), b.subject, check.sequence(), batch_});
    }
    check.finish();
    reader_.reset();
    ++batch_;
  } while (next_row());
  std::stable_sort(rest_.begin(), rest_.end(), [](const Owned& a, const Owned& b) {
    return a.key != b.key ? a.key < b.key : a.sequence < b.sequence;
  });
}

void seed_missing(const Store::Impl& s, std::int64_t key, OfficeFold& fold) {
  if (fold.seeded || (fold.has_jurisdiction && fold.has_maturity && fold.has_catalog_version)) return;
  fold.seeded = true;
  const auto q = s.statement(office_all_sql);
  q->bind(1, key);
  OfficeFold first;
  OfficeEvents events(s, *q);
  StoredEvent e;
  while (events.next(e)) {
    const std::string& subject = subject_named(s, e.subject);
    if ((subject == "jurisdiction" && !fold.has_jurisdiction && !first.has_jurisdiction) ||
        (subject == "maturity" && !fold.has_maturity && !first.has_maturity) ||
        (subject == "catalog_version" && !fold.has_catalog_version && !first.has_catalog_version))
      first.apply(*s.catalog, subject, e.value, {}, e.at, s.path);
  }
  Assessment& a = fold.assessment;
  if (first.has_jurisdiction) a.jurisdiction = first.assessment.jurisdiction;
  if (first.has_maturity) a.maturity = first.assessment.maturity;
  if (first.has_catalog_version) a.catalog_version = first.assessment.catalog_version;
}

OfficeFold rebuild(const Store::Impl& s, std::int64_t key, const std::optional<std::string>& bound) {
  OfficeFold fold;
  {
    const auto q = s.statement(office_all_sql);
    q->bind(1, key);
    OfficeEvents events(s, *q, bound);
    StoredEvent e;
    while (events.next(e) && before(e.key, bound))
      fold.apply(*s.catalog, subject_named(s, e.subject), e.value, e.note, e.at, s.path);
  }
  if (fold.exists) seed_missing(s, key, fold);
  return fold;
}

namespace {

// Subjects by number: read from the table when a number is not known yet.
// All of the table is read and checked before anything is kept, so that a damaged table
// leaves the cache as it was.
void load_subjects(const Store::Impl& s) {
  std::vector<std::pair<std::int64_t, std::string>> rows;
  {
    const auto q = s.statement("SELECT number, subject FROM subjects WHERE number >= ? ORDER BY number");
    q->bind(1, static_cast<std::int64_t>(s.subjects.size()));
    while (q->step()) {
      const std::int64_t n = q->integer(0);
      if (n < 0 || n > 1000000)
        throw Error(s.path + ": the history store is damaged (a subject numbered " + std::to_string(n) +
                    "); nothing was changed. Restore it from a backup");
      rows.emplace_back(n, std::string(q->text(1)));
    }
  }
  for (auto& [n, subject] : rows) {
    const auto at = static_cast<std::size_t>(n);
    if (s.subjects.size() <= at) {
      s.subjects.resize(at + 1);
      s.action_of.resize(at + 1, -1);
    }
    s.action_of[at] =
        subject.rfind("status:", 0) == 0 ? detail::action_number(*s.catalog, std::string_view(subject).substr(7)) : -1;
    s.number_of[subject] = n;
    s.subjects[at] = std::move(subject);
  }
}

}  // namespace

const std::string* find_subject(const Store::Impl& s, std::int64_t number) {
  const auto known = [&] {
    return number >= 0 && static_cast<std::size_t>(number) < s.subjects.size() &&
           !s.subjects[static_cast<std::size_t>(number)].empty();
  };
  if (!known()) load_subjects(s);
  return known() ? &s.subjects[static_cast<std::size_t>(number)] : nullptr;
}

const std::string& subject_named(const Store::Impl& s, std::int64_t number) {
  if (find_subject(s, number) == nullptr)
    throw Error(s.path + ": the history store is damaged (an event's subject number " + std::to_string(number) +
                " is not in its table of subjects); nothing was changed. Restore it from a backup");
  return s.subjects[static_cast<std::size_t>(number)];
}

int action_of(const Store::Impl& s, std::int64_t number) {
  subject_named(s, number);
  return s.action_of[static_cast<std::size_t>(number)];
}

std::int64_t subject_number(const Store::Impl& s, const std::string& subject) {
  const auto known = s.number_of.find(subject);
  if (known != s.number_of.end()) return known->second;
  {
    const auto find = s.statement("SELECT number FROM subjects WHERE subject = ?");
    find->bind(1, subject);
    if (find->step()) {
      const std::int64_t n = find->integer(0);
      s.number_of[subject] = n;
      return n;
    }
  }
  const auto add = s.statement("INSERT INTO subjects(subject) VALUES(?)");
  add->bind(1, subject);
  add->run();
  const std::int64_t n = sqlite3_last_insert_rowid(s.db);
  s.number_of[subject] = n;
  return n;
}

namespace {

void append_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>(0x80 | (v & 0x7f));
    v >>= 7;
  }
  out += static_cast<char>(v);
}

}  // namespace

ValueFold::ValueFold(const Store::Impl& s) : s_(s), status_(detail::action_count(*s.catalog), detail::no_status) {}

void ValueFold::reset() {
  fold = OfficeFold{};
  std::fill(status_.begin(), status_.end(), detail::no_status);
  changed_ = true;
}

void ValueFold::apply(std::string_view subject, std::string_view value, std::string_view at,
                      const std::string& office) {
  const bool status = subject.rfind("status:", 0) == 0;
  const int number = status ? detail::action_number(*s_.catalog, subject.substr(7)) : -1;
  if (number < 0) {
    // A score needs no answer and no system profile; everything else but a catalog action's
    // status goes to the fold.
    if (subject.rfind("answer:", 0) == 0 || subject == "systems") {
      fold.exists = true;
      return;
    }
    fold.apply(*s_.catalog, subject, value, {}, at, s_.path);
    return;
  }
  fold.exists = true;
  try {
    status_[static_cast<std::size_t>(number)] =
        value.empty() ? detail::no_status : static_cast<std::int8_t>(parse_status(value));
  } catch (const Error& e) {
    throw Error(s_.path + ": the event '" + std::string(subject) + "' of " + std::string(at) + " of office '" + office +
                "' cannot be read: " + e.what());
  }
  changed_ = true;
}

void ValueFold::apply_numbered(std::int64_t subject, std::string_view value, std::string_view at,
                               const std::string& office) {
  const int action = action_of(s_, subject);
  if (action < 0) return apply(subject_named(s_, subject), value, at, office);
  fold.exists = true;
  if (value.empty()) {
    status_[static_cast<std::size_t>(action)] = detail::no_status;
  } else {
    try {
      status_[static_cast<std::size_t>(action)] = static_cast<std::int8_t>(parse_status(value));
    } catch (const Error& e) {
      throw Error(s_.path + ": the event '" + subject_named(s_, subject) + "' of " + std::string(at) + " of office '" +
                  office + "' cannot be read: " + e.what());
    }
  }
  changed_ = true;
}

void ValueFold::load(std::string_view statuses, std::string_view other, std::string_view before_key,
                     const std::string& office) {
  const std::string what = s_.path + ": the checkpoint of office '" + office + "' before " + std::string(before_key);
  try {
    load_checked(statuses, other, before_key, office, what);
  } catch (const IoError&) {
    throw;
  } catch (const Error& e) {
    // Whatever it is, the events are intact: say what rebuilds checkpoints from them.
    const std::string said = e.what();
    throw Error(
        said.rfind(what, 0) == 0
            ? said.substr(0, said.find("); ") + 1) + "; `electsec store optimize` rebuilds checkpoints from the events"
            : what + " is damaged (" + said + "); `electsec store optimize` rebuilds checkpoints from the events");
  }
}

void ValueFold::load_checked(std::string_view statuses, std::string_view other, std::string_view before_key,
                             const std::string& office, const std::string& what) {
  const auto damaged = [&](const char* why) {
    return Error(what + " is damaged (" + why + "); `electsec store optimize` rebuilds checkpoints from the events");
  };
  for (std::size_t i = 0; i < statuses.size();) {
    std::uint64_t n = 0;
    for (int shift = 0;; shift += 7) {
      if (i >= statuses.size() || shift > 28) throw damaged("a cut number");
      const auto byte = static_cast<unsigned char>(statuses[i++]);
      n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) break;
    }
    if (i >= statuses.size()) throw damaged("a number without its status");
    const auto code = static_cast<std::int8_t>(statuses[i++]);
    if (code < 0 || code > static_cast<std::int8_t>(Status::not_applicable)) throw damaged("an unknown status");
    const std::string* found = find_subject(s_, static_cast<std::int64_t>(n));
    if (found == nullptr) throw damaged("a subject that is not numbered");
    const std::string& subject = *found;
    const int action = s_.action_of[n];
    if (action >= 0) {
      status_[static_cast<std::size_t>(action)] = code;
      changed_ = true;
      fold.exists = true;
    } else if (subject.rfind("status:", 0) == 0) {
      apply(subject, to_string(static_cast<Status>(code)), before_key, office);
    } else {
      throw damaged("a status of something that is not an action");
    }
  }
  BatchReader r(other, what);
  BatchEvent e;
  while (r.next(e)) apply_numbered(e.subject, e.value, before_key, office);
  fold.exists = true;
}

std::pair<std::string, std::string> ValueFold::checkpoint() const {
  std::pair<std::string, std::string> out;
  for (std::size_t i = 0; i < status_.size(); ++i)
    if (status_[i] != detail::no_status) {
      append_varint(out.first, static_cast<std::uint64_t>(
                                   subject_number(s_, "status:" + detail::action_numbered(*s_.catalog, i).id)));
      out.first += static_cast<char>(status_[i]);
    }
  for (const auto& [id, st] : fold.assessment.retired) {
    append_varint(out.first, static_cast<std::uint64_t>(subject_number(s_, "status:" + id)));
    out.first += static_cast<char>(st.status);
  }
  const Assessment& a = fold.assessment;
  if (fold.has_jurisdiction)
    append_event(out.second, subject_number(s_, "jurisdiction"), to_json(a.jurisdiction, -1), {});
  if (fold.has_catalog_version) append_event(out.second, subject_number(s_, "catalog_version"), a.catalog_version, {});
  if (fold.has_maturity)
    append_event(out.second, subject_number(s_, "maturity"), std::to_string(static_cast<int>(a.maturity)), {});
  close_batch(out.second);
  return out;
}

bool ValueFold::same_values(const ValueFold& o) const {
  const Assessment &a = fold.assessment, &b = o.fold.assessment;
  if (status_ != o.status_ || fold.exists != o.fold.exists || fold.has_jurisdiction != o.fold.has_jurisdiction ||
      fold.has_maturity != o.fold.has_maturity || fold.has_catalog_version != o.fold.has_catalog_version)
    return false;
  if (a.retired.size() != b.retired.size()) return false;
  for (auto i = a.retired.begin(), j = b.retired.begin(); i != a.retired.end(); ++i, ++j)
    if (i->first != j->first || i->second.status != j->second.status) return false;
  return (!fold.has_jurisdiction || a.jurisdiction == b.jurisdiction) &&
         (!fold.has_maturity || a.maturity == b.maturity) &&
         (!fold.has_catalog_version || a.catalog_version == b.catalog_version);
}

OfficeFold& ValueFold::materialize() {
  if (changed_) {
    auto& map = fold.assessment.statuses;
    map.clear();
    for (std::size_t i = 0; i < status_.size(); ++i)
      if (status_[i] != detail::no_status)
        map.emplace(detail::action_numbered(*s_.catalog, i).id, ActionStatus{static_cast<Status>(status_[i]), {}, {}});
    changed_ = false;
  }
  return fold;
}

namespace {

std::string office_id(const Store::Impl& s, std::int64_t key) {
  const auto q = s.statement("SELECT id FROM offices WHERE office = ?");
  q->bind(1, key);
  return q->step() ? std::string(q->text(0)) : std::to_string(key);
}

}  // namespace

void fold_all(const Store::Impl& s, const std::vector<std::optional<std::string>>& bounds,
              const std::function<void(const std::string&, std::size_t, ValueFold&)>& emit,
              const std::vector<std::string>& only, const OfficeFilter* filter) {
  std::map<std::int64_t, std::string> ids;
  if (only.empty()) {
    Statement all(s.db, s.path, "SELECT office, id FROM offices");
    while (all.step()) ids.emplace(all.integer(0), std::string(all.text(1)));
  } else {
    for (const auto& id : only) ids.emplace(office_key(s, id), id);
  }
  // Each office starts from its last checkpoint by the first bound, if it has one, and reads
  // its batches from there up to the last bound.
  const std::string first = bounds.front() ? *bounds.front() : std::string("\x7f");
  const std::string end = bounds.back() ? *bounds.back() : std::string("\x7f");
  const auto checkpoint = s.statement(
      "SELECT before_key, statuses, other FROM checkpoints WHERE office = ? AND before_key <= ? "
      "ORDER BY before_key DESC LIMIT 1");
  const auto batches = s.statement(office_batches_sql);
  ValueFold v(s);
  for (const auto& [key, id] : ids) {
    v.reset();
    std::string from;
    checkpoint->bind(1, key).bind(2, first);
    if (checkpoint->step()) {
      from = std::string(checkpoint->text(0));
      v.load(checkpoint->text(1), checkpoint->text(2), from, id);
    }
    checkpoint->reset();
    const auto send = [&, key = key, &id = id](std::size_t k) {
      if (!v.fold.exists) return;
      seed_missing(s, key, v.fold);
      // An office the filter leaves out (by its name, state, kind or level then) is not emitted.
      if (filter != nullptr && !selects(*filter, v.fold.assessment)) return;
      emit(id, k, v);
    };
    std::size_t next_bound = 0;
    batches->bind(1, key).bind(2, from).bind(3, end);
    OfficeEvents events(s, *batches);
    StoredEvent e;
    std::string last;  // the last event's key: the bounds are looked at when it changes
    while (events.next(e)) {
      if (e.key != last) {
        last.assign(e.key);
        while (next_bound < bounds.size() && !before(last, bounds[next_bound])) send(next_bound++);
        if (next_bound == bounds.size()) break;  // a batch spanning dates may reach past the last bound
      }
      v.apply_numbered(e.subject, e.value, e.at, id);
    }
    batches->reset();
    for (; next_bound < bounds.size(); ++next_bound) send(next_bound);
  }
}

void refresh_checkpoints(const Store::Impl& s, std::int64_t office, const std::string& from_key) {
  {
    const auto stale = s.statement("DELETE FROM checkpoints WHERE office = ? AND before_key > ?");
    stale->bind(1, office).bind(2, from_key);
    stale->run();
  }
  const std::string id = office_id(s, office);
  ValueFold v(s);
  std::string from;
  {
    const auto last = s.statement(
        "SELECT before_key, statuses, other FROM checkpoints WHERE office = ? ORDER BY before_key DESC LIMIT 1");
    last->bind(1, office);
    if (last->step()) {
      from = std::string(last->text(0));
      v.load(last->text(1), last->text(2), from, id);
    }
  }
  // A checkpoint goes before the first event of a batch, once enough batches came since the
  // last, where no batch begun reaches its date: every event before it is in, none after.
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> made;
  {
    const auto q = s.statement(office_batches_sql);
    q->bind(1, office).bind(2, from).bind(3, std::string("\x7f"));
    OfficeEvents events(s, *q);
    StoredEvent e;
    std::size_t since = 0, begun = 0;
    std::string reach = from;  // the latest key of the batches begun
    while (events.next(e)) {
      if (e.batch >= begun) {
        if (since >= checkpoint_every && e.key > reach) {
          made.emplace_back(std::string(e.key), v.checkpoint());
          since = 0;
        }
        begun = e.batch + 1;
        ++since;
        if (e.batch_last > reach) reach = std::string(e.batch_last);
      }
      v.apply_numbered(e.subject, e.value, e.at, id);
    }
  }
  const auto insert = s.statement("INSERT INTO checkpoints(office, before_key, statuses, other) VALUES(?,?,?,?)");
  for (const auto& [before_key, columns] : made) {
    insert->bind(1, office).bind(2, before_key).bind_blob(3, columns.first).bind(4, columns.second);
    insert->run();
  }
}

std::vector<std::string> check_checkpoints(const Store::Impl& s) {
  std::vector<std::string> problems;
  std::vector<std::int64_t> offices;
  {
    Statement all(s.db, s.path, "SELECT DISTINCT office FROM checkpoints ORDER BY office");
    while (all.step()) offices.push_back(all.integer(0));
  }
  ValueFold v(s), stored(s);
  for (const std::int64_t office : offices) {
    const std::string id = office_id(s, office);
    std::vector<std::string> keys;
    {
      const auto cps = s.statement("SELECT before_key FROM checkpoints WHERE office = ? ORDER BY before_key");
      cps->bind(1, office);
      while (cps->step()) keys.emplace_back(cps->text(0));
    }
    std::string reach;  // the latest key of the batches begun
    const auto compare = [&](const std::string& before_key) {
      if (reach >= before_key) {  // a batch begun before it ends on or after it
        problems.push_back(s.path + ": the checkpoint of office '" + id + "' before " + before_key +
                           " does not match its events (a batch spans its date)" + checkpoint_problem_hint);
        return;
      }
      const auto cp = s.statement("SELECT statuses, other FROM checkpoints WHERE office = ? AND before_key = ?");
      cp->bind(1, office).bind(2, before_key);
      cp->step();
      stored.reset();
      try {
        stored.load(cp->text(0), cp->text(1), before_key, id);
      } catch (const Error& e) {
        problems.push_back(std::string(e.what()) + checkpoint_problem_hint);
        return;
      }
      if (!stored.same_values(v))
        problems.push_back(s.path + ": the checkpoint of office '" + id + "' before " + before_key +
                           " does not match its events" + checkpoint_problem_hint);
    };
    v.reset();
    std::size_t next = 0, begun = 0;
    const auto q = s.statement(office_all_sql);
    q->bind(1, office);
    OfficeEvents events(s, *q);
    StoredEvent e;
    while (events.next(e)) {
      for (; next < keys.size() && keys[next] <= e.key; ++next) compare(keys[next]);
      if (e.batch >= begun) {
        begun = e.batch + 1;
        if (e.batch_last > reach) reach = std::string(e.batch_last);
      }
      v.apply_numbered(e.subject, e.value, e.at, id);
    }
    for (; next < keys.size(); ++next) compare(keys[next]);
  }
  return problems;
}

bool selects(const OfficeFilter& f, const Assessment& a) {
  if (!f.offices.empty() && std::find(f.offices.begin(), f.offices.end(), a.jurisdiction.id) == f.offices.end())
    return false;
  if (!f.state.empty() && lower_case(f.state) != lower_case(a.jurisdiction.state)) return false;
  if (f.kind && *f.kind != a.jurisdiction.kind) return false;
  if (f.maturity && *f.maturity != a.maturity) return false;
  return true;
}

namespace {

// The events whose keys are from `from` up to `to` (exclusive; none: no end) of the batches
// a query returns as (first, office id, at, author, source, events, count, at_key,
// last_key), in the order they took effect: by date, then by number.
std::vector<StoreEvent> events_of(const Store::Impl& s, Statement& q, const std::string& from = {},
                                  const std::optional<std::string>& to = std::nullopt) {
  std::vector<std::pair<std::string, StoreEvent>> events;
  while (q.step()) {
    const std::int64_t first = q.integer(0);
    BatchCheck check(s, first, q.text(2), q.text(7), q.text(8), q.integer(6));
    BatchReader r(q.text(5), s.path, first);
    BatchEvent b;
    while (r.next(b)) {
      std::string key = check.key(b.at);
      if (key < from || !before(key, to)) continue;
      StoreEvent e;
      e.sequence = check.sequence();
      e.office = q.text(1);
      e.subject = store::subject_named(s, b.subject);
      e.value = b.value;
      e.note = b.note;
      e.at = b.at.empty() ? q.text(2) : b.at;
      e.author = q.text(3);
      e.source = q.text(4);
      events.emplace_back(std::move(key), std::move(e));
    }
    check.finish();
  }
  std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.sequence < b.second.sequence;
  });
  std::vector<StoreEvent> out;
  out.reserve(events.size());
  for (auto& [key, e] : events) out.push_back(std::move(e));
  return out;
}

std::string checked_day(const std::string& text, const char* what) {
  if (text.empty()) return text;
  if (text.size() != 10 || !is_iso_timestamp(text))
    throw Error(std::string(what) + " date '" + text + "' is not an ISO 8601 date (YYYY-MM-DD)");
  return text;
}

}  // namespace
const char* const checkpoint_problem_hint = " (a checkpoint; `electsec store optimize` rebuilds them from the events)";

}  // namespace store

std::vector<std::string> Store::offices() const {
  const store::ReadSnapshot snapshot(*impl_);
  std::vector<std::string> ids;
  Statement all(impl_->db, impl_->path, "SELECT id FROM offices ORDER BY id");
  while (all.step()) ids.emplace_back(all.text(0));
  return ids;
}

std::int64_t Store::event_count() const {
  const store::ReadSnapshot snapshot(*impl_);
  Statement q(impl_->db, impl_->path, "SELECT coalesce(sum(count), 0) FROM batches");
  return q.step() ? q.integer(0) : 0;
}

std::vector<std::string> Store::check() const {
  using store::checkpoint_problem_hint;
  const store::ReadSnapshot snapshot(*impl_);
  std::vector<std::string> problems;
  {
    // SQLite's report, one problem a line (a row may hold several, after a header line).
    bool events_sound = true;
    try {
      Statement q(impl_->db, impl_->path, "PRAGMA integrity_check(100)");
      while (q.step()) {
        const std::string said(q.text(0));
        if (said == "ok") continue;
        std::size_t start = 0;
        while (start < said.size()) {
          const std::size_t end = std::min(said.find('\n', start), said.size());
          const std::string line = said.substr(start, end - start);
          start = end + 1;
          if (line.empty() || line.rfind("*** ", 0) == 0) continue;
          // Checkpoints are derived from the events: say so, and what rebuilds them.
          const bool checkpoint = line.find("in checkpoints") != std::string::npos;
          events_sound = events_sound && checkpoint;
          problems.push_back(impl_->path + ": " + line + (checkpoint ? checkpoint_problem_hint : ""));
        }
      }
    } catch (const Error& e) {  // too damaged even to be checked
      problems.emplace_back(e.what());
      return problems;
    }
    // Damage to the file's pages: reading on would only repeat it.
    if (!events_sound) return problems;
  }
  const auto problem = [&](std::string text) {
    if (problems.size() < 100) problems.push_back(impl_->path + ": " + std::move(text));
  };
  {
    // Every table, index, trigger and view of the schema, and no event of an unknown office.
    static const char* const objects[] = {"offices",
                                          "subjects",
                                          "batches",
                                          "checkpoints",
                                          "events",
                                          "batches_by_sequence",
                                          "batches_by_date",
                                          "batches_spanning",
                                          "batches_no_update",
                                          "batches_no_delete",
                                          "batches_append_only",
                                          "offices_no_update",
                                          "offices_no_delete",
                                          "offices_no_replace",
                                          "subjects_no_update",
                                          "subjects_no_delete",
                                          "subjects_no_replace"};
    for (const char* name : objects) {
      Statement q(impl_->db, impl_->path, "SELECT count(*) FROM sqlite_master WHERE name = ?");
      q.bind(1, std::string_view(name));
      if (!q.step() || q.integer(0) != 1) problem(std::string("the schema lacks '") + name + "'");
    }
    Statement fk(impl_->db, impl_->path, "PRAGMA foreign_key_check");
    while (fk.step()) problem("a row of " + std::string(fk.text(0)) + " names an office the store does not have");
  }
  // The subjects are read afresh, not from what this connection remembers.
  impl_->forget_subjects();
  try {
    // Batches: dates as written, keys that order them, counts that match, numbers that follow.
    Statement q(impl_->db, impl_->path,
                "SELECT b.first, b.count, b.at, b.at_key, b.events, o.id, b.last_key FROM batches b "
                "INDEXED BY batches_by_sequence LEFT JOIN offices o ON o.office = b.office ORDER BY b.first");
    std::int64_t next = 1;
    while (q.step()) {
      const std::int64_t first = q.integer(0), count = q.integer(1);
      const std::string at(q.text(2)), label = store::batch_label(first);
      if (first < next) problem(label + " overlaps the numbers of the one before");
      next = first + std::max<std::int64_t>(count, 1);
      if (!is_iso_timestamp(at) || store::key_of(at) != q.text(3))
        problem(label + " has a date (" + at + ") that does not match its key (" + std::string(q.text(3)) + ")");
      // Its events' dates: none before its own, its latest the one its row gives (where it
      // spans dates).
      const std::string at_key(q.text(3)), last_key(q.text(6));
      std::string latest = at_key;
      store::BatchReader r(q.text(4), impl_->path, first);
      store::BatchEvent e;
      std::int64_t n = 0;
      bool outside = false, on_its_date = false;
      while (r.next(e)) {
        store::subject_named(*impl_, e.subject);
        ++n;
        const std::string key = e.at.empty() ? at_key : store::key_of(e.at);
        outside = outside || key < at_key;
        on_its_date = on_its_date || key == at_key;
        if (key > latest) latest = key;
      }
      if (n != count) problem(label + " holds " + std::to_string(n) + " events and says " + std::to_string(count));
      if (outside) problem(label + " holds an event dated before the batch (" + at + ")");
      if (n > 0 && !outside && !on_its_date) problem(label + " holds no event on its own date (" + at + ")");
      if (latest != (last_key.empty() ? at_key : last_key))
        problem(label + " ends on " + latest + " and says " + (last_key.empty() ? at_key : last_key));
    }
    // Every event of every office, from its first batch (no checkpoint is used): each office
    // is the one its record names; then each checkpoint against the office rebuilt to its date.
    for (const std::string& id : offices()) {
      const store::OfficeFold fold = store::rebuild(*impl_, store::office_key(*impl_, id), std::nullopt);
      if (fold.has_jurisdiction && fold.assessment.jurisdiction.id != id)
        problem("office '" + id + "' is recorded as '" + fold.assessment.jurisdiction.id + "'");
    }
    for (std::string& p : store::check_checkpoints(*impl_))
      if (problems.size() < 100) problems.push_back(std::move(p));
  } catch (const Error& e) {
    problems.emplace_back(e.what());
  }
  return problems;
}

Assessment Store::assessment(const std::string& office, const std::string& as_of) const {
  const store::ReadSnapshot snapshot(*impl_);
  const auto bound = store::bound_of(as_of);
  const std::int64_t key = store::office_key(*impl_, office);
  store::OfficeFold fold = store::rebuild(*impl_, key, bound);
  if (!fold.exists) throw Error("office '" + office + "' had no record by " + as_of + " in " + impl_->path);
  return std::move(fold.assessment);
}

std::vector<StoreEvent> Store::history(const std::string& office) const {
  const store::ReadSnapshot snapshot(*impl_);
  const std::int64_t key = store::office_key(*impl_, office);
  Statement q(impl_->db, impl_->path,
              "SELECT b.first, o.id, b.at, b.author, b.source, b.events, b.count, b.at_key, b.last_key FROM batches b "
              "JOIN offices o ON o.office = b.office WHERE b.office = ? ORDER BY b.at_key, b.first");
  q.bind(1, key);
  return store::events_of(*impl_, q);
}

std::vector<StoreEvent> Store::changes(const std::string& from, const std::string& to) const {
  const store::ReadSnapshot snapshot(*impl_);
  store::checked_day(from, "from");
  store::checked_day(to, "to");
  // The batches that begin in the span, and those that begin before it and reach into it.
  Statement q(impl_->db, impl_->path,
              "SELECT b.first, o.id, b.at, b.author, b.source, b.events, b.count, b.at_key, b.last_key FROM batches b "
              "INDEXED BY batches_by_date JOIN offices o ON o.office = b.office WHERE b.at_key >= ?1 AND b.at_key < ?2 "
              "UNION ALL "
              "SELECT b.first, o.id, b.at, b.author, b.source, b.events, b.count, b.at_key, b.last_key FROM batches b "
              "INDEXED BY batches_spanning JOIN offices o ON o.office = b.office "
              "WHERE b.last_key IS NOT NULL AND b.last_key >= ?1 AND b.at_key < ?1");
  const std::optional<std::string> end = to.empty() ? std::nullopt : store::bound_of(to);
  q.bind(1, from);
  q.bind(2, end ? *end : std::string("\x7f"));
  return store::events_of(*impl_, q, from, end);
}

Rollup Store::rollup(const std::string& as_of, const OfficeFilter& filter) const {
  const store::ReadSnapshot snapshot(*impl_);
  RollupBuilder builder(*impl_->catalog);
  store::fold_all(
      *impl_, {store::bound_of(as_of)},
      [&](const std::string&, std::size_t, store::ValueFold& v) {
        detail::add_statuses(builder, v.fold.assessment.jurisdiction, v.fold.assessment.maturity, v.statuses());
      },
      filter.offices, &filter);
  return builder.finish();
}

std::vector<TrendPoint> Store::trend(const TrendOptions& options) const {
  const store::ReadSnapshot snapshot(*impl_);
  std::string from = store::checked_day(options.from, "from");
  const std::string to = options.to.empty() ? today_utc() : store::checked_day(options.to, "to");
  if (from.empty()) {
    Statement first(impl_->db, impl_->path, "SELECT min(at_key) FROM batches");
    if (first.step() && first.text(0).size() >= 10 && is_iso_timestamp(std::string(first.text(0).substr(0, 10))))
      from = std::string(first.text(0).substr(0, 10));
    if (from.empty() || from > to) from = to;
  }
  if (from > to) throw Error("the trend starts (" + from + ") after it ends (" + to + ")");
  const int kind = static_cast<int>(options.period);
  const long first = store::day_number(from), last = store::day_number(to);
  // Periods: each one's last day, the last cut at `to`.
  std::vector<std::pair<std::string, std::string>> periods;
  constexpr std::size_t max_periods = 5000;
  for (long day = first; day <= last; day = store::period_end(day, kind) + 1) {
    if (periods.size() == max_periods)
      throw Error("a trend from " + from + " to " + to + " by " + std::string(to_string(options.period)) +
                  " would have more than " + std::to_string(max_periods) +
                  " periods; use longer periods or a later start (--from)");
    periods.emplace_back(store::period_key(day, kind), store::date_of(std::min(store::period_end(day, kind), last)));
  }
  std::vector<std::optional<std::string>> bounds;
  for (const auto& p : periods) bounds.push_back(store::bound_of(p.second));
  std::vector<RollupBuilder> builders;
  builders.reserve(periods.size());
  for (std::size_t i = 0; i < periods.size(); ++i) builders.emplace_back(*impl_->catalog);
  store::fold_all(
      *impl_, bounds,
      [&](const std::string&, std::size_t k, store::ValueFold& v) {
        detail::add_statuses(builders[k], v.fold.assessment.jurisdiction, v.fold.assessment.maturity, v.statuses());
      },
      options.filter.offices, &options.filter);
  std::vector<TrendPoint> points;
  for (std::size_t k = 0; k < periods.size(); ++k) {
    Rollup r = builders[k].finish();
    TrendPoint p;
    p.period = periods[k].first;
    p.as_of = periods[k].second;
    p.offices = r.jurisdictions;
    p.maturity_distribution = r.maturity_distribution;
    p.actions_applicable = r.actions_applicable;
    p.actions_done = r.actions_done;
    p.completion = r.completion;
    std::vector<double> completions;
    for (const auto& o : r.offices) completions.push_back(o.completion);
    p.office_completion = distribution(std::move(completions));
    p.practices = std::move(r.practices);
    points.push_back(std::move(p));
  }
  return points;
}

PeerComparison Store::compare(const std::string& office, const std::string& as_of, PeerGroup peer_group) const {
  const store::ReadSnapshot snapshot(*impl_);
  const Assessment self = assessment(office, as_of);
  const Scorecard mine = score(*impl_->catalog, self);
  std::vector<Scorecard> peers;
  OfficeFilter group;
  if (peer_group == PeerGroup::state) group.state = self.jurisdiction.state;
  if (peer_group == PeerGroup::level) group.maturity = self.maturity;
  store::fold_all(
      *impl_, {store::bound_of(as_of)},
      [&](const std::string& id, std::size_t, store::ValueFold& v) {
        if (id != office) peers.push_back(score(*impl_->catalog, v.materialize().assessment));
      },
      {}, &group);
  PeerComparison c;
  c.jurisdiction = self.jurisdiction;
  c.maturity = self.maturity;
  c.as_of = as_of.empty() ? today_utc() : as_of;
  c.peer_group = peer_group;
  c.completion = mine.completion;
  std::vector<double> overall;
  for (const auto& p : peers) overall.push_back(p.completion);
  c.peers = distribution(overall);
  c.percentile_rank = percentile_rank(mine.completion, overall);
  for (const PracticeScore& ps : mine.practices) {
    PracticeComparison pc;
    pc.practice = ps.practice;
    pc.completion = ps.completion;
    std::vector<double> values;
    for (const auto& p : peers)
      for (const PracticeScore& other : p.practices)
        if (other.practice == ps.practice && other.actions_applicable > 0) values.push_back(other.completion);
    pc.peers = distribution(values);
    pc.percentile_rank = percentile_rank(ps.completion, values);
    c.practices.push_back(std::move(pc));
  }
  return c;
}

namespace {

// Months over three months, weeks over three weeks, else days.
Period period_for(const std::string& from, const std::string& to) {
  const long days = store::day_number(to) - store::day_number(from);
  return days > 92 ? Period::month : days > 21 ? Period::week : Period::day;
}

Progress progress_span(const std::string& since, const std::string& as_of) {
  Progress p;
  p.since = store::checked_day(since, "since");
  if (p.since.empty()) throw Error("progress needs the day it starts from (YYYY-MM-DD)");
  p.as_of = as_of.empty() ? today_utc() : store::checked_day(as_of, "as-of");
  if (p.since > p.as_of) throw Error("progress starts (" + p.since + ") after it ends (" + p.as_of + ")");
  p.period = period_for(p.since, p.as_of);
  return p;
}

}  // namespace

Progress Store::progress(const std::string& office, const std::string& since, const std::string& as_of) const {
  const store::ReadSnapshot snapshot(*impl_);
  Progress p = progress_span(since, as_of);
  const Assessment self = assessment(office, p.as_of);
  TrendOptions o;
  o.period = p.period;
  o.from = p.since;
  o.to = p.as_of;
  o.filter.offices = {office};
  p.trend = trend(o);
  OfficeFilter same_state;
  same_state.state = self.jurisdiction.state;
  std::vector<std::string> peers;
  for (const OfficeSummary& s : rollup(p.as_of, same_state).offices)
    if (s.jurisdiction.id != office) peers.push_back(s.jurisdiction.id);
  if (!peers.empty()) {
    o.filter.offices = peers;
    p.peers = trend(o);
  }
  const auto end = store::bound_of(p.as_of);
  for (StoreEvent& e : history(office))
    if (store::key_of(e.at) >= p.since && store::before(store::key_of(e.at), end)) p.changes.push_back(std::move(e));
  return p;
}

Progress Store::progress(const OfficeFilter& filter, const std::string& since, const std::string& as_of) const {
  const store::ReadSnapshot snapshot(*impl_);
  Progress p = progress_span(since, as_of);
  TrendOptions o;
  o.period = p.period;
  o.from = p.since;
  o.to = p.as_of;
  o.filter = filter;
  p.trend = trend(o);
  std::map<std::string, double, std::less<>> before;
  for (const OfficeSummary& s : rollup(p.since, filter).offices) before[s.jurisdiction.id] = s.completion;
  // Each office's last status change by the end (its latest status event), and the
  // date of its first record.
  const std::string bound = *store::bound_of(p.as_of);
  const auto dates = [&](const std::string& id) {
    const std::int64_t key = store::office_key(*impl_, id);
    std::pair<std::string, std::string> last_first;
    bool spanning = false;
    {
      const auto q = impl_->statement(
          "SELECT EXISTS (SELECT 1 FROM batches WHERE office = ? AND at_key < ? AND last_key IS NOT NULL)");
      q->bind(1, key).bind(2, bound);
      spanning = q->step() && q->integer(0) != 0;
    }
    const auto is_status = [&](std::int64_t subject) {
      return store::subject_named(*impl_, subject).rfind("status:", 0) == 0;
    };
    if (!spanning) {
      // Batches of one date each: the latest with a status is the answer.
      const auto q = impl_->statement(
          "SELECT at_key, events, first FROM batches WHERE office = ? AND at_key < ? ORDER BY at_key DESC, first DESC");
      q->bind(1, key).bind(2, bound);
      while (last_first.first.empty() && q->step()) {
        store::BatchReader r(q->text(1), impl_->path, q->integer(2));
        store::BatchEvent e;
        while (r.next(e))
          if (is_status(e.subject)) {
            last_first.first = std::string(q->text(0));
            break;
          }
      }
    } else {
      // A batch may reach past later ones: every event by the end is read, in order.
      const auto q = impl_->statement(store::office_batches_sql);
      q->bind(1, key).bind(2, std::string()).bind(3, bound);
      store::OfficeEvents events(*impl_, *q);
      store::StoredEvent e;
      while (events.next(e) && e.key < bound)
        if (is_status(e.subject)) last_first.first = std::string(e.key);
    }
    const auto q = impl_->statement("SELECT min(at_key) FROM batches WHERE office = ?");
    q->bind(1, key);
    if (q->step()) last_first.second = std::string(q->text(0));
    return last_first;
  };
  const long end = store::day_number(p.as_of);
  for (const OfficeSummary& s : rollup(p.as_of, filter).offices) {
    OfficeProgress op;
    op.jurisdiction = s.jurisdiction;
    op.maturity = s.maturity;
    const auto b = before.find(s.jurisdiction.id);
    if (b != before.end()) op.completion_since = b->second;
    op.completion = s.completion;
    const auto [last, first] = dates(s.jurisdiction.id);
    op.last_change = last.substr(0, std::min<std::size_t>(10, last.size()));
    const std::string& from = op.last_change.empty() ? first : op.last_change;
    if (from.size() >= 10)
      op.days_without_change = static_cast<std::size_t>(std::max(0L, end - store::day_number(from)));
    p.offices.push_back(std::move(op));
  }
  std::stable_sort(p.offices.begin(), p.offices.end(), [](const OfficeProgress& x, const OfficeProgress& y) {
    // Offices recorded from the start first, by their gain; those that joined later after.
    if (x.completion_since.has_value() != y.completion_since.has_value()) return x.completion_since.has_value();
    const double gx = x.completion - x.completion_since.value_or(0), gy = y.completion - y.completion_since.value_or(0);
    if (gx != gy) return gx > gy;
    return x.jurisdiction.id < y.jurisdiction.id;
  });
  return p;
}

}  // namespace electsec
