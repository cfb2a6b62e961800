#include "base/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

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

Status WriteFileAtomic(const std::string& path, std::string_view bytes) {
  std::string tmp = path + ".tmp-XXXXXX";
  int fd = mkstemp(tmp.data());
  if (fd < 0) return Status::IoError(path + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      return Status::IoError(path + ": " + std::strerror(err));
    }
    done += static_cast<size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (::close(fd) != 0 || std::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return Status::IoError(path + ": " + std::strerror(err));
  }
  return Status::Ok();
}

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
  // Read straight into the string, which grows geometrically; a regular
  // file's size sizes it once (one copy of each byte, not three). A stream
  // may still be longer or shorter than its size said: the loop decides.
  size_t chunk = size_t{1} << 16;
  struct stat st;
  if (::fstat(::fileno(stream), &st) == 0 && S_ISREG(st.st_mode)) {
    // One byte more than the size, to see the end in the first read.
    chunk = std::min(static_cast<size_t>(st.st_size), max_bytes) + 1;
  }
  size_t used = 0;
  while (true) {
    if (out.size() - used < chunk) out.resize(used + chunk);
    size_t want = out.size() - used;
    size_t n = std::fread(out.data() + used, 1, want, stream);
    used += n;
    if (used > max_bytes) {
      return Status::ResourceExhausted(TooLarge(max_bytes));
    }
    if (n < want) {
      if (std::ferror(stream)) {
        return Status::IoError(std::string("read failed: ") +
                               std::strerror(errno));
      }
      break;
    }
    chunk = std::max(chunk, used);  // double what is held
  }
  out.resize(used);
  return out;
}

Result<FileInfo> Stat(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR) {
      return Status::NotFound(path + ": no such file or directory");
    }
    return Status::IoError(path + ": " + std::strerror(err));
  }
  FileInfo info;
  if (S_ISREG(st.st_mode)) {
    info.type = FileType::kRegular;
    info.size = static_cast<uint64_t>(st.st_size);
  } else if (S_ISDIR(st.st_mode)) {
    info.type = FileType::kDirectory;
  }
  return info;
}

Result<std::unique_ptr<ReadableFile>> ReadableFile::Open(
    const std::string& path) {
  if (path == "-") {
    return std::unique_ptr<ReadableFile>(new ReadableFile(path, 0, 0));
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR) {
      return Status::NotFound(path + ": no such file");
    }
    return Status::IoError(path + ": " + std::strerror(err));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return Status::IoError(path + ": " + std::strerror(err));
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::InvalidArgument(path + ": is a directory");
  }
  uint64_t size = S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0;
  return std::unique_ptr<ReadableFile>(new ReadableFile(path, fd, size));
}

ReadableFile::~ReadableFile() {
  if (fd_ > 0) ::close(fd_);
}

Result<size_t> ReadableFile::Read(char* buf, size_t n) {
  while (true) {
    ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<size_t>(got);
    if (errno == EINTR) continue;
    return Status::IoError(path_ + ": read failed: " + std::strerror(errno));
  }
}

Result<DirListing> ListFilesRecursive(const std::string& dir) {
  NT_ASSIGN_OR_RETURN(FileInfo info, Stat(dir));
  if (info.type != FileType::kDirectory) {
    return Status::InvalidArgument(dir + ": not a directory");
  }
  namespace fs = std::filesystem;
  DirListing listing;
  std::error_code ec;
  fs::recursive_directory_iterator it(
      dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::IoError(dir + ": " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      listing.problems.push_back(dir + ": " + ec.message());
      break;  // the iterator cannot go on after an error
    }
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    std::error_code type_ec;
    bool is_symlink = entry.is_symlink(type_ec);
    if (entry.is_directory(type_ec)) {
      if (is_symlink) it.disable_recursion_pending();
      continue;
    }
    if (type_ec) {
      listing.problems.push_back(entry.path().string() + ": " +
                                 type_ec.message());
      continue;
    }
    if (!entry.is_regular_file(type_ec)) continue;
    uint64_t size = entry.file_size(type_ec);
    if (type_ec) size = 0;
    listing.files.push_back({entry.path().string(), size});
  }
  std::sort(
      listing.files.begin(), listing.files.end(),
      [](const ListedFile& a, const ListedFile& b) { return a.path < b.path; });
  return listing;
}

}  // namespace newstrace::base
