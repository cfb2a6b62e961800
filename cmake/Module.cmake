# newstrace_module(NAME SOURCES ... DEPS ...): one static library per module
# with an alias newstrace::NAME, includes rooted at src/ and include/.
function(newstrace_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS" ${ARGN})
  add_library(newstrace_${name} STATIC ${M_SOURCES})
  add_library(newstrace::${name} ALIAS newstrace_${name})
  target_compile_features(newstrace_${name} PUBLIC cxx_std_20)
  target_include_directories(newstrace_${name}
    PUBLIC ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(newstrace_${name} PRIVATE -Wall -Wextra)
  target_link_libraries(newstrace_${name} PUBLIC ${M_DEPS})
endfunction()

# newstrace_test(NAME SOURCES ... DEPS ... [LABELS ...]): a GoogleTest binary
# whose tests are registered with ctest.
function(newstrace_test name)
  cmake_parse_arguments(T "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_DEPS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    NEWSTRACE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  include(GoogleTest)
  if(T_LABELS)
    gtest_discover_tests(${name} PROPERTIES LABELS "${T_LABELS}"
                         DISCOVERY_TIMEOUT 60)
  else()
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
