// extraction_runner: the newstrace side of the extraction benchmark
// (bench/extraction_bench.py drives it and runs the baseline in the same run).
//
// Reads a manifest (one "id<TAB>path" per line; .gz paths are gunzipped),
// loads every page into memory, then extracts each page `--repeat` times on
// one thread, timing only Extract (decode + parse + extract + language).
// Writes one JSON line per page (id, body, title, authors, published) to
// stdout and a summary line {"pages","bytes","seconds"} with the best of the
// repeats' total times to stderr. With `--dump-json FILE`, also writes each
// page's full record (RecordToJson, one line per page, manifest order) to
// FILE: the reference that speed work diffs against.
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newstrace/extract.h"
#include "newstrace/pipeline.h"

namespace {

bool ReadGz(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, n);
  bool ok = n == 0;
  gzclose(f);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::string manifest;
  std::string dump_json;
  int repeat = 1;
  size_t language_sample = 65536;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--language-sample") == 0 && i + 1 < argc) {
      language_sample = static_cast<size_t>(std::atol(argv[++i]));
    } else if (std::strcmp(argv[i], "--dump-json") == 0 && i + 1 < argc) {
      dump_json = argv[++i];
    } else {
      manifest = argv[i];
    }
  }
  if (manifest.empty()) {
    std::fprintf(stderr,
                 "usage: extraction_runner MANIFEST [--repeat N] "
                 "[--dump-json FILE]\n");
    return 2;
  }
  std::ifstream in(manifest);
  std::vector<newstrace::RawDoc> docs;
  std::string line;
  size_t total_bytes = 0;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    newstrace::RawDoc doc;
    doc.id = line.substr(0, tab);
    // A page keyed by its URL (the trafilatura set) is given it, as a
    // crawler gives every page its URL (`analyze --url`, WARC, JSONL).
    if (doc.id.rfind("http://", 0) == 0 || doc.id.rfind("https://", 0) == 0) {
      doc.source.url = doc.id;
    }
    doc.format = newstrace::Format::kHtml;
    if (!ReadGz(line.substr(tab + 1), &doc.bytes)) {
      std::fprintf(stderr, "cannot read %s\n", line.c_str() + tab + 1);
      return 1;
    }
    total_bytes += doc.bytes.size();
    docs.push_back(std::move(doc));
  }

  newstrace::ExtractOptions options;
  options.language_sample_bytes = language_sample;
  std::vector<newstrace::Article> articles(docs.size());
  std::vector<bool> ok(docs.size(), false);
  double best = std::numeric_limits<double>::max();
  for (int r = 0; r < repeat; ++r) {
    auto start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < docs.size(); ++i) {
      auto res = newstrace::Extract(docs[i], options);
      ok[i] = res.ok();
      if (res.ok()) articles[i] = std::move(res).value();
    }
    double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    best = std::min(best, secs);
  }

  if (!dump_json.empty()) {
    std::ofstream out(dump_json);
    for (size_t i = 0; i < docs.size(); ++i) {
      newstrace::Record record;
      record.article = articles[i];
      out << (ok[i] ? newstrace::RecordToJson(record, {}) : "failed") << "\n";
    }
  }

  for (size_t i = 0; i < docs.size(); ++i) {
    nlohmann::json j;
    j["id"] = docs[i].id;
    j["ok"] = static_cast<bool>(ok[i]);
    j["body"] = articles[i].BodyText();
    j["title"] = articles[i].title;
    j["authors"] = articles[i].authors;
    j["published"] = articles[i].published;
    std::cout << j.dump(-1, ' ', false,
                        nlohmann::json::error_handler_t::replace)
              << "\n";
  }
  nlohmann::json summary = {
      {"pages", docs.size()}, {"bytes", total_bytes}, {"seconds", best}};
  std::cerr << summary.dump() << "\n";
  return 0;
}
