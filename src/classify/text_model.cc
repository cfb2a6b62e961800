// See text_model.h. fastText 0.9.2 (Debian libfasttext-dev) reads its
// training data and writes its model only through files, so training and
// ToBytes go through a private temporary file each.
#include "classify/text_model.h"

#include <fasttext/fasttext.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <numeric>
#include <random>
#include <sstream>
#include <unordered_map>

#include "base/same_bytes.h"
#include "classify/text.h"

namespace newstrace::classify {
namespace {

constexpr std::string_view kLabelPrefix = "__label__";
constexpr std::string_view kEos = "</s>";  // fastText's end-of-line word
// fastText's own file header: magic number and version (int32 each).
constexpr int32_t kFastTextMagic = 793712314;
constexpr int32_t kFastTextVersion = 12;

// A temporary file that is removed when it goes out of scope.
class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/newstrace-XXXXXX";
    int fd = mkstemp(path_.data());
    if (fd < 0) {
      path_.clear();
    } else {
      close(fd);
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// fastText's word hash (Dictionary::hash): 32-bit FNV-1a over the bytes
// taken as signed chars.
uint32_t FastTextHash(std::string_view word) {
  uint32_t h = 2166136261u;
  for (char c : word) {
    h = h ^ static_cast<uint32_t>(static_cast<int8_t>(c));
    h = h * 16777619u;
  }
  return h;
}

using V4 = float __attribute__((vector_size(16)));

inline V4 LoadV4(const float* p) {
  V4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// hidden[d, d + 4 * K) = the sums of those lanes of the rows of `ids`:
// K four-lane sums in registers across all ids, one pass over the rows.
template <int K>
void SumLanes(const float* rows, size_t dim, const std::vector<int32_t>& ids,
              size_t d, float* hidden) {
  V4 a[K] = {};
  for (int32_t id : ids) {
    const float* row = rows + static_cast<size_t>(id) * dim + d;
#pragma GCC unroll 8
    for (int k = 0; k < K; ++k) a[k] += LoadV4(row + 4 * k);
  }
  std::memcpy(hidden + d, a, sizeof a);
}

// hidden[d] = the sum of rows[id * dim + d] over `ids`, added in their
// order from 0 as fastText does, so every float is the same; four lanes
// at a time (lanes are independent sums), up to 20 lanes per pass over
// the rows (a usual 20-dimension model in one pass). A last group of
// fewer than four lanes is summed as the last four lanes: the ones summed
// twice get the same values.
void SumRows(const float* rows, size_t dim, const std::vector<int32_t>& ids,
             float* hidden) {
  size_t d = 0;
  while (dim - d >= 4) {
    switch (std::min<size_t>((dim - d) / 4, 5)) {
      case 5:
        SumLanes<5>(rows, dim, ids, d, hidden);
        d += 20;
        break;
      case 4:
        SumLanes<4>(rows, dim, ids, d, hidden);
        d += 16;
        break;
      case 3:
        SumLanes<3>(rows, dim, ids, d, hidden);
        d += 12;
        break;
      case 2:
        SumLanes<2>(rows, dim, ids, d, hidden);
        d += 8;
        break;
      default:
        SumLanes<1>(rows, dim, ids, d, hidden);
        d += 4;
        break;
    }
  }
  if (d == dim) return;
  if (dim >= 4) {
    SumLanes<1>(rows, dim, ids, dim - 4, hidden);
    return;
  }
  for (; d < dim; ++d) {
    float a = 0.0f;
    for (int32_t id : ids) a += rows[static_cast<size_t>(id) * dim + d];
    hidden[d] = a;
  }
}

// Word -> id and fastText hash, open addressing over XXH3 hashes, the
// words in one pool: one probe of a compact table per lookup, where
// fastText's dictionary probes a 30-million-slot one. The fastText hash
// rides in the slot's padding, so a found word costs no other lookup.
class WordTable {
 public:
  struct Slot {
    uint64_t hash;     // XXH3_64bits of the word
    int32_t id;        // -1: an empty slot
    uint32_t ft_hash;  // FastTextHash of the word
  };

  void Build(const std::vector<std::string>& words) {
    size_t cap = 16;
    while (cap < words.size() * 2 + 2) cap *= 2;
    slots_.assign(cap, Slot{0, -1, 0});
    for (size_t i = 0; i < words.size(); ++i) {
      const std::string& w = words[i];
      const uint64_t h = XXH3_64bits(w.data(), w.size());
      size_t at = h & (cap - 1);
      while (slots_[at].id >= 0) at = (at + 1) & (cap - 1);
      slots_[at] = Slot{h, static_cast<int32_t>(i), FastTextHash(w)};
      starts_.push_back(static_cast<uint32_t>(pool_.size()));
      pool_ += w;
    }
    starts_.push_back(static_cast<uint32_t>(pool_.size()));
  }
  // The id of `word`, or -1.
  int32_t Find(std::string_view word) const {
    const Slot* s = FindSlot(word, XXH3_64bits(word.data(), word.size()));
    return s ? s->id : -1;
  }
  // The slot of `word`, or null, given `h` = XXH3_64bits(word) (LineTokens
  // has it).
  const Slot* FindSlot(std::string_view word, uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    for (size_t at = h & mask;; at = (at + 1) & mask) {
      const Slot& s = slots_[at];
      if (s.id < 0) return nullptr;
      if (s.hash != h) continue;
      const uint32_t b = starts_[s.id], e = starts_[s.id + 1];
      if (e - b == word.size() &&
          base::SameBytes(word.data(), pool_.data() + b, word.size())) {
        return &s;
      }
    }
  }

 private:
  std::vector<Slot> slots_;
  std::vector<uint32_t> starts_;
  std::string pool_;
};

}  // namespace

struct TextModel::Index {
  WordTable ids;  // with each word's FastTextHash
  int32_t nwords = 0;
  int32_t eos = -1;  // the id of "</s>"
  int word_ngrams = 1;
  int64_t buckets = 0;
  int64_t dim = 0;
  int32_t nlabels = 0;
  const float* input = nullptr;   // rows of `dim`
  const float* output = nullptr;  // nlabels rows of `dim`
  std::shared_ptr<const fasttext::DenseMatrix> in, out;  // keep alive
};

TextModel::TextModel(std::shared_ptr<fasttext::FastText> model, int num_classes)
    : model_(std::move(model)), num_classes_(num_classes) {
  auto dict = model_->getDictionary();
  auto index = std::make_shared<Index>();
  index->nwords = dict->nwords();
  {
    std::vector<std::string> words(static_cast<size_t>(dict->nwords()));
    for (int32_t i = 0; i < dict->nwords(); ++i) words[i] = dict->getWord(i);
    index->ids.Build(words);
  }
  index->eos = index->ids.Find(kEos);
  const fasttext::Args args = model_->getArgs();
  index->word_ngrams = args.wordNgrams;
  index->buckets = args.bucket;
  index->in = model_->getInputMatrix();
  index->out = model_->getOutputMatrix();
  index->dim = index->in->size(1);
  index->nlabels = dict->nlabels();
  index->input = index->in->data();
  index->output = index->out->data();
  index_ = std::move(index);
  class_of_label_.assign(dict->nlabels(), -1);
  for (int32_t i = 0; i < dict->nlabels(); ++i) {
    std::string name = dict->getLabel(i);
    if (name.rfind(kLabelPrefix, 0) == 0) {
      int c = std::atoi(name.c_str() + kLabelPrefix.size());
      if (c >= 0 && c < num_classes_) class_of_label_[i] = c;
    }
  }
}

Result<TextModel> TextModel::Train(const std::vector<const std::string*>& lines,
                                   const std::vector<int>& classes,
                                   int num_classes,
                                   const TextModelParams& params) {
  if (lines.size() != classes.size() || lines.empty()) {
    return Status::InvalidArgument("no training rows");
  }
  TempFile data;
  if (!data.ok()) return Status::IoError("cannot create a temporary file");
  {
    // fastText reads its rows in file order with a decaying learning rate:
    // rows sorted by label (as many data sets come) would leave it
    // favoring the last label. A seeded shuffle makes the model
    // independent of the rows' order, and the same for the same rows.
    std::vector<size_t> order(lines.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::mt19937_64 rng(static_cast<uint64_t>(params.seed) ^
                        0x5f0e2a1c3b4d6e7full);
    std::shuffle(order.begin(), order.end(), rng);
    std::ofstream out(data.path(), std::ios::binary);
    for (size_t i : order) {
      out << kLabelPrefix << classes[i] << ' ' << *lines[i] << '\n';
    }
    if (!out) return Status::IoError("cannot write " + data.path());
  }
  fasttext::Args args;
  args.input = data.path();
  args.model = fasttext::model_name::sup;
  args.loss = fasttext::loss_name::softmax;
  args.dim = params.dim;
  args.epoch = params.epochs;
  args.lr = params.learning_rate;
  args.wordNgrams = params.word_ngrams;
  args.minCount = params.min_count;
  // Without word n-grams (or subwords) the hashed rows are never read.
  args.bucket = params.word_ngrams > 1 ? params.buckets : 0;
  args.minn = 0;
  args.maxn = 0;
  args.thread = 1;
  args.verbose = 0;
  args.seed = params.seed;
  auto model = std::make_shared<fasttext::FastText>();
  try {
    model->train(args);
  } catch (const std::exception& e) {
    return Status::InvalidArgument(std::string("fastText: ") + e.what());
  }
  return TextModel(std::move(model), num_classes);
}

Result<TextModel> TextModel::FromBytes(std::string_view bytes,
                                       int num_classes) {
  if (bytes.size() < 8) return Status::Corruption("text model truncated");
  int32_t magic, version;
  std::memcpy(&magic, bytes.data(), 4);
  std::memcpy(&version, bytes.data() + 4, 4);
  if (magic != kFastTextMagic || version != kFastTextVersion) {
    return Status::Corruption("not a fastText 0.9 model");
  }
  auto model = std::make_shared<fasttext::FastText>();
  try {
    std::istringstream in(std::string(bytes.substr(8)));
    model->loadModel(in);
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("text model: ") + e.what());
  }
  if (model->getDictionary()->nlabels() != num_classes) {
    return Status::Corruption("text model: wrong number of labels");
  }
  return TextModel(std::move(model), num_classes);
}

std::string TextModel::ToBytes() const {
  TempFile file;
  if (!file.ok()) return {};
  // saveModel is not const in fastText; it does not change the model.
  const_cast<fasttext::FastText&>(*model_).saveModel(file.path());
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

std::vector<int32_t> TextModel::Encode(std::string_view line) const {
  LineTokens tokens;
  tokens.AddLine(line);
  std::vector<int32_t> ids;
  Encode(tokens, &ids);
  return ids;
}

void TextModel::Encode(const LineTokens& tokens,
                       std::vector<int32_t>* ids) const {
  const Index& x = *index_;
  const bool ngrams = x.word_ngrams > 1 && x.buckets > 0;
  const size_t n = tokens.size();
  const size_t count = n + 1;  // the tokens and "</s>"
  const size_t span = static_cast<size_t>(x.word_ngrams);
  // Room for every id up front (each token, "</s>", each n-gram), so the
  // loops write through a pointer; cut to size at the end.
  ids->resize(count + (ngrams ? count * (span - 1) : 0));
  int32_t* out = ids->data();
  // Every token's hash, then "</s>"'s, as signed 32-bit values widened.
  thread_local std::vector<int64_t> hashes;
  if (ngrams && hashes.size() < count) hashes.resize(count);
  int64_t* hash = hashes.data();
  for (size_t i = 0; i < n; ++i) {
    const WordTable::Slot* slot =
        x.ids.FindSlot(tokens.text(i), tokens.hash(i));
    if (slot != nullptr) *out++ = slot->id;
    if (ngrams) {
      hash[i] = static_cast<int32_t>(
          slot != nullptr ? slot->ft_hash : FastTextHash(tokens.text(i)));
    }
  }
  // The end of the line, as in training (fastText reads '\n' as "</s>").
  if (x.eos >= 0) *out++ = x.eos;
  if (ngrams) {
    hash[n] = static_cast<int32_t>(FastTextHash(kEos));
    // Dictionary::addWordNgrams: h = h * 116049371 + next, over the words'
    // hashes as signed 32-bit values widened to 64 bits.
    const uint64_t buckets = static_cast<uint64_t>(x.buckets);
    if (span == 2) {  // word pairs, the usual setting: one step each
      for (size_t a = 0; a + 1 < count; ++a) {
        const uint64_t h = static_cast<uint64_t>(hash[a]) * 116049371 +
                           static_cast<uint64_t>(hash[a + 1]);
        *out++ = x.nwords + static_cast<int32_t>(h % buckets);
      }
    } else {
      for (size_t a = 0; a < count; ++a) {
        uint64_t h = static_cast<uint64_t>(hash[a]);
        const size_t last = std::min(count, a + span);
        for (size_t b = a + 1; b < last; ++b) {
          h = h * 116049371 + static_cast<uint64_t>(hash[b]);
          *out++ = x.nwords + static_cast<int32_t>(h % buckets);
        }
      }
    }
  }
  ids->resize(static_cast<size_t>(out - ids->data()));
}

std::vector<int32_t> TextModel::EncodeWithFastText(
    std::string_view line) const {
  // Training lines end with '\n', which fastText reads as the word
  // "</s>": a row's ids include it, and so must a prediction's.
  std::istringstream in{std::string(line) + '\n'};
  std::vector<int32_t> ids, labels;
  model_->getDictionary()->getLine(in, ids, labels);
  return ids;
}

std::vector<double> TextModel::LogProbabilities(std::string_view line) const {
  return LogProbabilities(Encode(line));
}

std::vector<double> TextModel::LogProbabilities(
    const std::vector<int32_t>& words) const {
  std::vector<double> out(num_classes_,
                          -std::log(static_cast<double>(num_classes_)));
  if (words.empty()) return out;
  const Index& x = *index_;
  const size_t dim = static_cast<size_t>(x.dim);
  thread_local std::vector<float> hidden;
  hidden.resize(dim);
  SumRows(x.input, dim, words, hidden.data());
  const float inv = 1.0f / static_cast<float>(words.size());
  for (float& h : hidden) h *= inv;
  thread_local std::vector<double> scores;
  scores.resize(x.nlabels);
  double top = -1e300;
  for (int32_t l = 0; l < x.nlabels; ++l) {
    const float* row = x.output + static_cast<size_t>(l) * dim;
    float dot = 0;
    for (size_t d = 0; d < dim; ++d) dot += row[d] * hidden[d];
    scores[l] = dot;
    top = std::max(top, scores[l]);
  }
  double sum = 0;
  for (double v : scores) sum += std::exp(v - top);
  const double lse = top + std::log(sum);
  // Classes fastText never saw in training keep a floor probability.
  for (double& v : out) v = std::log(1e-6);
  for (int32_t l = 0; l < x.nlabels; ++l) {
    int c = class_of_label_[l];
    if (c >= 0) out[c] = std::max(scores[l] - lse, std::log(1e-6));
  }
  return out;
}

std::vector<TextModel::WordScore> TextModel::WordScores(
    const std::vector<int32_t>& ids) const {
  std::vector<WordScore> out;
  if (ids.empty()) return out;
  auto dict = model_->getDictionary();
  const Index& x = *index_;
  const size_t dim = static_cast<size_t>(x.dim);
  const double n = static_cast<double>(ids.size());
  std::unordered_map<int32_t, size_t> at;
  std::vector<int32_t> word_ids;
  for (int32_t id : ids) {
    if (id >= x.nwords) continue;  // a word pair's bucket
    if (id == x.eos) continue;     // the end of the line
    auto [it, fresh] = at.try_emplace(id, out.size());
    if (fresh) {
      out.push_back({dict->getWord(id), 0, {}});
      word_ids.push_back(id);
    }
    out[it->second].count += 1;
  }
  for (size_t w = 0; w < out.size(); ++w) {
    const float* in = x.input + static_cast<size_t>(word_ids[w]) * dim;
    out[w].scores.assign(num_classes_, 0.0);
    for (int32_t l = 0; l < x.nlabels; ++l) {
      const int c = class_of_label_[l];
      if (c < 0) continue;
      const float* row = x.output + static_cast<size_t>(l) * dim;
      double dot = 0;
      for (size_t d = 0; d < dim; ++d)
        dot += static_cast<double>(row[d]) * in[d];
      out[w].scores[c] = dot * out[w].count / n;
    }
  }
  return out;
}

}  // namespace newstrace::classify
