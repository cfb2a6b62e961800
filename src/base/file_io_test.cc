#include "base/file_io.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace newstrace::base {
namespace {

std::string TempPath(const char* name) {
  return (std::filesystem::temp_directory_path() / name).string();
}

TEST(FileIoTest, ReadsWholeFile) {
  std::string path = TempPath("newstrace_file_io_test.txt");
  { std::ofstream(path, std::ios::binary) << std::string("a\0b", 3); }
  Result<std::string> r = ReadFile(path, 100);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, std::string("a\0b", 3));
  std::filesystem::remove(path);
}

TEST(FileIoTest, MissingFileIsNotFound) {
  Result<std::string> r = ReadFile("/nonexistent/newstrace/x.txt", 100);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(FileIoTest, DirectoryIsInvalidArgument) {
  Result<std::string> r =
      ReadFile(std::filesystem::temp_directory_path().string(), 100);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST(FileIoTest, CapIsEnforced) {
  std::string path = TempPath("newstrace_file_io_cap.txt");
  { std::ofstream(path) << std::string(1000, 'x'); }
  Result<std::string> r = ReadFile(path, 999);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace newstrace::base
