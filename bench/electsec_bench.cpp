// Benchmarks against DESIGN.md's budgets. `electsec_bench --cold` instead prints how long
// the first default_catalog() call of this process takes, and `--cold-json FILE` how long
// parsing that catalog from JSON takes (scripts/bench runs both in fresh processes).
#include <electsec/electsec.hpp>

#include <benchmark/benchmark.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>

using namespace electsec;

namespace {

const Catalog& cat() { return default_catalog(); }

// A deterministic office with `n` statuses at maturity `m`.
Assessment office(int seed, int n, Maturity m) {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (const auto& p : cat().practices())
      for (const auto& a : p.actions) out.push_back(a.id);
    return out;
  }();
  std::mt19937 rng(static_cast<unsigned>(seed));
  Assessment a;
  a.jurisdiction = {"us-xx-" + std::to_string(seed), "County " + std::to_string(seed), "XX", JurisdictionKind::county};
  a.catalog_version = "1.4.1";
  a.maturity = m;
  for (int i = 0; i < n; ++i) a.set(cat(), ids[rng() % ids.size()], static_cast<Status>(rng() % 4), "", "2026-11-01");
  return a;
}

void BM_DefaultCatalogWarm(benchmark::State& s) {
  for (auto _ : s) benchmark::DoNotOptimize(&default_catalog());
}
BENCHMARK(BM_DefaultCatalogWarm);

void BM_LookupPractice(benchmark::State& s) {
  for (auto _ : s) benchmark::DoNotOptimize(cat().practice("user_management"));
}
BENCHMARK(BM_LookupPractice);

void BM_LookupAction(benchmark::State& s) {
  for (auto _ : s) benchmark::DoNotOptimize(cat().action("user_management.l1.organizational-recommendations.4"));
}
BENCHMARK(BM_LookupAction);

void BM_LookupSafeguard(benchmark::State& s) {
  for (auto _ : s) benchmark::DoNotOptimize(cat().safeguard("14.9"));
}
BENCHMARK(BM_LookupSafeguard);

void BM_PracticesOfSafeguard(benchmark::State& s) {
  for (auto _ : s) benchmark::DoNotOptimize(cat().practices_of_safeguard("4.1"));
}
BENCHMARK(BM_PracticesOfSafeguard);

void BM_SafeguardsOfPractice(benchmark::State& s) {
  for (auto _ : s) benchmark::DoNotOptimize(cat().safeguards_of_practice("user_management"));
}
BENCHMARK(BM_SafeguardsOfPractice);

void BM_Plan(benchmark::State& s) {
  const Assessment a = office(1, 50, Maturity::level1);
  for (auto _ : s) benchmark::DoNotOptimize(build_plan(cat(), a.maturity, a));
}
BENCHMARK(BM_Plan)->Unit(benchmark::kMicrosecond);

void BM_Scorecard(benchmark::State& s) {
  const Assessment a = office(2, 50, Maturity::level2);
  for (auto _ : s) benchmark::DoNotOptimize(score(cat(), a));
}
BENCHMARK(BM_Scorecard)->Unit(benchmark::kMicrosecond);

// The same office in compact form (one status byte per action).
void BM_ScorecardCompact(benchmark::State& s) {
  const CompactAssessment a = compact(cat(), office(2, 50, Maturity::level2));
  for (auto _ : s) benchmark::DoNotOptimize(score(cat(), a));
}
BENCHMARK(BM_ScorecardCompact)->Unit(benchmark::kMicrosecond);

// Making the compact form of an office of 50 statuses.
void BM_Compact(benchmark::State& s) {
  const Assessment a = office(2, 50, Maturity::level2);
  for (auto _ : s) benchmark::DoNotOptimize(compact(cat(), a));
}
BENCHMARK(BM_Compact)->Unit(benchmark::kMicrosecond);

void BM_Rollup10000InMemory(benchmark::State& s) {
  std::vector<Assessment> offices;
  for (int i = 0; i < 10000; ++i) offices.push_back(office(i, 50, static_cast<Maturity>(1 + i % 3)));
  for (auto _ : s) benchmark::DoNotOptimize(rollup(cat(), offices));
}
BENCHMARK(BM_Rollup10000InMemory)->Unit(benchmark::kMillisecond);

// The same 10,000 offices in compact form.
void BM_Rollup10000Compact(benchmark::State& s) {
  std::vector<CompactAssessment> offices;
  for (int i = 0; i < 10000; ++i) offices.push_back(compact(cat(), office(i, 50, static_cast<Maturity>(1 + i % 3))));
  for (auto _ : s) benchmark::DoNotOptimize(rollup(cat(), offices));
}
BENCHMARK(BM_Rollup10000Compact)->Unit(benchmark::kMillisecond);

// The yardstick of the compact rollup: one pass over the same bytes (10,000 offices, one
// byte per action), counting each status per office and in total. No rollup can read its
// input in less; the ratio of the two says what the rollup adds to merely reading it.
void BM_Yardstick_CountStatusBytes(benchmark::State& s) {
  std::vector<std::vector<std::uint8_t>> rows;
  for (int i = 0; i < 10000; ++i)
    rows.push_back(compact(cat(), office(i, 50, static_cast<Maturity>(1 + i % 3))).statuses);
  for (auto _ : s) {
    std::array<std::size_t, 4> total{};
    for (const auto& row : rows) {
      std::array<std::size_t, 4> office{};
      for (const std::uint8_t b : row) ++office[b & 3u];
      for (std::size_t k = 0; k < 4; ++k) total[k] += office[k];
    }
    benchmark::DoNotOptimize(total);
  }
}
BENCHMARK(BM_Yardstick_CountStatusBytes)->Unit(benchmark::kMillisecond);

void BM_AssessmentLoad(benchmark::State& s) {
  const std::string text = to_json(office(3, 50, Maturity::level2));
  for (auto _ : s) benchmark::DoNotOptimize(parse_assessment(text, cat()));
}
BENCHMARK(BM_AssessmentLoad)->Unit(benchmark::kMicrosecond);

void BM_AssessmentSave(benchmark::State& s) {
  const Assessment a = office(4, 50, Maturity::level2);
  const std::string path = (std::filesystem::temp_directory_path() / "electsec_bench_office.json").string();
  for (auto _ : s) save_assessment(a, path);  // includes fsync: a real save
  std::filesystem::remove(path);
}
BENCHMARK(BM_AssessmentSave)->Unit(benchmark::kMicrosecond);

void BM_ImportRst141(benchmark::State& s) {
  const std::string dir = ELECTSEC_GUIDE_DIR;
  if (!std::filesystem::is_directory(dir)) {
    s.SkipWithError("the 1.4.1 guide sources are not there");
    return;
  }
  for (auto _ : s) benchmark::DoNotOptimize(import_eges_rst(dir));
}
BENCHMARK(BM_ImportRst141)->Unit(benchmark::kMillisecond);

void BM_Search(benchmark::State& s) {
  search(cat(), "warm");
  const char* queries[] = {"ransomware backups", "MFA", "mayor training", "USB", "voter registration database"};
  std::size_t i = 0;
  for (auto _ : s) benchmark::DoNotOptimize(search(cat(), queries[i++ % 5]));
}
BENCHMARK(BM_Search)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  // The yardstick of --cold: the route default_catalog() took before issue #18, parsing and
  // validating the same catalog as JSON text, also in a fresh process (the file is read
  // before the clock starts).
  if (argc > 2 && std::strcmp(argv[1], "--cold-json") == 0) {
    std::FILE* f = std::fopen(argv[2], "rb");
    if (f == nullptr) return 2;
    std::string text;
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) text.append(buffer, n);
    std::fclose(f);
    const auto start = std::chrono::steady_clock::now();
    const Catalog c = parse_catalog(text);
    const auto end = std::chrono::steady_clock::now();
    std::printf("%.3f\n", std::chrono::duration<double, std::milli>(end - start).count());
    return c.practices().empty() ? 1 : 0;
  }
  if (argc > 1 && std::strcmp(argv[1], "--cold") == 0) {
    const auto start = std::chrono::steady_clock::now();
    const Catalog& c = default_catalog();
    const auto end = std::chrono::steady_clock::now();
    std::printf("%.3f\n", std::chrono::duration<double, std::milli>(end - start).count());
    return c.practices().empty() ? 1 : 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
