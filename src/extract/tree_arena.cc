#include "extract/tree_arena.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace newstrace::extract {

struct TreeArena::Chunk {
  Chunk* next;
};

namespace {

// Alignment of the structs the arena holds (pointers, ints, shorts).
constexpr size_t kAlign = alignof(void*);
// Chunk header size, keeping chunk data as aligned as malloc's.
constexpr size_t kHeader = alignof(std::max_align_t);
static_assert(kHeader >= sizeof(void*) && kHeader % kAlign == 0);
// Largest current chunk; a block over a quarter of the next current
// chunk's size gets a chunk of its own.
constexpr size_t kMaxChunk = size_t{1} << 20;

}  // namespace

TreeArena::~TreeArena() {
  while (chunks_ != nullptr) {
    Chunk* next = chunks_->next;
    std::free(chunks_);
    chunks_ = next;
  }
}

char* TreeArena::AddChunk(size_t size) {
  auto* chunk = static_cast<Chunk*>(std::malloc(kHeader + size));
  if (chunk == nullptr) std::abort();
  chunk->next = chunks_;
  chunks_ = chunk;
  return reinterpret_cast<char*>(chunk) + kHeader;
}

char* TreeArena::AllocateSlow(size_t size) {
  // A big block gets its own chunk; the current chunk stays current.
  if (size > next_size_ / 4) return AddChunk(size);
  cur_ = AddChunk(next_size_);
  end_ = cur_ + next_size_;
  next_size_ = std::min(next_size_ * 2, kMaxChunk);
  char* p = cur_;
  cur_ += size;
  return p;
}

void* TreeArena::AllocateZeroed(size_t size) {
  size = (size + kAlign - 1) / kAlign * kAlign;
  size_t pad = (kAlign - reinterpret_cast<uintptr_t>(cur_) % kAlign) % kAlign;
  // Without room for the padding there is none for `size` either, and
  // AllocateBytes starts a chunk, which is aligned.
  if (pad <= static_cast<size_t>(end_ - cur_)) cur_ += pad;
  void* p = AllocateBytes(size);
  std::memset(p, 0, size);
  return p;
}

xmlChar* TreeArena::CopyString(const xmlChar* s, size_t len) {
  char* p = AllocateBytes(len + 1);
  std::memcpy(p, s, len);
  p[len] = 0;
  return reinterpret_cast<xmlChar*>(p);
}

xmlChar* TreeArena::CopyString(const xmlChar* s) {
  if (s == nullptr) return nullptr;
  return CopyString(s, std::strlen(reinterpret_cast<const char*>(s)));
}

bool TreeArena::TryExtend(const char* p, size_t size, size_t new_size) {
  if (p + size != cur_ || new_size < size ||
      new_size - size > static_cast<size_t>(end_ - cur_)) {
    return false;
  }
  cur_ += new_size - size;
  return true;
}

}  // namespace newstrace::extract
