// rollup_files: the inputs expanded and checked, the files read by a pool of threads, each
// office summed as soon as it is read.
#include <electsec/assessment_json.hpp>
#include <electsec/error.hpp>
#include <electsec/limits.hpp>
#include <electsec/rollup_files.hpp>

#include "assessment_fast.hpp"
#include "assessment_reader.hpp"
#include "engine/flat_statuses.hpp"
#include "file.hpp"
#include "threads.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

namespace electsec {

namespace {}  // namespace

FileRollup rollup_files(const Catalog& catalog, const std::vector<std::string>& paths, const RollupOptions& options) {
  const std::vector<std::string> files = detail::assessment_inputs(paths, options.recursive);
  if (files.empty()) {
    std::string where;
    for (const auto& p : paths) where += (where.empty() ? "" : ", ") + p;
    throw Error(paths.empty() ? "rollup: no assessment files given"
                              : "rollup: no assessment files (*.json) in " + where +
                                    (options.recursive ? "" : " (subfolders are read only with --recursive)"));
  }
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, files.size()));

  // Each worker sums the offices it reads; errors and jurisdiction ids are kept per file
  // so that every bad file and every duplicate is reported, in path order.
  std::atomic<std::size_t> next{0};
  std::vector<RollupBuilder> builders;
  builders.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) builders.emplace_back(catalog);
  std::vector<std::string> errors(files.size());
  std::vector<std::string> ids(files.size());
  std::vector<char> failed(files.size(), 0);
  std::vector<std::exception_ptr> exceptions(files.size());
  const auto work = [&](RollupBuilder& builder) {
    // A file of the plain expected shape is summed from one status byte per action, with
    // no map of statuses built; any other goes through load_assessment's readers, which
    // give the same sums for it, or its error.
    Assessment rest;
    std::vector<std::int8_t> statuses;
    std::string buffer;  // each file's text, one allocation for all
    for (std::size_t i = next.fetch_add(1); i < files.size(); i = next.fetch_add(1)) {
      try {
        const std::string_view text = detail::read_file_into(files[i], buffer);
        if (text.size() <= max_input_bytes && detail::read_assessment_fast_flat(text, catalog, rest, statuses)) {
          ids[i] = rest.jurisdiction.id;
          detail::add_statuses(builder, rest.jurisdiction, rest.maturity, statuses.data());
          continue;
        }
        // The fast reader already said no: the full reader explains, or reads what it left.
        const Assessment a = detail::read_assessment_full(text, &catalog, files[i]);
        ids[i] = a.jurisdiction.id;
        builder.add(a);
      } catch (const std::exception& e) {
        failed[i] = 1;
        errors[i] = e.what();
        exceptions[i] = std::current_exception();
      }
    }
  };
  std::vector<detail::HelperThread> pool(threads - 1);
  for (unsigned t = 1; t < threads; ++t)
    if (!pool[t - 1].start([&work, &builder = builders[t]] { work(builder); }))
      break;  // no more threads to be had: the ones running, and this one, read every file
  work(builders[0]);
  for (auto& t : pool) t.join();

  FileRollup out;
  std::vector<Problem> bad;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!failed[i]) continue;
    // A multi-line ValidationError keeps its first line here: one line per file.
    const std::string reason = errors[i].substr(0, errors[i].find('\n'));
    if (options.skip_invalid)
      out.skipped.push_back({files[i], reason});
    else
      bad.push_back({files[i], reason});
  }
  // Skipping is for some files: when none loads, there is nothing to sum up.
  if (out.skipped.size() == files.size())
    for (auto& s : std::exchange(out.skipped, {})) bad.push_back({std::move(s.path), std::move(s.reason)});
  if (bad.size() == 1) {  // one bad file: its own error, with its type and position
    for (std::size_t i = 0; i < files.size(); ++i)
      if (failed[i]) std::rethrow_exception(exceptions[i]);
  }
  if (!bad.empty()) {
    const std::size_t count = bad.size();
    if (count > max_listed_problems) bad.resize(max_listed_problems);
    throw ValidationError(
        std::move(bad),
        "rollup: " + std::to_string(count) + " of " + std::to_string(files.size()) + " files do not load" +
            (count > max_listed_problems ? " (the first " + std::to_string(max_listed_problems) + " listed)" : ""));
  }
  // The first file of each office, in a hash table of views of `ids`: this runs on one
  // thread after the reading, where a map of copied ids cost more.
  std::unordered_map<std::string_view, std::size_t> first_file;
  first_file.reserve(files.size());
  std::vector<Problem> duplicates;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (failed[i]) continue;
    const auto [it, fresh] = first_file.emplace(ids[i], i);
    if (!fresh)
      duplicates.push_back({files[i], "holds office '" + ids[i] + "' as " + files[it->second] + " does" +
                                          (files[i] == files[it->second] ? " (the same file given twice)" : "")});
  }
  if (!duplicates.empty()) {
    const std::size_t count = duplicates.size();
    if (count > max_listed_problems) duplicates.resize(max_listed_problems);
    throw ValidationError(std::move(duplicates),
                          "rollup: " + std::to_string(count) + " files repeat an office another file holds");
  }
  for (std::size_t t = 1; t < builders.size(); ++t) builders[0].merge(builders[t]);
  out.rollup = detail::finish_taking(builders[0]);
  return out;
}

Rollup rollup_files(const Catalog& catalog, const std::vector<std::string>& paths, unsigned threads) {
  RollupOptions options;
  options.threads = threads;
  return rollup_files(catalog, paths, options).rollup;
}

}  // namespace electsec
