#include "base/file_io.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

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

// Files larger than one read, a file of exactly the cap, and a stream
// with no size (a pipe): every byte comes back, in order.
TEST(FileIoTest, LargeFilesExactCapAndPipes) {
  std::string path = TempPath("newstrace_file_io_large.txt");
  std::string data;
  for (int i = 0; i < 300000; ++i) data += static_cast<char>('a' + i % 26);
  data += std::string("\0\xFF", 2);
  { std::ofstream(path, std::ios::binary) << data; }
  Result<std::string> r = ReadFile(path, data.size());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, data);
  EXPECT_EQ(ReadFile(path, data.size() - 1).status().code(),
            StatusCode::kResourceExhausted);
  std::FILE* pipe = ::popen(("cat " + path).c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  Result<std::string> p = ReadStream(pipe, data.size());
  ::pclose(pipe);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(*p, data);
  std::FILE* empty = std::fopen("/dev/null", "rb");
  ASSERT_NE(empty, nullptr);
  Result<std::string> e = ReadStream(empty, 10);
  std::fclose(empty);
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->empty());
  std::filesystem::remove(path);
}

TEST(FileIoTest, StatAndReadableFile) {
  std::string path = TempPath("newstrace_file_io_stream.txt");
  { std::ofstream(path, std::ios::binary) << "hello world"; }
  Result<FileInfo> info = Stat(path);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->type, FileType::kRegular);
  EXPECT_EQ(info->size, 11u);
  EXPECT_EQ(Stat(std::filesystem::temp_directory_path().string())->type,
            FileType::kDirectory);
  EXPECT_EQ(Stat("/nonexistent/newstrace").status().code(),
            StatusCode::kNotFound);

  auto f = ReadableFile::Open(path);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ((*f)->size(), 11u);
  char buf[8];
  std::string got;
  while (true) {
    Result<size_t> n = (*f)->Read(buf, sizeof buf);
    ASSERT_TRUE(n.ok());
    if (*n == 0) break;
    got.append(buf, *n);
  }
  EXPECT_EQ(got, "hello world");
  EXPECT_EQ(ReadableFile::Open("/nonexistent/x").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(ReadableFile::Open(std::filesystem::temp_directory_path().string())
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  std::filesystem::remove(path);
}

TEST(FileIoTest, ListFilesRecursive) {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / "newstrace_file_io_list";
  fs::remove_all(root);
  fs::create_directories(root / "b" / "c");
  fs::create_directories(root / ".hidden");
  for (const char* name : {"b/c/z.txt", "a.txt", "b/y.txt", ".hidden/h.txt",
                           ".dot.txt", "b/.dot2"}) {
    std::ofstream(root / name) << "x";
  }
  fs::create_directory_symlink(root / "b", root / "link_to_b");
  fs::create_symlink(root / "missing", root / "dangling");
  Result<DirListing> r = ListFilesRecursive(root.string());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::vector<std::string> got;
  for (const ListedFile& f : r->files) {
    got.push_back(f.path.substr(root.string().size() + 1));
    EXPECT_EQ(f.size, 1u);
  }
  EXPECT_EQ(got, (std::vector<std::string>{"a.txt", "b/c/z.txt", "b/y.txt"}));
  ASSERT_EQ(r->problems.size(), 1u);  // the dangling link
  EXPECT_NE(r->problems[0].find("dangling"), std::string::npos);
  EXPECT_EQ(ListFilesRecursive((root / "a.txt").string()).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ListFilesRecursive((root / "nope").string()).status().code(),
            StatusCode::kNotFound);
  fs::remove_all(root);
}

}  // namespace
}  // namespace newstrace::base
