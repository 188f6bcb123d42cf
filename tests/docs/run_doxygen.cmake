# Runs Doxygen on docs/Doxyfile and fails on any warning, listing them.
# Inputs: DOXYGEN, SOURCE_DIR (the repository root), OUTPUT (a build directory);
# optional INPUT replaces the Doxyfile's INPUT (the self-test points it at a header
# with an undocumented function to prove that a warning fails the check).
file(MAKE_DIRECTORY "${OUTPUT}")
set(config "${OUTPUT}/Doxyfile")
set(log "${OUTPUT}/warnings.log")
file(WRITE "${config}" "@INCLUDE = ${SOURCE_DIR}/docs/Doxyfile\n"
                       "OUTPUT_DIRECTORY = ${OUTPUT}\n"
                       "WARN_LOGFILE = ${log}\n")
if(INPUT)
  file(APPEND "${config}" "INPUT = ${INPUT}\nUSE_MDFILE_AS_MAINPAGE =\n")
endif()
file(REMOVE "${log}")
execute_process(COMMAND "${DOXYGEN}" "${config}" WORKING_DIRECTORY "${SOURCE_DIR}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "doxygen failed (exit ${rc}):\n${out}${err}")
endif()
set(warnings "")
if(EXISTS "${log}")
  file(READ "${log}" warnings)
endif()
string(STRIP "${warnings}${err}" warnings)
if(NOT warnings STREQUAL "")
  # NOTICE prints the lines as Doxygen wrote them; FATAL_ERROR would re-wrap them to the
  # terminal width, splitting a warning across lines depending on how long the path is.
  message(NOTICE "${warnings}")
  message(FATAL_ERROR "doxygen warned (above); the API reference must build without any warning")
endif()
if(NOT EXISTS "${OUTPUT}/html/index.html")
  message(FATAL_ERROR "doxygen wrote no ${OUTPUT}/html/index.html")
endif()
message(STATUS "API reference without warnings: ${OUTPUT}/html/index.html")
