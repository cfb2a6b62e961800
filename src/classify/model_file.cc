// The model file (docs/format/model.md):
//   8 bytes  magic "NTCLSFR\x1a"
//   u32      format version (2), little-endian
//   u32      flags (0)
//   u64      header length H, then H bytes of JSON (labels, signals,
//            standardizer, logistic weights, calibration, training info)
//   u64      text model length T, then T bytes (fastText's model file)
//   u64      linear view length L (0: none), then L bytes
//   u64      XXH64 (seed 0) of every byte before it
// Readers refuse a wrong magic (foreign file), a newer version, lengths past
// the end (truncated) and a checksum mismatch (corrupted) before parsing.
#include <simdjson.h>
#include <xxhash.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "base/file_io.h"
#include "classify/le_bytes.h"
#include "classify/model_impl.h"

namespace newstrace {
namespace {

using json = nlohmann::ordered_json;
using classify::Calibration;

constexpr char kMagic[8] = {'N', 'T', 'C', 'L', 'S', 'F', 'R', '\x1a'};
constexpr uint32_t kVersion = 2;
constexpr size_t kMaxModelBytes = size_t{4} << 30;

using classify::GetU32;
using classify::GetU64;
using classify::PutU32;
using classify::PutU64;

json OptionsJson(const TrainOptions& o) {
  return json{{"dim", o.dim},
              {"epochs", o.epochs},
              {"learning_rate", o.learning_rate},
              {"word_ngrams", o.word_ngrams},
              {"min_count", o.min_count},
              {"buckets", o.buckets},
              {"max_tokens", o.max_tokens},
              {"folds", o.folds},
              {"holdout", o.holdout},
              {"use_signals", o.use_signals},
              {"linear_view", o.linear_view},
              {"calibration", o.calibration},
              {"label_rule", o.label_rule},
              {"seed", o.seed}};
}

std::string HeaderJson(const Classifier::Impl& m) {
  json j;
  j["labels"] = m.info.labels;
  j["signals"] = m.info.signals;
  j["standardizer"] = {{"mean", m.standardizer.mean},
                       {"scale", m.standardizer.scale}};
  j["logistic"] = {{"classes", m.logistic.classes},
                   {"features", m.logistic.features},
                   {"weights", m.logistic.weights}};
  j["calibration"] = {
      {"kind", std::string(Calibration::KindName(m.calibration.kind))},
      {"a", m.calibration.a},
      {"b", m.calibration.b},
      {"temperature", m.calibration.temperature},
      {"iso_x", m.calibration.iso_x},
      {"iso_y", m.calibration.iso_y}};
  j["label_bias"] = m.decision.bias;
  j["info"] = {{"headline_only", m.info.headline_only},
               {"train_rows", m.info.train_rows},
               {"holdout_rows", m.info.holdout_rows},
               {"grouped_holdout", m.info.grouped_holdout},
               {"holdout_log_loss", m.info.holdout_log_loss},
               {"holdout_accuracy", m.info.holdout_accuracy},
               {"linear_c", m.info.linear_c},
               {"options", OptionsJson(m.info.options)}};
  return j.dump();
}

// Reads `key` of `obj` into `out`; false when missing or mistyped.
template <typename T>
bool Get(simdjson::dom::element obj, const char* key, T* out) {
  return obj[key].get(*out) == simdjson::SUCCESS;
}

bool GetDoubles(simdjson::dom::element obj, const char* key,
                std::vector<double>* out) {
  simdjson::dom::array a;
  if (obj[key].get(a) != simdjson::SUCCESS) return false;
  out->clear();
  for (simdjson::dom::element e : a) {
    double v;
    if (e.get(v) != simdjson::SUCCESS) return false;
    out->push_back(v);
  }
  return true;
}

bool GetStrings(simdjson::dom::element obj, const char* key,
                std::vector<std::string>* out) {
  simdjson::dom::array a;
  if (obj[key].get(a) != simdjson::SUCCESS) return false;
  out->clear();
  for (simdjson::dom::element e : a) {
    std::string_view v;
    if (e.get(v) != simdjson::SUCCESS) return false;
    out->emplace_back(v);
  }
  return true;
}

Status ParseHeader(std::string_view text, bool linear_view,
                   Classifier::Impl* m) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(text.data(), text.size()).get(root) != simdjson::SUCCESS) {
    return Status::Corruption("model header is not JSON");
  }
  auto bad = [](const char* what) {
    return Status::Corruption(std::string("model header: bad ") + what);
  };
  if (!GetStrings(root, "labels", &m->info.labels) ||
      m->info.labels.size() < 2) {
    return bad("labels");
  }
  if (!GetStrings(root, "signals", &m->info.signals)) return bad("signals");
  simdjson::dom::element st, lg, cal, info, opt;
  if (root["standardizer"].get(st) ||
      !GetDoubles(st, "mean", &m->standardizer.mean) ||
      !GetDoubles(st, "scale", &m->standardizer.scale)) {
    return bad("standardizer");
  }
  int64_t classes = 0, features = 0;
  if (root["logistic"].get(lg) || !Get(lg, "classes", &classes) ||
      !Get(lg, "features", &features) ||
      !GetDoubles(lg, "weights", &m->logistic.weights)) {
    return bad("logistic layer");
  }
  const size_t n_labels = m->info.labels.size();
  const size_t n_features =
      n_labels * (linear_view ? 2 : 1) + m->info.signals.size();
  if (classes != static_cast<int64_t>(n_labels) ||
      features != static_cast<int64_t>(n_features) ||
      m->logistic.weights.size() != n_labels * (n_features + 1) ||
      m->standardizer.mean.size() != n_features ||
      m->standardizer.scale.size() != n_features) {
    return bad("sizes");
  }
  m->logistic.classes = static_cast<int>(classes);
  m->logistic.features = static_cast<int>(features);
  std::string_view kind;
  if (root["calibration"].get(cal) || !Get(cal, "kind", &kind) ||
      !Calibration::KindFromName(kind, &m->calibration.kind) ||
      !Get(cal, "a", &m->calibration.a) || !Get(cal, "b", &m->calibration.b) ||
      !Get(cal, "temperature", &m->calibration.temperature) ||
      !GetDoubles(cal, "iso_x", &m->calibration.iso_x) ||
      !GetDoubles(cal, "iso_y", &m->calibration.iso_y) ||
      m->calibration.iso_x.size() != m->calibration.iso_y.size() ||
      m->calibration.temperature <= 0) {
    return bad("calibration");
  }
  m->info.calibration = std::string(kind);
  if (!GetDoubles(root, "label_bias", &m->decision.bias) ||
      (!m->decision.bias.empty() && m->decision.bias.size() != n_labels)) {
    return bad("label biases");
  }
  uint64_t train_rows = 0, holdout_rows = 0;
  TrainOptions& o = m->info.options;
  int64_t i64;
  std::string_view sv;
  if (root["info"].get(info) ||
      !Get(info, "headline_only", &m->info.headline_only) ||
      !Get(info, "train_rows", &train_rows) ||
      !Get(info, "holdout_rows", &holdout_rows) ||
      !Get(info, "grouped_holdout", &m->info.grouped_holdout) ||
      !Get(info, "holdout_log_loss", &m->info.holdout_log_loss) ||
      !Get(info, "holdout_accuracy", &m->info.holdout_accuracy) ||
      !Get(info, "linear_c", &m->info.linear_c) || info["options"].get(opt)) {
    return bad("info");
  }
  m->info.train_rows = train_rows;
  m->info.holdout_rows = holdout_rows;
  uint64_t u64;
  bool ok =
      Get(opt, "dim", &i64) && ((o.dim = int(i64)), true) &&
      Get(opt, "epochs", &i64) && ((o.epochs = int(i64)), true) &&
      Get(opt, "learning_rate", &o.learning_rate) &&
      Get(opt, "word_ngrams", &i64) && ((o.word_ngrams = int(i64)), true) &&
      Get(opt, "min_count", &i64) && ((o.min_count = int(i64)), true) &&
      Get(opt, "buckets", &i64) && ((o.buckets = int(i64)), true) &&
      Get(opt, "max_tokens", &u64) && ((o.max_tokens = u64), true) &&
      Get(opt, "folds", &i64) && ((o.folds = int(i64)), true) &&
      Get(opt, "holdout", &o.holdout) &&
      Get(opt, "use_signals", &o.use_signals) && Get(opt, "label_rule", &sv) &&
      ((o.label_rule = std::string(sv)), true) &&
      Get(opt, "linear_view", &o.linear_view) && Get(opt, "calibration", &sv) &&
      ((o.calibration = std::string(sv)), true) && Get(opt, "seed", &o.seed);
  if (!ok) return bad("options");
  return Status::Ok();
}

}  // namespace

std::string Classifier::ToBytes() const {
  std::string out(kMagic, sizeof(kMagic));
  PutU32(&out, kVersion);
  PutU32(&out, 0);
  std::string header = HeaderJson(*impl_);
  PutU64(&out, header.size());
  out += header;
  std::string text = impl_->text->ToBytes();
  PutU64(&out, text.size());
  out += text;
  std::string linear;
  if (impl_->sparse) impl_->sparse->AppendBytes(&linear);
  PutU64(&out, linear.size());
  out += linear;
  PutU64(&out, XXH64(out.data(), out.size(), 0));
  return out;
}

Result<Classifier> Classifier::FromBytes(std::string_view bytes) {
  if (bytes.size() < sizeof(kMagic) ||
      std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return Status::Corruption("not a newstrace model file (wrong magic)");
  }
  constexpr size_t kFixed = sizeof(kMagic) + 4 + 4 + 8;
  if (bytes.size() < kFixed + 8 + 8) {
    return Status::Corruption("model file truncated");
  }
  const uint32_t version = GetU32(bytes, 8);
  if (version != kVersion) {
    return Status::Unsupported(
        "model format version " + std::to_string(version) +
        " (this build reads version " + std::to_string(kVersion) +
        "; train the model again)");
  }
  const uint64_t header_len = GetU64(bytes, 16);
  if (header_len > bytes.size() - kFixed - 24) {
    return Status::Corruption("model file truncated");
  }
  const size_t text_at = kFixed + header_len;
  const uint64_t text_len = GetU64(bytes, text_at);
  if (text_len > bytes.size() - text_at - 24) {
    return Status::Corruption("model file truncated");
  }
  const size_t linear_at = text_at + 8 + text_len;
  const uint64_t linear_len = GetU64(bytes, linear_at);
  if (linear_len > bytes.size() - linear_at - 16) {
    return Status::Corruption("model file truncated");
  }
  const size_t end = linear_at + 8 + linear_len;
  if (end + 8 != bytes.size()) {
    return Status::Corruption("model file has trailing bytes");
  }
  if (XXH64(bytes.data(), end, 0) != GetU64(bytes, end)) {
    return Status::Corruption("model file corrupted (checksum mismatch)");
  }
  auto impl = std::make_shared<Impl>();
  Status s =
      ParseHeader(bytes.substr(kFixed, header_len), linear_len > 0, impl.get());
  if (!s.ok()) return s;
  if (impl->info.options.linear_view != (linear_len > 0)) {
    return Status::Corruption("model header: bad linear view");
  }
  if (linear_len > 0) {
    NT_ASSIGN_OR_RETURN(classify::SparseModel linear,
                        classify::SparseModel::FromBytes(
                            bytes.substr(linear_at + 8, linear_len),
                            static_cast<int>(impl->info.labels.size())));
    impl->sparse = std::make_unique<classify::SparseModel>(std::move(linear));
  }
  NT_ASSIGN_OR_RETURN(classify::TextModel text,
                      classify::TextModel::FromBytes(
                          bytes.substr(text_at + 8, text_len),
                          static_cast<int>(impl->info.labels.size())));
  impl->text = std::make_unique<classify::TextModel>(std::move(text));
  return Classifier(std::move(impl));
}

Result<Classifier> Classifier::Load(const std::string& path) {
  NT_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile(path, kMaxModelBytes));
  return FromBytes(bytes);
}

Status Classifier::Save(const std::string& path) const {
  return base::WriteFileAtomic(path, ToBytes());
}

}  // namespace newstrace
