// Status: the outcome of an operation that returns no value.
//
// A Status is either OK or carries a code and a one-line message. Library code
// returns Status (or Result<T>, see result.h) instead of throwing. Boundaries
// translate: the CLI maps codes to exit codes (see README), later the server
// maps them to HTTP statuses.
//
// Thread-safety: a Status is a value; distinct objects may be used from
// distinct threads freely.
#ifndef NEWSTRACE_STATUS_H_
#define NEWSTRACE_STATUS_H_

#include <string>
#include <string_view>
#include <utility>

namespace newstrace {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // the caller passed something unusable
  kNotFound,           // a file or item does not exist
  kCorruption,         // malformed input (bytes that cannot be a document)
  kIoError,            // the operating system refused a read or write
  kUnsupported,        // a valid input we do not handle (e.g. unknown charset)
  kResourceExhausted,  // a cap (bytes, depth, time) was hit
  kInternal,           // a bug in newstrace
};

// Returns the lower_snake_case name of `code`, e.g. "invalid_argument".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  // An OK status.
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return Status(StatusCode::kInvalidArgument, std::move(m));
  }
  static Status NotFound(std::string m) {
    return Status(StatusCode::kNotFound, std::move(m));
  }
  static Status Corruption(std::string m) {
    return Status(StatusCode::kCorruption, std::move(m));
  }
  static Status IoError(std::string m) {
    return Status(StatusCode::kIoError, std::move(m));
  }
  static Status Unsupported(std::string m) {
    return Status(StatusCode::kUnsupported, std::move(m));
  }
  static Status ResourceExhausted(std::string m) {
    return Status(StatusCode::kResourceExhausted, std::move(m));
  }
  static Status Internal(std::string m) {
    return Status(StatusCode::kInternal, std::move(m));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "OK", or "<code name>: <message>".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

}  // namespace newstrace

// Returns early from the enclosing function when `expr` is not OK.
#define NT_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::newstrace::Status nt_status_ = (expr); \
    if (!nt_status_.ok()) return nt_status_; \
  } while (0)

#endif  // NEWSTRACE_STATUS_H_
