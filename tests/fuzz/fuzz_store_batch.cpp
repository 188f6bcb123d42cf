// libFuzzer target: the history store's batch reader (events of one date or carrying their own). Whatever it accepts is
// JSON that nlohmann/json reads as the same events (SQLite's `events` view reads batches as JSON too), and what the
// writer makes of those events reads back the same. Each event's value is also read as a system profile (the value of
// a `systems` event): one it accepts is written and read back the same.
#include "io/json_codec.hpp"
#include "store/batch.hpp"

#include <electsec/assessment.hpp>
#include <electsec/error.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {
struct Event {
  std::int64_t subject;
  std::string value, note, at;
  bool operator==(const Event& o) const {
    return subject == o.subject && value == o.value && note == o.note && at == o.at;
  }
};

std::vector<Event> read(std::string_view text) {
  std::vector<Event> events;
  electsec::store::BatchReader r(text, "fuzz");
  electsec::store::BatchEvent e;
  while (r.next(e)) events.push_back({e.subject, std::string(e.value), std::string(e.note), std::string(e.at)});
  return events;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<Event> events;
  try {
    events = read(text);
  } catch (const electsec::Error&) {
    return 0;
  }
  const nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_array() || doc.size() != events.size()) std::abort();
  for (std::size_t i = 0; i < events.size(); ++i) {
    const nlohmann::json& e = doc[i];
    if (!e.is_array() || e.size() < 2 || e.size() > 4 || !e[0].is_number_unsigned() ||
        e[0].get<std::uint64_t>() != static_cast<std::uint64_t>(events[i].subject) || !e[1].is_string() ||
        e[1].get<std::string>() != events[i].value ||
        (e.size() >= 3 && (!e[2].is_string() || e[2].get<std::string>() != events[i].note)) ||
        (e.size() == 2 && !events[i].note.empty()) ||
        (e.size() == 4 &&
         (!e[3].is_string() || e[3].get<std::string>() != events[i].at || !electsec::is_iso_timestamp(events[i].at))) ||
        (e.size() < 4 && !events[i].at.empty()))
      std::abort();
  }
  for (const Event& e : events) {
    try {
      const auto profile = electsec::detail::decode_text<electsec::detail::SystemProfile>(e.value, "fuzz");
      if (electsec::detail::decode_text<electsec::detail::SystemProfile>(electsec::detail::systems_json(profile),
                                                                         "fuzz") != profile)
        std::abort();
    } catch (const electsec::Error&) {
    }
  }
  std::string again;
  for (const Event& e : events) electsec::store::append_event(again, e.subject, e.value, e.note, e.at);
  electsec::store::close_batch(again);
  if (!(read(again) == events)) std::abort();
  return 0;
}
