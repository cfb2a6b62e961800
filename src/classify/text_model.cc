// See text_model.h. fastText 0.9.2 (Debian libfasttext-dev) reads its
// training data and writes its model only through files, so training and
// ToBytes go through a private temporary file each.
#include "classify/text_model.h"

#include <fasttext/fasttext.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace newstrace::classify {
namespace {

constexpr std::string_view kLabelPrefix = "__label__";
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

}  // namespace

TextModel::TextModel(std::shared_ptr<fasttext::FastText> model, int num_classes)
    : model_(std::move(model)), num_classes_(num_classes) {
  auto dict = model_->getDictionary();
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
    std::ofstream out(data.path(), std::ios::binary);
    for (size_t i = 0; i < lines.size(); ++i) {
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
  args.bucket = params.buckets;
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
  std::istringstream in{std::string(line)};
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
  fasttext::Predictions predictions;
  model_->predict(-1, words, predictions, 0.0);
  if (predictions.empty()) return out;
  // Classes fastText never saw in training keep a floor probability.
  for (double& v : out) v = std::log(1e-6);
  for (const auto& [log_p, label] : predictions) {
    int c = class_of_label_[label];
    if (c >= 0) out[c] = std::max<double>(log_p, std::log(1e-6));
  }
  return out;
}

std::vector<TextModel::WordPull> TextModel::WordPulls(
    const std::vector<int32_t>& ids, int target) const {
  std::vector<WordPull> out;
  auto dict = model_->getDictionary();
  if (ids.empty()) return out;
  auto input = model_->getInputMatrix();
  auto output = model_->getOutputMatrix();
  const int64_t dim = input->size(1);
  // The direction that raises `target` against the mean of the others:
  // its output row minus their mean row.
  std::vector<double> dir(dim, 0.0);
  int others = 0;
  for (int32_t l = 0; l < dict->nlabels(); ++l) {
    if (class_of_label_[l] >= 0 && class_of_label_[l] != target) ++others;
  }
  for (int32_t l = 0; l < dict->nlabels(); ++l) {
    int c = class_of_label_[l];
    if (c < 0) continue;
    double w = c == target ? 1.0 : (others > 0 ? -1.0 / others : 0.0);
    for (int64_t j = 0; j < dim; ++j) dir[j] += w * output->at(l, j);
  }
  const double n = static_cast<double>(ids.size());
  std::unordered_map<int32_t, size_t> at;
  for (int32_t id : ids) {
    if (id >= dict->nwords()) continue;  // a word n-gram's bucket
    auto [it, fresh] = at.try_emplace(id, out.size());
    if (fresh) {
      double dot = 0;
      for (int64_t j = 0; j < dim; ++j) dot += dir[j] * input->at(id, j);
      out.push_back({dict->getWord(id), 0, dot / n});
    }
    out[it->second].count += 1;
  }
  for (WordPull& w : out) w.pull *= w.count;
  return out;
}

}  // namespace newstrace::classify
