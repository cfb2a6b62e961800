// Result<T>: a value or a non-OK Status.
//
//   Result<Article> r = Extract(doc, options);
//   if (!r.ok()) return r.status();
//   Article a = std::move(r).value();
//
// REQUIRES: value() only on an OK result; status() is always valid.
#ifndef NEWSTRACE_RESULT_H_
#define NEWSTRACE_RESULT_H_

#include <cassert>
#include <optional>
#include <utility>

#include "newstrace/status.h"

namespace newstrace {

template <typename T>
class [[nodiscard]] Result {
 public:
  // Implicit from a value (OK) or from a non-OK Status.
  Result(T value) : value_(std::move(value)) {}         // NOLINT
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "Result built from an OK status without value");
    if (status_.ok()) status_ = Status::Internal("Result without value");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T& value() & {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace newstrace

#define NT_CONCAT_INNER_(a, b) a##b
#define NT_CONCAT_(a, b) NT_CONCAT_INNER_(a, b)

// Evaluates `rexpr` (a Result<T>); on error returns its status, otherwise
// moves the value into `lhs` (a declaration or an lvalue).
#define NT_ASSIGN_OR_RETURN(lhs, rexpr) \
  NT_ASSIGN_OR_RETURN_IMPL_(NT_CONCAT_(nt_result_, __LINE__), lhs, rexpr)
#define NT_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                              \
  if (!tmp.ok()) return tmp.status();              \
  lhs = std::move(tmp).value()

#endif  // NEWSTRACE_RESULT_H_
