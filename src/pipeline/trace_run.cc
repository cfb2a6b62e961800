// TraceDocument (pipeline.h): candidates from the corpus' trace index,
// verified on the articles themselves, then the origin and the diffs.
#include <algorithm>

#include "newstrace/pipeline.h"

namespace newstrace {
namespace {

double Threshold(double wanted, const Corpus& corpus) {
  return wanted > 0 ? wanted : corpus.fingerprint_options().threshold;
}

}  // namespace

Result<TraceReport> TraceDocument(Corpus* corpus, const Record& query,
                                  const TraceOptions& options) {
  TraceReport report;
  report.query = query;
  const Article& q = query.article;
  report.query_id = ContentId(q);
  const FingerprintOptions& fp = corpus->fingerprint_options();
  const double threshold = Threshold(options.threshold, *corpus);
  ReuseOptions reuse_options = options.reuse;
  reuse_options.shingle_size = fp.shingle_size;

  const Fingerprint f = ComputeFingerprint(q, fp);
  CandidateQuery cq = options.candidates;
  cq.exclude = report.query_id;
  NT_ASSIGN_OR_RETURN(std::vector<TraceCandidate> candidates,
                      corpus->FindCandidates(f, cq));
  NT_ASSIGN_OR_RETURN(std::optional<Record> self, corpus->Get(report.query_id));
  report.query_stored = self.has_value();
  if (candidates.size() > options.max_candidates) {
    candidates.resize(options.max_candidates);
  }

  // The query's shingles, once for all candidates.
  const std::vector<uint64_t> query_shingles = BodyShingles(q, fp.shingle_size);
  for (const TraceCandidate& c : candidates) {
    NT_ASSIGN_OR_RETURN(std::optional<Record> r, corpus->Get(c.id));
    if (!r) continue;  // removed meanwhile
    ++report.candidates;
    TraceMatch m;
    m.id = c.id;
    m.estimate = c.estimate;
    m.overlap = CompareShingles(query_shingles,
                                BodyShingles(r->article, fp.shingle_size));
    if (m.overlap.jaccard >= threshold) {
      m.relation = "near_copy";
    } else {
      // Partial reuse: passages from the longer article (more distinct
      // shingles) into the shorter.
      m.reuse_from_query = m.overlap.a_shingles >= m.overlap.b_shingles;
      m.reuse = m.reuse_from_query ? FindReuse(q, r->article, reuse_options)
                                   : FindReuse(r->article, q, reuse_options);
      if (m.reuse.share() < options.min_reuse_share) continue;
      m.relation = "reuse";
    }
    m.record = std::move(*r);
    report.matches.push_back(std::move(m));
  }
  std::stable_sort(report.matches.begin(), report.matches.end(),
                   [](const TraceMatch& a, const TraceMatch& b) {
                     if (a.relation != b.relation) {
                       return a.relation == "near_copy";
                     }
                     if (a.relation == "near_copy") {
                       return a.overlap.jaccard > b.overlap.jaccard;
                     }
                     return a.reuse.share() > b.reuse.share();
                   });
  if (report.matches.size() > options.limit) {
    report.matches.resize(options.limit);
  }

  // The origin among the query and its near copies: pairwise containment
  // from the copies' shingle sets.
  std::vector<const Article*> group = {&q};
  for (const TraceMatch& m : report.matches) {
    if (m.relation == "near_copy") group.push_back(&m.record.article);
  }
  std::vector<OriginCandidate> oc(group.size());
  for (size_t i = 0; i < group.size(); ++i) {
    oc[i].published = group[i]->published.empty() ? group[i]->source.published
                                                  : group[i]->published;
    oc[i].fetched = group[i]->source.fetched;
  }
  if (group.size() > 1) {
    const size_t n = group.size();
    std::vector<std::vector<uint64_t>> sets(n);  // the copies' shingles
    for (size_t i = 1; i < n; ++i) {
      sets[i] = BodyShingles(*group[i], fp.shingle_size);
    }
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        // The query's overlaps are already known.
        const Overlap o = i == 0 ? report.matches[j - 1].overlap
                                 : CompareShingles(sets[i], sets[j]);
        oc[i].contained += o.a_in_b / (n - 1);
        oc[j].contained += o.b_in_a / (n - 1);
        oc[i].holds += o.b_in_a / (n - 1);
        oc[j].holds += o.a_in_b / (n - 1);
        oc[i].similarity += o.jaccard / (n - 1);
        oc[j].similarity += o.jaccard / (n - 1);
      }
    }
  }
  report.origin = ChooseOrigin(oc);
  report.origin_id = report.origin.index <= 0
                         ? report.query_id
                         : report.matches[report.origin.index - 1].id;

  // Diffs: from the origin's side when the query or the match is it.
  for (TraceMatch& m : report.matches) {
    if (m.relation != "near_copy") continue;
    m.diff_from_query = report.origin.index == 0;
    const Article& from = m.diff_from_query ? q : m.record.article;
    const Article& to = m.diff_from_query ? m.record.article : q;
    m.diff = DiffArticles(from, to, options.diff);
    m.substitutions =
        FindSubstitutions(from, to, m.diff, options.substitutions);
  }
  return report;
}

}  // namespace newstrace
