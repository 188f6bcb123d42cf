// Writing an office's record: validated, locked, atomic, and keeping what a change does not
// mention (assessment_json.hpp, "Writing an office's record").

#include <electsec/assessment_json.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/catalog_json.hpp>
#include <electsec/oscal.hpp>
#include <electsec/report.hpp>

#include <boost/test/unit_test.hpp>

#include "io/atomic_file.hpp"
#include "support.hpp"

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace electsec;
using test::office;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> all_action_ids() {
  std::vector<std::string> ids;
  for (const auto& p : default_catalog().practices())
    for (const auto& a : p.actions) ids.push_back(a.id);
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_assessment_write)

BOOST_AUTO_TEST_CASE(iso_timestamps_are_real_dates_and_utc_times) {
  struct Case {
    const char* text;
    bool valid;
  };
  const Case cases[] = {
      {"2026-01-02", true},
      {"2024-02-29", true},
      {"2026-11-22T08:15:00Z", true},
      {"2026-11-22T08:15:00.250Z", true},
      {"", false},
      {"yesterday", false},
      {"2026-13-45", false},
      {"2026-02-29", false},
      {"1900-02-29", false},
      {"2026-04-31", false},
      {"2026-1-2", false},
      {"2026-01-02T25:00:00Z", false},
      {"2026-01-02T08:15:00", false},
      {"2026-01-02T08:15:00+01:00", false},
      {"2026-01-02 ", false},
      {"2026-01-02T08:15:00.Z", false},
  };
  for (const Case& c : cases) BOOST_TEST_CONTEXT(c.text) {
      BOOST_TEST(is_iso_timestamp(c.text) == c.valid);
    }
  BOOST_TEST(is_iso_timestamp(today_utc()));
}

BOOST_AUTO_TEST_CASE(a_new_status_keeps_the_note_unless_one_is_given) {
  const Catalog& c = default_catalog();
  Assessment a = office();
  a.set(c, "backups.l1.1", Status::done, std::string("nightly to NAS"), "2026-01-02");
  a.set(c, "backups.l1.1", Status::in_progress);
  BOOST_TEST(a.statuses.at("backups.l1.1").note == "nightly to NAS");
  BOOST_TEST(a.statuses.at("backups.l1.1").updated == today_utc());  // the date defaults to today
  a.set(c, "backups.l1.1", Status::done, std::string());
  BOOST_TEST(a.statuses.at("backups.l1.1").note.empty());
  // A bad date or id changes nothing.
  const Assessment before = a;
  BOOST_CHECK_THROW(a.set(c, "backups.l1.1", Status::not_started, std::nullopt, "2026-13-45"), Error);
  BOOST_CHECK_THROW(a.set(c, "backups.l1.99", Status::done), NotFound);
  BOOST_TEST((a == before));
  BOOST_CHECK_THROW(a.status_of(c, "nope.l1.1"), NotFound);
  BOOST_TEST((a.status_of(c, "mdbr.all.1") == Status::not_started));
}

BOOST_AUTO_TEST_CASE(a_level_change_keeps_every_status_and_lists_those_that_stop_applying) {
  const Catalog& c = default_catalog();
  Assessment a = office("x", Maturity::level3);
  a.set(c, "asset_management.l23.1", Status::done, std::string("inventory in the CMDB"));
  a.set(c, "backups.l1.1", Status::done);
  const auto no_longer = a.set_level(c, Maturity::level1);
  BOOST_TEST(no_longer == std::vector<std::string>{"asset_management.l23.1"});
  BOOST_TEST(a.statuses.size() == 2u);
  BOOST_TEST(score(c, a).actions_done == 1u);
  BOOST_TEST(a.set_level(c, Maturity::level3).empty());
  BOOST_TEST(score(c, a).actions_done == 2u);  // counts again when the level comes back
}

// Every writer refuses what the loader would refuse, at the save, and writes nothing.
BOOST_AUTO_TEST_CASE(writers_refuse_what_the_loader_refuses) {
  const Catalog& c = default_catalog();
  const fs::path dir = test::temp_path("refused");
  fs::create_directories(dir);
  struct Case {
    const char* name;
    void (*spoil)(Assessment&);
    const char* field;
  };
  const Case cases[] = {
      {"empty id", [](Assessment& a) { a.jurisdiction.id.clear(); }, "/jurisdiction/id"},
      {"empty name", [](Assessment& a) { a.jurisdiction.name.clear(); }, "/jurisdiction/name"},
      {"empty state", [](Assessment& a) { a.jurisdiction.state.clear(); }, "/jurisdiction/state"},
      {"empty catalog version", [](Assessment& a) { a.catalog_version.clear(); }, "/catalog_version"},
      {"unknown answer", [](Assessment& a) { a.answers["l9.9"] = true; }, "/answers/l9.9"},
      {"unknown action", [](Assessment& a) { a.statuses["backups.l1.99"] = {}; }, "/statuses/backups.l1.99"},
      {"bad date",
       [](Assessment& a) {
         a.statuses["backups.l1.1"] = {Status::done, "", "yesterday"};
       },
       "/statuses/backups.l1.1/updated"},
      {"maturity out of range", [](Assessment& a) { a.maturity = static_cast<Maturity>(7); }, "/maturity"},
  };
  for (const Case& tc : cases) {
    BOOST_TEST_CONTEXT(tc.name) {
      Assessment a = office();
      tc.spoil(a);
      const std::string path = (dir / "office.json").string();
      BOOST_CHECK_EXCEPTION(save_assessment(a, path, c), ParseError,
                            [&](const ParseError& e) { return e.field() == tc.field && e.source() == path; });
      BOOST_CHECK_EXCEPTION(create_assessment(a, path, c), ParseError,
                            [&](const ParseError& e) { return e.field() == tc.field; });
      BOOST_CHECK_THROW(validate_assessment(a, c), ParseError);
      BOOST_TEST(names_in(dir).empty());
    }
  }
  // An update whose result is invalid leaves the file as it was.
  const std::string path = (dir / "kept.json").string();
  save_assessment(office(), path, c);
  const std::string before = test::read_text(path);
  BOOST_CHECK_THROW(update_assessment(path, c, [](Assessment& a) { a.jurisdiction.name.clear(); }), ParseError);
  BOOST_CHECK_THROW(update_assessment(path, c, [](Assessment&) { throw Error("changed my mind"); }), Error);
  BOOST_TEST(test::read_text(path) == before);
  BOOST_TEST(names_in(dir) == std::vector<std::string>{"kept.json"});
}

BOOST_AUTO_TEST_CASE(oscal_timestamps_are_checked) {
  const Catalog& c = default_catalog();
  for (const char* bad : {"yesterday", "2026-01-01", "2026-13-01T00:00:00Z", "2026-01-01T00:00:00"}) {
    BOOST_TEST_CONTEXT(bad) {
      OscalOptions o;
      o.timestamp = bad;
      BOOST_CHECK_THROW(to_oscal_catalog(c, o), Error);
      BOOST_CHECK_THROW(to_oscal_assessment_results(c, office(), o), Error);
    }
  }
}

// 16 threads, each updating its own actions of one file: every status survives.
BOOST_AUTO_TEST_CASE(concurrent_updates_from_threads_lose_nothing) {
  const Catalog& c = default_catalog();
  const std::string path = test::temp_path("threads.json");
  save_assessment(office("t", Maturity::level3), path, c);
  const std::vector<std::string> ids = all_action_ids();
  constexpr unsigned threads = 16;
  std::vector<std::thread> pool;
  std::atomic<int> failures{0};
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (std::size_t i = t; i < ids.size(); i += threads) {
        try {
          update_assessment(path, c,
                            [&](Assessment& a) { a.set(c, ids[i], Status::done, "by thread " + std::to_string(t)); });
        } catch (...) {
          ++failures;
        }
      }
    });
  for (auto& t : pool) t.join();
  BOOST_TEST(failures.load() == 0);
  const Assessment a = load_assessment(path, c);
  BOOST_TEST(a.statuses.size() == ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i)
    BOOST_TEST(a.statuses.at(ids[i]).note == "by thread " + std::to_string(i % threads));
  for (const auto& name : names_in(fs::path(path).parent_path()))  // no temporary file left behind
    BOOST_TEST(name.rfind(".threads.json.tmp-", 0) != 0, name);
}

BOOST_AUTO_TEST_CASE(of_concurrent_creators_exactly_one_wins) {
  const Catalog& c = default_catalog();
  for (int round = 0; round < 5; ++round) {
    const std::string path = test::temp_path("created-" + std::to_string(round) + ".json");
    std::atomic<int> won{0}, exists{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < 8; ++t)
      pool.emplace_back([&, t] {
        try {
          create_assessment(office("office-" + std::to_string(t)), path, c);
          ++won;
        } catch (const IoError& e) {
          if (std::string(e.what()) == path + ": already exists") ++exists;
        }
      });
    for (auto& t : pool) t.join();
    BOOST_TEST(won.load() == 1);
    BOOST_TEST(exists.load() == 7);
    BOOST_TEST(load_assessment(path, c).statuses.empty());
  }
}

BOOST_AUTO_TEST_CASE(a_held_lock_makes_a_writer_wait_then_give_up) {
  const Catalog& c = default_catalog();
  const std::string path = test::temp_path("locked.json");
  save_assessment(office(), path, c);
  test::HeldLock lock(path, c);
  BOOST_CHECK_EXCEPTION(
      save_assessment(office(), path, c, std::chrono::milliseconds(50)), IoError, [&](const IoError& e) {
        return e.path() == path &&
               std::string(e.what()).find("another writer holds the file's lock") != std::string::npos;
      });
  lock.release();
  save_assessment(office(), path, c, std::chrono::milliseconds(50));  // free again
}

// Saving follows DESIGN.md: through a symlink the target is written; a device is written
// in place; mode and owner are kept; new files honour the umask; read-only is refused.
BOOST_AUTO_TEST_CASE(saves_respect_what_is_on_disk) {
  const Catalog& c = default_catalog();
  const fs::path dir = test::temp_path("disk");
  fs::create_directories(dir);
  const fs::path real = dir / "real.json", link = dir / "link.json";
  save_assessment(office(), real.string(), c);
  fs::create_symlink("real.json", link);
  Assessment changed = office();
  changed.jurisdiction.name = "Through The Link";
  save_assessment(changed, link.string(), c);
  BOOST_TEST(fs::is_symlink(link));
  BOOST_TEST(load_assessment(real.string(), c).jurisdiction.name == "Through The Link");

  ::chmod(real.c_str(), 0640);
  save_assessment(office(), real.string(), c);
  struct stat st {};
  ::stat(real.c_str(), &st);
  BOOST_TEST((st.st_mode & 07777) == 0640u);

  const mode_t old_mask = ::umask(027);
  save_assessment(office(), (dir / "new.json").string(), c);
  ::umask(old_mask);
  ::stat((dir / "new.json").c_str(), &st);
  BOOST_TEST((st.st_mode & 07777) == 0640u);

  ::chmod(real.c_str(), 0444);
  const std::string before = test::read_text(real.string());
  BOOST_CHECK_EXCEPTION(save_assessment(changed, real.string(), c), IoError,
                        [](const IoError& e) { return std::string(e.what()).find("read-only") != std::string::npos; });
  BOOST_TEST(test::read_text(real.string()) == before);
  ::chmod(real.c_str(), 0644);

  // /dev/null stays the character device it is.
  detail::write_file_atomically("/dev/null", "discarded");
  ::stat("/dev/null", &st);
  BOOST_TEST(S_ISCHR(st.st_mode));
  // A process's open file (as /dev/stdout is) is appended to, not replaced: here a pipe,
  // and a regular file opened for appending, both named through /proc/self/fd.
  int pipe_fds[2];
  BOOST_REQUIRE(::pipe(pipe_fds) == 0);
  detail::write_file_atomically("/proc/self/fd/" + std::to_string(pipe_fds[1]), "through the pipe");
  char got[32] = {};
  BOOST_TEST(::read(pipe_fds[0], got, sizeof got - 1) == 16);
  BOOST_TEST(std::string(got) == "through the pipe");
  ::close(pipe_fds[0]);
  ::close(pipe_fds[1]);
  const fs::path log = dir / "log.txt";
  std::ofstream(log) << "PRIOR\n";
  const int log_fd = ::open(log.c_str(), O_WRONLY | O_APPEND);
  const std::string deep_name = "/proc/self/fd/" + std::to_string(log_fd);
  detail::write_file_atomically(deep_name, "appended\n");
  ::close(log_fd);
  BOOST_TEST(test::read_text(log.string()) == "PRIOR\nappended\n");
  fs::remove(log);
  BOOST_TEST(names_in(dir) == (std::vector<std::string>{"link.json", "new.json", "real.json"}));
}

BOOST_AUTO_TEST_CASE(a_killed_writers_temporary_file_is_removed_by_the_next_save) {
  const Catalog& c = default_catalog();
  const fs::path dir = test::temp_path("killed");
  fs::create_directories(dir);
  const fs::path target = dir / "office.json";
  // A child process that dies between writing its temporary file and renaming it.
  const pid_t child = ::fork();
  const fs::path left = dir / (".office.json.tmp-" + std::to_string(child == 0 ? ::getpid() : child) + "-abcdef");
  if (child == 0) {
    std::ofstream(left) << "half";
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  // Names that only look like ours are the user's: kept.
  for (const char* name :
       {".office.json.tmp-notapid-abcdef", ".office.json.tmp-999999-my notes.txt", ".office.json.tmp-999999-abcdefg"})
    std::ofstream(dir / name) << "not ours";
  // A fresh temporary file may be another machine's save in progress on a shared folder.
  save_assessment(office(), target.string(), c);
  BOOST_TEST(fs::exists(left));
  // One older than any save takes, of a process that is gone, is removed.
  fs::last_write_time(left, fs::last_write_time(left) - std::chrono::hours(1));
  save_assessment(office(), target.string(), c);
  BOOST_TEST(!fs::exists(left));
  BOOST_TEST(names_in(dir).size() == 4u);
}

BOOST_AUTO_TEST_CASE(readers_never_block_on_what_is_not_a_regular_file) {
  const Catalog& c = default_catalog();
  const fs::path dir = test::temp_path("fifo");
  fs::create_directories(dir);
  const std::string fifo = (dir / "f.json").string();
  BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  BOOST_CHECK_EXCEPTION(load_assessment(fifo, c), IoError, [&](const IoError& e) {
    return std::string(e.what()) == fifo + ": cannot read: is not a regular file";
  });
  BOOST_CHECK_THROW(load_answers(fifo, c), IoError);
  BOOST_CHECK_THROW(load_catalog(fifo), IoError);
  BOOST_CHECK_THROW(load_status_csv(fifo, c), IoError);
  BOOST_CHECK_THROW(load_assessment(dir.string(), c), IoError);
  BOOST_CHECK_THROW(update_assessment(fifo, c, [](Assessment&) {}), IoError);
}

BOOST_AUTO_TEST_CASE(rollup_inputs_are_checked_as_a_set) {
  const Catalog& c = default_catalog();
  const fs::path dir = test::temp_path("rollup-inputs");
  fs::create_directories(dir / "north");
  fs::create_directories(dir / "empty");
  save_assessment(office("a"), (dir / "a.json").string(), c);
  save_assessment(office("b"), (dir / "north" / "b.json").string(), c);
  const std::string a = (dir / "a.json").string();

  BOOST_TEST(rollup_files(c, {dir.string()}).jurisdictions == 1u);
  RollupOptions recursive;
  recursive.recursive = true;
  BOOST_TEST(rollup_files(c, {dir.string()}, recursive).rollup.jurisdictions == 2u);

  BOOST_CHECK_EXCEPTION(rollup_files(c, {(dir / "empty").string()}), Error, [](const Error& e) {
    return std::string(e.what()).find("no assessment files (*.json) in") != std::string::npos;
  });
  BOOST_CHECK_THROW(rollup_files(c, std::vector<std::string>{}), Error);
  // The same office twice: the same file given twice, or two files.
  BOOST_CHECK_EXCEPTION(rollup_files(c, {a, a}), ValidationError, [&](const ValidationError& e) {
    return e.problems().size() == 1u && e.problems()[0].message.find("the same file given twice") != std::string::npos;
  });
  save_assessment(office("a"), (dir / "north" / "a-again.json").string(), c);
  BOOST_CHECK_EXCEPTION(rollup_files(c, {dir.string()}, recursive), ValidationError, [&](const ValidationError& e) {
    return e.problems().size() == 1u && e.problems()[0].message == "holds office 'a' as " + a + " does";
  });
  fs::remove(dir / "north" / "a-again.json");

  // Bad files: every one named without skip_invalid; listed and left out with it.
  std::ofstream(dir / "north" / "broken.json") << "{";
  std::ofstream(dir / "north" / "other.json") << R"({"not": "an assessment"})";
  BOOST_CHECK_EXCEPTION(rollup_files(c, {dir.string()}, recursive), ValidationError,
                        [](const ValidationError& e) { return e.problems().size() == 2u; });
  RollupOptions skip = recursive;
  skip.skip_invalid = true;
  const FileRollup read = rollup_files(c, {dir.string()}, skip);
  BOOST_TEST(read.rollup.jurisdictions == 2u);
  BOOST_REQUIRE(read.skipped.size() == 2u);
  BOOST_TEST(read.skipped[0].path == (dir / "north" / "broken.json").string());
  BOOST_TEST(read.skipped[1].path == (dir / "north" / "other.json").string());
}

BOOST_AUTO_TEST_CASE(status_csv_rows_are_checked_all_together) {
  const Catalog& c = default_catalog();
  const auto rows = parse_status_csv(
      "id,status,note,updated\r\nbackups.l1.1,done,\"nightly, to "
      "\"\"NAS\"\"\",2026-01-02\r\nmdbr.all.1,in_progress,,\r\n",
      c);
  BOOST_REQUIRE(rows.size() == 2u);
  BOOST_TEST(*rows[0].note == "nightly, to \"NAS\"");
  BOOST_TEST(rows[1].updated.empty());
  BOOST_TEST(rows[1].line == 3u);
  const auto no_notes = parse_status_csv("status,id\nnot_applicable,mdbr.all.1\n", c);
  BOOST_TEST(!no_notes[0].note.has_value());

  struct Case {
    const char* name;
    const char* text;
    const char* expected;  // the start of what()
  };
  const Case cases[] = {
      {"empty", "", "t.csv:1: expected a header row"},
      {"unknown column", "id,status,owner\n", "t.csv:1: unknown column 'owner'"},
      {"missing column", "id,note\n", "t.csv:1: the header has no column 'status'"},
      {"unclosed quote", "id,status\n\"backups.l1.1,done\n", "t.csv:2: a quoted field is not closed"},
      {"one bad row", "id,status\nbackups.l1.1,finished\n", "t.csv:2: field status: unknown status 'finished'"},
      {"several bad rows",
       "id,status,updated\nbackups.l1.99,done,\nbackups.l1.1,done,2026-13-45\nbackups.l1.2,done\nbackups.l1.1,done,\n",
       "t.csv: 3 problems"},
      {"the same action twice", "id,status\nbackups.l1.1,done\nbackups.l1.1,in_progress\n",
       "t.csv:3: field id: action 'backups.l1.1' is already set on line 2"},
  };
  for (const Case& tc : cases) {
    BOOST_TEST_CONTEXT(tc.name) {
      BOOST_CHECK_EXCEPTION(parse_status_csv(tc.text, c, "t.csv"), Error,
                            [&](const Error& e) { return std::string(e.what()).rfind(tc.expected, 0) == 0; });
    }
  }
  // What to_status_csv writes, parse_status_csv reads back.
  Assessment a = office();
  a.set(c, "backups.l1.1", Status::done, std::string("line one\nline two, \"quoted\""), "2026-01-02");
  a.set(c, "mdbr.all.1", Status::not_applicable, std::string(), "2026-01-03T10:00:00Z");
  Assessment b = office();
  for (const auto& r : parse_status_csv(to_status_csv(a), c)) b.set(c, r.action, r.status, r.note, r.updated);
  BOOST_TEST((a == b));
}

BOOST_AUTO_TEST_SUITE_END()  // test_assessment_write
