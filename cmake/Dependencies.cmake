# Every dependency is a Debian 12 package (scripts/install-deps.sh).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(LibXml2 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(simdjson REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)

# CLD2 ships no CMake or pkg-config file.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY NAMES cld2 REQUIRED)
add_library(newstrace_cld2 INTERFACE)
target_include_directories(newstrace_cld2 INTERFACE ${CLD2_INCLUDE_DIR})
target_link_libraries(newstrace_cld2 INTERFACE ${CLD2_LIBRARY})

if(NEWSTRACE_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(NEWSTRACE_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
