// File stamps and sizes (file_stamp.h).
#include "base/file_stamp.h"

#include <sys/stat.h>

#include <filesystem>
#include <system_error>

namespace newstrace::base {

std::string FileStamp(const std::string& path) {
  if (path.empty() || path == "-") return {};
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return {};
  const int64_t ns =
      static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return std::to_string(st.st_size) + ":" + std::to_string(ns);
}

uint64_t TotalBytes(const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty() || path == "-") return 0;
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec) return 0;
  if (fs::is_regular_file(status)) {
    uint64_t n = fs::file_size(path, ec);
    return ec ? 0 : n;
  }
  if (!fs::is_directory(status)) return 0;
  uint64_t total = 0;
  fs::recursive_directory_iterator it(
      path, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) {
      uint64_t n = it->file_size(ec);
      if (!ec) total += n;
    }
    ec.clear();
  }
  return total;
}

}  // namespace newstrace::base
