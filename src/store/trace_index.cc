#include "store/trace_index.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

namespace newstrace::store {
namespace {

uint16_t Remix16(uint32_t v) {
  uint64_t x = v * 0x9E3779B97F4A7C15ull;
  x ^= x >> 29;
  x *= 0xBF58476D1CE4E5B9ull;
  return static_cast<uint16_t>(x >> 48);
}

Status ExecBound(Stmt* s) {
  Result<bool> r = s->Step();
  s->Reset();
  return r.status();
}

}  // namespace

Result<FingerprintOptions> LoadOrInitParams(sqlite3* db,
                                            const FingerprintOptions& wanted,
                                            bool writable) {
  NT_ASSIGN_OR_RETURN(
      Stmt s, Stmt::Prepare(db, "SELECT name, value FROM trace_params"));
  FingerprintOptions o;
  int seen = 0;
  while (true) {
    NT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    const std::string name(s.Text(0)), value(s.Text(1));
    ++seen;
    char* end = nullptr;
    if (name == "shingle_size") {
      o.shingle_size = static_cast<int>(std::strtol(value.c_str(), &end, 10));
    } else if (name == "num_hashes") {
      o.num_hashes = static_cast<int>(std::strtol(value.c_str(), &end, 10));
    } else if (name == "threshold") {
      o.threshold = std::strtod(value.c_str(), &end);
    } else if (name == "reuse_sample") {
      o.reuse_sample = static_cast<int>(std::strtol(value.c_str(), &end, 10));
    } else if (name == "family") {
      if (!ParseMinHashFamily(value, &o.family)) {
        return Status::Corruption("unknown MinHash family in corpus: " + value);
      }
      continue;
    } else {
      continue;  // a later version's parameter: not ours to judge
    }
    if (end == value.c_str() || *end != '\0') {
      return Status::Corruption("unreadable trace parameter " + name);
    }
  }
  if (seen > 0) {
    Status v = o.Validate();
    if (!v.ok())
      return Status::Corruption("corpus trace parameters: " + v.message());
    return o;
  }
  NT_RETURN_IF_ERROR(wanted.Validate());
  if (!writable) return wanted;
  const LshBands bands = ChooseBands(wanted.threshold, wanted.num_hashes);
  NT_ASSIGN_OR_RETURN(
      Stmt put,
      Stmt::Prepare(db,
                    "INSERT INTO trace_params (name, value) VALUES (?1, ?2)"));
  char threshold[32];
  std::snprintf(threshold, sizeof threshold, "%.17g", wanted.threshold);
  const std::pair<std::string, std::string> rows[] = {
      {"shingle_size", std::to_string(wanted.shingle_size)},
      {"num_hashes", std::to_string(wanted.num_hashes)},
      {"family", std::string(MinHashFamilyName(wanted.family))},
      {"threshold", threshold},
      {"reuse_sample", std::to_string(wanted.reuse_sample)},
      // Derived, recorded for readers of the file (docs/format/store.md).
      {"bands", std::to_string(bands.bands)},
      {"rows", std::to_string(bands.rows)},
  };
  for (const auto& [name, value] : rows) {
    put.BindText(1, name);
    put.BindText(2, value);
    NT_RETURN_IF_ERROR(ExecBound(&put));
  }
  return wanted;
}

std::string PackSignature(const std::vector<uint32_t>& minhash) {
  std::string out(minhash.size() * 2, '\0');
  for (size_t i = 0; i < minhash.size(); ++i) {
    const uint16_t v = Remix16(minhash[i]);
    out[2 * i] = static_cast<char>(v & 0xFF);
    out[2 * i + 1] = static_cast<char>(v >> 8);
  }
  return out;
}

double EstimatePacked(std::string_view a, std::string_view b) {
  if (a.empty() || a.size() != b.size() || a.size() % 2) return 0;
  const size_t k = a.size() / 2;
  size_t equal = 0;
  for (size_t i = 0; i < k; ++i) {
    equal += a[2 * i] == b[2 * i] && a[2 * i + 1] == b[2 * i + 1];
  }
  // E[share] = J + (1 - J) 2^-16.
  constexpr double c = 1.0 / 65536;
  return std::clamp((double(equal) / k - c) / (1 - c), 0.0, 1.0);
}

Status TraceIndex::Insert(int64_t seq, const Fingerprint& f) {
  if (insert_sig_.get() == nullptr) {
    NT_ASSIGN_OR_RETURN(
        insert_sig_,
        Stmt::Prepare(db_,
                      "INSERT OR REPLACE INTO signatures "
                      "(seq, words, minhash) VALUES (?1, ?2, ?3)"));
    NT_ASSIGN_OR_RETURN(
        insert_lsh_,
        Stmt::Prepare(db_,
                      "INSERT OR IGNORE INTO lsh (key, seq) VALUES (?1, ?2)"));
    NT_ASSIGN_OR_RETURN(
        insert_reuse_,
        Stmt::Prepare(
            db_, "INSERT OR IGNORE INTO reuse (key, seq) VALUES (?1, ?2)"));
  }
  const std::string packed = PackSignature(f.minhash);
  insert_sig_.BindInt(1, seq);
  insert_sig_.BindInt(2, f.words);
  insert_sig_.BindBlob(3, packed.data(), packed.size());
  NT_RETURN_IF_ERROR(ExecBound(&insert_sig_));
  for (uint64_t key : f.band_keys) {
    pending_lsh_.emplace_back(static_cast<int64_t>(key), seq);
  }
  for (uint64_t key : f.reuse_keys) {
    pending_reuse_.emplace_back(static_cast<int64_t>(key), seq);
  }
  return Status::Ok();
}

Status TraceIndex::Flush() {
  // Sorted, the rows go into the B-trees in key order: each page is touched
  // once per batch instead of once per row (a large corpus's index does not
  // fit the page cache, and random inserts into it were 4x slower).
  auto write = [](Stmt* insert,
                  std::vector<std::pair<int64_t, int64_t>>* rows) {
    std::sort(rows->begin(), rows->end());
    for (const auto& [key, seq] : *rows) {
      insert->BindInt(1, key);
      insert->BindInt(2, seq);
      NT_RETURN_IF_ERROR(ExecBound(insert));
    }
    rows->clear();
    return Status::Ok();
  };
  if (pending_lsh_.empty() && pending_reuse_.empty()) return Status::Ok();
  NT_RETURN_IF_ERROR(write(&insert_lsh_, &pending_lsh_));
  return write(&insert_reuse_, &pending_reuse_);
}

void TraceIndex::DiscardPending() {
  pending_lsh_.clear();
  pending_reuse_.clear();
}

Status TraceIndex::Remove(int64_t seq, const Fingerprint& f) {
  NT_RETURN_IF_ERROR(Flush());
  NT_ASSIGN_OR_RETURN(
      Stmt sig, Stmt::Prepare(db_, "DELETE FROM signatures WHERE seq = ?1"));
  sig.BindInt(1, seq);
  NT_RETURN_IF_ERROR(ExecBound(&sig));
  // The postings of `keys` in `table` ("lsh" or "reuse").
  auto remove = [&](const char* table,
                    const std::vector<uint64_t>& keys) -> Status {
    NT_ASSIGN_OR_RETURN(Stmt del,
                        Stmt::Prepare(db_, std::string("DELETE FROM ") + table +
                                               " WHERE key = ?1 AND seq = ?2"));
    for (uint64_t key : keys) {
      del.BindInt(1, static_cast<int64_t>(key));
      del.BindInt(2, seq);
      NT_RETURN_IF_ERROR(ExecBound(&del));
    }
    return Status::Ok();
  };
  NT_RETURN_IF_ERROR(remove("lsh", f.band_keys));
  return remove("reuse", f.reuse_keys);
}

Result<std::vector<TraceCandidate>> TraceIndex::Candidates(
    const Fingerprint& f, const CandidateQuery& q) {
  NT_RETURN_IF_ERROR(Flush());
  if (find_lsh_.get() == nullptr) {
    NT_ASSIGN_OR_RETURN(
        find_lsh_, Stmt::Prepare(db_, "SELECT seq FROM lsh WHERE key = ?1"));
    NT_ASSIGN_OR_RETURN(
        find_reuse_,
        Stmt::Prepare(db_, "SELECT seq FROM reuse WHERE key = ?1 LIMIT ?2"));
    NT_ASSIGN_OR_RETURN(
        candidate_,
        Stmt::Prepare(db_,
                      "SELECT d.id, s.minhash FROM documents d LEFT JOIN "
                      "signatures s ON s.seq = d.seq WHERE d.seq = ?1"));
  }
  struct Counts {
    uint32_t bands = 0;
    uint32_t reuse = 0;
  };
  std::unordered_map<int64_t, Counts> counts;
  for (uint64_t key : f.band_keys) {
    find_lsh_.BindInt(1, static_cast<int64_t>(key));
    while (true) {
      Result<bool> row = find_lsh_.Step();
      if (!row.ok()) {
        find_lsh_.Reset();
        return row.status();
      }
      if (!*row) break;
      ++counts[find_lsh_.Int(0)].bands;
    }
    find_lsh_.Reset();
  }
  // Sampled shingles: one shared by more than max_posting documents is a
  // stock phrase, not evidence of reuse.
  std::vector<int64_t> seqs;
  for (uint64_t key : f.reuse_keys) {
    find_reuse_.BindInt(1, static_cast<int64_t>(key));
    find_reuse_.BindInt(2, static_cast<int64_t>(q.max_posting) + 1);
    seqs.clear();
    while (true) {
      Result<bool> row = find_reuse_.Step();
      if (!row.ok()) {
        find_reuse_.Reset();
        return row.status();
      }
      if (!*row) break;
      seqs.push_back(find_reuse_.Int(0));
    }
    find_reuse_.Reset();
    if (seqs.size() > q.max_posting) continue;
    for (int64_t s : seqs) ++counts[s].reuse;
  }
  // LSH candidates all; reuse-only ones with enough hits, the best first.
  std::vector<std::pair<int64_t, Counts>> chosen, reuse_only;
  for (const auto& [seq, c] : counts) {
    if (c.bands > 0) {
      chosen.emplace_back(seq, c);
    } else if (c.reuse >= q.min_reuse_hits) {
      reuse_only.emplace_back(seq, c);
    }
  }
  std::sort(reuse_only.begin(), reuse_only.end(),
            [](const auto& a, const auto& b) {
              return a.second.reuse != b.second.reuse
                         ? a.second.reuse > b.second.reuse
                         : a.first < b.first;
            });
  if (reuse_only.size() > q.max_reuse_candidates) {
    reuse_only.resize(q.max_reuse_candidates);
  }
  chosen.insert(chosen.end(), reuse_only.begin(), reuse_only.end());
  const std::string packed = PackSignature(f.minhash);
  std::vector<TraceCandidate> out;
  for (const auto& [seq, c] : chosen) {
    candidate_.BindInt(1, seq);
    Result<bool> row = candidate_.Step();
    if (!row.ok()) {
      candidate_.Reset();
      return row.status();
    }
    if (*row) {
      TraceCandidate t;
      t.id = static_cast<DocId>(candidate_.Int(0));
      t.bands = c.bands;
      t.reuse_hits = c.reuse;
      t.estimate = EstimatePacked(packed, candidate_.Blob(1));
      if (t.id != q.exclude) out.push_back(t);
    }
    candidate_.Reset();
  }
  std::sort(out.begin(), out.end(),
            [](const TraceCandidate& a, const TraceCandidate& b) {
              if (a.estimate != b.estimate) return a.estimate > b.estimate;
              if (a.reuse_hits != b.reuse_hits)
                return a.reuse_hits > b.reuse_hits;
              return a.id < b.id;
            });
  return out;
}

Status TraceIndex::ForEachBucket(
    size_t max_bucket, const std::function<bool(std::vector<DocId>&)>& fn) {
  NT_RETURN_IF_ERROR(Flush());
  NT_ASSIGN_OR_RETURN(
      Stmt s, Stmt::Prepare(db_,
                            "SELECT l.key, d.id FROM lsh l JOIN documents d "
                            "ON d.seq = l.seq ORDER BY l.key"));
  std::vector<DocId> bucket;
  int64_t key = 0;
  bool any = false;
  while (true) {
    NT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row || !any || s.Int(0) != key) {
      if (bucket.size() >= 2 && !fn(bucket)) return Status::Ok();
      bucket.clear();
      if (!row) break;
      key = s.Int(0);
      any = true;
    }
    if (bucket.size() < max_bucket)
      bucket.push_back(static_cast<DocId>(s.Int(1)));
  }
  return Status::Ok();
}

}  // namespace newstrace::store
