// Reading labeled documents for training and evaluation (pipeline.h).
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <memory>

#include "base/url.h"
#include "newstrace/pipeline.h"

namespace newstrace {

AnalyzeOptions ClassifierAnalyzeOptions() {
  AnalyzeOptions o;
  // Quotes feed the attribution signals; entities only resolve speakers
  // (a named speaker keeps the name as written) and would more than double
  // the time per article; figures and the language are not read.
  o.analysis.figures = false;
  o.analysis.entities = false;
  o.extract.detect_language = false;
  return o;
}

Result<Record> AnalyzeForClassifier(const RawDoc& doc,
                                    const AnalyzeOptions& options) {
  Result<Record> r = AnalyzeDocument(doc, options);
  if (r.ok() || doc.source.title.empty()) return r;
  // Nothing to extract (a headline-only row): the title alone.
  Record record;
  record.article.title = doc.source.title;
  record.article.source = doc.source;
  record.article.id = doc.id;
  AnalyzeArticle(options.analysis, &record);
  return record;
}

Result<LabeledData> ReadLabeled(const std::vector<std::string>& paths,
                                const LabeledReadOptions& options) {
  LabeledData out;
  std::vector<RawDoc> docs;
  for (const std::string& path : paths) {
    NT_ASSIGN_OR_RETURN(std::unique_ptr<DocumentReader> reader,
                        OpenReader(path, options.reader));
    RawDoc doc;
    while (true) {
      NT_ASSIGN_OR_RETURN(bool more, reader->Next(&doc));
      if (!more) break;
      if (doc.source.label.empty()) {
        ++out.unlabeled;
        continue;
      }
      docs.push_back(std::move(doc));
      doc = RawDoc();
    }
    out.malformed += reader->stats().malformed;
    for (const Diagnostic& d : reader->stats().problems) {
      if (out.problems.size() < ReadStats::kMaxProblems) {
        out.problems.push_back(d);
      }
    }
  }
  std::vector<std::optional<Record>> records(docs.size());
  std::vector<std::string> errors(docs.size());
  auto work = [&](const tbb::blocked_range<size_t>& range) {
    for (size_t i = range.begin(); i < range.end(); ++i) {
      Result<Record> r = AnalyzeForClassifier(docs[i], options.analyze);
      if (r.ok()) {
        records[i] = std::move(r).value();
      } else {
        errors[i] = docs[i].id + ": " + r.status().message();
      }
    }
  };
  std::unique_ptr<tbb::global_control> limit;
  if (options.threads > 0) {
    limit = std::make_unique<tbb::global_control>(
        tbb::global_control::max_allowed_parallelism, options.threads);
  }
  tbb::parallel_for(tbb::blocked_range<size_t>(0, docs.size(), 16), work);
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!records[i]) {
      ++out.failed;
      if (out.problems.size() < ReadStats::kMaxProblems) {
        out.problems.push_back({"unanalyzable", errors[i]});
      }
      continue;
    }
    LabeledRecord row;
    row.label = docs[i].source.label;
    row.group = docs[i].source.domain;
    if (row.group.empty() && !docs[i].source.url.empty()) {
      row.group = base::UrlDomain(docs[i].source.url);
    }
    row.record = std::move(*records[i]);
    out.ids.push_back(docs[i].id);
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace newstrace
