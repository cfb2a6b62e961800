// See sparse_model.h.
//
// Design note. A row's vector: each kept bucket b with count k gets
// (1 + ln k) * idf_b, idf_b = ln((1 + n) / (1 + df_b)) + 1 over the n
// training rows, and the vector is scaled to unit length (the weighting of
// scikit-learn's TfidfVectorizer with sublinear_tf, smooth_idf). Training
// minimizes the mean softmax log loss plus l2/2 |W|^2 by L-BFGS (memory 8)
// with a backtracking line search, in doubles over the kept buckets only;
// the model keeps floats, and every score (training's held-out ones too)
// is computed from the floats.
#include "classify/sparse_model.h"

// Inlined XXH3 for the title's character n-grams, a few bytes each.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <deque>
#include <unordered_map>

#include "classify/le_bytes.h"
#include "classify/text.h"

namespace newstrace::classify {
namespace {

constexpr uint64_t kBigramMix = 0x9e3779b97f4a7c15ull;
constexpr uint64_t kTitleSalt = 0x7469746c653a0000ull;  // "title:"
constexpr int kMemory = 8;

constexpr uint64_t kCharSeed = 0x63686172;              // "char"
constexpr uint64_t kShapeSalt = 0x7368617065000000ull;  // "shape"
constexpr size_t kMaxCharWord = 40;  // longer title words: their first 40 bytes

// Appends to *out the (bucket, count) pairs of v[0, n), sorted by bucket;
// the values are below 2^bits, and are left in any order.
//
// Prediction counts a document's n-grams (a thousand in an article) once
// per call, so this is no general sort: one pass deals the values into
// bins by their top bits, about a bin per value, and an insertion sort
// then only moves a value within its bin, a step or so, as buckets are
// hashes. Should values crowd one bin (words chosen to collide), the
// insertion sort gives up after a few steps per value on average and
// std::sort finishes.
void Count(uint32_t* v, size_t n, int bits,
           std::vector<std::pair<uint32_t, float>>* out) {
  if (n == 0) return;
  const uint32_t* sorted = v;
  // Scratch kept per thread across calls; `count` is all zeros between
  // calls (the prefix pass clears what it used).
  constexpr int kMaxTop = 12;
  thread_local std::vector<uint32_t> count(size_t{1} << kMaxTop), start, tmp;
  if (n < 32 || n > (size_t{2} << kMaxTop)) {
    std::sort(v, v + n);
  } else {
    const int top = std::clamp(static_cast<int>(std::bit_width(n)) - 1, 1,
                               std::min(bits, kMaxTop));
    const int shift = bits - top;
    const size_t bins = size_t{1} << top;
    if (start.size() < bins) start.resize(bins);
    if (tmp.size() < n + 1) tmp.resize(n + 1);
    uint32_t* c = count.data();
    uint32_t* at = start.data();
    // tmp[0] = 0 stops the insertion sort: nothing is below it.
    tmp[0] = 0;
    uint32_t* s = tmp.data() + 1;
    for (size_t k = 0; k < n; ++k) ++c[v[k] >> shift];
    uint32_t sum = 0;
    for (size_t k = 0; k < bins; ++k) {
      at[k] = sum;
      sum += c[k];
      c[k] = 0;
    }
    for (size_t k = 0; k < n; ++k) {
      const uint32_t b = v[k];  // loaded once: the stores may alias v
      s[at[b >> shift]++] = b;
    }
    size_t moved = 0;
    const size_t budget = 4 * n;  // steps the insertion sort may take
    for (size_t k = 1; k < n; ++k) {
      const uint32_t b = s[k];
      if (s[k - 1] <= b) continue;
      size_t j = k;
      do {
        s[j] = s[j - 1];
        --j;
      } while (s[j - 1] > b);
      s[j] = b;
      moved += k - j;
      if (moved > budget) {
        std::sort(s, s + n);
        break;
      }
    }
    sorted = s;
  }
  uint32_t run = sorted[0];
  size_t from = 0;
  for (size_t k = 1; k < n; ++k) {
    if (sorted[k] == run) continue;
    out->push_back({run, static_cast<float>(k - from)});
    run = sorted[k];
    from = k;
  }
  out->push_back({run, static_cast<float>(n - from)});
}

// Replaces the buckets of v[0, n) that have a row (row_of[b] >= 0) by
// their rows, moved to its front in order, and returns their count.
size_t KeepRows(uint32_t* v, size_t n, const int32_t* row_of) {
  size_t kept = 0;
  for (size_t k = 0; k < n; ++k) {
    const int32_t r = row_of[v[k]];
    v[kept] = static_cast<uint32_t>(r);
    kept += r >= 0;
  }
  return kept;
}

uint64_t Mix(uint64_t x) {  // splitmix64's finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

// Training rows as TF-IDF vectors over local feature ids.
struct Matrix {
  std::vector<size_t> start;  // rows + 1
  std::vector<int32_t> col;
  std::vector<double> val;
};

double Dot(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

// Mean log loss + l2/2 |W|^2 at theta (features x classes, then classes
// biases), and its gradient.
double Objective(const Matrix& x, const std::vector<int>& y, int classes,
                 size_t features, double l2, const std::vector<double>& theta,
                 std::vector<double>* grad) {
  grad->assign(theta.size(), 0.0);
  const double* bias = theta.data() + features * classes;
  double* gbias = grad->data() + features * classes;
  std::vector<double> s(classes);
  double loss = 0;
  const size_t n = y.size();
  for (size_t i = 0; i < n; ++i) {
    for (int c = 0; c < classes; ++c) s[c] = bias[c];
    for (size_t k = x.start[i]; k < x.start[i + 1]; ++k) {
      const double* w = theta.data() + static_cast<size_t>(x.col[k]) * classes;
      for (int c = 0; c < classes; ++c) s[c] += w[c] * x.val[k];
    }
    double top = *std::max_element(s.begin(), s.end());
    double sum = 0;
    for (int c = 0; c < classes; ++c) {
      s[c] = std::exp(s[c] - top);
      sum += s[c];
    }
    loss -= std::log(std::max(s[y[i]] / sum, 1e-300));
    for (int c = 0; c < classes; ++c) s[c] = s[c] / sum - (c == y[i]);
    for (size_t k = x.start[i]; k < x.start[i + 1]; ++k) {
      double* g = grad->data() + static_cast<size_t>(x.col[k]) * classes;
      for (int c = 0; c < classes; ++c) g[c] += s[c] * x.val[k];
    }
    for (int c = 0; c < classes; ++c) gbias[c] += s[c];
  }
  const double inv = 1.0 / static_cast<double>(std::max<size_t>(n, 1));
  double penalty = 0;
  const size_t nw = features * classes;
  for (size_t j = 0; j < theta.size(); ++j) {
    (*grad)[j] *= inv;
    if (j < nw) {
      penalty += theta[j] * theta[j];
      (*grad)[j] += l2 * theta[j];
    }
  }
  return loss * inv + 0.5 * l2 * penalty;
}

// Minimizes Objective from *theta by L-BFGS.
void Minimize(const Matrix& x, const std::vector<int>& y, int classes,
              size_t features, double l2, int iterations,
              std::vector<double>* theta) {
  std::vector<double> g, g_next, d, t_next;
  double f = Objective(x, y, classes, features, l2, *theta, &g);
  std::deque<std::vector<double>> s_hist, y_hist;
  std::deque<double> rho_hist;
  for (int it = 0; it < iterations; ++it) {
    // Two-loop recursion: d = -H g.
    d = g;
    std::vector<double> alpha(s_hist.size());
    for (int k = static_cast<int>(s_hist.size()) - 1; k >= 0; --k) {
      alpha[k] = rho_hist[k] * Dot(s_hist[k], d);
      for (size_t j = 0; j < d.size(); ++j) d[j] -= alpha[k] * y_hist[k][j];
    }
    double gamma = 1.0;
    if (!s_hist.empty()) {
      gamma =
          Dot(s_hist.back(), y_hist.back()) / Dot(y_hist.back(), y_hist.back());
    } else {
      double gn = std::sqrt(Dot(g, g));
      if (gn <= 1e-12) break;
      gamma = 1.0 / gn;
    }
    for (double& v : d) v *= gamma;
    for (size_t k = 0; k < s_hist.size(); ++k) {
      double beta = rho_hist[k] * Dot(y_hist[k], d);
      for (size_t j = 0; j < d.size(); ++j) {
        d[j] += s_hist[k][j] * (alpha[k] - beta);
      }
    }
    for (double& v : d) v = -v;
    double slope = Dot(g, d);
    if (slope >= 0) {  // not a descent direction: restart from -g
      s_hist.clear();
      y_hist.clear();
      rho_hist.clear();
      double gn = std::sqrt(Dot(g, g));
      if (gn <= 1e-12) break;
      for (size_t j = 0; j < d.size(); ++j) d[j] = -g[j] / gn;
      slope = Dot(g, d);
    }
    double step = 1.0, f_next = f;
    bool moved = false;
    t_next.resize(theta->size());
    for (int tries = 0; tries < 40; ++tries) {
      for (size_t j = 0; j < d.size(); ++j)
        t_next[j] = (*theta)[j] + step * d[j];
      f_next = Objective(x, y, classes, features, l2, t_next, &g_next);
      if (f_next <= f + 1e-4 * step * slope) {
        moved = true;
        break;
      }
      step *= 0.5;
    }
    if (!moved) break;
    std::vector<double> sk(d.size()), yk(d.size());
    for (size_t j = 0; j < d.size(); ++j) {
      sk[j] = t_next[j] - (*theta)[j];
      yk[j] = g_next[j] - g[j];
    }
    double sy = Dot(sk, yk);
    theta->swap(t_next);
    g.swap(g_next);
    const double before = f;
    f = f_next;
    if (sy > 1e-12) {
      if (static_cast<int>(s_hist.size()) == kMemory) {
        s_hist.pop_front();
        y_hist.pop_front();
        rho_hist.pop_front();
      }
      s_hist.push_back(std::move(sk));
      y_hist.push_back(std::move(yk));
      rho_hist.push_back(1.0 / sy);
    }
    if (before - f < 1e-9 * std::max(1.0, std::abs(f))) break;
  }
}

// SparseModel::Featurize's n-grams of `tokens`, counted into the three
// blocks; `keep(v, n)` first maps the n buckets of each block in v in
// place (order kept) and returns how many it keeps, each below
// 2^kept_bits. Training keeps buckets; Read keeps a model's rows.
template <typename Keep>
void CountNgrams(const LineTokens& tokens, int bucket_bits, bool title_marks,
                 bool title_form, Keep keep, int kept_bits,
                 std::vector<std::pair<uint32_t, float>>* counts,
                 std::vector<std::pair<uint32_t, float>>* char_counts,
                 std::vector<std::pair<uint32_t, float>>* shape_counts) {
  const uint64_t mask = (uint64_t{1} << bucket_bits) - 1;
  // A token adds at most two word n-grams: room for all up front, so the
  // hot loop writes through a pointer without a capacity check each.
  thread_local std::vector<uint32_t> buckets, chars, shapes;
  if (buckets.size() < 2 * tokens.size()) buckets.resize(2 * tokens.size());
  uint32_t* words = buckets.data();
  size_t n_words = 0;
  chars.clear();
  shapes.clear();
  uint64_t shape1 = 0, shape2 = 0;  // the previous two shapes' hashes
  int shape_run = 0;
  char framed[kMaxCharWord + 2];
  uint64_t prev = 0;
  bool have_prev = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view tok = tokens.text(i);
    const uint64_t tok_hash = tokens.hash(i);  // XXH3_64bits(tok)
    const bool marked = tok.size() > 2 && tok[0] == 't' && tok[1] == ':';
    if (tok.size() > 2 && tok[0] == 's' && tok[1] == ':') {
      if (!title_form) continue;
      const uint64_t h = tok_hash ^ kShapeSalt;
      shapes.push_back(static_cast<uint32_t>(Mix(h) & mask));
      if (shape_run >= 1) {
        shapes.push_back(
            static_cast<uint32_t>(Mix(shape1 * kBigramMix + h + 1) & mask));
      }
      if (shape_run >= 2) {
        shapes.push_back(static_cast<uint32_t>(
            Mix((shape2 * kBigramMix + shape1) * kBigramMix + h + 2) & mask));
      }
      shape2 = shape1;
      shape1 = h;
      ++shape_run;
      continue;
    }
    if (title_form && marked == title_marks) {
      const std::string_view word = marked ? tok.substr(2) : tok;
      const size_t len = std::min(word.size(), kMaxCharWord);
      framed[0] = ' ';
      std::memcpy(framed + 1, word.data(), len);
      framed[len + 1] = ' ';
      for (size_t n = 2; n <= 5 && n <= len + 2; ++n) {
        for (size_t at = 0; at + n <= len + 2; ++at) {
          chars.push_back(static_cast<uint32_t>(
              XXH3_64bits_withSeed(framed + at, n, kCharSeed) & mask));
        }
      }
    }
    if (marked) {
      if (title_marks) {
        words[n_words++] =
            static_cast<uint32_t>(Mix(tok_hash ^ kTitleSalt) & mask);
      }
      continue;
    }
    const uint64_t h = tok_hash;
    words[n_words++] = static_cast<uint32_t>(Mix(h) & mask);
    if (have_prev) {
      words[n_words++] =
          static_cast<uint32_t>(Mix(prev * kBigramMix + h + 1) & mask);
    }
    prev = h;
    have_prev = true;
  }
  n_words = keep(words, n_words);
  const size_t n_chars = keep(chars.data(), chars.size());
  const size_t n_shapes = keep(shapes.data(), shapes.size());
  counts->clear();
  char_counts->clear();
  shape_counts->clear();
  Count(words, n_words, kept_bits, counts);
  Count(chars.data(), n_chars, kept_bits, char_counts);
  Count(shapes.data(), n_shapes, kept_bits, shape_counts);
}

}  // namespace

SparseDoc SparseModel::Featurize(std::string_view line, int bucket_bits,
                                 bool title_marks, bool title_form) {
  LineTokens tokens;
  tokens.AddLine(line);
  SparseDoc doc;
  Featurize(tokens, bucket_bits, title_marks, title_form, &doc);
  return doc;
}

void SparseModel::Featurize(const LineTokens& tokens, int bucket_bits,
                            bool title_marks, bool title_form, SparseDoc* doc) {
  CountNgrams(
      tokens, bucket_bits, title_marks, title_form,
      [](uint32_t*, size_t n) { return n; }, bucket_bits, &doc->counts,
      &doc->chars, &doc->shapes);
}

void SparseModel::Read(const LineTokens& tokens, SparseRows* rows) const {
  const int32_t* row_of = row_of_.data();
  CountNgrams(
      tokens, bucket_bits_, title_marks_, title_form_,
      [row_of](uint32_t* v, size_t n) { return KeepRows(v, n, row_of); },
      std::max(1, static_cast<int>(std::bit_width(kept_.size()))),
      &rows->counts, &rows->chars, &rows->shapes);
}

SparseRows SparseModel::RowsOf(const SparseDoc& doc) const {
  SparseRows rows;
  auto map = [&](const std::vector<std::pair<uint32_t, float>>& from,
                 std::vector<std::pair<uint32_t, float>>* to) {
    for (const auto& [bucket, count] : from) {
      if (bucket >= row_of_.size() || row_of_[bucket] < 0) continue;
      to->push_back({static_cast<uint32_t>(row_of_[bucket]), count});
    }
  };
  map(doc.counts, &rows.counts);
  map(doc.chars, &rows.chars);
  map(doc.shapes, &rows.shapes);
  return rows;
}

void SparseModel::BuildIndex() {
  row_of_.assign(size_t{1} << bucket_bits_, -1);
  for (size_t r = 0; r < kept_.size(); ++r) {
    row_of_[kept_[r]] = static_cast<int32_t>(r);
  }
}

float SparseModel::BlockValues(
    const std::vector<std::pair<uint32_t, float>>& block, float* v) const {
  // 1 + ln k for the usual small counts k, computed once by the same call.
  static const std::array<float, 256> kTf = [] {
    std::array<float, 256> t{};
    for (int k = 1; k < 256; ++k) {
      t[k] = 1.0f + std::log(static_cast<float>(k));
    }
    t[1] = 1.0f;  // ln 1 is exactly 0
    return t;
  }();
  const float* idf = idf_.data();
  double norm2 = 0;
  for (size_t k = 0; k < block.size(); ++k) {
    const auto& [row, count] = block[k];
    float tf = 1.0f;  // most n-grams occur once
    if (count != 1.0f) {
      const int small =
          count > 1.0f && count < 256.0f ? static_cast<int>(count) : 0;
      tf = small != 0 && static_cast<float>(small) == count
               ? kTf[small]
               : 1.0f + std::log(count);
    }
    const float value = tf * idf[row];
    v[k] = value;
    norm2 += static_cast<double>(value) * value;
  }
  // Left as they are when nothing weighs (v * 1 is v).
  return norm2 <= 0 ? 1.0f : static_cast<float>(1.0 / std::sqrt(norm2));
}

void SparseModel::Vector(const SparseRows& rows,
                         std::vector<std::pair<int32_t, float>>* out) const {
  out->clear();
  thread_local std::vector<float> v;
  for (const auto* block : {&rows.counts, &rows.chars, &rows.shapes}) {
    if (block != &rows.counts && !title_form_) break;
    if (v.size() < block->size()) v.resize(block->size());
    const float inv = BlockValues(*block, v.data());
    for (size_t k = 0; k < block->size(); ++k) {
      out->push_back({static_cast<int32_t>((*block)[k].first), v[k] * inv});
    }
  }
}

SparseModel SparseModel::Train(const std::vector<const SparseDoc*>& docs,
                               const std::vector<int>& y, int classes,
                               const SparseParams& params,
                               const SparseModel* warm) {
  SparseModel m;
  m.bucket_bits_ = params.bucket_bits;
  m.classes_ = classes;
  m.title_marks_ = params.title_marks;
  m.title_form_ = params.title_form;
  // Document frequencies, kept buckets, idf.
  std::vector<uint32_t> all, one;
  for (const SparseDoc* d : docs) {
    one.clear();
    for (const auto& bc : d->counts) one.push_back(bc.first);
    if (params.title_form) {
      for (const auto& bc : d->chars) one.push_back(bc.first);
      for (const auto& bc : d->shapes) one.push_back(bc.first);
    }
    std::sort(one.begin(), one.end());
    one.erase(std::unique(one.begin(), one.end()), one.end());
    all.insert(all.end(), one.begin(), one.end());
  }
  std::sort(all.begin(), all.end());
  const double n = static_cast<double>(docs.size());
  for (size_t k = 0; k < all.size();) {
    size_t e = k;
    while (e < all.size() && all[e] == all[k]) ++e;
    if (static_cast<int>(e - k) >= params.min_df) {
      m.kept_.push_back(all[k]);
      m.idf_.push_back(static_cast<float>(
          std::log((1.0 + n) / (1.0 + static_cast<double>(e - k))) + 1.0));
    }
    k = e;
  }
  m.BuildIndex();
  Matrix x;
  x.start.push_back(0);
  std::vector<std::pair<int32_t, float>> v;
  for (const SparseDoc* d : docs) {
    m.Vector(m.RowsOf(*d), &v);
    for (const auto& [r, val] : v) {
      x.col.push_back(r);
      x.val.push_back(val);
    }
    x.start.push_back(x.col.size());
  }
  const size_t features = m.kept_.size();
  std::vector<double> theta(features * classes + classes, 0.0);
  if (warm && warm->classes_ == classes &&
      warm->bucket_bits_ == m.bucket_bits_) {
    for (size_t r = 0; r < features; ++r) {
      int32_t wr = warm->row_of_[m.kept_[r]];
      if (wr < 0) continue;
      for (int c = 0; c < classes; ++c) {
        theta[r * classes + c] = warm->weights_[wr * classes + c];
      }
    }
    for (int c = 0; c < classes; ++c) {
      theta[features * classes + c] = warm->bias_[c];
    }
  }
  Minimize(x, y, classes, features, params.l2, params.iterations, &theta);
  m.weights_.assign(theta.begin(), theta.begin() + features * classes);
  m.bias_.assign(theta.begin() + features * classes, theta.end());
  return m;
}

std::vector<double> SparseModel::Scores(const SparseDoc& doc) const {
  return Scores(RowsOf(doc));
}

std::vector<double> SparseModel::Scores(const SparseRows& rows) const {
  // Vector's values, each block scaled as it is added in: the same floats
  // added in the same order, without a vector in between.
  std::vector<double> s(bias_.begin(), bias_.end());
  thread_local std::vector<float> v;
  const float* weights = weights_.data();
  for (const auto* block : {&rows.counts, &rows.chars, &rows.shapes}) {
    if (block != &rows.counts && !title_form_) break;
    const size_t n = block->size();
    if (v.size() < n) v.resize(n);
    const float inv = BlockValues(*block, v.data());
    const auto* pairs = block->data();
    if (classes_ == 2) {  // the usual case, its sums kept in registers
      double s0 = s[0], s1 = s[1];
      for (size_t k = 0; k < n; ++k) {
        const float val = v[k] * inv;
        const float* w = weights + static_cast<size_t>(pairs[k].first) * 2;
        s0 += static_cast<double>(w[0]) * val;
        s1 += static_cast<double>(w[1]) * val;
      }
      s[0] = s0;
      s[1] = s1;
      continue;
    }
    for (size_t k = 0; k < n; ++k) {
      const float val = v[k] * inv;
      const float* w = weights + static_cast<size_t>(pairs[k].first) * classes_;
      for (int c = 0; c < classes_; ++c) {
        s[c] += static_cast<double>(w[c]) * val;
      }
    }
  }
  return s;
}

std::vector<SparseModel::NgramScore> SparseModel::NgramScores(
    const LineTokens& tokens, const SparseRows& rows) const {
  std::vector<NgramScore> out;
  // The word block alone: blocks are scaled to unit length apart.
  SparseRows words;
  words.counts = rows.counts;
  std::vector<std::pair<int32_t, float>> v;
  Vector(words, &v);
  std::unordered_map<int32_t, float> value_of(v.begin(), v.end());
  std::unordered_map<uint32_t, size_t> at;  // bucket -> out index
  const uint64_t mask = (uint64_t{1} << bucket_bits_) - 1;
  auto add = [&](uint64_t hashed, std::string ngram) {
    const uint32_t bucket = static_cast<uint32_t>(Mix(hashed) & mask);
    if (bucket >= row_of_.size() || row_of_[bucket] < 0) return;
    const int32_t r = row_of_[bucket];
    auto value = value_of.find(r);
    if (value == value_of.end()) return;
    auto [it, fresh] = at.try_emplace(bucket, out.size());
    if (fresh) {
      NgramScore n{std::move(ngram), 0, std::vector<double>(classes_)};
      const float* w = weights_.data() + static_cast<size_t>(r) * classes_;
      for (int c = 0; c < classes_; ++c) {
        n.scores[c] = static_cast<double>(w[c]) * value->second;
      }
      out.push_back(std::move(n));
    }
    out[it->second].count += 1;
  };
  // The same n-grams as Featurize's word block, in the same order.
  size_t prev = 0;
  bool have_prev = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view tok = tokens.text(i);
    if (tok.size() > 2 && tok[0] == 's' && tok[1] == ':') continue;
    if (tok.size() > 2 && tok[0] == 't' && tok[1] == ':') {
      if (title_marks_) add(tokens.hash(i) ^ kTitleSalt, std::string(tok));
      continue;
    }
    add(tokens.hash(i), std::string(tok));
    if (have_prev) {
      std::string pair(tokens.text(prev));
      pair += ' ';
      pair += tok;
      add(tokens.hash(prev) * kBigramMix + tokens.hash(i) + 1, std::move(pair));
    }
    prev = i;
    have_prev = true;
  }
  return out;
}

std::vector<double> SparseModel::LogProbabilities(const SparseDoc& doc) const {
  return LogProbabilities(RowsOf(doc));
}

std::vector<double> SparseModel::LogProbabilities(
    const SparseRows& rows) const {
  std::vector<double> s = Scores(rows);
  double top = *std::max_element(s.begin(), s.end());
  double sum = 0;
  for (double v : s) sum += std::exp(v - top);
  const double lse = top + std::log(sum);
  for (double& v : s) v -= lse;
  return s;
}

void SparseModel::AppendBytes(std::string* out) const {
  PutU32(out, static_cast<uint32_t>(bucket_bits_));
  PutU32(out, (title_marks_ ? 1u : 0u) | (title_form_ ? 2u : 0u));
  PutU32(out, static_cast<uint32_t>(classes_));
  PutU32(out, static_cast<uint32_t>(kept_.size()));
  for (float b : bias_) PutF32(out, b);
  for (size_t r = 0; r < kept_.size(); ++r) {
    PutU32(out, kept_[r]);
    PutF32(out, idf_[r]);
    for (int c = 0; c < classes_; ++c) PutF32(out, weights_[r * classes_ + c]);
  }
}

Result<SparseModel> SparseModel::FromBytes(std::string_view bytes,
                                           int classes) {
  auto bad = [](const char* what) {
    return Status::Corruption(std::string("linear view: ") + what);
  };
  if (bytes.size() < 16) return bad("truncated");
  SparseModel m;
  const uint32_t bits = GetU32(bytes, 0);
  if (bits < 1 || bits > 26) return bad("bad bucket count");
  m.bucket_bits_ = static_cast<int>(bits);
  const uint32_t flags = GetU32(bytes, 4);
  if (flags > 3) return bad("unknown flags");
  m.title_marks_ = flags & 1;
  m.title_form_ = flags & 2;
  if (GetU32(bytes, 8) != static_cast<uint32_t>(classes)) {
    return bad("wrong number of labels");
  }
  m.classes_ = classes;
  const uint64_t kept = GetU32(bytes, 12);
  const uint64_t row = 8 + 4 * static_cast<uint64_t>(classes);
  if (bytes.size() != 16 + 4 * static_cast<uint64_t>(classes) + kept * row) {
    return bad("wrong size");
  }
  size_t at = 16;
  for (int c = 0; c < classes; ++c, at += 4)
    m.bias_.push_back(GetF32(bytes, at));
  m.kept_.reserve(kept);
  m.idf_.reserve(kept);
  m.weights_.reserve(kept * classes);
  for (uint64_t r = 0; r < kept; ++r) {
    uint32_t b = GetU32(bytes, at);
    if (b >> bits != 0 || (!m.kept_.empty() && b <= m.kept_.back())) {
      return bad("buckets out of order");
    }
    m.kept_.push_back(b);
    m.idf_.push_back(GetF32(bytes, at + 4));
    at += 8;
    for (int c = 0; c < classes; ++c, at += 4) {
      m.weights_.push_back(GetF32(bytes, at));
    }
  }
  m.BuildIndex();
  return m;
}

}  // namespace newstrace::classify
