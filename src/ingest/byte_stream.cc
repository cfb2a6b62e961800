#include "ingest/byte_stream.h"

#include <zlib.h>

#include <cstring>
#include <utility>

namespace newstrace::ingest {
namespace {

constexpr size_t kChunk = size_t{256} << 10;
// Compressed bytes kept since the current member's start, for resyncing
// after damage; a longer member's start is forgotten.
constexpr size_t kKeep = size_t{1} << 20;

bool IsMemberHeader(const char* p) {
  return static_cast<unsigned char>(p[0]) == 0x1f &&
         static_cast<unsigned char>(p[1]) == 0x8b && p[2] == 8;
}

}  // namespace

struct ByteStream::ZState {
  z_stream zs{};
  bool init = false;
  ~ZState() {
    if (init) inflateEnd(&zs);
  }
};

Result<std::unique_ptr<ByteStream>> ByteStream::Open(const std::string& path) {
  NT_ASSIGN_OR_RETURN(std::unique_ptr<base::ReadableFile> file,
                      base::ReadableFile::Open(path));
  return std::make_unique<ByteStream>(std::move(file));
}

ByteStream::ByteStream(std::unique_ptr<base::ReadableFile> file)
    : file_(std::move(file)), z_(std::make_unique<ZState>()) {}

ByteStream::~ByteStream() = default;

uint64_t ByteStream::bytes_read() const {
  if (gzip_) return file_bytes_ - (in_end_ - in_pos_);
  return file_bytes_ - (buf_.size() - pos_) - (in_end_ - in_pos_);
}

uint64_t ByteStream::NextBoundary() {
  uint64_t at = offset();
  while (!boundaries_.empty() && boundaries_.front() < at) {
    boundaries_.pop_front();
  }
  return boundaries_.empty() ? UINT64_MAX : boundaries_.front();
}

std::string ByteStream::TakeError(uint64_t up_to) {
  std::string out;
  while (!errors_.empty() && errors_.front().offset <= up_to) {
    if (!out.empty()) out += "; ";
    out += errors_.front().message;
    errors_.pop_front();
  }
  return out;
}

void ByteStream::SetError(std::string message) {
  errors_.push_back({decoded_, file_->path() + ": " + std::move(message)});
}

Result<bool> ByteStream::Fill(size_t n) {
  while (buf_.size() - pos_ < n && !input_done_) {
    NT_RETURN_IF_ERROR(ReadMore());
  }
  return buf_.size() - pos_ >= n;
}

Result<bool> ByteStream::FillMore() {
  size_t before = buf_.size() - pos_;
  while (buf_.size() - pos_ == before && !input_done_) {
    NT_RETURN_IF_ERROR(ReadMore());
  }
  return buf_.size() - pos_ > before;
}

Result<size_t> ByteStream::ReadRaw() {
  size_t keep_from = in_pos_;
  if (member_start_known_ && member_start_ <= in_pos_ &&
      in_end_ - member_start_ <= kKeep) {
    keep_from = member_start_;
  } else {
    member_start_known_ = false;
  }
  if (keep_from > 0) {
    std::memmove(in_.data(), in_.data() + keep_from, in_end_ - keep_from);
    member_start_ -= member_start_known_ ? keep_from : 0;
    in_pos_ -= keep_from;
    in_end_ -= keep_from;
  }
  if (in_.size() < in_end_ + kChunk) in_.resize(in_end_ + kChunk);
  NT_ASSIGN_OR_RETURN(size_t n,
                      file_->Read(in_.data() + in_end_, in_.size() - in_end_));
  in_end_ += n;
  file_bytes_ += n;
  if (n == 0) file_done_ = true;
  return n;
}

Status ByteStream::ReadMore() {
  if (input_done_) return Status::Ok();
  if (pos_ > 0 && pos_ >= buf_.size() - pos_) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  if (!sniffed_) {
    while (in_end_ < 2 && !file_done_) {
      NT_RETURN_IF_ERROR(ReadRaw().status());
    }
    sniffed_ = true;
    gzip_ = in_end_ >= 2 && static_cast<unsigned char>(in_[0]) == 0x1f &&
            static_cast<unsigned char>(in_[1]) == 0x8b;
    if (gzip_) {
      if (inflateInit2(&z_->zs, 16 + MAX_WBITS) != Z_OK) {
        return Status::Internal("zlib: inflateInit2 failed");
      }
      z_->init = true;
      in_member_ = true;
      member_start_ = 0;
      member_start_known_ = true;
    }
  }
  if (gzip_) return Inflate();
  if (in_pos_ < in_end_) {  // the sniffed bytes
    buf_.append(in_.data() + in_pos_, in_end_ - in_pos_);
    decoded_ += in_end_ - in_pos_;
    in_pos_ = in_end_;
    return Status::Ok();
  }
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  Result<size_t> n = file_->Read(buf_.data() + old, kChunk);
  buf_.resize(old + (n.ok() ? *n : 0));
  if (!n.ok()) return n.status();
  file_bytes_ += *n;
  decoded_ += *n;
  if (*n == 0) input_done_ = true;
  return Status::Ok();
}

Result<bool> ByteStream::SkipToMember(size_t from) {
  in_pos_ = from;
  member_start_known_ = false;
  while (true) {
    for (; in_pos_ + 3 <= in_end_; ++in_pos_) {
      const char* p = static_cast<const char*>(
          std::memchr(in_.data() + in_pos_, 0x1f, in_end_ - in_pos_ - 2));
      if (p == nullptr) {
        in_pos_ = in_end_ - 2;
        break;
      }
      in_pos_ = p - in_.data();
      if (IsMemberHeader(p)) return true;
    }
    if (file_done_) {
      in_pos_ = in_end_;
      return false;
    }
    NT_RETURN_IF_ERROR(ReadRaw().status());
  }
}

Status ByteStream::Inflate() {
  z_stream& zs = z_->zs;
  while (true) {
    if (!in_member_) {
      while (in_end_ - in_pos_ < 3 && !file_done_) {
        NT_RETURN_IF_ERROR(ReadRaw().status());
      }
      if (in_pos_ == in_end_) {
        input_done_ = true;  // clean end after the last member
        return Status::Ok();
      }
      if (in_end_ - in_pos_ >= 3 && IsMemberHeader(in_.data() + in_pos_)) {
        inflateReset(&zs);
        in_member_ = true;
        member_start_ = in_pos_;
        member_start_known_ = true;
        continue;
      }
      // Junk after a member: NUL padding is tolerated silently.
      bool zeros = true;
      for (size_t i = in_pos_; i < in_end_ && zeros; ++i) zeros = in_[i] == 0;
      NT_ASSIGN_OR_RETURN(bool found, SkipToMember(in_pos_ + 1));
      if (!zeros || found) {
        SetError("junk bytes after a gzip member" +
                 std::string(found ? " (skipped to the next member)" : ""));
      }
      if (!found) {
        input_done_ = true;
        return Status::Ok();
      }
      boundaries_.push_back(decoded_);
      continue;
    }
    if (in_pos_ == in_end_) {
      NT_ASSIGN_OR_RETURN(size_t n, ReadRaw());
      if (n == 0) {
        SetError("truncated gzip member (the input ends inside it)");
        // What looked like the rest of this member may have been the next
        // members, decoded as garbage: look for one.
        bool found = false;
        if (member_start_known_) {
          NT_ASSIGN_OR_RETURN(found, SkipToMember(member_start_ + 1));
        }
        in_member_ = false;
        if (!found) {
          in_pos_ = in_end_;
          input_done_ = true;
          return Status::Ok();
        }
        boundaries_.push_back(decoded_);
        continue;
      }
    }
    zs.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    zs.avail_in = static_cast<uInt>(in_end_ - in_pos_);
    size_t old = buf_.size();
    buf_.resize(old + kChunk);
    zs.next_out = reinterpret_cast<Bytef*>(buf_.data() + old);
    zs.avail_out = static_cast<uInt>(kChunk);
    int ret = inflate(&zs, Z_NO_FLUSH);
    size_t produced = kChunk - zs.avail_out;
    buf_.resize(old + produced);
    decoded_ += produced;
    in_pos_ = in_end_ - zs.avail_in;
    if (ret == Z_STREAM_END) {
      in_member_ = false;
    } else if (ret == Z_MEM_ERROR) {
      return Status::Internal("zlib: out of memory");
    } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
      SetError(std::string("corrupt gzip member (") +
               (zs.msg != nullptr ? zs.msg : "bad data") +
               "), skipped to the next member");
      in_member_ = false;
      size_t from = member_start_known_ ? member_start_ + 1 : in_pos_;
      NT_ASSIGN_OR_RETURN(bool found, SkipToMember(from));
      if (!found) input_done_ = true;
      if (found) boundaries_.push_back(decoded_);
    }
    if (produced > 0 || input_done_) return Status::Ok();
  }
}

}  // namespace newstrace::ingest
