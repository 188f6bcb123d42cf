# Builds tests/package/consumer.cpp the way a Makefile user would: flags from
# `pkg-config --cflags --libs electsec` against the installed prefix, then runs it. The
# prefix is not the one configured (/usr/local), and nothing tells pkg-config where it is
# but PKG_CONFIG_PATH: the installed electsec.pc must find its own prefix.
# Inputs: PKG_CONFIG, CXX, PREFIX, LIBDIR, SOURCE, BINARY.
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
execute_process(COMMAND "${PKG_CONFIG}" --cflags --libs electsec
                OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config could not find electsec.pc under ${PREFIX}/${LIBDIR}/pkgconfig: ${err}")
endif()
message(STATUS "pkg-config electsec: ${flags}")
separate_arguments(flag_list UNIX_COMMAND "${flags}")
file(MAKE_DIRECTORY "${BINARY}")
execute_process(COMMAND "${CXX}" -std=c++17 "${SOURCE}" ${flag_list} -o "${BINARY}/consumer"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling the consumer with the pkg-config flags failed")
endif()
execute_process(COMMAND "${BINARY}/consumer" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the pkg-config consumer exited with ${rc}")
endif()
