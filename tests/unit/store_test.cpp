// The history store: recording, rebuilding as of a date, the guarantees (append-only, one
// transaction per call, refusing foreign, damaged and newer files unchanged, migrating older
// ones), and the queries over time.
#include <electsec/electsec.hpp>

#include "store/batch.hpp"
#include "store/dates.hpp"
#include "store/schema.hpp"
#include "store_support.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <thread>

using namespace electsec;
using electsec::test::count_rows;
using electsec::test::fresh;
using electsec::test::office;
using electsec::test::raw_sql;
using electsec::test::read_text;
using electsec::test::temp_path;

namespace {

const Catalog& cat() { return default_catalog(); }

Assessment adams() {
  Assessment a = office("us-pa-adams", Maturity::level1);
  a.jurisdiction.name = "Adams County";
  a.jurisdiction.state = "PA";
  a.set(cat(), "asset_management.l1.1", Status::done, std::string("first pass"), "2026-01-10");
  a.set(cat(), "backups.l1.1", Status::in_progress, std::nullopt, "2026-02-03");
  a.answers["l1.1"] = true;
  return a;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_store)

BOOST_AUTO_TEST_CASE(an_imported_assessment_comes_back_exactly) {
  const std::string p = fresh("exact.db");
  Store s = Store::create(p, cat());
  const ImportSummary r = s.import_assessment(adams());
  BOOST_TEST(r.offices_new == 1u);
  BOOST_TEST(r.events == 6u);  // jurisdiction, catalog version, level, one answer, two statuses
  BOOST_TEST((s.assessment("us-pa-adams") == adams()));
  BOOST_TEST(s.offices() == std::vector<std::string>{"us-pa-adams"});
  // Reopened by another connection, the same.
  const Store again = Store::open(p, cat());
  BOOST_TEST((again.assessment("us-pa-adams") == adams()));
}

BOOST_AUTO_TEST_CASE(importing_again_adds_only_what_changed_and_every_date_rebuilds_exactly) {
  Store s = Store::create(fresh("again.db"), cat());
  const Assessment first = adams();
  s.import_assessment(first);
  BOOST_TEST(s.import_assessment(first).events == 0u);
  BOOST_TEST(s.import_assessment(first).offices_unchanged == 1u);

  Assessment second = first;
  second.set(cat(), "backups.l1.1", Status::done, std::string("tested a restore"), "2026-03-15");
  second.statuses.erase("asset_management.l1.1");  // no longer recorded: back to no status
  second.maturity = Maturity::level2;
  second.answers["l1.1"] = false;
  const ImportSummary r = s.import_assessment(second, {"2026-03-15", "clerk", "second.json"});
  BOOST_TEST(r.offices_changed == 1u);
  BOOST_TEST(r.events == 4u);  // backups status, removed status, level, answer

  BOOST_TEST((s.assessment("us-pa-adams", "2026-02-28") == first));
  BOOST_TEST((s.assessment("us-pa-adams", "2026-03-15") == second));
  BOOST_TEST((s.assessment("us-pa-adams") == second));
  // Before its first change the office had no record; in between, part of it.
  BOOST_CHECK_THROW(s.assessment("us-pa-adams", "2026-01-09"), Error);
  const Assessment january = s.assessment("us-pa-adams", "2026-01-31");
  BOOST_TEST(january.statuses.size() == 1u);
  BOOST_TEST(january.statuses.count("asset_management.l1.1") == 1u);
  // A date-time counts up to that moment.
  BOOST_TEST(s.assessment("us-pa-adams", "2026-02-03T00:00:00Z").statuses.size() == 2u);
}

BOOST_AUTO_TEST_CASE(history_lists_every_change_in_the_order_it_took_effect) {
  Store s = Store::create(fresh("history.db"), cat());
  s.import_assessment(adams(), {"", "importer", "adams.json"});
  s.set_status("us-pa-adams", {"backups.l1.1"}, Status::done, std::nullopt, {"2026-01-20", "clerk", "by hand"});
  const auto h = s.history("us-pa-adams");
  std::vector<std::string> order;
  for (const auto& e : h) order.push_back(e.at + " " + e.subject + " " + e.value);
  // The file is a snapshot of its latest date (February 3rd): its level, answers and name
  // take that date, each status its own; the change by hand took effect on January 20th
  // though recorded last.
  const std::vector<std::string> expected{
      "2026-01-10 status:asset_management.l1.1 done",
      "2026-01-20 status:backups.l1.1 done",
      R"(2026-02-03 jurisdiction {"id":"us-pa-adams","name":"Adams County","state":"PA","kind":"county"})",
      "2026-02-03 catalog_version 1.4.1",
      "2026-02-03 maturity 1",
      "2026-02-03 answer:l1.1 true",
      "2026-02-03 status:backups.l1.1 in_progress",
  };
  BOOST_TEST(order == expected, boost::test_tools::per_element());
  BOOST_TEST(h[0].source == "adams.json");
  BOOST_TEST(h[0].author == "importer");
  BOOST_TEST(h[1].sequence == 7);
  BOOST_TEST(h[1].author == "clerk");
  const auto since = s.changes("2026-01-15", "2026-02-02");
  BOOST_TEST(since.size() == 1u);
  BOOST_TEST(s.changes("2026-02-04").empty());
}

BOOST_AUTO_TEST_CASE(files_imported_out_of_order_give_each_date_its_own_record) {
  Assessment january = adams(), march = adams();
  march.maturity = Maturity::level2;
  march.set(cat(), "backups.l1.1", Status::done, std::nullopt, "2026-03-01");
  Store s = Store::create(fresh("order.db"), cat());
  s.import_assessment(march);
  s.import_assessment(january);  // older, imported later
  BOOST_TEST((s.assessment("us-pa-adams") == march));
  BOOST_TEST((s.assessment("us-pa-adams", "2026-02-10") == january));
  BOOST_TEST(s.import_assessment(january).events == 0u);
  BOOST_TEST(s.import_assessment(march).events == 0u);
}

BOOST_AUTO_TEST_CASE(moments_with_fractions_of_a_second_are_ordered_as_times) {
  Store s = Store::create(fresh("fractions.db"), cat());
  s.import_assessment(adams());
  const std::string a = "asset_management.l1.2";
  s.set_status("us-pa-adams", {a}, Status::done, std::nullopt, {"2026-03-05T10:00:00.5Z", "", ""});
  s.set_status("us-pa-adams", {a}, Status::in_progress, std::nullopt, {"2026-03-05T10:00:00Z", "", ""});
  s.set_status("us-pa-adams", {a}, Status::not_applicable, std::nullopt, {"2026-03-05T10:00:00.25Z", "", ""});
  // In time: in progress at :00, not applicable at :00.25, done at :00.5.
  BOOST_TEST((s.assessment("us-pa-adams", "2026-03-05T10:00:00Z").statuses.at(a).status == Status::in_progress));
  BOOST_TEST((s.assessment("us-pa-adams", "2026-03-05T10:00:00.3Z").statuses.at(a).status == Status::not_applicable));
  BOOST_TEST((s.assessment("us-pa-adams", "2026-03-05T10:00:00.9Z").statuses.at(a).status == Status::done));
  BOOST_TEST((s.assessment("us-pa-adams").statuses.at(a).status == Status::done));
  BOOST_TEST(s.assessment("us-pa-adams").statuses.at(a).updated == "2026-03-05T10:00:00.5Z");  // as given
  const auto h = s.history("us-pa-adams");
  BOOST_TEST(h.back().at == "2026-03-05T10:00:00.5Z");
}

BOOST_AUTO_TEST_CASE(an_import_dated_before_its_statuses_records_them_once) {
  Store s = Store::create(fresh("earlier.db"), cat());
  Assessment a = adams();  // statuses of January 10th and February 3rd
  for (int i = 0; i < 3; ++i) BOOST_TEST(s.import_assessment(a, {"2026-01-05", "", ""}).events == (i == 0 ? 6u : 0u));
  // Its level and answers from January 5th; each status from its own day.
  BOOST_TEST(s.assessment("us-pa-adams", "2026-01-06").statuses.empty());
  BOOST_TEST(s.assessment("us-pa-adams", "2026-01-06").answers.at("l1.1") == true);
  BOOST_TEST((s.assessment("us-pa-adams") == a));
}

BOOST_AUTO_TEST_CASE(a_change_dated_back_is_compared_with_the_record_of_its_date) {
  Store s = Store::create(fresh("backdated.db"), cat());
  s.import_assessment(adams());
  const std::string a = "asset_management.l1.2";
  BOOST_TEST(s.set_status("us-pa-adams", {a}, Status::done, std::nullopt, {"2026-06-01", "", ""}) == 1u);
  BOOST_TEST(s.set_status("us-pa-adams", {a}, Status::in_progress, std::nullopt, {"2026-01-01", "", ""}) == 1u);
  // Done from June on, but not yet on March 1st: recorded.
  BOOST_TEST(s.set_status("us-pa-adams", {a}, Status::done, std::nullopt, {"2026-03-01", "", ""}) == 1u);
  BOOST_TEST((s.assessment("us-pa-adams", "2026-03-15").statuses.at(a).status == Status::done));
  BOOST_TEST((s.assessment("us-pa-adams", "2026-02-15").statuses.at(a).status == Status::in_progress));
  // Before the office's first file: the office exists from this change on, with the
  // jurisdiction and level first recorded.
  BOOST_TEST(s.set_status("us-pa-adams", {"backups.l1.2"}, Status::done, std::nullopt, {"2025-06-01", "", ""}) == 1u);
  const Assessment early = s.assessment("us-pa-adams", "2025-07-01");
  BOOST_TEST(early.jurisdiction.name == "Adams County");
  BOOST_TEST(early.statuses.size() == 1u);
  BOOST_TEST(s.rollup("2025-07-01").jurisdictions == 1u);
}

BOOST_AUTO_TEST_CASE(set_status_keeps_the_note_unless_given_and_skips_what_is_already_so) {
  Store s = Store::create(fresh("set.db"), cat());
  s.import_assessment(adams());
  BOOST_TEST(s.set_status("us-pa-adams", {"asset_management.l1.1"}, Status::in_progress, std::nullopt,
                          {"2026-04-01", "", ""}) == 1u);
  BOOST_TEST(s.assessment("us-pa-adams").statuses.at("asset_management.l1.1").note == "first pass");
  BOOST_TEST(s.set_status("us-pa-adams", {"asset_management.l1.1"}, Status::in_progress) == 0u);
  BOOST_TEST(s.set_status("us-pa-adams", {"asset_management.l1.1"}, Status::in_progress, std::string()) == 1u);
  BOOST_TEST(s.assessment("us-pa-adams").statuses.at("asset_management.l1.1").note == "");
  BOOST_TEST(s.set_level("us-pa-adams", Maturity::level3) == 1u);
  BOOST_TEST(s.set_level("us-pa-adams", Maturity::level3) == 0u);
  BOOST_TEST(s.set_answers("us-pa-adams", {{"l3.1", true}}) == 1u);
  BOOST_TEST(s.assessment("us-pa-adams").answers.at("l3.1") == true);
}

// Every refused recording leaves the store exactly as it was.
BOOST_AUTO_TEST_CASE(a_refused_change_records_nothing) {
  Store s = Store::create(fresh("refused.db"), cat());
  s.import_assessment(adams());
  const auto before = s.event_count();
  const std::vector<std::function<void()>> refused{
      [&] { s.set_status("us-pa-adamz", {"backups.l1.1"}, Status::done); },
      [&] {
        s.set_status("us-pa-adams", {"backups.l1.1", "backups.l9.9"}, Status::done);
      },
      [&] {
        s.set_status("us-pa-adams", {"backups.l1.1"}, Status::done, std::nullopt, {"2026-13-45", "", ""});
      },
      [&] { s.set_level("nobody", Maturity::level2); },
      [&] {
        s.set_answers("us-pa-adams", {{"l1.1", true}, {"l9.9", true}});
      },
      [&] {
        Assessment bad = adams();
        bad.jurisdiction.name = "";
        s.import_assessment(bad);
      },
  };
  for (const auto& call : refused) {
    BOOST_CHECK_THROW(call(), Error);
    BOOST_TEST(s.event_count() == before);
  }
  try {
    s.set_status("us-pa-adamz", {"backups.l1.1"}, Status::done);
  } catch (const NotFound& e) {
    BOOST_TEST(e.kind() == "office");
    BOOST_TEST(e.closest() == std::vector<std::string>{"us-pa-adams"});
  }
}

BOOST_AUTO_TEST_CASE(an_import_of_many_files_is_all_or_nothing) {
  const std::string dir = temp_path("import_dir");
  std::filesystem::create_directories(dir);
  for (int i = 0; i < 5; ++i)
    save_assessment(office("us-xx-" + std::to_string(i)), dir + "/o" + std::to_string(i) + ".json");
  Store s = Store::create(fresh("many.db"), cat());
  std::ofstream(dir + "/o5.json") << "{ not json";
  std::ofstream(dir + "/o6.json") << R"({"bad": 1})";  // five problems
  try {
    s.import_files({dir});
    BOOST_FAIL("a directory with a broken file imported");
  } catch (const ValidationError& e) {
    BOOST_TEST(std::string(e.what()).find("2 of 7 files did not load") != std::string::npos, e.what());
    BOOST_REQUIRE(e.problems().size() == 2u);
    BOOST_TEST(e.problems()[0].text().find("o5.json") != std::string::npos);
    // Each file one line, as a rollup lists it: its summary, not its five problems.
    BOOST_TEST(e.problems()[1].text().find("o6.json: 5 problems") != std::string::npos, e.problems()[1].text());
    for (const auto& p : e.problems()) BOOST_TEST(p.text().find('\n') == std::string::npos, p.text());
  }
  std::filesystem::remove(dir + "/o6.json");
  BOOST_TEST(s.event_count() == 0);
  BOOST_TEST(s.offices().empty());
  std::filesystem::remove(dir + "/o5.json");
  const ImportSummary r = s.import_files({dir});
  BOOST_TEST(r.files == 5u);
  BOOST_TEST(r.offices_new == 5u);
  BOOST_TEST(s.offices().size() == 5u);
  BOOST_TEST(s.history("us-xx-0").front().source == dir + "/o0.json");
}

BOOST_AUTO_TEST_CASE(events_can_be_neither_changed_nor_removed) {
  const std::string p = fresh("append.db");
  {
    Store s = Store::create(p, cat());
    s.import_assessment(adams());
  }
  for (const char* sql :
       {"UPDATE batches SET at = '2020-01-01'", "DELETE FROM batches", "UPDATE offices SET id = 'x'",
        "DELETE FROM offices",
        "INSERT OR REPLACE INTO batches(office, at_key, first, count, at, events) VALUES(1, '2020-01-01', 1, 1, "
        "'2020-01-01', '[[3,\"3\",\"\"]]')",
        // A new batch is numbered after the last event: no number is used twice.
        "INSERT INTO batches(office, at_key, first, count, at, events) VALUES(1, '2020-01-01', 3, 1, '2020-01-01', "
        "'[[3,\"3\",\"\"]]')",
        "REPLACE INTO offices(office, id) VALUES(1, 'us-pa-adams')"}) {
    std::string message;
    BOOST_TEST(raw_sql(p, sql, &message) != SQLITE_OK, sql);
    BOOST_TEST(message.find("append-only") != std::string::npos, message);
  }
  // The view of single events cannot be written at all.
  for (const char* sql : {"UPDATE events SET value = 'done'", "DELETE FROM events",
                          "INSERT INTO events(office, at, subject, value) VALUES(1, '2026-01-01', 'maturity', '2')"})
    BOOST_TEST(raw_sql(p, sql) != SQLITE_OK, sql);
  BOOST_TEST((Store::open(p, cat()).assessment("us-pa-adams") == adams()));
  // Other writers are held to the shapes electsec writes.
  for (const char* sql :
       {"INSERT INTO batches(office, at_key, first, count, at, events) VALUES(1, 'yesterday', 100, 1, 'yesterday', "
        "'[[3,\"2\",\"\"]]')",
        "INSERT INTO batches(office, at_key, first, count, at, events) VALUES(1, '2026-01-01', 100, 1, '2026-01-01', "
        "'colour: red')",
        "INSERT INTO batches(office, at_key, first, count, at, events) VALUES(1, '2026-01-01', 100, 0, '2026-01-01', "
        "'[]')",
        "INSERT INTO checkpoints(office, before_key, statuses, other) VALUES(1, 'soon', x'', '[]')",
        "INSERT INTO offices(id) VALUES('')"})
    BOOST_TEST(raw_sql(p, sql) == SQLITE_CONSTRAINT, sql);
}

namespace {
struct Refusal {
  const char* name;
  std::function<void(const std::string&)> make;
  const char* says;
};
std::ostream& operator<<(std::ostream& out, const Refusal& r) { return out << r.name; }

void make_store(const std::string& p) {
  Store s = Store::create(p, cat());
  for (int i = 0; i < 200; ++i) {
    Assessment a = office("us-xx-" + std::to_string(i));
    a.set(cat(), "backups.l1.1", Status::done, std::string(200, 'n'), "2026-01-01");
    s.import_assessment(a);
  }
}

const Refusal refusals[] = {
    {"text file", [](const std::string& p) { std::ofstream(p) << "offices,events\n"; }, "not an SQLite database"},
    {"empty file", [](const std::string& p) { std::ofstream{p}; }, "not an SQLite database"},
    {"another program's database",
     [](const std::string& p) { raw_sql(p, "CREATE TABLE events(x); INSERT INTO events VALUES(1)"); },
     "another program"},
    {"newer schema",
     [](const std::string& p) {
       make_store(p);
       raw_sql(p, "PRAGMA user_version = 99");
     },
     "newer electsec"},
    {"truncated store",
     [](const std::string& p) {
       make_store(p);
       std::filesystem::resize_file(p, std::filesystem::file_size(p) / 2);
     },
     "damaged"},
    {"store with a page overwritten",
     [](const std::string& p) {
       make_store(p);
       std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
       f.seekp(4096 * 2);  // a page of the tables, after the header page
       const std::string junk(4096, '\xa5');
       f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
     },
     "damaged"},
};
}  // namespace

BOOST_DATA_TEST_CASE(a_file_that_is_no_usable_store_is_refused_unchanged, boost::unit_test::data::make(refusals), r) {
  const std::string p = fresh(std::string("refuse_") + std::to_string(std::hash<std::string>{}(r.name)) + ".db");
  r.make(p);
  // A store's last changes may still sit in its write-ahead log: checkpoint them into the
  // file first, so that "unchanged" covers every byte.
  std::filesystem::remove(p + "-wal");
  std::filesystem::remove(p + "-shm");
  const std::string before = read_text(p);
  std::string message;
  try {
    Store s = Store::open(p, cat());
    s.rollup();
    s.import_assessment(adams());
    BOOST_FAIL("opened and used");
  } catch (const Error& e) {
    message = e.what();
  }
  BOOST_TEST(message.find(p) != std::string::npos, message);
  BOOST_TEST(message.find(r.says) != std::string::npos, message);
  BOOST_TEST(message.find('\n') == std::string::npos);
  BOOST_TEST((read_text(p) == before), "the file changed");
}

BOOST_AUTO_TEST_CASE(a_missing_store_or_an_existing_file_is_an_io_error) {
  const std::string p = fresh("missing.db");
  BOOST_CHECK_THROW(Store::open(p, cat()), IoError);
  BOOST_TEST(!std::filesystem::exists(p));
  std::ofstream(p) << "keep me";
  BOOST_CHECK_THROW(Store::create(p, cat()), IoError);
  BOOST_TEST(read_text(p) == "keep me");
}

BOOST_AUTO_TEST_CASE(an_older_store_is_migrated_forward_on_open) {
  const std::string p = fresh("old.db");
  sqlite3_close_v2(store::create_store(p, std::chrono::seconds(1), 1));
  BOOST_REQUIRE_EQUAL(
      raw_sql(p,
              "INSERT INTO offices(id) VALUES('us-xx-old');"
              "INSERT INTO events(office, at, at_key, subject, value) VALUES(1, '2025-05-01', '2025-05-01', "
              "'jurisdiction', '{\"id\":\"us-xx-old\",\"name\":\"Old County\",\"state\":\"XX\",\"kind\":\"county\"}');"
              "INSERT INTO events(office, at, at_key, subject, value) VALUES(1, '2025-05-01', '2025-05-01', "
              "'maturity', '2');"
              "INSERT INTO events(office, at, at_key, subject, value, note) VALUES(1, '2025-06-01', '2025-06-01', "
              "'status:backups.l1.1', 'done', 'kept');"),
      SQLITE_OK);
  std::string version;
  {
    Store s = Store::open(p, cat());
    const Assessment a = s.assessment("us-xx-old");
    BOOST_TEST(a.maturity == Maturity::level2);
    BOOST_TEST(a.statuses.at("backups.l1.1").note == "kept");
    BOOST_TEST(s.changes("2025-06-01", "2025-06-01").size() == 1u);  // the index version 2 adds
    BOOST_TEST(s.history("us-xx-old").back().sequence == 3);
    BOOST_TEST(s.check().empty());
    s.set_status("us-xx-old", {"backups.l1.2"}, Status::done, std::nullopt, {"2025-07-01", "", ""});
    BOOST_TEST(s.history("us-xx-old").back().sequence == 4);
  }
  sqlite3* db = nullptr;
  sqlite3_open(p.c_str(), &db);
  sqlite3_stmt* q = nullptr;
  // Version 3 keeps the events in batches (here one each, their numbers kept) and shows them
  // one per row in a view.
  sqlite3_prepare_v2(db,
                     "SELECT (SELECT user_version FROM pragma_user_version), "
                     "(SELECT count(*) FROM sqlite_master WHERE name = 'batches_by_date'), "
                     "(SELECT group_concat(sequence || ' ' || subject || ' ' || note, ';') FROM events)",
                     -1, &q, nullptr);
  BOOST_REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  BOOST_TEST(sqlite3_column_int(q, 0) == store_schema_version);
  BOOST_TEST(sqlite3_column_int(q, 1) == 1);
  BOOST_TEST(reinterpret_cast<const char*>(sqlite3_column_text(q, 2)) ==
             "1 jurisdiction ;2 maturity ;3 status:backups.l1.1 kept;4 status:backups.l1.2 ");
  sqlite3_finalize(q);
  sqlite3_close(db);
}

BOOST_AUTO_TEST_CASE(writers_on_eight_threads_lose_nothing) {
  const std::string p = fresh("threads.db");
  {
    Store s = Store::create(p, cat());
    for (int t = 0; t < 8; ++t) s.import_assessment(office("us-xx-" + std::to_string(t)));
  }
  const auto actions = cat().applicable_actions("backups", Maturity::level3);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      Store s = Store::open(p, cat());
      for (int i = 0; i < 10; ++i)
        s.set_status("us-xx-" + std::to_string(t), {actions[static_cast<std::size_t>(i) % actions.size()]->id},
                     i % 2 ? Status::done : Status::in_progress, "step " + std::to_string(i));
    });
  for (auto& th : threads) th.join();
  const Store s = Store::open(p, cat());
  for (int t = 0; t < 8; ++t) BOOST_TEST(s.history("us-xx-" + std::to_string(t)).size() == 3u + 10u);
}

// ---- queries over time ----

namespace {
// Three offices of PA and one of OH: a at 0, 1, 2, 3 done actions by month, b stalls at 1,
// c joins in March, d (OH) finishes much.
Store sample_state(const std::string& name) {
  Store s = Store::create(fresh(name), cat());
  const auto ids = cat().applicable_actions("asset_management", Maturity::level1);
  const auto more = cat().applicable_actions("backups", Maturity::level1);
  BOOST_REQUIRE(ids.size() >= 3u);
  auto make = [&](const std::string& id, const std::string& state) {
    Assessment a = office(id);
    a.jurisdiction.state = state;
    return a;
  };
  s.import_assessment(make("a", "PA"), {"2026-01-01", "", ""});
  s.import_assessment(make("b", "PA"), {"2026-01-01", "", ""});
  s.import_assessment(make("d", "OH"), {"2026-01-01", "", ""});
  s.set_status("b", {ids[0]->id}, Status::done, std::nullopt, {"2026-01-05", "", ""});
  for (int m = 2; m <= 4; ++m)
    s.set_status("a", {ids[static_cast<std::size_t>(m - 2)]->id}, Status::done, std::nullopt,
                 {"2026-0" + std::to_string(m) + "-10", "", ""});
  s.import_assessment(make("c", "PA"), {"2026-03-20", "", ""});
  std::vector<std::string> all;
  for (const Action* x : more) all.push_back(x->id);
  s.set_status("d", all, Status::done, std::nullopt, {"2026-02-01", "", ""});
  return s;
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_rollup_as_of_a_date_is_the_rollup_of_the_offices_as_they_stood) {
  const Store s = sample_state("rollup.db");
  for (const char* day : {"2026-01-01", "2026-02-15", "2026-03-20", "2026-12-31"}) {
    std::vector<Assessment> then;
    for (const auto& id : s.offices()) {
      try {
        then.push_back(s.assessment(id, day));
      } catch (const NotFound&) {
        throw;
      } catch (const Error&) {  // no record yet
      }
    }
    BOOST_TEST((s.rollup(day) == rollup(cat(), then)), day);
  }
  OfficeFilter pa;
  pa.state = "pa";
  BOOST_TEST(s.rollup("2026-02-15", pa).jurisdictions == 2u);
  BOOST_TEST(s.rollup("2025-12-31").jurisdictions == 0u);
}

BOOST_AUTO_TEST_CASE(a_monthly_trend_follows_each_month_end) {
  const Store s = sample_state("trend.db");
  TrendOptions o;
  o.from = "2026-01-01";
  o.to = "2026-04-15";
  o.filter.offices = {"a"};
  const auto points = s.trend(o);
  BOOST_REQUIRE(points.size() == 4u);
  BOOST_TEST(points[0].period == "2026-01");
  BOOST_TEST(points[0].as_of == "2026-01-31");
  BOOST_TEST(points[3].as_of == "2026-04-15");  // cut at `to`
  for (std::size_t m = 0; m < 4; ++m) BOOST_TEST(points[m].actions_done == m);
  o.filter = {};
  o.filter.state = "PA";
  const auto state = s.trend(o);
  BOOST_TEST(state[0].offices == 2u);
  BOOST_TEST(state[2].offices == 3u);  // c from March 20th
  BOOST_TEST(state[3].office_completion.count == 3u);
}

BOOST_AUTO_TEST_CASE(trend_periods_are_days_iso_weeks_and_months) {
  Store s = Store::create(fresh("periods.db"), cat());
  s.import_assessment(office("w"), {"2020-12-28", "", ""});
  TrendOptions o;
  o.period = Period::week;
  o.from = "2020-12-28";
  o.to = "2021-01-11";
  const auto weeks = s.trend(o);
  BOOST_REQUIRE(weeks.size() == 3u);
  BOOST_TEST(weeks[0].period == "2020-W53");  // 2020 has 53 ISO weeks
  BOOST_TEST(weeks[0].as_of == "2021-01-03");
  BOOST_TEST(weeks[1].period == "2021-W01");
  BOOST_TEST(weeks[2].period == "2021-W02");
  o.period = Period::day;
  o.from = "2028-02-27";
  o.to = "2028-03-01";
  const auto days = s.trend(o);
  BOOST_REQUIRE(days.size() == 4u);
  BOOST_TEST(days[2].period == "2028-02-29");
  o.period = Period::month;
  o.from = "2028-02-10";
  BOOST_TEST(s.trend(o).front().as_of == "2028-02-29");
  o.from = "2028-03-02";
  BOOST_CHECK_THROW(s.trend(o), Error);  // starts after it ends
  BOOST_TEST((parse_period("week") == Period::week));
  BOOST_CHECK_THROW(parse_period("fortnight"), Error);
}

BOOST_AUTO_TEST_CASE(an_office_against_its_peers) {
  const Store s = sample_state("peers.db");
  const PeerComparison c = s.compare("b", "2026-04-30");
  BOOST_TEST((c.peer_group == PeerGroup::state));
  BOOST_TEST(c.peers.count == 2u);  // a and c, not d of OH
  const PeerComparison all = s.compare("b", "2026-04-30", PeerGroup::all);
  BOOST_TEST(all.peers.count == 3u);
  // b has 1 done, a 3, c 0: b is above one of two.
  BOOST_TEST(c.percentile_rank == 50.0);
  for (const auto& p : c.practices)
    if (p.practice == "asset_management") BOOST_TEST(p.peers.count == 2u);
}

namespace {
// The rollup of every office rebuilt one by one from all its events (no checkpoint).
Rollup rollup_one_by_one(const Store& s, const std::string& day) {
  std::vector<Assessment> then;
  for (const auto& id : s.offices()) {
    try {
      then.push_back(s.assessment(id, day));
    } catch (const NotFound&) {
      throw;
    } catch (const Error&) {  // no record yet
    }
  }
  return rollup(cat(), then);
}
}  // namespace

BOOST_AUTO_TEST_CASE(checkpoints_give_the_same_answers_as_every_event_even_after_changes_dated_back) {
  const std::string p = fresh("checkpoints.db");
  Store s = Store::create(p, cat());
  std::vector<std::string> ids;
  for (const Practice& practice : cat().practices())
    for (const Action& a : practice.actions) ids.push_back(a.id);
  // Two offices changing on many days of 2025 (several batches a month), one only twice.
  for (const char* id : {"us-xx-busy", "us-yy-busy", "us-xx-slow"}) {
    Assessment a = office(id, Maturity::level3);
    a.jurisdiction.state = std::string(id).substr(3, 2);
    s.import_assessment(a, {"2025-01-02", "", ""});
  }
  for (int day = 0; day < 300; day += 3) {
    const std::string at = store::date_of(store::day_number("2025-01-03") + day);
    const Status st = day % 2 == 0 ? Status::done : Status::in_progress;
    s.set_status("us-xx-busy", {ids[static_cast<std::size_t>(day) % ids.size()]}, st, std::nullopt, {at, "", ""});
    if (day % 2 == 0)
      s.set_status("us-yy-busy", {ids[static_cast<std::size_t>(day * 7) % ids.size()]}, Status::done, std::nullopt,
                   {at, "", ""});
  }
  s.set_status("us-xx-slow", {ids[0]}, Status::done, std::nullopt, {"2025-06-01", "", ""});
  BOOST_TEST(count_rows(p, "SELECT count(*) FROM checkpoints") > 8);
  BOOST_TEST(count_rows(p, "SELECT count(*) FROM checkpoints WHERE office = 3") == 0);  // the slow one needs none
  const char* days[] = {"2025-01-02", "2025-02-01",           "2025-03-31", "2025-04-01",
                        "2025-06-15", "2025-10-31T12:00:00Z", "2025-12-31"};
  for (const char* day : days) BOOST_TEST((s.rollup(day) == rollup_one_by_one(s, day)), day);
  // Changes dated back into months that have checkpoints: they are rebuilt.
  const int before = count_rows(p, "SELECT count(*) FROM checkpoints");
  s.set_status("us-xx-busy", {ids[5], ids[6]}, Status::not_applicable, std::string("moved"), {"2025-02-10", "", ""});
  s.set_level("us-yy-busy", Maturity::level1, {"2025-04-20", "", ""});
  Assessment late = s.assessment("us-xx-busy", "2025-03-01");
  late.set(cat(), ids[9], Status::done, std::nullopt, "2025-03-01");
  s.import_assessment(late, {"2025-03-01", "", ""});
  BOOST_TEST(count_rows(p, "SELECT count(*) FROM checkpoints") >= before);
  for (const char* day : days) BOOST_TEST((s.rollup(day) == rollup_one_by_one(s, day)), day);
  TrendOptions o;
  o.period = Period::month;
  o.from = "2025-01-01";
  o.to = "2025-12-31";
  const auto months = s.trend(o);
  BOOST_REQUIRE(months.size() == 12u);
  for (const TrendPoint& point : months) BOOST_TEST(point.completion == rollup_one_by_one(s, point.as_of).completion);
  BOOST_TEST(s.check().empty());
  // A checkpoint changed by another program is found by check().
  BOOST_REQUIRE_EQUAL(raw_sql(p,
                              "UPDATE checkpoints SET statuses = x'' WHERE office = 1 AND before_key = "
                              "(SELECT max(before_key) FROM checkpoints WHERE office = 1)"),
                      SQLITE_OK);
  const auto problems = Store::open(p, cat()).check();
  BOOST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].find("checkpoint of office 'us-xx-busy'") != std::string::npos, problems[0]);
  BOOST_TEST(problems[0].find("does not match its events") != std::string::npos, problems[0]);
  // optimize() rebuilds them from the events, which it leaves as they are.
  Store again = Store::open(p, cat());
  const auto events = again.changes("2025-01-01");
  BOOST_TEST(again.optimize() == static_cast<std::size_t>(count_rows(p, "SELECT count(*) FROM checkpoints")));
  BOOST_TEST(again.check().empty());
  BOOST_TEST((again.changes("2025-01-01") == events));
  for (const char* day : days) BOOST_TEST((again.rollup(day) == rollup_one_by_one(again, day)), day);
  // A checkpoint that cannot be read is an error that names it and the way out.
  for (const char* bytes : {"x'ff'", "x'05'", "x'0509'", "x'7f00'"}) {
    BOOST_REQUIRE_EQUAL(raw_sql(p, std::string("UPDATE checkpoints SET statuses = ") + bytes), SQLITE_OK);
    try {
      Store::open(p, cat()).rollup("2025-12-31");
      BOOST_FAIL("read a damaged checkpoint");
    } catch (const Error& e) {
      const std::string message = e.what();
      BOOST_TEST(message.find("checkpoint of office") != std::string::npos, message);
      BOOST_TEST(message.find("is damaged") != std::string::npos, message);
      BOOST_TEST(message.find("electsec store optimize") != std::string::npos, message);
    }
  }
  Store::open(p, cat()).optimize();
  BOOST_TEST(Store::open(p, cat()).check().empty());
}

BOOST_AUTO_TEST_CASE(a_store_of_batches_of_one_date_is_migrated_to_batches_of_many) {
  // Version 3: every batch of one date, no `last_key`. Its checkpoints stay true.
  const std::string p = fresh("v3.db");
  sqlite3_close_v2(store::create_store(p, std::chrono::seconds(1), 3));
  BOOST_REQUIRE_EQUAL(
      raw_sql(p,
              "INSERT INTO offices(id) VALUES('us-xx-old');"
              "INSERT INTO subjects(subject) VALUES('jurisdiction'), ('maturity'), ('status:backups.l1.1');"
              "INSERT INTO batches(office, at_key, first, count, at, events) VALUES(1, '2025-05-01', 1, 2, "
              "'2025-05-01', '[[1,\"{\\\"id\\\":\\\"us-xx-old\\\",\\\"name\\\":\\\"Old\\\",\\\"state\\\":"
              "\\\"XX\\\",\\\"kind\\\":\\\"county\\\"}\"],[2,\"2\"]]');"
              "INSERT INTO batches(office, at_key, first, count, at, events) VALUES(1, '2025-06-01', 3, 1, "
              "'2025-06-01', '[[3,\"done\",\"kept\"]]');"),
      SQLITE_OK);
  Store s = Store::open(p, cat());
  BOOST_TEST(count_rows(p, "SELECT user_version FROM pragma_user_version") == store_schema_version);
  BOOST_TEST(s.assessment("us-xx-old").statuses.at("backups.l1.1").note == "kept");
  BOOST_TEST(s.history("us-xx-old").size() == 3u);
  Assessment a = s.assessment("us-xx-old");
  a.set(cat(), "backups.l1.2", Status::done, std::nullopt, "2025-07-01");
  a.set(cat(), "backups.l23.1", Status::in_progress, std::nullopt, "2025-08-01");
  a.catalog_version = "1.4.1";  // the old store recorded none
  BOOST_TEST(s.import_assessment(a).events == 3u);
  BOOST_TEST(count_rows(p, "SELECT count(*) FROM batches WHERE last_key = '2025-08-01'") == 1);
  BOOST_TEST(s.assessment("us-xx-old", "2025-07-15").statuses.size() == 2u);
  BOOST_TEST(count_rows(p, "SELECT count(*) FROM events") == 6);
  BOOST_TEST(s.check().empty());
}

BOOST_AUTO_TEST_CASE(a_store_migrated_from_single_events_gets_its_checkpoints) {
  const std::string p = fresh("old_many.db");
  sqlite3_close_v2(store::create_store(p, std::chrono::seconds(1), 2));
  BOOST_REQUIRE_EQUAL(
      raw_sql(p,
              "INSERT INTO offices(id) VALUES('us-xx-old');"
              "INSERT INTO events(office, at, at_key, subject, value) VALUES(1, '2025-01-01', '2025-01-01', "
              "'jurisdiction', '{\"id\":\"us-xx-old\",\"name\":\"Old County\",\"state\":\"XX\",\"kind\":"
              "\"county\"}');"
              "INSERT INTO events(office, at, at_key, subject, value) WITH RECURSIVE m(n) AS (SELECT 1 UNION ALL "
              "SELECT n + 1 FROM m WHERE n < 12) SELECT 1, printf('2025-%02d-15', n), printf('2025-%02d-15', n), "
              "'status:backups.l1.' || (n % 3 + 1), CASE n % 2 WHEN 0 THEN 'done' ELSE 'in_progress' END FROM m;"),
      SQLITE_OK);
  const Store s = Store::open(p, cat());
  BOOST_TEST(count_rows(p, "SELECT count(*) FROM checkpoints") > 0);
  BOOST_TEST(s.event_count() == 13);
  BOOST_TEST(s.check().empty());
  for (const char* day : {"2025-03-01", "2025-09-30", "2025-12-31"})
    BOOST_TEST((s.rollup(day) == rollup_one_by_one(s, day)), day);
}

namespace {
struct DamagedBatch {
  const char* events;
  const char* says;
  bool text = true;  // its text is damaged, so even a history cannot list it (else only its meaning)
};
std::ostream& operator<<(std::ostream& out, const DamagedBatch& d) { return out << d.events; }
const DamagedBatch damaged_batches[] = {
    // Subject 6 is the status of backups.l1.1 in the store these are added to.
    {R"([[6]])", "',' expected"},
    {R"([[6,"done",]])", "'\"' expected"},
    {R"([[6,"done",""])", "',' expected"},
    {R"([[6,"done",""]]x])", "follows its end"},
    {R"([[6,"done","\q"]])", "unknown escape"},
    {R"([[6,"done","\ud800"]])", "lone surrogate"},
    {"[[6,\"done\",\"\xff\"]]", "not UTF-8"},
    {"[[6,\"done\",\"a\x01\"]]", "control character"},
    {R"([[6,"done",1]])", "'\"' expected"},
    {R"([["status:backups.l1.1","done",""]])", "subject number expected"},
    {R"([[99,"done",""]])", "subject number 99 is not in its table of subjects"},
    {R"([[6,"finished",""]])", "finished", false},
};
}  // namespace

BOOST_DATA_TEST_CASE(a_damaged_batch_is_an_error_naming_the_store_and_the_batch,
                     boost::unit_test::data::make(damaged_batches), d) {
  const std::string p = fresh("damaged_batch_" + std::to_string(std::hash<std::string>{}(d.events)) + ".db");
  {
    Store s = Store::create(p, cat());
    s.import_assessment(adams());
  }
  BOOST_REQUIRE_EQUAL(raw_sql(p, std::string("INSERT INTO batches(office, at_key, first, count, at, events) VALUES(1, "
                                             "'2026-03-01', 100, 1, '2026-03-01', '") +
                                     d.events + "')"),
                      SQLITE_OK);
  const Store s = Store::open(p, cat());
  const std::function<void()> uses[] = {[&] { s.rollup(); }, [&] { s.assessment("us-pa-adams"); },
                                        [&] { s.history("us-pa-adams"); }, [&] { s.changes("2026-03-01", ""); }};
  for (std::size_t i = 0; i < (d.text ? 4u : 2u); ++i) {
    const auto& use = uses[i];
    try {
      use();
      BOOST_FAIL("read a damaged batch");
    } catch (const Error& e) {
      const std::string message = e.what();
      BOOST_TEST(message.find(p) != std::string::npos, message);
      BOOST_TEST(message.find(d.says) != std::string::npos, message);
      BOOST_TEST(message.find('\n') == std::string::npos, message);
    }
  }
  BOOST_TEST(s.check().size() == 1u);
  // What came before the damage still reads.
  BOOST_TEST((s.assessment("us-pa-adams", "2026-02-28") == adams()));
}

namespace {
struct DamagedSpan {
  const char* events;
  const char* last_key;  // SQL: a text or NULL
  int count;
  const char* says;
};
std::ostream& operator<<(std::ostream& out, const DamagedSpan& d) { return out << d.events; }
const DamagedSpan damaged_spans[] = {
    // Subject 6 is the status of backups.l1.1, 5 that of asset_management.l1.1.
    {R"([[6,"done","","2026-04-01"]])", "'2026-04-01'", 1, "no event on its own date"},
    {R"([[6,"done"],[5,"done","","2026-05-01"]])", "'2026-04-01'", 2, "outside the batch's dates"},
    {R"([[6,"done"],[5,"done","","2026-03-05"]])", "NULL", 2, "an event of 2026-03-05 in a batch of only 2026-03-01"},
    {R"([[6,"done"],[5,"done","","2026-03-05"]])", "'2026-03-05'", 3, "holds 2 events and says 3"},
};
}  // namespace

BOOST_DATA_TEST_CASE(a_batch_whose_dates_are_not_what_its_row_says_is_an_error_and_nothing_is_written_over_it,
                     boost::unit_test::data::make(damaged_spans), d) {
  const std::string p = fresh(
      "damaged_span_" +
      std::to_string(std::hash<std::string>{}(d.events + std::string(d.last_key) + std::to_string(d.count))) + ".db");
  {
    Store s = Store::create(p, cat());
    s.import_assessment(adams());
  }
  BOOST_REQUIRE_EQUAL(raw_sql(p,
                              "INSERT INTO batches(office, at_key, first, count, at, events, last_key) VALUES(1, "
                              "'2026-03-01', 100, " +
                                  std::to_string(d.count) + ", '2026-03-01', '" + d.events + "', " + d.last_key + ")"),
                      SQLITE_OK);
  Store s = Store::open(p, cat());
  const int before = count_rows(p, "SELECT count(*) FROM batches");
  const std::function<void()> uses[] = {
      [&] { s.rollup(); }, [&] { s.assessment("us-pa-adams"); }, [&] { s.history("us-pa-adams"); },
      [&] { s.changes("2026-03-01", ""); },
      // A change after it reads the office's record first: nothing is written over damage.
      [&] {
        s.set_status("us-pa-adams", {"backups.l1.2"}, Status::done, std::nullopt, {"2026-06-01", "", ""});
      }};
  for (const auto& use : uses) {
    try {
      use();
      BOOST_FAIL("read a damaged batch");
    } catch (const Error& e) {
      const std::string message = e.what();
      BOOST_TEST(message.find(p) != std::string::npos, message);
      BOOST_TEST(message.find("numbered from 100") != std::string::npos, message);
      BOOST_TEST(message.find(d.says) != std::string::npos, message);
      BOOST_TEST(message.find('\n') == std::string::npos, message);
    }
  }
  BOOST_TEST(count_rows(p, "SELECT count(*) FROM batches") == before);
  BOOST_TEST(!s.check().empty());
  BOOST_TEST((s.assessment("us-pa-adams", "2026-02-28") == adams()));  // what came before still reads
}

BOOST_AUTO_TEST_CASE(batch_text_round_trips_any_text_and_sqlite_reads_it_the_same) {
  const std::string texts[] = {"",
                               "plain",
                               "quote \" and backslash \\",
                               "tab\tnew line\nreturn\r",
                               std::string("nul \0 inside", 12),
                               "\x01\x1f\x7f",
                               "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x97\xb3",
                               "a \\u0041 that is text",
                               "[[\"status:x\",\"y\",\"z\"]]"};
  std::string batch;
  std::int64_t n = 0;
  for (const auto& t : texts) store::append_event(batch, n++, t, t);
  store::close_batch(batch);
  store::BatchReader r(batch, "test");
  store::BatchEvent e;
  n = 0;
  for (const auto& t : texts) {
    BOOST_REQUIRE(r.next(e));
    BOOST_TEST(e.subject == n++);
    BOOST_TEST(e.value == t);
    BOOST_TEST(e.note == t);
  }
  BOOST_TEST(!r.next(e));
  // SQLite's JSON functions (the store's `events` view) read the same text.
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT json_extract(value, '$[2]') FROM json_each(?)", -1, &q, nullptr);
  sqlite3_bind_text(q, 1, batch.data(), static_cast<int>(batch.size()), SQLITE_TRANSIENT);
  for (const auto& t : texts) {
    if (t.find('\0') != std::string::npos) {  // SQLite's text ends at a NUL
      BOOST_REQUIRE(sqlite3_step(q) == SQLITE_ROW);
      continue;
    }
    BOOST_REQUIRE(sqlite3_step(q) == SQLITE_ROW);
    BOOST_TEST(std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)),
                           static_cast<std::size_t>(sqlite3_column_bytes(q, 0))) == t);
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  store::BatchReader empty("[]", "test");
  BOOST_TEST(!empty.next(e));
}

BOOST_AUTO_TEST_CASE(a_status_brought_back_with_an_older_date_than_its_removal_is_recorded_where_it_shows) {
  Store s = Store::create(fresh("removed_then_back.db"), cat());
  Assessment a = office("us-xx-r", Maturity::level1);
  a.set(cat(), "backups.l1.1", Status::done, std::nullopt, "2026-01-05");
  a.set(cat(), "backups.l1.2", Status::done, std::nullopt, "2026-01-05");
  s.import_assessment(a);
  Assessment b = a;
  b.statuses.erase("backups.l1.1");
  b.statuses.at("backups.l1.2").updated = "2026-02-01";
  s.import_assessment(b);  // backups.l1.1 removed on 2026-02-01
  Assessment c = a;
  c.set(cat(), "backups.l1.1", Status::in_progress, std::nullopt, "2026-01-10");  // older than the removal
  c.set(cat(), "backups.l1.2", Status::done, std::nullopt, "2026-03-01");
  BOOST_TEST(s.import_assessment(c).events == 1u);
  const Assessment now = s.assessment("us-xx-r");
  BOOST_REQUIRE(now.statuses.count("backups.l1.1") == 1u);
  BOOST_TEST((now.statuses.at("backups.l1.1").status == Status::in_progress));
  BOOST_TEST(now.statuses.at("backups.l1.1").updated == "2026-03-01");
  // Imported again: nothing left to record.
  BOOST_TEST(s.import_assessment(c).events == 0u);
}

BOOST_AUTO_TEST_CASE(the_last_day_a_date_can_name_counts_everything) {
  const Store s = sample_state("far_future.db");
  BOOST_TEST((s.rollup("9999-12-31") == s.rollup()));
  BOOST_TEST((s.rollup("9999-12-31") == s.rollup("9999-12-30")));
  BOOST_TEST((s.assessment(s.offices().front(), "9999-12-31") == s.assessment(s.offices().front())));
  TrendOptions o;
  o.period = Period::day;
  o.from = "9999-12-30";
  o.to = "9999-12-31";
  const auto days = s.trend(o);
  BOOST_REQUIRE(days.size() == 2u);
  BOOST_TEST(days[0].completion == s.rollup().completion);
  BOOST_TEST(days[1].completion == s.rollup().completion);
}

namespace {
struct Tampering {
  const char* name;
  const char* sql;         // run by another program
  const char* check_says;  // what check() reports
  bool optimize_repairs;   // optimize() makes check() pass again
};
std::ostream& operator<<(std::ostream& out, const Tampering& t) { return out << t.name; }
// The store of adams(): subjects 1-6 (jurisdiction, catalog_version, maturity, answer:l1.1,
// and two statuses), its batches numbered 1-6.
const Tampering tamperings[] = {
    {"a batch's count changed", "DROP TRIGGER batches_no_update; UPDATE batches SET count = count + 1 WHERE first = 1",
     "says", false},
    {"a checkpoint of an office the store does not have",
     "PRAGMA foreign_keys = OFF; INSERT INTO checkpoints VALUES(99, '2026-01-01', x'', '[]')",
     "names an office the store does not have", true},
    {"a checkpoint with no date",
     "PRAGMA ignore_check_constraints = ON; INSERT INTO checkpoints VALUES(1, '', x'', '[]')",
     "CHECK constraint failed in checkpoints (a checkpoint; `electsec store optimize` rebuilds", true},
    {"a date that is not its key",
     "INSERT INTO batches(office, at_key, first, count, at, events) VALUES(1, '2026-03-02', 100, 1, '2026-03-01', "
     "'[[6,\"done\"]]')",
     "does not match its key", false},
    {"a subject number with a leading zero",
     "INSERT INTO batches(office, at_key, first, count, at, events) VALUES(1, '2026-03-01', 100, 1, '2026-03-01', "
     "'[[06,\"done\"]]')",
     "leading zero", false},
    {"an office recorded under another id",
     "INSERT INTO batches(office, at_key, first, count, at, events) VALUES(1, '2026-03-01', 100, 1, '2026-03-01', "
     "'[[1,\"{\\\"id\\\":\\\"zz\\\",\\\"name\\\":\\\"Z\\\",\\\"state\\\":\\\"PA\\\",\\\"kind\\\":\\\"county\\\"}\"]]')",
     "office 'us-pa-adams' is recorded as 'zz'", false},
    {"an index dropped", "DROP INDEX batches_by_date", "the schema lacks 'batches_by_date'", false},
    {"an event dated before its batch",
     "INSERT INTO batches(office, at_key, first, count, at, events) VALUES(1, '2026-03-01', 100, 1, '2026-03-01', "
     "'[[6,\"done\",\"\",\"2026-02-01\"]]')",
     "holds an event dated before the batch (2026-03-01)", false},
    {"a batch that ends on another date than it says",
     "INSERT INTO batches(office, at_key, first, count, at, events, last_key) VALUES(1, '2026-03-01', 100, 2, "
     "'2026-03-01', '[[6,\"done\"],[5,\"done\",\"\",\"2026-03-05\"]]', '2026-03-09')",
     "ends on 2026-03-05 and says 2026-03-09", false},
    {"a batch that spans dates without saying so",
     "INSERT INTO batches(office, at_key, first, count, at, events) VALUES(1, '2026-03-01', 100, 2, '2026-03-01', "
     "'[[6,\"done\"],[5,\"done\",\"\",\"2026-03-05\"]]')",
     "ends on 2026-03-05 and says 2026-03-01", false},
    {"a batch with no event on its own date",
     "INSERT INTO batches(office, at_key, first, count, at, events, last_key) VALUES(1, '2026-03-01', 100, 1, "
     "'2026-03-01', '[[6,\"done\",\"\",\"2026-04-01\"]]', '2026-04-01')",
     "holds no event on its own date (2026-03-01)", false},
    {"a checkpoint inside a batch's dates",
     "INSERT INTO batches(office, at_key, first, count, at, events, last_key) VALUES(1, '2026-03-01', 100, 2, "
     "'2026-03-01', '[[6,\"done\"],[5,\"done\",\"\",\"2026-03-05\"]]', '2026-03-05');"
     "INSERT INTO checkpoints VALUES(1, '2026-03-03', x'', '[]')",
     "does not match its events (a batch spans its date) (a checkpoint;", true},
};
}  // namespace

BOOST_DATA_TEST_CASE(check_finds_what_another_program_did_and_optimize_repairs_checkpoints,
                     boost::unit_test::data::make(tamperings), tamper) {
  const std::string p = fresh("tamper_" + std::to_string(std::hash<std::string>{}(tamper.name)) + ".db");
  {
    Store s = Store::create(p, cat());
    s.import_assessment(adams());
    BOOST_TEST(s.check().empty());
  }
  std::string message;
  BOOST_REQUIRE_MESSAGE(raw_sql(p, tamper.sql, &message) == SQLITE_OK, message);
  Store s = Store::open(p, cat());
  auto problems = s.check();
  std::string all;
  for (const auto& line : problems) all += line + "\n";
  BOOST_TEST(all.find(tamper.check_says) != std::string::npos, all);
  for (const auto& line : problems) BOOST_TEST(line.find(p) != std::string::npos, line);
  if (tamper.optimize_repairs) {
    s.optimize();
    BOOST_TEST(s.check().empty());
    for (const char* day : {"2026-03-03", "2026-03-04", "2026-03-31"})
      BOOST_TEST((s.rollup(day) == rollup_one_by_one(s, day)), day);
  }
}

BOOST_AUTO_TEST_CASE(optimize_refuses_a_store_whose_pages_are_damaged) {
  const std::string p = fresh("optimize_damaged.db");
  make_store(p);
  // A page of the batches that opening the store does not read.
  const int page = count_rows(p,
                              "SELECT pageno FROM dbstat WHERE name = 'batches' AND pagetype = 'leaf' ORDER BY pageno "
                              "LIMIT 1 OFFSET 1");
  BOOST_REQUIRE(page > 1);
  Store s = Store::open(p, cat());
  {
    std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(page - 1) * 8192);
    const std::string junk(8192, '\xa5');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  try {
    s.optimize();
    BOOST_FAIL("optimized a damaged store");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()).find("is damaged") != std::string::npos, e.what());
    BOOST_TEST(std::string(e.what()).find('\n') == std::string::npos, e.what());
  }
  BOOST_TEST(!s.check().empty());
}

namespace {

// An office as of a day as SQLite itself reads the store (the view `events`, by date, then
// by number), for comparison with what the store's own reader makes of the batches: each
// subject's last value ("" where removed or never recorded).
std::map<std::string, std::string> as_sqlite_reads_it(const std::string& path, const std::string& office,
                                                      const std::string& day) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT e.subject, e.value FROM events e JOIN offices o ON o.office = e.office "
                     "WHERE o.id = ? AND e.at_key < ? ORDER BY e.at_key, e.sequence",
                     -1, &q, nullptr);
  const std::string bound = day + "~";  // the whole day
  sqlite3_bind_text(q, 1, office.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(q, 2, bound.c_str(), -1, SQLITE_TRANSIENT);
  std::map<std::string, std::string> values;
  while (sqlite3_step(q) == SQLITE_ROW)
    values[reinterpret_cast<const char*>(sqlite3_column_text(q, 0))] =
        reinterpret_cast<const char*>(sqlite3_column_text(q, 1));
  sqlite3_finalize(q);
  sqlite3_close(db);
  return values;
}

// The same values as the store gives them.
std::map<std::string, std::string> as_the_store_reads_it(const Store& s, const std::string& office,
                                                         const std::string& day) {
  std::map<std::string, std::string> values;
  Assessment a;
  try {
    a = s.assessment(office, day);
  } catch (const NotFound&) {
    throw;
  } catch (const Error&) {  // no record by then
    return values;
  }
  for (const auto& [id, st] : a.statuses) values["status:" + id] = std::string(to_string(st.status));
  values["maturity"] = std::to_string(static_cast<int>(a.maturity));
  for (const auto& [id, yes] : a.answers) values["answer:" + id] = yes ? "true" : "false";
  return values;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_file_whose_statuses_carry_their_own_dates_is_one_batch_and_each_status_counts_from_its_date) {
  const std::string p = fresh("own_dates.db");
  Store s = Store::create(p, cat());
  Assessment a = adams();  // statuses of January 10th and February 3rd
  a.set(cat(), "backups.l1.2", Status::done, std::nullopt, "2026-01-25T08:30:00.5Z");
  BOOST_TEST(s.import_assessment(a).events == 7u);
  BOOST_TEST(count_rows(p, "SELECT count(*) FROM batches") == 1);
  // Dated by its earliest event, ending on its latest; only the events of other dates carry theirs.
  BOOST_TEST(count_rows(p, "SELECT at = '2026-01-10' AND last_key = '2026-02-03' FROM batches") == 1);
  BOOST_TEST(count_rows(p,
                        "SELECT count(*) FROM events WHERE at = '2026-01-25T08:30:00.5Z' AND at_key = "
                        "'2026-01-25T08:30:00.500000000Z'") == 1);
  BOOST_TEST(s.assessment("us-pa-adams", "2026-01-10").statuses.size() == 1u);
  BOOST_TEST(s.assessment("us-pa-adams", "2026-01-25T08:30:00Z").statuses.size() == 1u);
  BOOST_TEST(s.assessment("us-pa-adams", "2026-01-25").statuses.size() == 2u);
  BOOST_TEST(s.assessment("us-pa-adams", "2026-01-25").statuses.at("backups.l1.2").updated == "2026-01-25T08:30:00.5Z");
  BOOST_TEST((s.assessment("us-pa-adams") == a));
  // A change by hand between the file's dates: it stands from its day until nothing later changes it.
  s.set_status("us-pa-adams", {"asset_management.l1.1"}, Status::in_progress, std::string("redo"),
               {"2026-01-20", "", ""});
  BOOST_TEST((s.assessment("us-pa-adams", "2026-01-19").statuses.at("asset_management.l1.1").status == Status::done));
  BOOST_TEST((s.assessment("us-pa-adams").statuses.at("asset_management.l1.1").status == Status::in_progress));
  // History and changes list events by the date they took effect; a span sees the events of
  // a batch that began before it.
  std::vector<std::string> order;
  for (const auto& e : s.history("us-pa-adams")) order.push_back(e.at.substr(0, 10));
  BOOST_TEST(std::is_sorted(order.begin(), order.end()));
  const auto january = s.changes("2026-01-15", "2026-01-31");
  BOOST_REQUIRE(january.size() == 2u);
  BOOST_TEST(january[0].at == "2026-01-20");
  BOOST_TEST(january[1].subject == "status:backups.l1.2");
  BOOST_TEST(s.changes("2026-02-01", "2026-02-03").size() == 5u);
  BOOST_TEST(s.check().empty());
}

BOOST_AUTO_TEST_CASE(a_folder_of_files_with_dates_per_status_is_one_row_a_file) {
  const std::string p = fresh("folder_dates.db");
  const std::filesystem::path dir = temp_path("folder_dates");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::vector<std::string> ids;
  for (const Practice& practice : cat().practices())
    for (const Action& action : practice.actions) ids.push_back(action.id);
  for (int i = 0; i < 5; ++i) {
    Assessment a = office("us-xx-o" + std::to_string(i), Maturity::level2);
    for (int k = 0; k < 20; ++k)
      a.set(cat(), ids[static_cast<std::size_t>(i * 20 + k) % ids.size()], Status::done, std::nullopt,
            store::date_of(store::day_number("2025-01-01") + 7 * k + i));
    save_assessment(a, (dir / ("o" + std::to_string(i) + ".json")).string());
  }
  Store s = Store::create(p, cat());
  BOOST_TEST(s.import_files({dir.string()}).events == 5u * 23u);
  BOOST_TEST(count_rows(p, "SELECT count(*) FROM batches") == 5);
  for (int i = 0; i < 5; ++i)
    for (const char* day : {"2025-01-01", "2025-02-15", "2025-04-30", "2025-12-31"}) {
      const std::string id = "us-xx-o" + std::to_string(i);
      auto expected = as_sqlite_reads_it(p, id, day);
      for (auto it = expected.begin(); it != expected.end();)
        it = it->first == "jurisdiction" || it->first == "catalog_version" ? expected.erase(it) : std::next(it);
      auto got = as_the_store_reads_it(s, id, day);
      if (expected.count("maturity") == 0) got.erase("maturity");  // the first level recorded stands before its date
      std::string a, b;
      for (auto& [k, v] : got) a += k + "=" + v + " ";
      for (auto& [k, v] : expected) b += k + "=" + v + " ";
      BOOST_TEST(a == b, id << " " << day << "\n" << a << "\n" << b);
    }
}

BOOST_DATA_TEST_CASE(batches_of_one_date_and_of_many_give_the_answers_sqlite_gives, boost::unit_test::data::xrange(6),
                     seed) {
  // Random imports of files with a date per status, changes by hand dated back and levels,
  // on four offices; then every office as of many days against SQLite's own reading of the
  // events, rollups and trends against the offices one by one, before and after optimize.
  const std::string p = fresh("mixed_" + std::to_string(seed) + ".db");
  Store s = Store::create(p, cat());
  std::mt19937 rng(static_cast<unsigned>(seed) + 17u);
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  std::vector<std::string> ids;
  for (const Practice& practice : cat().practices())
    for (const Action& action : practice.actions) ids.push_back(action.id);
  const Status statuses[] = {Status::not_started, Status::in_progress, Status::done, Status::not_applicable};
  // Even seeds: a clock that moves on, files holding the month before it (as files kept over
  // a year are); odd seeds: any date of the year anywhere.
  long clock = 0;
  const auto day = [&](long span) {
    const long back = static_cast<long>(pick(static_cast<std::size_t>(span)));
    return store::date_of(store::day_number("2025-01-01") + (seed % 2 == 0 ? std::max(0L, clock - back) : back));
  };
  const std::vector<std::string> offices{"us-aa-one", "us-aa-two", "us-bb-three", "us-bb-four"};
  std::vector<bool> exists(offices.size(), false);
  for (int step = 0; step < 60; ++step) {
    clock += 6;
    const std::size_t o = pick(offices.size());
    const int what = exists[o] ? static_cast<int>(pick(4)) : 0;
    if (what <= 1) {
      Assessment a = exists[o] ? s.assessment(offices[o]) : office(offices[o], Maturity::level3);
      a.jurisdiction.state = offices[o].substr(3, 2);
      for (int k = 0; k < 12; ++k)
        a.set(cat(), ids[pick(ids.size())], statuses[pick(4)], std::nullopt, day(seed % 2 == 0 ? 30 : 360));
      if (pick(3) == 0 && !a.statuses.empty()) a.statuses.erase(a.statuses.begin());
      s.import_assessment(a);
      exists[o] = true;
    } else if (what == 2) {
      s.set_status(offices[o], {ids[pick(ids.size())], ids[pick(ids.size())]}, statuses[pick(4)], std::nullopt,
                   {day(seed % 2 == 0 ? 10 : 360), "", ""});
    } else {
      s.set_level(offices[o], static_cast<Maturity>(1 + pick(3)), {day(seed % 2 == 0 ? 10 : 360), "", ""});
    }
  }
  BOOST_TEST(count_rows(p, "SELECT count(*) FROM batches WHERE last_key IS NOT NULL") > 0);
  const auto compare_all = [&](const Store& store) {
    for (long d = 0; d < 370; d += 9) {
      const std::string when = store::date_of(store::day_number("2025-01-01") + d);
      for (const std::string& id : offices) {
        if (std::find(store.offices().begin(), store.offices().end(), id) == store.offices().end()) continue;
        auto expected = as_sqlite_reads_it(p, id, when);
        std::map<std::string, std::string> values;
        for (const auto& [subject, value] : expected)
          if (!value.empty() && subject != "jurisdiction" && subject != "catalog_version") values[subject] = value;
        auto got = as_the_store_reads_it(store, id, when);
        if (!expected.empty() && expected.count("maturity") == 0) got.erase("maturity");  // the first level stands
        BOOST_TEST((got == values), id << " as of " << when);
      }
      BOOST_TEST((store.rollup(when) == rollup_one_by_one(store, when)), when);
    }
    TrendOptions t;
    t.period = Period::month;
    t.from = "2025-01-01";
    t.to = "2025-12-31";
    for (const TrendPoint& point : store.trend(t))
      BOOST_TEST((point.completion == rollup_one_by_one(store, point.as_of).completion), point.as_of);
    // History and changes: the events in the order they took effect, as SQLite sorts them.
    std::vector<std::int64_t> all;
    for (const std::string& id : store.offices())
      for (const StoreEvent& e : store.history(id)) all.push_back(e.sequence);
    std::vector<std::int64_t> spring;
    for (const StoreEvent& e : store.changes("2025-03-01", "2025-05-31")) spring.push_back(e.sequence);
    BOOST_TEST(static_cast<int>(all.size()) == count_rows(p, "SELECT count(*) FROM events"));
    BOOST_TEST(static_cast<int>(spring.size()) ==
               count_rows(p, "SELECT count(*) FROM events WHERE at_key >= '2025-03-01' AND at_key < '2025-05-31~'"));
    BOOST_TEST(store.check().empty());
  };
  compare_all(s);
  if (seed % 2 == 0) BOOST_TEST(count_rows(p, "SELECT count(*) FROM checkpoints") > 0);
  Store again = Store::open(p, cat());
  again.optimize();
  compare_all(again);
}

BOOST_AUTO_TEST_CASE(a_date_before_1990_is_refused_as_a_mistyped_year) {
  Store s = Store::create(fresh("old_year.db"), cat());
  s.import_assessment(adams());
  try {
    s.set_status("us-pa-adams", {"backups.l1.2"}, Status::done, std::nullopt, {"0202-01-01", "", ""});
    BOOST_FAIL("recorded a change of the year 202");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()).find("before 1990") != std::string::npos, e.what());
  }
  Assessment old = adams();
  old.set(cat(), "backups.l1.2", Status::done, std::nullopt, "1989-12-31");
  BOOST_CHECK_THROW(s.import_assessment(old), Error);
  BOOST_TEST(s.event_count() == 6);
}

BOOST_AUTO_TEST_CASE(distributions_and_percentile_ranks) {
  const Distribution d = distribution({0.4, 0.1, 0.3, 0.2, 0.5});
  BOOST_TEST(d.count == 5u);
  BOOST_TEST(d.min == 0.1);
  BOOST_TEST(d.median == 0.3);
  BOOST_TEST(d.q1 == 0.2);
  BOOST_TEST(d.q3 == 0.4);
  BOOST_TEST(d.max == 0.5);
  BOOST_TEST(distribution({0.0, 1.0}).median == 0.5);
  BOOST_TEST(distribution({}).count == 0u);
  BOOST_TEST(percentile_rank(0.3, {0.1, 0.3, 0.5}) == 50.0);
  BOOST_TEST(percentile_rank(0.9, {0.1, 0.3}) == 100.0);
  BOOST_TEST(percentile_rank(0.0, {}) == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()
