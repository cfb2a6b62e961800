#include "ingest/dir_reader.h"

#include "ingest/open_reader.h"

namespace newstrace::ingest {

Result<std::unique_ptr<DocumentReader>> DirReader::Open(
    const std::string& dir, const ReaderOptions& options) {
  NT_ASSIGN_OR_RETURN(base::DirListing listing, base::ListFilesRecursive(dir));
  return std::unique_ptr<DocumentReader>(
      new DirReader(std::move(listing), options));
}

DirReader::DirReader(base::DirListing listing, const ReaderOptions& options)
    : listing_(std::move(listing)), options_(options) {
  for (const base::ListedFile& f : listing_.files) total_ += f.size;
}

uint64_t DirReader::bytes_read() const {
  return done_bytes_ + (child_ ? child_->bytes_read() : 0);
}

void DirReader::SyncChildStats() {
  const ReadStats& s = child_->stats();
  stats_.malformed += s.malformed - child_seen_.malformed;
  stats_.skipped += s.skipped - child_seen_.skipped;
  for (size_t i = child_seen_.problems.size(); i < s.problems.size(); ++i) {
    if (stats_.problems.size() < ReadStats::kMaxProblems) {
      stats_.problems.push_back(s.problems[i]);
    }
    child_seen_.problems.push_back({});  // only the count matters
  }
  child_seen_.malformed = s.malformed;
  child_seen_.skipped = s.skipped;
}

void DirReader::FinishChild() {
  child_.reset();
  child_seen_ = ReadStats();
  done_bytes_ += listing_.files[next_].size;
  ++next_;
}

Result<bool> DirReader::Next(RawDoc* doc) {
  while (problems_done_ < listing_.problems.size()) {
    NT_RETURN_IF_ERROR(Malformed(
        "unreadable", listing_.problems[problems_done_++], options_.strict));
  }
  while (next_ < listing_.files.size()) {
    const base::ListedFile& file = listing_.files[next_];
    if (!child_) {
      FileKind kind = FileKindOf(file.path);
      if (kind == FileKind::kSkip) {
        ++stats_.skipped;
        done_bytes_ += file.size;
        ++next_;
        continue;
      }
      Result<std::unique_ptr<DocumentReader>> opened =
          OpenFileReader(file.path, kind, file.size, options_);
      if (!opened.ok()) {
        done_bytes_ += file.size;
        ++next_;
        NT_RETURN_IF_ERROR(Malformed("unreadable", opened.status().message(),
                                     options_.strict));
        continue;
      }
      child_ = std::move(opened).value();
    }
    Result<bool> r = child_->Next(doc);
    SyncChildStats();
    if (!r.ok()) {
      FinishChild();
      if (r.status().code() == StatusCode::kCorruption && options_.strict) {
        return r.status();  // the file's reader already counted it
      }
      NT_RETURN_IF_ERROR(
          Malformed("unreadable", r.status().message(), options_.strict));
      continue;
    }
    if (*r) {
      ++stats_.documents;
      return true;
    }
    FinishChild();
  }
  return false;
}

}  // namespace newstrace::ingest
