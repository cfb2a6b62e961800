// TreeArena: aligned zeroed structs, strings, in-place growth, big blocks.
#include "extract/tree_arena.h"

#include <gtest/gtest.h>
#include <libxml/tree.h>

#include <cstdint>

namespace newstrace::extract {
namespace {

TEST(TreeArenaTest, AllocatesAlignedZeroedAndExtendsInPlace) {
  TreeArena arena;
  char* s = arena.AllocateBytes(3);
  void* p = arena.AllocateZeroed(sizeof(xmlNode));
  EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % alignof(xmlNode), 0u);
  for (size_t i = 0; i < sizeof(xmlNode); ++i) {
    ASSERT_EQ(static_cast<char*>(p)[i], 0);
  }
  EXPECT_FALSE(arena.TryExtend(s, 3, 10));  // not the last block
  char* t = arena.AllocateBytes(4);
  EXPECT_TRUE(arena.TryExtend(t, 4, 100));
  EXPECT_FALSE(arena.TryExtend(t, 100, size_t{1} << 30));
  char* big = arena.AllocateBytes(size_t{4} << 20);  // a chunk of its own
  big[0] = big[(size_t{4} << 20) - 1] = 'x';
  EXPECT_EQ(arena.CopyString(BAD_CAST "abc", 2)[2], 0);
  EXPECT_EQ(arena.CopyString(nullptr), nullptr);
}

}  // namespace
}  // namespace newstrace::extract
