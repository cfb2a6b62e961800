// ScoreTable (scores.h): classifier scores beside the documents.
#include "store/scores.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

namespace newstrace::store {
namespace {

std::string LabelsJson(const std::vector<std::string>& labels) {
  return nlohmann::json(labels).dump(-1, ' ', false,
                                     nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> LabelsFromJson(std::string_view s) {
  std::vector<std::string> out;
  nlohmann::json j = nlohmann::json::parse(s, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

}  // namespace

Status ScoreTable::LoadModels() {
  if (loaded_) return Status::Ok();
  NT_ASSIGN_OR_RETURN(
      Stmt s, Stmt::Prepare(db_,
                            "SELECT name, checksum, labels, file, added FROM "
                            "models ORDER BY name"));
  models_.clear();
  while (true) {
    NT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    StoredModel m;
    m.name = std::string(s.Text(0));
    m.checksum = std::string(s.Text(1));
    m.labels = LabelsFromJson(s.Text(2));
    m.file = std::string(s.Text(3));
    m.added = std::string(s.Text(4));
    models_.push_back(std::move(m));
  }
  loaded_ = true;
  return Status::Ok();
}

Status ScoreTable::Register(const StoredModel& model, const std::string& now) {
  if (model.name.empty()) return Status::InvalidArgument("empty model name");
  if (model.labels.empty()) {
    return Status::InvalidArgument("model '" + model.name + "' has no labels");
  }
  loaded_ = false;  // another connection may have registered since
  NT_RETURN_IF_ERROR(LoadModels());
  for (const StoredModel& m : models_) {
    if (m.name != model.name) continue;
    if (m.checksum == model.checksum) return Status::Ok();
    return Status::InvalidArgument(
        "the corpus holds scores of another model named '" + model.name +
        "' (checksum " + m.checksum + ", from " +
        (m.file.empty() ? std::string("an unknown file") : m.file) +
        "); give this one another name (--model NAME=PATH)");
  }
  NT_ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db_,
                                            "INSERT INTO models (name, "
                                            "checksum, labels, file, added) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5)"));
  s.BindText(1, model.name);
  s.BindText(2, model.checksum);
  s.BindText(3, LabelsJson(model.labels));
  s.BindTextOrNull(4, model.file);
  s.BindText(5, now);
  NT_RETURN_IF_ERROR(s.Step().status());
  StoredModel m = model;
  m.added = now;
  models_.push_back(std::move(m));
  std::sort(models_.begin(), models_.end(),
            [](const StoredModel& a, const StoredModel& b) {
              return a.name < b.name;
            });
  return Status::Ok();
}

Result<std::vector<StoredModel>> ScoreTable::Models() {
  loaded_ = false;
  NT_RETURN_IF_ERROR(LoadModels());
  return models_;
}

Status ScoreTable::Insert(int64_t seq, const std::vector<ModelScore>& scores) {
  if (scores.empty()) return Status::Ok();
  NT_RETURN_IF_ERROR(LoadModels());
  if (insert_.get() == nullptr) {
    NT_ASSIGN_OR_RETURN(insert_,
                        Stmt::Prepare(db_,
                                      "INSERT OR IGNORE INTO scores (seq, "
                                      "model, label, probability, top) VALUES "
                                      "(?1, ?2, ?3, ?4, ?5)"));
    NT_ASSIGN_OR_RETURN(exists_, Stmt::Prepare(db_,
                                               "SELECT 1 FROM scores WHERE "
                                               "seq = ?1 AND model = ?2 LIMIT "
                                               "1"));
  }
  for (const ModelScore& score : scores) {
    auto m = std::find_if(
        models_.begin(), models_.end(),
        [&](const StoredModel& x) { return x.name == score.model; });
    if (m == models_.end()) {
      return Status::InvalidArgument("scores of model '" + score.model +
                                     "', which the corpus has not registered");
    }
    exists_.Reset();
    exists_.BindInt(1, seq);
    exists_.BindText(2, score.model);
    NT_ASSIGN_OR_RETURN(bool has, exists_.Step());
    exists_.Reset();
    if (has) continue;  // scored by an earlier run: kept as it was
    std::vector<std::pair<std::string, double>> rows = score.probabilities;
    if (rows.empty()) rows.push_back({score.label, score.probability});
    for (const auto& [label, p] : rows) {
      if (std::find(m->labels.begin(), m->labels.end(), label) ==
          m->labels.end()) {
        return Status::InvalidArgument("model '" + score.model +
                                       "' has no label '" + label + "'");
      }
      if (!(p >= 0 && p <= 1)) {
        return Status::InvalidArgument("probability out of [0, 1] for model '" +
                                       score.model + "'");
      }
      insert_.Reset();
      insert_.BindInt(1, seq);
      insert_.BindText(2, score.model);
      insert_.BindText(3, label);
      insert_.BindDouble(4, p);
      insert_.BindInt(5, label == score.label ? 1 : 0);
      Result<bool> step = insert_.Step();
      insert_.Reset();
      NT_RETURN_IF_ERROR(step.status());
    }
  }
  return Status::Ok();
}

Result<std::vector<ModelScore>> ScoreTable::Get(int64_t seq) {
  NT_RETURN_IF_ERROR(LoadModels());
  NT_ASSIGN_OR_RETURN(Stmt s,
                      Stmt::Prepare(db_,
                                    "SELECT model, label, probability, top "
                                    "FROM scores WHERE seq = ?1 ORDER BY "
                                    "model"));
  s.BindInt(1, seq);
  std::vector<ModelScore> out;
  while (true) {
    NT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    std::string model(s.Text(0));
    if (out.empty() || out.back().model != model) {
      out.emplace_back();
      out.back().model = std::move(model);
    }
    ModelScore& m = out.back();
    std::string label(s.Text(1));
    const double p = s.Double(2);
    if (s.Int(3) != 0) {
      m.label = label;
      m.probability = p;
    }
    m.probabilities.emplace_back(std::move(label), p);
  }
  // Every label in its model's order (the rows come in label order).
  for (ModelScore& m : out) {
    auto model =
        std::find_if(models_.begin(), models_.end(),
                     [&](const StoredModel& x) { return x.name == m.model; });
    if (model == models_.end()) continue;
    auto rank = [&](const std::string& label) {
      return std::find(model->labels.begin(), model->labels.end(), label) -
             model->labels.begin();
    };
    std::stable_sort(m.probabilities.begin(), m.probabilities.end(),
                     [&](const auto& a, const auto& b) {
                       return rank(a.first) < rank(b.first);
                     });
  }
  return out;
}

Status ScoreTable::Remove(int64_t seq) {
  NT_ASSIGN_OR_RETURN(Stmt s,
                      Stmt::Prepare(db_, "DELETE FROM scores WHERE seq = ?1"));
  s.BindInt(1, seq);
  return s.Step().status();
}

Result<std::vector<ScoreCount>> ScoreTable::Counts() {
  NT_ASSIGN_OR_RETURN(
      Stmt s, Stmt::Prepare(db_,
                            "SELECT model, label, count(*) AS n FROM scores "
                            "WHERE top = 1 GROUP BY model, label ORDER BY "
                            "model, n DESC, label"));
  std::vector<ScoreCount> out;
  while (true) {
    NT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({std::string(s.Text(0)), std::string(s.Text(1)),
                   static_cast<uint64_t>(s.Int(2))});
  }
  return out;
}

Status ScoreTable::CheckFilters(const std::vector<ScoreFilter>& filters) {
  if (filters.empty()) return Status::Ok();
  loaded_ = false;
  NT_RETURN_IF_ERROR(LoadModels());
  for (const ScoreFilter& f : filters) {
    auto m =
        std::find_if(models_.begin(), models_.end(),
                     [&](const StoredModel& x) { return x.name == f.model; });
    if (m == models_.end()) {
      std::string known;
      for (const StoredModel& x : models_) {
        known += (known.empty() ? "" : ", ") + x.name;
      }
      return Status::InvalidArgument(
          "the corpus holds no scores of a model named '" + f.model + "' (" +
          (known.empty() ? std::string("it holds none: ingest with --model")
                         : "it holds: " + known) +
          ")");
    }
    if (std::find(m->labels.begin(), m->labels.end(), f.label) ==
        m->labels.end()) {
      std::string labels;
      for (const std::string& l : m->labels) {
        labels += (labels.empty() ? "" : ", ") + l;
      }
      return Status::InvalidArgument("model '" + f.model + "' has no label '" +
                                     f.label + "' (its labels: " + labels +
                                     ")");
    }
    if (f.min_probability &&
        !(*f.min_probability >= 0 && *f.min_probability <= 1)) {
      return Status::InvalidArgument(
          "a score threshold is a probability, 0 "
          "to 1");
    }
  }
  return Status::Ok();
}

std::string FilterSql(const ScoreFilter& filter, const std::string& seq_column,
                      int first) {
  std::string sql = "EXISTS (SELECT 1 FROM scores s WHERE s.model = ?" +
                    std::to_string(first) + " AND s.label = ?" +
                    std::to_string(first + 1) + " AND ";
  sql += filter.min_probability
             ? "s.probability >= ?" + std::to_string(first + 2)
             : "s.top = 1";
  sql += " AND s.seq = " + seq_column + ")";
  return sql;
}

void BindFilter(Stmt& s, const ScoreFilter& filter, int first) {
  s.BindText(first, filter.model);
  s.BindText(first + 1, filter.label);
  if (filter.min_probability) s.BindDouble(first + 2, *filter.min_probability);
}

}  // namespace newstrace::store
