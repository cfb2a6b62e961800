#include "ingest/byte_stream.h"

#include <gtest/gtest.h>

#include "testutil/reader_testutil.h"

namespace newstrace::ingest {
namespace {

using testutil::Gzip;
using testutil::TempDir;

// Everything the stream yields, and the gzip errors it reported.
struct Drained {
  std::string bytes;
  std::vector<std::string> errors;
  std::vector<uint64_t> boundaries;
};

Drained Drain(const std::string& path) {
  Drained d;
  auto s = ByteStream::Open(path);
  EXPECT_TRUE(s.ok());
  ByteStream& in = **s;
  while (true) {
    uint64_t b = in.NextBoundary();
    if (b != UINT64_MAX && (d.boundaries.empty() || d.boundaries.back() != b)) {
      d.boundaries.push_back(b);
    }
    std::string_view w = in.window();
    // Consume at most up to the next boundary so that each is seen.
    size_t n = w.size();
    if (b != UINT64_MAX && b > in.offset()) {
      n = std::min<uint64_t>(n, b - in.offset());
    }
    d.bytes.append(w.substr(0, n));
    in.Consume(n);
    std::string e = in.TakeError();
    if (!e.empty()) d.errors.push_back(e);
    Result<bool> more = in.FillMore();
    EXPECT_TRUE(more.ok());
    if (!*more && in.window().empty()) break;
  }
  EXPECT_EQ(in.bytes_read(), in.bytes_total());
  std::string e = in.TakeError();
  if (!e.empty()) d.errors.push_back(e);
  return d;
}

std::string Big(size_t n, char seed) {
  std::string s;
  s.reserve(n);
  uint32_t x = static_cast<unsigned char>(seed);
  for (size_t i = 0; i < n; ++i) {
    x = x * 1103515245u + 12345u;
    s.push_back(static_cast<char>('a' + (x >> 16) % 26));
    if (i % 61 == 60) s.push_back('\n');
  }
  return s;
}

TEST(ByteStreamTest, PlainFile) {
  TempDir dir;
  std::string data = Big(700000, 'p');
  Drained d = Drain(dir.Write("a.txt", data));
  EXPECT_EQ(d.bytes, data);
  EXPECT_TRUE(d.errors.empty());
}

TEST(ByteStreamTest, EmptyFile) {
  TempDir dir;
  Drained d = Drain(dir.Write("e", ""));
  EXPECT_EQ(d.bytes, "");
  EXPECT_TRUE(d.errors.empty());
}

TEST(ByteStreamTest, GzipOneAndManyMembers) {
  TempDir dir;
  std::string a = Big(900000, 'a'), b = "short member\n", c = Big(5000, 'c');
  EXPECT_EQ(Drain(dir.Write("one.gz", Gzip(a))).bytes, a);
  Drained d = Drain(dir.Write("many.gz", Gzip(a) + Gzip(b) + Gzip(c)));
  EXPECT_EQ(d.bytes, a + b + c);
  EXPECT_TRUE(d.errors.empty());
  auto s = ByteStream::Open(dir.path() + "/many.gz");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE((*s)->Fill(10).ok());
  EXPECT_TRUE((*s)->gzip());
}

TEST(ByteStreamTest, TruncatedLastMemberEndsCleanly) {
  TempDir dir;
  std::string a = "first member\n", b = Big(200000, 'b');
  std::string gb = Gzip(b);
  Drained d = Drain(dir.Write("t.gz", Gzip(a) + gb.substr(0, gb.size() / 2)));
  ASSERT_GE(d.bytes.size(), a.size());
  EXPECT_EQ(d.bytes.substr(0, a.size()), a);
  EXPECT_EQ(b.substr(0, d.bytes.size() - a.size()), d.bytes.substr(a.size()));
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_NE(d.errors[0].find("truncated"), std::string::npos);
}

TEST(ByteStreamTest, TruncatedMiddleMemberResyncsAtNextMember) {
  TempDir dir;
  std::string a = "alpha\n", b = Big(50000, 'b'), c = "gamma member\n";
  std::string gb = Gzip(b);
  Drained d =
      Drain(dir.Write("m.gz", Gzip(a) + gb.substr(0, gb.size() / 3) + Gzip(c)));
  EXPECT_EQ(d.bytes.substr(0, a.size()), a);
  ASSERT_GE(d.bytes.size(), c.size());
  EXPECT_EQ(d.bytes.substr(d.bytes.size() - c.size()), c);
  EXPECT_FALSE(d.errors.empty());
  ASSERT_EQ(d.boundaries.size(), 1u);
  EXPECT_EQ(d.boundaries[0], d.bytes.size() - c.size());
}

TEST(ByteStreamTest, JunkBetweenMembersIsReported) {
  TempDir dir;
  Drained d = Drain(dir.Write("j.gz", Gzip("one\n") + "JUNK" + Gzip("two\n")));
  EXPECT_EQ(d.bytes, "one\ntwo\n");
  EXPECT_EQ(d.errors.size(), 1u);
  Drained z = Drain(dir.Write("z.gz", Gzip("one\n") + std::string(9, '\0')));
  EXPECT_EQ(z.bytes, "one\n");
  EXPECT_TRUE(z.errors.empty());  // NUL padding is fine
}

TEST(ByteStreamTest, GarbageAfterMagicIsNotACrash) {
  TempDir dir;
  std::string junk = "\x1f\x8b\x08";
  for (int i = 0; i < 5000; ++i) junk.push_back(static_cast<char>(i * 37));
  Drained d = Drain(dir.Write("g.gz", junk));
  EXPECT_FALSE(d.errors.empty());
}

}  // namespace
}  // namespace newstrace::ingest
