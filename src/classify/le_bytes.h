// Little-endian fields of the model file (docs/format/model.md): the
// container (model_file.cc) and the linear view's section (sparse_model.cc)
// write and read them alike. Getters do no bounds checks: callers check the
// length first.
#ifndef NEWSTRACE_CLASSIFY_LE_BYTES_H_
#define NEWSTRACE_CLASSIFY_LE_BYTES_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace newstrace::classify {

inline void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}
inline void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}
inline void PutF32(std::string* out, float f) {
  uint32_t v;
  std::memcpy(&v, &f, 4);
  PutU32(out, v);
}
inline uint32_t GetU32(std::string_view s, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) {
    v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  }
  return v;
}
inline uint64_t GetU64(std::string_view s, size_t at) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) {
    v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  }
  return v;
}
inline float GetF32(std::string_view s, size_t at) {
  uint32_t v = GetU32(s, at);
  float f;
  std::memcpy(&f, &v, 4);
  return f;
}

}  // namespace newstrace::classify

#endif  // NEWSTRACE_CLASSIFY_LE_BYTES_H_
