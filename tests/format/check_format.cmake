# Every C++ source and header follows .clang-format: clang-format reports nothing to change.
# Run by ctest as format.check with -DCLANG_FORMAT=... -DSOURCE_DIR=...
file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}"
     "${SOURCE_DIR}/include/*.hpp" "${SOURCE_DIR}/src/*.cpp" "${SOURCE_DIR}/src/*.hpp"
     "${SOURCE_DIR}/bindings/*.cpp" "${SOURCE_DIR}/bindings/*.hpp" "${SOURCE_DIR}/examples/*.cpp"
     "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/tests/*.hpp" "${SOURCE_DIR}/bench/*.cpp" "${SOURCE_DIR}/apps/*.cpp"
     "${SOURCE_DIR}/apps/*.hpp")
list(FILTER sources EXCLUDE REGEX "(^|/)build/")
list(LENGTH sources count)
if(count EQUAL 0)
  message(FATAL_ERROR "no sources found under ${SOURCE_DIR}")
endif()
set(unformatted "")
foreach(source IN LISTS sources)
  execute_process(COMMAND "${CLANG_FORMAT}" --dry-run --Werror "${source}"
                  WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(NOT rc EQUAL 0)
    list(APPEND unformatted "${source}")
  endif()
endforeach()
if(unformatted)
  list(JOIN unformatted "\n  " text)
  message(FATAL_ERROR "not formatted as .clang-format says (run clang-format -i on them):\n  ${text}")
endif()
message(STATUS "${count} files follow .clang-format")
