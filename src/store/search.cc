// Search and statistics (search.h).
//
// A query is first handed to FTS5 as written, so users keep its syntax
// (AND, OR, NOT, NEAR, "phrases", prefix*). Text that is not valid FTS5
// syntax (a hyphen, a stray quote, "U.S.") is retried as plain words rather
// than rejected: most queries are typed by people, not query builders.
#include "store/search.h"

#include <string>

#include "store/sqlite_util.h"

namespace newstrace::store {
namespace {

bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c == '_';
}

// Title matches weigh more than body matches.
// nt_bm25 is bm25() with stored lengths (rank.h).
constexpr const char kBm25[] = "nt_bm25(documents_fts, 4.0, 1.0)";
constexpr const char kBm25DeferredIdf[] =
    "nt_bm25_deferred_idf(documents_fts, 4.0, 1.0)";

// Two steps, so the costly parts run for the hits shown only: (1) rank
// every match by BM25 and keep the best `limit` rowids (a join with
// documents only when a filter needs it); (2) for each kept rowid, fetch its
// fields and build its snippet. Building snippets inside the ranking query
// would read and re-tokenize the body of every match before sorting.
// The parameter number of score filter i's first value (scores.h).
int FilterParam(size_t i) { return 10 + 3 * static_cast<int>(i); }

Result<std::vector<SearchHit>> Query(sqlite3* db, DeferredIdf* deferred,
                                     ScoreTable* scores, const SearchQuery& q,
                                     const std::string& match) {
  const bool filtered = !q.domain.empty() || !q.since.empty() ||
                        !q.until.empty() || !q.scores.empty();
  // Unfiltered, every match is scored: the IDF of a one-phrase query can be
  // applied afterwards from the number of rows seen (rank.h).
  const bool defer = !filtered && deferred != nullptr;
  if (deferred != nullptr) deferred->active = false;
  std::string sql = "SELECT documents_fts.rowid, ";
  sql += defer ? kBm25DeferredIdf : kBm25;
  sql += " AS score FROM documents_fts";
  if (filtered) sql += " JOIN documents d ON d.seq = documents_fts.rowid";
  sql += " WHERE documents_fts MATCH ?1";
  if (!q.domain.empty()) sql += " AND d.domain = ?2";
  if (!q.since.empty()) sql += " AND d.published >= ?3";
  // A date-time on the last day still counts: compare with its date part.
  if (!q.until.empty()) sql += " AND substr(d.published, 1, 10) <= ?4";
  for (size_t i = 0; i < q.scores.size(); ++i) {
    sql += " AND " + FilterSql(q.scores[i], "d.seq", FilterParam(i));
  }
  sql += " ORDER BY score LIMIT ?5";
  NT_ASSIGN_OR_RETURN(Stmt rank, Stmt::Prepare(db, sql));
  rank.BindText(1, match);
  if (!q.domain.empty()) rank.BindText(2, q.domain);
  if (!q.since.empty()) rank.BindText(3, q.since);
  if (!q.until.empty()) rank.BindText(4, q.until);
  rank.BindInt(5, static_cast<int64_t>(q.limit));
  for (size_t i = 0; i < q.scores.size(); ++i) {
    BindFilter(rank, q.scores[i], FilterParam(i));
  }
  std::vector<SearchHit> hits;
  std::vector<int64_t> seqs;  // the FTS rowids (documents.seq) of the hits
  while (true) {
    NT_ASSIGN_OR_RETURN(bool row, rank.Step());
    if (!row) break;
    seqs.push_back(rank.Int(0));
    SearchHit h;
    h.score = -rank.Double(1);  // SQLite's bm25 is lower-is-better
    hits.push_back(std::move(h));
  }
  if (hits.empty()) return hits;
  if (defer && deferred->active) {
    const double idf = deferred->Idf();
    for (SearchHit& h : hits) h.score *= idf;
    deferred->active = false;
  }

  NT_ASSIGN_OR_RETURN(
      Stmt detail,
      Stmt::Prepare(db,
                    "SELECT d.title, d.url, d.domain, d.published, "
                    "snippet(documents_fts, 1, ?2, ?3, '…', 24), d.id FROM "
                    "documents_fts JOIN documents d ON d.seq = "
                    "documents_fts.rowid WHERE documents_fts MATCH ?1 AND "
                    "documents_fts.rowid = ?4"));
  std::vector<SearchHit> found;
  for (size_t i = 0; i < hits.size(); ++i) {
    SearchHit& h = hits[i];
    detail.Reset();
    detail.BindText(1, match);
    detail.BindText(2, q.mark_begin);
    detail.BindText(3, q.mark_end);
    detail.BindInt(4, seqs[i]);
    NT_ASSIGN_OR_RETURN(bool row, detail.Step());
    if (!row) continue;  // cannot happen: the same match found it
    h.title = std::string(detail.Text(0));
    h.url = std::string(detail.Text(1));
    h.domain = std::string(detail.Text(2));
    h.published = std::string(detail.Text(3));
    h.snippet = std::string(detail.Text(4));
    h.id = static_cast<DocId>(detail.Int(5));
    NT_ASSIGN_OR_RETURN(h.scores, scores->Get(seqs[i]));
    found.push_back(std::move(h));
  }
  return found;
}

// The first words of `body`, about `bytes` long, cut at a space.
std::string Lead(std::string_view body, size_t bytes) {
  std::string out;
  for (char c : body.substr(0, bytes + 40)) out += c == '\n' ? ' ' : c;
  if (out.size() <= bytes) return out;
  size_t cut = out.rfind(' ', bytes);
  if (cut == std::string::npos || cut < bytes / 2) {
    cut = bytes;
    // Not inside a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
      --cut;
    }
  }
  out.resize(cut);
  return out + "…";
}

// Hits of score filters alone (no words): the first filter's probability,
// highest first.
Result<std::vector<SearchHit>> FilterOnly(sqlite3* db, ScoreTable* scores,
                                          const SearchQuery& q) {
  const ScoreFilter& first = q.scores.front();
  std::string sql =
      "SELECT d.seq, s0.probability, d.title, d.url, d.domain, d.published, "
      "substr(d.body, 1, 400), d.id FROM scores s0 JOIN documents d ON "
      "d.seq = s0.seq WHERE s0.model = ?1 AND s0.label = ?2 AND ";
  sql += first.min_probability ? "s0.probability >= ?3" : "s0.top = 1";
  if (!q.domain.empty()) sql += " AND d.domain = ?4";
  if (!q.since.empty()) sql += " AND d.published >= ?5";
  if (!q.until.empty()) sql += " AND substr(d.published, 1, 10) <= ?6";
  for (size_t i = 1; i < q.scores.size(); ++i) {
    sql += " AND " + FilterSql(q.scores[i], "d.seq", FilterParam(i));
  }
  sql += " ORDER BY s0.probability DESC, d.seq LIMIT ?7";
  NT_ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db, sql));
  s.BindText(1, first.model);
  s.BindText(2, first.label);
  if (first.min_probability) s.BindDouble(3, *first.min_probability);
  if (!q.domain.empty()) s.BindText(4, q.domain);
  if (!q.since.empty()) s.BindText(5, q.since);
  if (!q.until.empty()) s.BindText(6, q.until);
  s.BindInt(7, static_cast<int64_t>(q.limit));
  for (size_t i = 1; i < q.scores.size(); ++i) {
    BindFilter(s, q.scores[i], FilterParam(i));
  }
  std::vector<std::pair<int64_t, SearchHit>> rows;
  while (true) {
    NT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    SearchHit h;
    h.score = s.Double(1);
    h.title = std::string(s.Text(2));
    h.url = std::string(s.Text(3));
    h.domain = std::string(s.Text(4));
    h.published = std::string(s.Text(5));
    h.snippet = Lead(s.Text(6), 160);
    h.id = static_cast<DocId>(s.Int(7));
    rows.emplace_back(s.Int(0), std::move(h));
  }
  std::vector<SearchHit> hits;
  for (auto& [seq, h] : rows) {
    NT_ASSIGN_OR_RETURN(h.scores, scores->Get(seq));
    hits.push_back(std::move(h));
  }
  return hits;
}

}  // namespace

std::string QuoteFtsQuery(std::string_view text) {
  std::string out;
  size_t i = 0;
  auto add_term = [&](std::string_view words) {
    if (!out.empty()) out += ' ';
    out += '"';
    out += words;
    out += '"';
  };
  while (i < text.size()) {
    if (text[i] == '"') {
      // A phrase: its words, single-spaced, as one quoted term.
      size_t close = text.find('"', i + 1);
      std::string_view inner = text.substr(
          i + 1, close == std::string_view::npos ? std::string_view::npos
                                                 : close - i - 1);
      std::string phrase;
      for (size_t j = 0; j < inner.size();) {
        if (!IsWordByte(static_cast<unsigned char>(inner[j]))) {
          ++j;
          continue;
        }
        size_t k = j;
        while (k < inner.size() &&
               IsWordByte(static_cast<unsigned char>(inner[k])))
          ++k;
        if (!phrase.empty()) phrase += ' ';
        phrase.append(inner.substr(j, k - j));
        j = k;
      }
      if (!phrase.empty()) add_term(phrase);
      i = close == std::string_view::npos ? text.size() : close + 1;
      continue;
    }
    if (!IsWordByte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t k = i;
    while (k < text.size() && IsWordByte(static_cast<unsigned char>(text[k])))
      ++k;
    std::string_view word = text.substr(i, k - i);
    // FTS5's operators (upper case only) left over from a query that was
    // not valid syntax: the user meant them as operators, not as words.
    if (word != "AND" && word != "OR" && word != "NOT" && word != "NEAR") {
      add_term(word);
    }
    i = k;
  }
  return out;
}

Result<std::vector<SearchHit>> RunSearch(sqlite3* db, DeferredIdf* deferred,
                                         ScoreTable* scores,
                                         const SearchQuery& q) {
  NT_RETURN_IF_ERROR(scores->CheckFilters(q.scores));
  std::string quoted = QuoteFtsQuery(q.text);
  if (quoted.empty()) {
    if (q.scores.empty() ||
        q.text.find_first_not_of(" \t\n") != std::string::npos) {
      return Status::InvalidArgument("empty search query");
    }
    if (q.limit == 0) return std::vector<SearchHit>();
    return FilterOnly(db, scores, q);
  }
  if (q.limit == 0) return std::vector<SearchHit>();
  Result<std::vector<SearchHit>> hits = Query(db, deferred, scores, q, q.text);
  if (hits.ok()) return hits;
  // Not FTS5 syntax (or an FTS5 error about the query): retry as words.
  return Query(db, deferred, scores, q, quoted);
}

Result<CorpusStats> RunStats(sqlite3* db, ScoreTable* scores) {
  CorpusStats st;
  {
    NT_ASSIGN_OR_RETURN(
        Stmt s,
        Stmt::Prepare(
            db,
            "SELECT count(*), coalesce(sum(length(CAST(text AS BLOB))), 0), "
            "min(nullif(published, '')), max(nullif(published, '')), "
            "sum(published IS NULL OR published = '') FROM documents"));
    NT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) {
      st.documents = static_cast<uint64_t>(s.Int(0));
      st.text_bytes = static_cast<uint64_t>(s.Int(1));
      st.first_published = std::string(s.Text(2));
      st.last_published = std::string(s.Text(3));
      st.undated = static_cast<uint64_t>(s.Int(4));
    }
  }
  auto counts =
      [&](const char* column,
          std::vector<std::pair<std::string, uint64_t>>* out) -> Status {
    std::string sql = std::string("SELECT coalesce(") + column +
                      ", ''), count(*) AS n FROM documents GROUP BY 1 "
                      "ORDER BY n DESC, 1 LIMIT 50";
    NT_ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db, sql));
    while (true) {
      NT_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out->emplace_back(std::string(s.Text(0)),
                        static_cast<uint64_t>(s.Int(1)));
    }
    return Status::Ok();
  };
  NT_RETURN_IF_ERROR(counts("domain", &st.domains));
  NT_RETURN_IF_ERROR(counts("label", &st.labels));
  NT_RETURN_IF_ERROR(counts("language", &st.languages));
  NT_ASSIGN_OR_RETURN(st.scores, scores->Counts());
  {
    NT_ASSIGN_OR_RETURN(
        Stmt s, Stmt::Prepare(db,
                              "SELECT page_count * page_size FROM "
                              "pragma_page_count(), pragma_page_size()"));
    NT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) st.file_bytes = static_cast<uint64_t>(s.Int(0));
  }
  return st;
}

}  // namespace newstrace::store
