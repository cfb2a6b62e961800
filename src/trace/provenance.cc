// ChooseOrigin (trace.h): which of a group of copies is the original.
#include <cstdio>
#include <string>

#include "newstrace/trace.h"

namespace newstrace {
namespace {

// The date part (YYYY-MM-DD) of an ISO date or date-time; empty when the
// value does not start with one.
std::string DatePart(const std::string& iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return "";
  return iso.substr(0, 10);
}

// Index of the unique smallest non-empty key, -1 when none or tied; also
// how many keys were non-empty.
int UniqueEarliest(const std::vector<std::string>& keys, int* dated) {
  int best = -1;
  bool tie = false;
  *dated = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].empty()) continue;
    ++*dated;
    if (best < 0 || keys[i] < keys[best]) {
      best = static_cast<int>(i);
      tie = false;
    } else if (keys[i] == keys[best]) {
      tie = true;
    }
  }
  return tie ? -1 : best;
}

}  // namespace

OriginChoice ChooseOrigin(const std::vector<OriginCandidate>& candidates) {
  OriginChoice c;
  const int n = static_cast<int>(candidates.size());
  if (n == 0) return c;
  if (n == 1) {
    c.index = 0;
    c.rule = "only_document";
    c.confidence = "low";
    c.reason = "no copies to compare with";
    return c;
  }
  // 1. Earliest published day.
  std::vector<std::string> days;
  for (const auto& x : candidates) days.push_back(DatePart(x.published));
  int dated = 0;
  const int earliest = UniqueEarliest(days, &dated);
  int best = earliest;
  if (best >= 0 && dated >= 2) {
    c.index = best;
    c.rule = "earliest_published";
    c.confidence = dated == n ? "high" : "medium";
    c.reason =
        "published " + days[best] + ", before the other " +
        std::to_string(dated - 1) + " dated cop" +
        (dated - 1 == 1 ? "y" : "ies") +
        (dated == n ? "" : " (" + std::to_string(n - dated) + " undated)");
    return c;
  }
  // 2 and 3: the copies' texts.
  auto leader = [&](double OriginCandidate::*field, int* top) {
    *top = 0;
    int second = -1;
    for (int i = 1; i < n; ++i) {
      if (candidates[i].*field > candidates[*top].*field) {
        second = *top;
        *top = i;
      } else if (second < 0 ||
                 candidates[i].*field > candidates[second].*field) {
        second = i;
      }
    }
    return candidates[*top].*field - candidates[second].*field;
  };
  // Rules 2 and 3: the copy leading on `field` by more than 0.002 (a lead
  // under 0.1 is low confidence); `format` gives the reason from the
  // leader's and the runner-up's values times `scale`.
  auto decide = [&](double OriginCandidate::*field, const char* rule,
                    const char* format, double scale) {
    int top = 0;
    const double margin = leader(field, &top);
    if (margin <= 0.002) return false;
    c.index = top;
    c.rule = rule;
    c.confidence = margin >= 0.1 ? "medium" : "low";
    const double v = candidates[top].*field;
    char buf[200];
    std::snprintf(buf, sizeof buf, format, scale * v, scale * (v - margin));
    c.reason = buf;
    return true;
  };
  if (n >= 3 && decide(&OriginCandidate::similarity, "central",
                       "the copy closest to all the others (mean Jaccard "
                       "%.2f, next best %.2f): copies of one original differ "
                       "from each other more than from it",
                       1)) {
    return c;
  }
  if (decide(&OriginCandidate::holds, "holds_others",
             "it holds %.0f%% of the other copies' text (next best %.0f%%): "
             "the copies' bodies lack what was cut from it",
             100)) {
    return c;
  }
  // 3. The only dated one.
  if (dated == 1 && earliest >= 0) {
    best = earliest;
    c.index = best;
    c.rule = "only_dated";
    c.confidence = "low";
    c.reason = "the only copy with a publication date (" + days[best] + ")";
    return c;
  }
  // 4. Earliest fetched.
  std::vector<std::string> fetched;
  for (const auto& x : candidates) fetched.push_back(x.fetched);
  int fetched_count = 0;
  best = UniqueEarliest(fetched, &fetched_count);
  if (best >= 0 && fetched_count >= 2) {
    c.index = best;
    c.rule = "earliest_fetched";
    c.confidence = "low";
    c.reason = "fetched " + fetched[best] + ", before the other copies; " +
               "no publication dates or containment tell them apart";
    return c;
  }
  int top = 0;
  leader(&OriginCandidate::holds, &top);
  c.index = top;
  c.rule = "undecided";
  c.confidence = "low";
  c.reason = "neither dates nor containment tell the copies apart";
  return c;
}

}  // namespace newstrace
