// A bump allocator for one parsed HTML tree (html_tree_builder.h): nodes
// and strings are carved out of a few large chunks and released together.
#ifndef NEWSTRACE_EXTRACT_TREE_ARENA_H_
#define NEWSTRACE_EXTRACT_TREE_ARENA_H_

#include <libxml/xmlstring.h>

#include <cstddef>

namespace newstrace::extract {

// Owns the memory of one arena-built tree: every node and string of it.
// Memory stays valid until destruction. Running out of memory aborts (the
// callers are libxml2 callbacks, which no exception may unwind through).
// Not thread-safe.
class TreeArena {
 public:
  TreeArena() = default;
  ~TreeArena();
  TreeArena(const TreeArena&) = delete;
  TreeArena& operator=(const TreeArena&) = delete;

  // Returns `size` uninitialized bytes (no alignment).
  char* AllocateBytes(size_t size) {
    if (size <= static_cast<size_t>(end_ - cur_)) {
      char* p = cur_;
      cur_ += size;
      return p;
    }
    return AllocateSlow(size);
  }
  // Returns `size` zeroed bytes aligned for any libxml2 struct.
  void* AllocateZeroed(size_t size);
  // Returns a NUL-terminated copy of s[0, len).
  xmlChar* CopyString(const xmlChar* s, size_t len);
  // Returns a NUL-terminated copy of NUL-terminated `s`; nullptr for
  // nullptr.
  xmlChar* CopyString(const xmlChar* s);
  // When the `size` bytes at `p` are the last block AllocateBytes returned
  // and the current chunk has room, makes them `new_size` bytes long in
  // place and returns true; else returns false and changes nothing.
  bool TryExtend(const char* p, size_t size, size_t new_size);

 private:
  struct Chunk;
  char* AllocateSlow(size_t size);
  // Returns the data of a new chunk of `size` bytes, added to chunks_.
  char* AddChunk(size_t size);

  Chunk* chunks_ = nullptr;  // every chunk
  char* cur_ = nullptr;      // free space of the current chunk
  char* end_ = nullptr;
  size_t next_size_ = size_t{32} << 10;  // of the next current chunk
};

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_TREE_ARENA_H_
