// Micro-benchmarks of text decoding, each beside its baseline in the same
// run: run-wise NFC vs utf8proc's whole-string NFC, and our UTF-8 validator
// vs a byte-at-a-time decode loop. Report the ratio of the pairs (machines
// here are noisy; absolute numbers are not comparable across runs).
//   build/bench/micro_base_bench --benchmark_min_time=0.5
#include <benchmark/benchmark.h>
#include <utf8proc.h>

#include <cstdlib>
#include <string>

#include "base/utf8.h"
#include "newstrace/ingest.h"

namespace {

// A synthetic news-like text: mostly ASCII, typographic quotes and dashes,
// some Latin-1 letters, about 1 MB.
std::string NewsText() {
  std::string para =
      "\xE2\x80\x9CThe council will meet again on Thursday,\xE2\x80\x9D said "
      "the mayor of M\xC3\xBCnster \xE2\x80\x94 who had been in office since "
      "2019 \xE2\x80\x94 adding that the caf\xC3\xA9 owners would be heard. ";
  std::string s;
  while (s.size() < (1u << 20)) s += para;
  return s;
}

void BM_NormalizeNfc_Runwise(benchmark::State& state) {
  std::string s = NewsText();
  for (auto _ : state) {
    benchmark::DoNotOptimize(newstrace::base::NormalizeNfc(s));
  }
  state.SetBytesProcessed(state.iterations() * s.size());
}
BENCHMARK(BM_NormalizeNfc_Runwise);

void BM_NormalizeNfc_Utf8procBaseline(benchmark::State& state) {
  std::string s = NewsText();
  for (auto _ : state) {
    utf8proc_uint8_t* out =
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
    benchmark::DoNotOptimize(out);
    std::free(out);
  }
  state.SetBytesProcessed(state.iterations() * s.size());
}
BENCHMARK(BM_NormalizeNfc_Utf8procBaseline);

void BM_IsValidUtf8(benchmark::State& state) {
  std::string s = NewsText();
  for (auto _ : state) {
    benchmark::DoNotOptimize(newstrace::base::IsValidUtf8(s));
  }
  state.SetBytesProcessed(state.iterations() * s.size());
}
BENCHMARK(BM_IsValidUtf8);

void BM_IsValidUtf8_Utf8procIterateBaseline(benchmark::State& state) {
  std::string s = NewsText();
  for (auto _ : state) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    bool ok = true;
    while (left > 0) {
      utf8proc_int32_t cp;
      utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
      if (n <= 0) {
        ok = false;
        break;
      }
      p += n;
      left -= n;
    }
    benchmark::DoNotOptimize(ok);
  }
  state.SetBytesProcessed(state.iterations() * s.size());
}
BENCHMARK(BM_IsValidUtf8_Utf8procIterateBaseline);

void BM_DecodeToUtf8(benchmark::State& state) {
  std::string s = NewsText();
  for (auto _ : state) {
    auto r = newstrace::DecodeToUtf8(s, "", newstrace::Format::kText,
                                     newstrace::DecodeOptions());
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(state.iterations() * s.size());
}
BENCHMARK(BM_DecodeToUtf8);

}  // namespace

BENCHMARK_MAIN();
