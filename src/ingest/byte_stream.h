// ByteStream: buffered sequential reading of a file or standard input that
// transparently decompresses gzip, including multi-member gzip (one member
// per record, as .warc.gz files are written).
//
// Design note. The stream sniffs the gzip magic (1f 8b) in the first bytes,
// whatever the file's name. Damage does not stop the stream: a corrupt
// member is abandoned and decoding resumes at the next gzip member header
// found after the damaged member's start; a member cut short by the end of
// the file ends the stream. Each such event leaves a message that readers
// collect with TakeError() and count against the record it hit. The bytes
// decoded before damage was detected are still delivered, so a reader must
// validate its records (it does anyway: input is untrusted), and end the
// record in progress at NextBoundary().
#ifndef NEWSTRACE_INGEST_BYTE_STREAM_H_
#define NEWSTRACE_INGEST_BYTE_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "base/file_io.h"
#include "newstrace/result.h"

namespace newstrace::ingest {

class ByteStream {
 public:
  // Opens `path` ("-": standard input). Fails as base::ReadableFile::Open.
  static Result<std::unique_ptr<ByteStream>> Open(const std::string& path);
  explicit ByteStream(std::unique_ptr<base::ReadableFile> file);
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  // The decoded bytes read ahead and not yet consumed. The view is valid
  // until the next call to Fill, FillMore or Consume.
  std::string_view window() const {
    return std::string_view(buf_).substr(pos_);
  }

  // Reads until window() holds at least `n` bytes or the input ends.
  // Returns whether it holds `n`. Fails with kIoError (or kInternal when
  // zlib cannot allocate).
  Result<bool> Fill(size_t n);

  // Reads at least one more byte into window() unless the input has ended.
  // Returns false at the end of the input.
  Result<bool> FillMore();

  // Drops the first `n` bytes of window(). REQUIRES: n <= window().size().
  void Consume(size_t n) { pos_ += n; }

  // True when the input has ended: window() is all that is left.
  bool at_end() const { return input_done_; }

  // True when the input is gzip.
  bool gzip() const { return gzip_; }

  // Decoded bytes consumed so far: the offset of window()[0] in the
  // decoded input.
  uint64_t offset() const { return decoded_ - (buf_.size() - pos_); }

  // The decoded offset at or after offset() where decoding resumed after
  // gzip damage (the start of the next good member), or UINT64_MAX when
  // there is none. A reader ends the record in progress there: bytes
  // before and after it do not belong together.
  uint64_t NextBoundary();

  // Input bytes consumed from the file (compressed bytes for gzip), and the
  // file's size (0: unknown).
  uint64_t bytes_read() const;
  uint64_t bytes_total() const { return file_->size(); }

  // Returns and clears the messages (joined by "; ") of the gzip damage
  // seen at decoded offsets up to `up_to` ("" when none): corrupt or
  // truncated members, junk between members. Damage is placed at the
  // decoded offset where it was detected.
  std::string TakeError(uint64_t up_to = UINT64_MAX);

 private:
  // Appends at least one decoded byte to buf_ unless the input ends.
  Status ReadMore();
  Result<size_t> ReadRaw();  // refills in_ from the file
  Status Inflate();
  // Skips compressed input up to the next gzip member header; returns
  // false when the input ends first.
  Result<bool> SkipToMember(size_t from);
  void SetError(std::string message);

  std::unique_ptr<base::ReadableFile> file_;
  std::string buf_;  // decoded bytes; [pos_, size) unconsumed
  size_t pos_ = 0;
  bool input_done_ = false;
  bool sniffed_ = false;
  bool gzip_ = false;

  // Compressed input: in_[in_pos_, in_end_) is not yet inflated.
  std::string in_;
  size_t in_pos_ = 0;
  size_t in_end_ = 0;
  bool file_done_ = false;
  uint64_t file_bytes_ = 0;  // bytes read from the file
  size_t member_start_ = 0;  // where the current member began in in_
  bool member_start_known_ = false;
  bool in_member_ = false;  // inflating a member (not between members)
  struct ZState;
  std::unique_ptr<ZState> z_;
  struct Damage {
    uint64_t offset;
    std::string message;
  };
  std::deque<Damage> errors_;
  uint64_t decoded_ = 0;  // decoded bytes appended to buf_ in total
  std::deque<uint64_t> boundaries_;
};

}  // namespace newstrace::ingest

#endif  // NEWSTRACE_INGEST_BYTE_STREAM_H_
