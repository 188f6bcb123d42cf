// An office's system profile in the history store: recorded as one `systems` event whenever
// it changes, rebuilt as of any date, migrated into from a store of schema version 4, and
// refused or reported when another program wrote something else under that subject.
#include <electsec/electsec.hpp>

#include "store/schema.hpp"
#include "store_support.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace electsec;
using electsec::test::count_rows;
using electsec::test::fresh;
using electsec::test::office;
using electsec::test::raw_sql;

namespace {

const Catalog& cat() { return default_catalog(); }

// Lake County, with a status and two systems: one with a note that needs escaping in JSON.
Assessment lake() {
  Assessment a = office("us-xx-lake", Maturity::level1);
  a.set(cat(), "backups.l1.1", Status::done, std::nullopt, "2026-02-01");
  a.add_system(cat(), "vote_capture", Connectedness::indirect, std::string("BMDs \"loaded\" by USB\tstick, ü"));
  a.add_system(cat(), "pollbooks", Connectedness::network);
  return a;
}

std::vector<StoreEvent> systems_events(const Store& s, const std::string& office) {
  std::vector<StoreEvent> out;
  for (StoreEvent& e : s.history(office))
    if (e.subject == "systems") out.push_back(std::move(e));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_store_systems)

BOOST_AUTO_TEST_CASE(a_profile_is_recorded_once_and_comes_back_exactly) {
  const std::string p = fresh("systems_exact.db");
  Store s = Store::create(p, cat());
  const Assessment a = lake();
  const ImportSummary r = s.import_assessment(a, {"2026-02-01", "clerk", "lake.json"});
  BOOST_TEST(r.events == 5u);  // jurisdiction, catalog version, level, the profile, one status
  BOOST_TEST((s.assessment("us-xx-lake") == a));
  BOOST_TEST((Store::open(p, cat()).assessment("us-xx-lake").systems == a.systems));
  const auto events = systems_events(s, "us-xx-lake");
  BOOST_REQUIRE(events.size() == 1u);
  BOOST_TEST(events[0].at == "2026-02-01");
  BOOST_TEST(events[0].value.front() == '[');
  BOOST_TEST(events[0].value.find("\"component\":\"vote_capture\"") != std::string::npos, events[0].value);
  // The same file again records nothing; so does an office that never had a profile.
  BOOST_TEST(s.import_assessment(a, {"2026-02-01", "", ""}).events == 0u);
  s.import_assessment(office("us-xx-none"), {"2026-02-01", "", ""});
  BOOST_TEST(systems_events(s, "us-xx-none").empty());
  BOOST_TEST(s.check().empty());
}

BOOST_AUTO_TEST_CASE(each_change_of_the_profile_is_one_event_and_every_date_rebuilds_it) {
  Store s = Store::create(fresh("systems_dates.db"), cat());
  const Assessment first = lake();
  s.import_assessment(first, {"2026-02-01", "", ""});

  Assessment second = first;  // a note changed and an entry added
  second.add_system(cat(), "vote_capture", Connectedness::indirect, std::string("BMDs, now with seals"));
  second.add_system(cat(), "tabulation", Connectedness::indirect);
  BOOST_TEST(s.import_assessment(second, {"2026-03-01", "", ""}).events == 1u);

  Assessment third = second;  // the same entries in another order: the office's order is kept
  std::reverse(third.systems.begin(), third.systems.end());
  BOOST_TEST(s.import_assessment(third, {"2026-04-01", "", ""}).events == 1u);

  Assessment fourth = third;  // every entry taken out
  fourth.systems.clear();
  BOOST_TEST(s.import_assessment(fourth, {"2026-05-01", "", ""}).events == 1u);

  BOOST_TEST((s.assessment("us-xx-lake", "2026-02-15").systems == first.systems));
  BOOST_TEST((s.assessment("us-xx-lake", "2026-03-01").systems == second.systems));
  BOOST_TEST((s.assessment("us-xx-lake", "2026-04-30").systems == third.systems));
  BOOST_TEST(s.assessment("us-xx-lake").systems.empty());
  const auto events = systems_events(s, "us-xx-lake");
  BOOST_REQUIRE(events.size() == 4u);
  BOOST_TEST(events.back().value == "[]");
  // A profile changed on a date before later records is compared with the record of its date.
  Assessment back = first;
  back.add_system(cat(), "ems", Connectedness::network);
  BOOST_TEST(s.import_assessment(back, {"2026-02-10", "", ""}).events == 1u);
  BOOST_TEST((s.assessment("us-xx-lake", "2026-02-10").systems == back.systems));
  BOOST_TEST((s.assessment("us-xx-lake", "2026-03-01").systems == second.systems));
  BOOST_TEST(s.check().empty());
}

BOOST_AUTO_TEST_CASE(profiles_leave_rollups_and_checkpoints_as_they_were) {
  const std::string p = fresh("systems_rollup.db");
  Store s = Store::create(p, cat());
  for (int i = 0; i < 6; ++i) {
    Assessment a = lake();
    a.jurisdiction.id = "us-xx-" + std::to_string(i);
    s.import_assessment(a, {"2026-02-01", "", ""});
  }
  const Rollup before = s.rollup();
  // Many profile changes of one office, on many dates: enough for checkpoints.
  Assessment a = lake();
  a.jurisdiction.id = "us-xx-0";
  for (int day = 10; day < 28; ++day) {
    a.add_system(cat(), "ems", Connectedness::network, "day " + std::to_string(day));
    s.import_assessment(a, {"2026-02-" + std::to_string(day), "", ""});
  }
  BOOST_TEST((s.rollup() == before));
  BOOST_TEST(s.optimize() > 0u);
  BOOST_TEST(s.check().empty());
  BOOST_TEST((s.rollup("2026-02-20") == before));
  BOOST_TEST(s.assessment("us-xx-0", "2026-02-20").systems.back().note == "day 20");
}

BOOST_AUTO_TEST_CASE(a_version_4_store_is_migrated_with_every_subject_and_its_number_kept) {
  const std::string p = fresh("systems_v4.db");
  sqlite3_close_v2(store::create_store(p, std::chrono::seconds(1), 4));
  // A version 4 store refuses the new subject: that is why version 5 exists.
  BOOST_TEST(raw_sql(p, "INSERT INTO subjects(subject) VALUES('systems')") == SQLITE_CONSTRAINT);
  BOOST_REQUIRE_EQUAL(
      raw_sql(p,
              "INSERT INTO offices(id) VALUES('us-xx-old');"
              "INSERT INTO subjects(number, subject) VALUES(2, 'status:backups.l1.1'), (5, 'jurisdiction'), "
              "(9, 'maturity');"
              "INSERT INTO batches(office, at_key, first, count, at, events) VALUES(1, '2025-05-01', 1, 3, "
              "'2025-05-01', '[[5,\"{\\\"id\\\":\\\"us-xx-old\\\",\\\"name\\\":\\\"Old\\\",\\\"state\\\":"
              "\\\"XX\\\",\\\"kind\\\":\\\"county\\\"}\"],[9,\"2\"],[2,\"done\",\"kept\"]]');"),
      SQLITE_OK);
  {
    Store s = Store::open(p, cat());
    BOOST_TEST(s.assessment("us-xx-old").statuses.at("backups.l1.1").note == "kept");
    Assessment a = s.assessment("us-xx-old");
    a.catalog_version = "1.4.1";
    a.add_system(cat(), "ems", Connectedness::indirect);
    BOOST_TEST(s.import_assessment(a, {"2025-06-01", "", ""}).events == 2u);
    BOOST_TEST((s.assessment("us-xx-old").systems == a.systems));
    BOOST_TEST(s.check().empty());
  }
  BOOST_TEST(count_rows(p, "SELECT user_version FROM pragma_user_version") == store_schema_version);
  BOOST_TEST(count_rows(p, "SELECT number FROM subjects WHERE subject = 'status:backups.l1.1'") == 2);
  BOOST_TEST(count_rows(p, "SELECT number FROM subjects WHERE subject = 'maturity'") == 9);
  BOOST_TEST(count_rows(p, "SELECT number FROM subjects WHERE subject = 'systems'") > 9);  // numbered after the last
  BOOST_TEST(count_rows(p, "SELECT count(*) FROM events WHERE subject = 'systems'") == 1);
  // The new table keeps the old one's guards.
  for (const char* sql : {"UPDATE subjects SET subject = 'maturity2' WHERE number = 9", "DELETE FROM subjects",
                          "INSERT OR REPLACE INTO subjects(number, subject) VALUES(9, 'maturity')"}) {
    std::string message;
    BOOST_TEST(raw_sql(p, sql, &message) != SQLITE_OK, sql);
    BOOST_TEST(message.find("append-only") != std::string::npos, message);
  }
  BOOST_TEST(raw_sql(p, "INSERT INTO subjects(subject) VALUES('system')") == SQLITE_CONSTRAINT);
  BOOST_TEST(raw_sql(p, "INSERT INTO subjects(subject) VALUES('systems:ems')") == SQLITE_CONSTRAINT);
}

BOOST_AUTO_TEST_CASE(set_systems_records_the_whole_profile_once_and_refuses_what_the_loader_refuses) {
  const std::string p = fresh("systems_set.db");
  Store s = Store::create(p, cat());
  s.import_assessment(lake(), {"2026-02-01", "", ""});
  std::vector<SystemUse> next = lake().systems;
  next.push_back({"enr", Connectedness::network, "results page"});
  BOOST_TEST(s.set_systems("us-xx-lake", next, {"2026-03-01", "clerk", "test"}) == 1u);
  BOOST_TEST(s.set_systems("us-xx-lake", next, {"2026-03-02", "clerk", "test"}) == 0u);  // that already
  BOOST_TEST((s.assessment("us-xx-lake").systems == next));
  BOOST_TEST((s.assessment("us-xx-lake", "2026-02-28").systems == lake().systems));
  const auto events = systems_events(s, "us-xx-lake");
  BOOST_REQUIRE(events.size() == 2u);
  BOOST_TEST(events.back().author == "clerk");
  const auto before = s.event_count();
  // Each refusal records nothing.
  BOOST_CHECK_THROW(s.set_systems("us-xx-lake", {{"pollbook", Connectedness::network, ""}}), NotFound);
  BOOST_CHECK_THROW(
      s.set_systems("us-xx-lake", {{"ems", Connectedness::none, ""}, {"ems", Connectedness::none, "again"}}), Error);
  BOOST_CHECK_THROW(s.set_systems("us-xx-lakes", next), NotFound);
  try {
    s.set_systems("us-xx-lake", {{"ems", Connectedness::network, std::string("caf\xe9")}});
    BOOST_FAIL("a note that is not UTF-8 was recorded");
  } catch (const Error& e) {
    const std::string message = e.what();
    BOOST_TEST(
        message.find("office 'us-xx-lake': the note of 'ems' (/systems/0/note) is not UTF-8") != std::string::npos,
        message);
  }
  BOOST_CHECK_THROW(s.set_systems("us-xx-lake", next, {"2026-02-30", "", ""}), Error);
  BOOST_TEST(s.event_count() == before);
  BOOST_TEST(s.set_systems("us-xx-lake", {}, {"2026-04-01", "", ""}) == 1u);
  BOOST_TEST(s.assessment("us-xx-lake").systems.empty());
  BOOST_TEST(s.check().empty());
}

BOOST_AUTO_TEST_CASE(update_systems_edits_the_profile_of_its_date_and_a_failed_edit_records_nothing) {
  Store s = Store::create(fresh("systems_update.db"), cat());
  s.import_assessment(lake(), {"2026-02-01", "", ""});
  const auto add_ems = [](std::vector<SystemUse>& p) { p.push_back({"ems", Connectedness::none, ""}); };
  BOOST_TEST(s.update_systems("us-xx-lake", add_ems, {"2026-03-01", "", ""}) == 1u);
  BOOST_TEST(s.assessment("us-xx-lake").systems.size() == 3u);
  const auto before = s.event_count();
  // Dated before that change, an edit would not show from then on: refused, naming the date.
  // So is one dated the same day as a change recorded at a moment of that day.
  const auto drop_last = [](std::vector<SystemUse>& p) { p.pop_back(); };
  for (const char* at : {"2026-02-15", "2026-02-28T23:59:59Z"}) {
    try {
      s.update_systems("us-xx-lake", drop_last, {at, "", ""});
      BOOST_FAIL("an edit hidden by a later change was recorded");
    } catch (const Error& e) {
      const std::string message = e.what();
      BOOST_TEST(message.find("systems_update.db: office 'us-xx-lake'") != std::string::npos, message);
      BOOST_TEST(message.find("changed again on 2026-03-01") != std::string::npos, message);
    }
  }
  BOOST_TEST(s.set_systems("us-xx-lake", lake().systems, {"2026-03-02T10:00:00Z", "", ""}) == 1u);
  BOOST_CHECK_THROW(s.update_systems("us-xx-lake", drop_last, {"2026-03-02", "", ""}), Error);
  BOOST_TEST(s.event_count() == before + 1);
  // On the day of the last change or later, it is the profile of that day that is edited.
  BOOST_TEST(s.update_systems("us-xx-lake", drop_last, {"2026-03-03", "", ""}) == 1u);
  BOOST_TEST(s.assessment("us-xx-lake").systems.size() == 1u);
  BOOST_TEST(s.assessment("us-xx-lake", "2026-03-01").systems.size() == 3u);
  const auto after = s.event_count();
  BOOST_CHECK_THROW(s.update_systems("us-xx-lake", [](std::vector<SystemUse>&) { throw Error("changed my mind"); }, {}),
                    Error);
  BOOST_CHECK_THROW(s.update_systems("us-xx-lake",
                                     [&](std::vector<SystemUse>& p) {
                                       add_ems(p);
                                       add_ems(p);
                                     }),
                    Error);  // ems (none) twice
  BOOST_CHECK_THROW(s.update_systems("us-xx-lake",
                                     [](std::vector<SystemUse>& p) {
                                       p.push_back({"abacus", Connectedness::none, ""});
                                     }),
                    NotFound);
  BOOST_TEST(s.event_count() == after);
  BOOST_TEST(s.check().empty());
}

// What another program might have written as a profile, and what a reader says of it.
struct BadProfile {
  const char* name;
  const char* value;  // the event's value, as JSON text inside the batch
  const char* says;
};
std::ostream& operator<<(std::ostream& out, const BadProfile& b) { return out << b.name; }

const BadProfile bad_profiles[] = {
    {"not JSON", "\"[{\"", "invalid JSON"},
    {"an object", "\"{}\"", "an array"},
    {"an unknown connectedness", R"("[{\"component\":\"ems\",\"connectedness\":\"wifi\"}]")", "wifi"},
    {"no component", R"("[{\"connectedness\":\"none\"}]")", "component"},
    {"an empty component", R"("[{\"component\":\"\",\"connectedness\":\"none\"}]")", "component id"},
    {"an unknown field", R"("[{\"component\":\"ems\",\"connectedness\":\"none\",\"colour\":1}]")", "colour"},
    {"a pair twice",
     R"("[{\"component\":\"ems\",\"connectedness\":\"none\"},{\"component\":\"ems\",\"connectedness\":\"none\"}]")",
     "listed twice"},
};

BOOST_DATA_TEST_CASE(a_profile_another_program_damaged_is_named_by_readers_and_check, bad_profiles, bad) {
  const std::string p = fresh("systems_bad.db");
  {
    Store s = Store::create(p, cat());
    s.import_assessment(lake(), {"2026-02-01", "", ""});
  }
  const int systems = count_rows(p, "SELECT number FROM subjects WHERE subject = 'systems'");
  BOOST_REQUIRE(systems > 0);
  const std::string insert =
      "INSERT INTO batches(office, at_key, first, count, at, events) VALUES(1, '2026-03-01', "
      "100, 1, '2026-03-01', '[[" +
      std::to_string(systems) + "," + bad.value + "]]')";
  BOOST_REQUIRE_EQUAL(raw_sql(p, insert), SQLITE_OK);
  Store s = Store::open(p, cat());
  try {
    s.assessment("us-xx-lake");
    BOOST_FAIL("a damaged profile was read");
  } catch (const Error& e) {
    const std::string message = e.what();
    BOOST_TEST(message.find("systems_bad.db") != std::string::npos, message);
    BOOST_TEST(message.find("'systems' of 2026-03-01 of office 'us-xx-lake'") != std::string::npos, message);
    BOOST_TEST(message.find(bad.says) != std::string::npos, message);
  }
  // The record before it still reads, and so does a rollup, which needs no profile.
  BOOST_TEST(s.assessment("us-xx-lake", "2026-02-28").systems.size() == 2u);
  BOOST_TEST(s.rollup().jurisdictions == 1u);
  const auto problems = s.check();
  BOOST_TEST(problems.size() == 1u);
  if (!problems.empty()) BOOST_TEST(problems[0].find(bad.says) != std::string::npos, problems[0]);
}

BOOST_AUTO_TEST_SUITE_END()
