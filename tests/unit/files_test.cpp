// files.hpp: whole-file reads that never block, locked atomic writes for any document.
// (The failure cases of the writer are in assessment_write_test.cpp, through the savers.)
#include <electsec/error.hpp>
#include <electsec/files.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include "io/file.hpp"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

using namespace electsec;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(test_files)

BOOST_AUTO_TEST_CASE(a_written_file_reads_back_and_keeps_its_mode) {
  const std::string path = test::temp_path("files-report.html");
  write_file_atomically(path, "<p>first</p>\n");
  BOOST_TEST(read_file(path) == "<p>first</p>\n");
  ::chmod(path.c_str(), 0640);
  write_file_atomically(path, "<p>second</p>\n");
  BOOST_TEST(read_file(path) == "<p>second</p>\n");
  struct stat st {};
  BOOST_TEST_REQUIRE(::stat(path.c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0640u);
  // Nothing is left beside it: the temporary file was renamed over the target.
  std::size_t entries = 0;
  for (const auto& e : fs::directory_iterator(fs::path(path).parent_path()))
    if (e.path().filename().string().find("files-report") != std::string::npos) ++entries;
  BOOST_TEST(entries == 1u);
}

BOOST_AUTO_TEST_CASE(what_is_not_a_regular_file_is_refused_unread) {
  const std::string dir = test::temp_path("files-a-folder");
  fs::create_directories(dir);
  BOOST_CHECK_THROW(read_file(dir), IoError);
  const std::string fifo = test::temp_path("files-a-fifo");
  BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  BOOST_CHECK_THROW(read_file(fifo), IoError);  // returns at once: never waits for a writer
  BOOST_CHECK_THROW(read_file(test::temp_path("files-missing")), IoError);
}

BOOST_AUTO_TEST_CASE(a_read_only_file_is_refused_and_kept) {
  const std::string path = test::temp_path("files-read-only.txt");
  write_file_atomically(path, "kept\n");
  ::chmod(path.c_str(), 0444);
  if (::geteuid() != 0) {  // root may write anything
    BOOST_CHECK_THROW(write_file_atomically(path, "lost\n"), IoError);
    BOOST_TEST(read_file(path) == "kept\n");
  }
}

// The importer lists a release's folders by name, without a path object per entry: the
// names it takes are the ones std::filesystem's extension() and stem() would give.
BOOST_AUTO_TEST_CASE(stems_in_takes_the_names_filesystem_would) {
  const std::string dir = test::temp_path("files-stems");
  fs::create_directories(dir);
  for (const char* name : {"a.rst", "b.RST", ".rst", "..rst", "c.tar.rst", "d.rst.txt", "rst", "e.rs", "f..rst"})
    write_file_atomically(dir + "/" + name, "x\n");
  fs::create_directories(dir + "/folder.rst");
  fs::create_symlink(dir + "/missing", dir + "/broken.rst");
  std::vector<std::string> expected;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".rst") expected.push_back(e.path().stem().string());
  std::error_code ec;
  std::vector<std::string> got = detail::stems_in(dir, ".rst", ec);
  BOOST_TEST(!ec);
  std::sort(expected.begin(), expected.end());
  std::sort(got.begin(), got.end());
  BOOST_TEST(got == expected, boost::test_tools::per_element());
  BOOST_TEST(got == (std::vector<std::string>{".", "a", "broken", "c.tar", "f.", "folder"}),
             boost::test_tools::per_element());
  // A folder that cannot be listed: nothing, and why.
  BOOST_TEST(detail::stems_in(dir + "/missing-folder", ".rst", ec).empty());
  BOOST_TEST(ec.value() == ENOENT);
  std::error_code ec2;
  BOOST_TEST(detail::stems_in(dir + "/a.rst", ".rst", ec2).empty());
  BOOST_TEST(ec2.value() == ENOTDIR);
}

BOOST_AUTO_TEST_SUITE_END()  // test_files
