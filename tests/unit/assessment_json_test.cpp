#include <electsec/assessment_json.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/files.hpp>

#include <boost/test/unit_test.hpp>

#include "engine/flat_statuses.hpp"
#include "io/assessment_fast.hpp"
#include "io/assessment_reader.hpp"
#include "io/atomic_file.hpp"
#include "support.hpp"

#include <filesystem>
#include <fstream>
#include <functional>

using namespace electsec;
namespace fs = std::filesystem;

namespace {

const std::string good = R"({
  "schema": "electsec.assessment/1",
  "jurisdiction": {"id": "us-xx-a", "name": "A County", "state": "XX", "kind": "county"},
  "catalog_version": "1.4.1",
  "maturity": 1,
  "answers": {"l1.1": true, "l2.1": false, "l3.1": null},
  "statuses": {
    "backups.l1.1": {"status": "done", "note": "weekly", "updated": "2026-01-02"},
    "join_ei_isac.all.1": {"status": "in_progress"}
  }
})";

std::string replaced(const std::string& from, const std::string& to) { return test::replace_once(good, from, to); }

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

struct BadFile {
  const char* name;
  std::string text;
  const char* field;    // JSON pointer of the first problem ("" for syntax errors)
  const char* message;  // substring of what()
};

}  // namespace

BOOST_AUTO_TEST_SUITE(test_assessment_json)

BOOST_AUTO_TEST_CASE(a_good_file_loads_and_round_trips) {
  const Catalog& c = default_catalog();
  const Assessment a = parse_assessment(good, c, "a.json");
  BOOST_TEST(a.jurisdiction.name == "A County");
  BOOST_TEST((a.jurisdiction.kind == JurisdictionKind::county));
  BOOST_TEST((a.maturity == Maturity::level1));
  BOOST_TEST(a.answers.size() == 2u);  // null is a skipped answer
  BOOST_TEST((a.status_of("backups.l1.1") == Status::done));
  BOOST_TEST((a.status_of("backups.l1.2") == Status::not_started));
  BOOST_TEST(a.statuses.at("backups.l1.1").note == "weekly");
  BOOST_TEST((parse_assessment(to_json(a), c) == a));
  BOOST_TEST(to_json(parse_assessment(to_json(a), c)) == to_json(a));
}

BOOST_AUTO_TEST_CASE(every_kind_of_bad_file_is_a_clear_error) {
  std::string deep(200000, '[');
  std::string binary =
      "\x7f"
      "ELF\x02\x01\x01";
  binary += std::string(3, '\0') + "\xff\xfe";
  const BadFile cases[] = {
      {"empty", "", "", "invalid JSON"},
      {"truncated", good.substr(0, good.size() / 2), "", "invalid JSON: syntax error"},
      {"not an object", "[1, 2, 3]", "/", "expected an object, found an array"},
      {"wrong schema", replaced("electsec.assessment/1", "electsec.assessment/9"), "/schema",
       "expected \"electsec.assessment/1\""},
      {"catalog schema", replaced("electsec.assessment/1", "electsec.catalog/1"), "/schema", "expected"},
      {"maturity as string", replaced("\"maturity\": 1", "\"maturity\": \"1\""), "/maturity",
       "expected an integer 1, 2 or 3, found a string"},
      {"maturity out of range", replaced("\"maturity\": 1", "\"maturity\": 4"), "/maturity",
       "maturity must be 1, 2 or 3, found 4"},
      {"missing maturity", replaced("\"maturity\": 1,", ""), "/maturity", "missing required field 'maturity'"},
      {"unknown status", replaced("\"status\": \"done\"", "\"status\": \"finished\""), "/statuses/backups.l1.1/status",
       "unknown status 'finished'"},
      {"unknown action", replaced("backups.l1.1", "backups.l1.9"), "/statuses/backups.l1.9",
       "unknown action 'backups.l1.9'; did you mean 'backups.l1.1'"},
      {"status not an object", replaced("{\"status\": \"in_progress\"}", "\"in_progress\""),
       "/statuses/join_ei_isac.all.1", "expected an object, found a string"},
      {"note not a string", replaced("\"note\": \"weekly\"", "\"note\": 7"), "/statuses/backups.l1.1/note",
       "expected a string, found a number"},
      {"unknown jurisdiction kind", replaced("\"county\"", "\"parish\""), "/jurisdiction/kind",
       "unknown jurisdiction kind 'parish'"},
      {"empty name", replaced("\"A County\"", "\"\""), "/jurisdiction/name", "must not be empty"},
      {"unknown field", replaced("\"maturity\": 1,", "\"maturity\": 1, \"matruity\": 2,"), "/matruity",
       "unknown field 'matruity'"},
      {"unknown statement", replaced("\"l2.1\": false", "\"l2.9\": false"), "/answers/l2.9",
       "unknown maturity statement 'l2.9'"},
      {"answer not boolean", replaced("\"l1.1\": true", "\"l1.1\": \"yes\""), "/answers/l1.1",
       "expected true, false or null, found a string"},
      {"nesting hundreds of thousands deep", deep, "", "nesting deeper than 64 levels"},
      {"invalid UTF-8", replaced("weekly", "week\xc3\x28ly"), "", "invalid JSON"},
      {"binary", binary, "", "invalid JSON"},
      // What nlohmann alone would accept: duplicate keys (last wins), and whatever
      // follows a NUL byte. Every instance is refused, wherever it stands.
      {"duplicate top-level key", replaced("\"maturity\": 1,", "\"maturity\": 1, \"maturity\": 2,"), "",
       "key 'maturity' given twice in one object"},
      {"duplicate jurisdiction key",
       replaced("\"state\": \"XX\", \"kind\": \"county\"", "\"state\": \"XX\", \"state\": \"YY\""), "",
       "key 'state' given twice"},
      {"duplicate status", replaced("\"join_ei_isac.all.1\"", "\"backups.l1.1\""), "",
       "key 'backups.l1.1' given twice"},
      {"duplicate status field",
       replaced("\"status\": \"in_progress\"", "\"status\": \"in_progress\", \"status\": \"done\""), "",
       "key 'status' given twice"},
      {"duplicate key spelled with an escape", replaced("\"maturity\": 1,", "\"maturity\": 1, \"m\\u0061turity\": 1,"),
       "", "key 'maturity' given twice"},
      {"NUL then garbage", good + std::string(1, '\0') + "garbage", "", "invalid JSON: a NUL byte"},
      {"NUL inside a string", replaced("weekly", std::string("week") + '\0' + "ly"), "", "a NUL byte"},
      {"leading zero", replaced("\"maturity\": 1", "\"maturity\": 01"), "", "invalid JSON"},
      {"integer past 2^64", replaced("\"maturity\": 1", "\"maturity\": 18446744073709551617"), "/maturity",
       "an integer too large to read exactly"},
      {"integer just below 2^64", replaced("\"maturity\": 1", "\"maturity\": 18446744073709551615"), "/maturity",
       "found 18446744073709551615"},
      {"line break in a name", replaced("\"A County\"", "\"A\\nCounty\""), "/jurisdiction/name",
       "must not contain control characters"},
      {"bad date", replaced("2026-01-02", "2026-02-30"), "/statuses/backups.l1.1/updated", "expected an ISO 8601 date"},
  };
  for (const auto& tc : cases) {
    BOOST_TEST_CONTEXT(tc.name) {
      try {
        parse_assessment(tc.text, default_catalog(), "office.json");
        BOOST_ERROR("parsed");
      } catch (const ParseError& e) {
        BOOST_TEST(e.source() == "office.json");
        BOOST_TEST(e.field() == tc.field);
        BOOST_TEST(std::string(e.what()).find(tc.message) != std::string::npos, e.what());
        if (std::string(tc.name) != "empty") BOOST_TEST(e.line() > 0u, e.what());
      }
    }
  }
}

namespace {

// The rollup's reader (statuses as one byte per action) accepts exactly what the fast path
// accepts, and reads the same statuses and the same rest.
bool flat_agrees(const std::string& text, const Catalog& c) {
  const auto fast = detail::read_assessment_fast(text, &c);
  Assessment rest;
  std::vector<std::int8_t> bytes;
  const bool flat = detail::read_assessment_fast_flat(text, c, rest, bytes);
  if (flat != fast.has_value()) return false;
  if (!flat) return true;
  std::map<std::string, ActionStatus, std::less<>> from_bytes;
  for (std::size_t n = 0; n < bytes.size(); ++n)
    if (bytes[n] != detail::no_status)
      from_bytes[detail::action_numbered(c, n).id].status = static_cast<Status>(bytes[n]);
  std::map<std::string, ActionStatus, std::less<>> statuses_only;
  for (const auto& [id, st] : fast->statuses) statuses_only[id].status = st.status;
  Assessment without = *fast;
  without.statuses.clear();
  return from_bytes == statuses_only && rest == without;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_fast_path_reads_exactly_what_the_full_reader_reads) {
  const Catalog& c = default_catalog();
  std::vector<std::string> ids;
  for (const auto& p : c.practices())
    for (const auto& x : p.actions) ids.push_back(x.id);
  for (int seed = 0; seed < 40; ++seed) {
    Assessment a = parse_assessment(good, c);
    a.maturity = static_cast<Maturity>(1 + seed % 3);
    a.jurisdiction.name = seed % 2 ? "Name with \"quotes\" \\ and /slash/" : "Plain";
    for (int k = 0; k < seed; ++k)
      a.set(c, ids[static_cast<std::size_t>(k * 7 + seed) % ids.size()], static_cast<Status>(k % 4),
            k % 3 ? "note\n" : "", "2026-01-01");
    if (seed % 5 == 0) a.retired["gone.all.1"] = {Status::done, "", ""};
    const std::string text = to_json(a);
    const auto fast = detail::read_assessment_fast(text, &c);
    BOOST_TEST_REQUIRE(fast.has_value(), "the fast path gave up on a file electsec wrote: " << seed);
    BOOST_TEST((*fast == detail::read_assessment_full(text, &c, "x")));
    BOOST_TEST((*fast == a));
    BOOST_TEST(flat_agrees(text, c));
  }
  // It gives up (so the full reader explains) on anything unusual.
  for (const std::string& odd :
       {replaced("\"maturity\": 1", "\"maturity\": 4"), replaced("backups.l1.1", "backups.l1.9"),
        replaced("A County", "A Cöunty"), replaced("\"l3.1\": null", "\"l3.1\": true"), good + "x",
        replaced("\"maturity\": 1,", "\"maturity\": 1, \"maturity\": 2,"),
        replaced("\"maturity\": 1", "\"maturity\": 01"), replaced("\"kind\": \"county\"", "\"state\": \"YY\""),
        replaced("\"status\": \"in_progress\"", "\"status\": \"in_progress\", \"status\": \"done\""),
        replaced("\"A County\"", "\"A\\nCounty\""), replaced("2026-01-02", "yesterday"),
        good + std::string(1, '\0') + "x"}) {
    // Whatever the fast path accepts, the full reader accepts too, with the same result.
    const auto fast = detail::read_assessment_fast(odd, &c);
    if (fast) {
      BOOST_TEST_CONTEXT(odd) { BOOST_TEST((*fast == detail::read_assessment_full(odd, &c, "x"))); }
    }
    BOOST_TEST_CONTEXT(odd) { BOOST_TEST(flat_agrees(odd, c)); }
  }
  BOOST_TEST(!detail::read_assessment_fast(replaced("\"maturity\": 1", "\"maturity\": 4"), &c).has_value());
}

BOOST_AUTO_TEST_CASE(several_problems_are_reported_together) {
  std::string text = replaced("\"maturity\": 1", "\"maturity\": 0");
  text.replace(text.find("\"done\""), 6, "\"over\"");
  try {
    parse_assessment(text, default_catalog(), "office.json");
    BOOST_ERROR("parsed");
  } catch (const ValidationError& e) {
    BOOST_TEST_REQUIRE(e.problems().size() == 2u);
    BOOST_TEST(e.problems()[0].where == "office.json:5:15: field /maturity");
    BOOST_TEST(e.problems()[1].where.find("field /statuses/backups.l1.1/status") != std::string::npos);
    BOOST_TEST(std::string(e.what()).rfind("office.json: 2 problems", 0) == 0u);
  }
}

BOOST_AUTO_TEST_CASE(answers_files) {
  const Catalog& c = default_catalog();
  const MaturityAnswers a = parse_answers(R"({"answers": {"l1.1": true, "l3.7": false, "l2.2": null}})", c);
  BOOST_TEST(a.size() == 2u);
  BOOST_TEST(a.at("l3.7") == false);
  BOOST_CHECK_THROW(parse_answers(R"({"answer": {}})", c), ValidationError);  // unknown and missing field
  BOOST_CHECK_EXCEPTION(parse_answers(R"({"answers": {"l1.1": 1}})", c, "ans.json"), ParseError,
                        [](const ParseError& e) { return e.field() == "/answers/l1.1" && e.source() == "ans.json"; });
}

BOOST_AUTO_TEST_CASE(save_writes_what_load_reads) {
  const Catalog& c = default_catalog();
  const std::string path = test::temp_path("saved.json");
  Assessment a = parse_assessment(good, c);
  save_assessment(a, path);
  BOOST_TEST((load_assessment(path, c) == a));
  BOOST_TEST(test::read_text(path) == to_json(a));
  a.set(c, "mdbr.all.1", Status::done, "signed up", "2026-02-03");
  save_assessment(a, path);
  BOOST_TEST((load_assessment(path, c).status_of("mdbr.all.1") == Status::done));
}

BOOST_AUTO_TEST_CASE(a_failed_save_leaves_the_original_and_no_temporary_file) {
  const fs::path dir = test::temp_path("atomic");
  fs::create_directories(dir);
  const std::string path = (dir / "office.json").string();
  std::ofstream(path) << "the original bytes\n";
  const std::string before = test::read_text(path);
  for (auto stage : {detail::WriteStage::create, detail::WriteStage::write, detail::WriteStage::flush,
                     detail::WriteStage::sync, detail::WriteStage::rename}) {
    BOOST_TEST_CONTEXT("stage " << static_cast<int>(stage)) {
      BOOST_CHECK_EXCEPTION(detail::write_file_atomically(path, "new content", &stage), Error, [&](const Error& e) {
        return std::string(e.what()).rfind(path + ": cannot save: ", 0) == 0;
      });
      BOOST_TEST(test::read_text(path) == before);
      BOOST_TEST(files_in(dir) == std::vector<std::string>{"office.json"});
    }
  }
  detail::write_file_atomically(path, "new content");
  BOOST_TEST(test::read_text(path) == "new content");
  BOOST_TEST(files_in(dir) == std::vector<std::string>{"office.json"});
}

// The same holds when the content is written as it is made (a large document streamed into
// the file): at every stage, and when the writer itself throws or leaves its stream failed.
BOOST_AUTO_TEST_CASE(a_failed_streamed_save_leaves_the_original_and_no_temporary_file) {
  const fs::path dir = test::temp_path("atomic-streamed");
  fs::create_directories(dir);
  const std::string path = (dir / "catalog.json").string();
  std::ofstream(path) << "the original bytes\n";
  const std::string before = test::read_text(path);
  // Over 64 KiB, in pieces of several sizes, so that the stream writes more than once.
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "piece " + std::to_string(i) + "\n";
  const std::function<void(std::ostream&)> writer = [&](std::ostream& out) {
    out.write(big.data(), 1000);
    out << big.substr(1000, 70000);
    out.write(big.data() + 71000, static_cast<std::streamsize>(big.size() - 71000));
  };
  for (auto stage : {detail::WriteStage::create, detail::WriteStage::write, detail::WriteStage::flush,
                     detail::WriteStage::sync, detail::WriteStage::rename}) {
    BOOST_TEST_CONTEXT("stage " << static_cast<int>(stage)) {
      BOOST_CHECK_EXCEPTION(detail::write_file_atomically(path, writer, &stage), Error, [&](const Error& e) {
        return std::string(e.what()).rfind(path + ": cannot save: ", 0) == 0;
      });
      BOOST_TEST(test::read_text(path) == before);
      BOOST_TEST(files_in(dir) == std::vector<std::string>{"catalog.json"});
    }
  }
  struct Stop {};
  const std::vector<std::pair<std::string, std::function<void(std::ostream&)>>> failing = {
      {"throws after writing",
       [&](std::ostream& out) {
         out << big;
         throw Stop{};
       }},
      {"throws at once", [](std::ostream&) { throw Stop{}; }},
  };
  for (const auto& [what, w] : failing) {
    BOOST_TEST_CONTEXT(what) {
      BOOST_CHECK_THROW(write_file_atomically(path, w), Stop);
      BOOST_TEST(test::read_text(path) == before);
      BOOST_TEST(files_in(dir) == std::vector<std::string>{"catalog.json"});
    }
  }
  BOOST_CHECK_EXCEPTION(write_file_atomically(path,
                                              [&](std::ostream& out) {
                                                out << "half";
                                                out.setstate(std::ios::failbit);
                                              }),
                        IoError, [&](const IoError& e) { return std::string(e.what()).rfind(path + ": ", 0) == 0; });
  BOOST_TEST(test::read_text(path) == before);
  BOOST_TEST(files_in(dir) == std::vector<std::string>{"catalog.json"});
  write_file_atomically(path, writer);
  BOOST_TEST(test::read_text(path) == big);
  BOOST_TEST(files_in(dir) == std::vector<std::string>{"catalog.json"});
  // A device is written where it is, piece by piece; a full one is an IoError naming it,
  // whether or not the writer asked its stream to throw.
  write_file_atomically("/dev/null", writer);
  if (fs::exists("/dev/full"))
    for (const bool throwing : {false, true}) {
      BOOST_TEST_CONTEXT("stream throws: " << throwing) {
        BOOST_CHECK_EXCEPTION(write_file_atomically("/dev/full",
                                                    [&](std::ostream& out) {
                                                      if (throwing) out.exceptions(std::ios::badbit);
                                                      writer(out);
                                                    }),
                              IoError, [](const IoError& e) {
                                return std::string(e.what()).rfind("/dev/full: ", 0) == 0 &&
                                       std::string(e.what()).find("No space left") != std::string::npos;
                              });
      }
    }
}

// A save that cannot even start names the folder and what is wrong with it.
BOOST_AUTO_TEST_CASE(a_save_into_a_bad_folder_says_what_is_wrong_with_the_folder) {
  const fs::path dir = test::temp_path("folders");
  fs::create_directories(dir);
  std::ofstream(dir / "plain-file") << "x";
  const detail::WriteStage create = detail::WriteStage::create;  // injects EACCES
  struct Case {
    std::string path;
    const detail::WriteStage* fail_at;
    std::string message;
  };
  const std::string missing = (dir / "missing").string(), plain = (dir / "plain-file").string();
  const std::vector<Case> cases{
      {missing + "/x.json", nullptr, missing + "/x.json: cannot save: folder '" + missing + "' does not exist"},
      {plain + "/x.json", nullptr, plain + "/x.json: cannot save: '" + plain + "' is not a folder"},
      {(dir / "x.json").string(), &create,
       (dir / "x.json").string() + ": cannot save: no permission to create files in folder '" + dir.string() + "'"},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.path) {
      BOOST_CHECK_EXCEPTION(detail::write_file_atomically(c.path, "content", c.fail_at), Error,
                            [&](const Error& e) { return std::string(e.what()) == c.message; });
    }
  }
  BOOST_CHECK_EXCEPTION(
      save_assessment(parse_assessment(good, default_catalog()), missing + "/x.json"), Error,
      [&](const Error& e) { return std::string(e.what()).find("does not exist") != std::string::npos; });
  BOOST_TEST(files_in(dir) == std::vector<std::string>{"plain-file"});
}

BOOST_AUTO_TEST_CASE(rollup_files_reads_directories_in_parallel) {
  const Catalog& c = default_catalog();
  const fs::path dir = test::temp_path("state");
  fs::create_directories(dir);
  const Assessment base = parse_assessment(good, c);
  std::vector<Assessment> offices;
  for (int i = 0; i < 40; ++i) {
    Assessment a = base;
    a.jurisdiction.id = "office-" + std::to_string(100 + i);
    a.maturity = static_cast<Maturity>(1 + i % 3);
    if (i % 2) a.set(c, "mdbr.all.2", Status::done);
    offices.push_back(a);
    save_assessment(a, (dir / (a.jurisdiction.id + ".json")).string());
  }
  std::ofstream(dir / "notes.txt") << "not an assessment";
  const Rollup from_files = rollup_files(c, {dir.string()}, 4);
  const Rollup in_memory = rollup(c, offices);
  BOOST_TEST(from_files.jurisdictions == 40u);
  BOOST_TEST(from_files.actions_done == in_memory.actions_done);
  BOOST_TEST(from_files.actions_applicable == in_memory.actions_applicable);
  BOOST_TEST((from_files.maturity_distribution == in_memory.maturity_distribution));
  for (std::size_t i = 0; i < 40; ++i)
    BOOST_TEST(from_files.offices[i].jurisdiction.id == in_memory.offices[i].jurisdiction.id);

  // Every bad file is reported, in sorted order, whatever the threads do.
  std::ofstream(dir / "office-105.json") << "{";
  std::ofstream(dir / "office-120.json") << "[]";
  for (unsigned threads : {1u, 2u, 8u})
    BOOST_CHECK_EXCEPTION(rollup_files(c, {dir.string()}, threads), ValidationError, [&](const ValidationError& e) {
      return e.problems().size() == 2u && e.problems()[0].where == (dir / "office-105.json").string() &&
             e.problems()[1].where == (dir / "office-120.json").string() &&
             std::string(e.what()).rfind("rollup: 2 of 40 files do not load", 0) == 0;
    });
}

BOOST_AUTO_TEST_CASE(several_problems_are_listed_in_the_order_of_the_file) {
  // The reader sees keys in sorted order; the report follows the lines.
  const std::string text = R"({"schema": "electsec.assessment/1",
 "jurisdiction": {"id": "x", "name": "X", "state": "XX", "kind": "county"},
 "catalog_version": "1.4.1", "maturity": 1,
 "statuses": {
  "zz.nope": {"status": "done"},
  "asset_management.l1.1": {"status": "bogus"},
  "aa.nope": {"status": "done"}
 }})";
  try {
    (void)parse_assessment(text, default_catalog(), "f.json");
    BOOST_ERROR("accepted");
  } catch (const ValidationError& e) {
    BOOST_TEST_REQUIRE(e.problems().size() == 3u);
    BOOST_TEST(e.problems()[0].where.rfind("f.json:5:", 0) == 0u, e.problems()[0].where);
    BOOST_TEST(e.problems()[1].where.rfind("f.json:6:", 0) == 0u, e.problems()[1].where);
    BOOST_TEST(e.problems()[2].where.rfind("f.json:7:", 0) == 0u, e.problems()[2].where);
  }
}

BOOST_AUTO_TEST_SUITE_END()  // test_assessment_json
