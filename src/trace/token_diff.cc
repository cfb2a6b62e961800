#include "trace/token_diff.h"

#include <algorithm>

namespace newstrace::trace {
namespace {

struct Snake {
  size_t x, y, u, v;  // from (x, y) to (u, v), all matches between
  bool found;
};

class Differ {
 public:
  Differ(std::span<const uint64_t> a, std::span<const uint64_t> b,
         uint32_t max_edits)
      : a_(a), b_(b), max_edits_(max_edits) {}

  std::vector<Edit> Run() {
    Diff(0, a_.size(), 0, b_.size());
    return std::move(out_);
  }

 private:
  void Push(EditOp op, size_t n) {
    if (n == 0) return;
    if (!out_.empty() && out_.back().op == op) {
      out_.back().count += static_cast<uint32_t>(n);
    } else {
      out_.push_back({op, static_cast<uint32_t>(n)});
    }
  }

  void Diff(size_t a0, size_t a1, size_t b0, size_t b1) {
    size_t prefix = 0;
    while (a0 + prefix < a1 && b0 + prefix < b1 &&
           a_[a0 + prefix] == b_[b0 + prefix]) {
      ++prefix;
    }
    Push(EditOp::kKeep, prefix);
    a0 += prefix;
    b0 += prefix;
    size_t suffix = 0;
    while (a1 - suffix > a0 && b1 - suffix > b0 &&
           a_[a1 - suffix - 1] == b_[b1 - suffix - 1]) {
      ++suffix;
    }
    a1 -= suffix;
    b1 -= suffix;
    if (a0 == a1 || b0 == b1) {
      PushDeleteInsert(a1 - a0, b1 - b0);
    } else {
      Snake s = MiddleSnake(a0, a1, b0, b1);
      if (!s.found) {
        PushDeleteInsert(a1 - a0, b1 - b0);
      } else {
        Diff(a0, s.x, b0, s.y);
        Push(EditOp::kKeep, s.u - s.x);
        Diff(s.u, a1, s.v, b1);
      }
    }
    Push(EditOp::kKeep, suffix);
  }

  void PushDeleteInsert(size_t deleted, size_t inserted) {
    if (!out_.empty() && out_.back().op == EditOp::kInsert && deleted) {
      const size_t ins = out_.back().count;
      out_.pop_back();
      Push(EditOp::kDelete, deleted);
      Push(EditOp::kInsert, ins + inserted);
      return;
    }
    Push(EditOp::kDelete, deleted);
    Push(EditOp::kInsert, inserted);
  }

  // The middle snake of a[a0, a1) and b[b0, b1), both non-empty and with
  // differing first and last elements; found = false when the distance
  // exceeds max_edits_.
  Snake MiddleSnake(size_t a0, size_t a1, size_t b0, size_t b1) {
    const long n = static_cast<long>(a1 - a0);
    const long m = static_cast<long>(b1 - b0);
    const long delta = n - m;
    const bool odd = (delta & 1) != 0;
    const long max_d = std::min<long>((n + m + 1) / 2, max_edits_ / 2 + 1);
    const long offset = max_d + 1;
    vf_.assign(2 * offset + 1, 0);
    vb_.assign(2 * offset + 1, 0);
    // vf_[k + offset]: furthest x on forward diagonal k (k = x - y).
    // vb_[k + offset]: furthest x' on reverse diagonal k (x' = n - x,
    // y' = m - y, k = x' - y').
    for (long d = 0; d <= max_d; ++d) {
      for (long k = -d; k <= d; k += 2) {
        long x;
        if (k == -d || (k != d && vf_[k - 1 + offset] < vf_[k + 1 + offset])) {
          x = vf_[k + 1 + offset];
        } else {
          x = vf_[k - 1 + offset] + 1;
        }
        long y = x - k;
        const long x0 = x, y0 = y;
        while (x < n && y < m && a_[a0 + x] == b_[b0 + y]) {
          ++x;
          ++y;
        }
        vf_[k + offset] = x;
        const long kr = delta - k;
        if (odd && kr >= -(d - 1) && kr <= d - 1 && x + vb_[kr + offset] >= n) {
          return {a0 + x0, b0 + y0, a0 + x, b0 + y, true};
        }
      }
      for (long k = -d; k <= d; k += 2) {
        long x;
        if (k == -d || (k != d && vb_[k - 1 + offset] < vb_[k + 1 + offset])) {
          x = vb_[k + 1 + offset];
        } else {
          x = vb_[k - 1 + offset] + 1;
        }
        long y = x - k;
        const long x0 = x, y0 = y;
        while (x < n && y < m && a_[a1 - 1 - x] == b_[b1 - 1 - y]) {
          ++x;
          ++y;
        }
        vb_[k + offset] = x;
        const long kf = delta - k;
        if (!odd && kf >= -d && kf <= d && x + vf_[kf + offset] >= n) {
          return {a1 - x, b1 - y, a1 - x0, b1 - y0, true};
        }
      }
    }
    return {0, 0, 0, 0, false};
  }

  std::span<const uint64_t> a_, b_;
  uint32_t max_edits_;
  std::vector<long> vf_, vb_;
  std::vector<Edit> out_;
};

}  // namespace

std::vector<Edit> DiffSequences(std::span<const uint64_t> a,
                                std::span<const uint64_t> b,
                                uint32_t max_edits) {
  return Differ(a, b, max_edits).Run();
}

}  // namespace newstrace::trace
