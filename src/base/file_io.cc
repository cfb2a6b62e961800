#include "base/file_io.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace newstrace::base {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

std::string TooLarge(size_t max_bytes) {
  return "input larger than the cap of " + std::to_string(max_bytes) +
         " bytes (raise it with --max-bytes)";
}

}  // namespace

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR) {
      return Status::NotFound(path + ": no such file");
    }
    return Status::IoError(path + ": " + std::strerror(err));
  }
  if (S_ISDIR(st.st_mode)) {
    return Status::InvalidArgument(path + ": is a directory");
  }
  if (S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > max_bytes) {
    return Status::ResourceExhausted(path + ": " + TooLarge(max_bytes));
  }
  std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    return Status::IoError(path + ": " + std::strerror(errno));
  }
  Result<std::string> r = ReadStream(f.get(), max_bytes);
  if (!r.ok()) {
    return Status(r.status().code(), path + ": " + r.status().message());
  }
  return r;
}

Result<std::string> ReadStream(std::FILE* stream, size_t max_bytes) {
  std::string out;
  char buf[1 << 16];
  while (true) {
    size_t n = std::fread(buf, 1, sizeof buf, stream);
    if (n > 0) {
      if (out.size() + n > max_bytes) {
        return Status::ResourceExhausted(TooLarge(max_bytes));
      }
      out.append(buf, n);
    }
    if (n < sizeof buf) {
      if (std::ferror(stream)) {
        return Status::IoError(std::string("read failed: ") +
                               std::strerror(errno));
      }
      break;
    }
  }
  return out;
}

}  // namespace newstrace::base
