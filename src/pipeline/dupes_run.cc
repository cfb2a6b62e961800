// FindDupes (pipeline.h): every LSH bucket's candidate pairs verified by
// exact Jaccard, linked with union-find, each group given its origin and
// the substitutions its copies made.
#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "newstrace/pipeline.h"

namespace newstrace {
namespace {

struct PairHash {
  size_t operator()(const std::pair<DocId, DocId>& p) const {
    return std::hash<uint64_t>()(p.first * 0x9E3779B97F4A7C15ull ^ p.second);
  }
};

class UnionFind {
 public:
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }
  size_t Add() {
    parent_.push_back(parent_.size());
    return parent_.size() - 1;
  }

 private:
  std::vector<size_t> parent_;
};

}  // namespace

Result<DupesSummary> FindDupes(
    Corpus* corpus, const DupesOptions& options,
    const std::function<void(const DupeGroup&)>& fn) {
  DupesSummary summary;
  const FingerprintOptions& fp = corpus->fingerprint_options();
  const double threshold =
      options.threshold > 0 ? options.threshold : fp.threshold;

  // 1. Candidate pairs from the buckets.
  std::unordered_set<std::pair<DocId, DocId>, PairHash> pairs;
  auto add_pair = [&](DocId a, DocId b) {
    if (a == b) return;
    pairs.insert(a < b ? std::make_pair(a, b) : std::make_pair(b, a));
  };
  NT_RETURN_IF_ERROR(corpus->ForEachLshBucket(
      options.max_pairwise_bucket * 8, [&](std::vector<DocId>& bucket) {
        ++summary.buckets;
        if (bucket.size() <= options.max_pairwise_bucket) {
          for (size_t i = 0; i < bucket.size(); ++i) {
            for (size_t j = i + 1; j < bucket.size(); ++j) {
              add_pair(bucket[i], bucket[j]);
            }
          }
        } else {  // a crowd of copies: link each to the first few
          for (size_t i = 0; i < 4 && i < bucket.size(); ++i) {
            for (size_t j = i + 1; j < bucket.size(); ++j) {
              add_pair(bucket[i], bucket[j]);
            }
          }
        }
        return !(options.stop && options.stop->load());
      }));
  if (options.stop && options.stop->load()) {
    summary.interrupted = true;
    return summary;
  }

  // 2. Verify each pair on the shingle sets.
  std::unordered_map<DocId, size_t> node;  // id -> union-find node
  std::vector<DocId> ids;
  std::vector<std::vector<uint64_t>> sets;
  UnionFind uf;
  auto load = [&](DocId id) -> Result<size_t> {
    auto it = node.find(id);
    if (it != node.end()) return it->second;
    NT_ASSIGN_OR_RETURN(std::optional<Record> r, corpus->Get(id));
    const size_t n = uf.Add();
    ids.push_back(id);
    sets.push_back(r ? BodyShingles(r->article, fp.shingle_size)
                     : std::vector<uint64_t>());
    node.emplace(id, n);
    return n;
  };
  std::vector<std::pair<DocId, DocId>> ordered(pairs.begin(), pairs.end());
  std::sort(ordered.begin(), ordered.end());
  for (const auto& [a, b] : ordered) {
    if (options.stop && options.stop->load()) {
      summary.interrupted = true;
      return summary;
    }
    NT_ASSIGN_OR_RETURN(size_t na, load(a));
    NT_ASSIGN_OR_RETURN(size_t nb, load(b));
    ++summary.pairs_verified;
    if (CompareShingles(sets[na], sets[nb]).jaccard >= threshold) {
      ++summary.pairs_linked;
      uf.Union(na, nb);
    }
    if (options.progress && summary.pairs_verified % 10000 == 0) {
      options.progress(summary.buckets, summary.pairs_verified);
    }
  }

  // 3. Groups, each with its origin and substitutions.
  std::map<size_t, std::vector<size_t>> components;
  for (size_t n = 0; n < ids.size(); ++n) components[uf.Find(n)].push_back(n);
  std::map<std::pair<std::string, std::string>, uint32_t> signature_groups;
  for (auto& [root, members] : components) {
    if (members.size() < 2) continue;
    ++summary.groups;
    DupeGroup g;
    std::vector<OriginCandidate> oc(members.size());
    std::vector<Record> records;
    for (size_t i = 0; i < members.size(); ++i) {
      NT_ASSIGN_OR_RETURN(std::optional<Record> r,
                          corpus->Get(ids[members[i]]));
      records.push_back(r ? std::move(*r) : Record());
      const Article& a = records.back().article;
      oc[i].published = a.published.empty() ? a.source.published : a.published;
      oc[i].fetched = a.source.fetched;
    }
    // Mean overlaps with the others (at most 50 of them each).
    for (size_t i = 0; i < members.size(); ++i) {
      size_t n = 0;
      const auto& si = sets[members[i]];
      for (size_t j = 0; j < members.size() && n < 50; ++j) {
        if (i == j) continue;
        const Overlap o = CompareShingles(si, sets[members[j]]);
        oc[i].contained += o.a_in_b;
        oc[i].holds += o.b_in_a;
        oc[i].similarity += o.jaccard;
        ++n;
      }
      if (n) {
        oc[i].contained /= n;
        oc[i].holds /= n;
        oc[i].similarity /= n;
      }
    }
    OriginChoice origin = ChooseOrigin(oc);
    const size_t o = static_cast<size_t>(std::max(origin.index, 0));
    std::vector<size_t> order(members.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_partition(order.begin(), order.end(),
                          [&](size_t i) { return i == o; });
    std::map<std::pair<std::string, std::string>, uint32_t> subs;
    for (size_t i : order) {
      g.ids.push_back(ids[members[i]]);
      g.jaccard.push_back(
          CompareShingles(sets[members[o]], sets[members[i]]).jaccard);
      if (options.substitutions && i != o) {
        const auto diff =
            DiffArticles(records[o].article, records[i].article, options.diff);
        for (const Substitution& s :
             FindSubstitutions(records[o].article, records[i].article, diff,
                               options.substitution_options)) {
          subs[{s.from, s.to}] += s.count;
        }
      }
    }
    for (size_t i : order) g.records.push_back(std::move(records[i]));
    for (const auto& [key, count] : subs) {
      g.substitutions.push_back({key.first, key.second, count});
      ++signature_groups[key];
    }
    std::stable_sort(g.substitutions.begin(), g.substitutions.end(),
                     [](const Substitution& x, const Substitution& y) {
                       return x.count > y.count;
                     });
    origin.index = 0;  // the origin is now first
    g.origin = origin;
    fn(g);
  }
  for (const auto& [key, groups] : signature_groups) {
    if (groups >= 2)
      summary.signatures.push_back({key.first, key.second, groups});
  }
  std::stable_sort(summary.signatures.begin(), summary.signatures.end(),
                   [](const Substitution& x, const Substitution& y) {
                     return x.count > y.count;
                   });
  return summary;
}

}  // namespace newstrace
