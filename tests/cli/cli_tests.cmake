# The built electsec binary, run as a user runs it.
set(electsec_case_script "${CMAKE_CURRENT_SOURCE_DIR}/cli/run_case.cmake")

function(electsec_cli_case name code)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "OUT;ERR" "ARGS")
  # A list would split into separate arguments of cmake; '|' carries it through.
  string(REPLACE ";" "|" args "${arg_ARGS}")
  set(defs "-DEXE=$<TARGET_FILE:electsec_cli>" "-DARGS=${args}" "-DCODE=${code}")
  if(DEFINED arg_OUT)
    list(APPEND defs "-DOUT=${arg_OUT}")
  endif()
  if(DEFINED arg_ERR)
    list(APPEND defs "-DERR=${arg_ERR}")
  endif()
  add_test(NAME cli.${name} COMMAND "${CMAKE_COMMAND}" ${defs} -P "${electsec_case_script}")
endfunction()

electsec_cli_case(help 0 ARGS --help OUT "usage: electsec")
electsec_cli_case(no_command 2 ERR "usage: electsec")
electsec_cli_case(safeguards_ig1 0 ARGS safeguards --ig 1 OUT "56 safeguards")
electsec_cli_case(safeguard_known 0 ARGS safeguard 14.9 OUT "IGs: +2 3")
electsec_cli_case(safeguard_unknown 1 ARGS safeguard 99.9 ERR "^electsec: unknown safeguard '99.9'[^\n]*\n$")
electsec_cli_case(unknown_command 2 ARGS frobnicate ERR "unknown command 'frobnicate'")
electsec_cli_case(bad_option_value 2 ARGS safeguards --ig 7 ERR "--ig")
electsec_cli_case(missing_catalog 1 ARGS --catalog /nonexistent.json controls ERR "/nonexistent.json: cannot read")
electsec_cli_case(catalog_json 0 ARGS catalog --format json OUT "\"schema\": \"electsec.catalog/1\"")

find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  add_test(NAME cli.safeguards_json_equals_reference_csv
           COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_SOURCE_DIR}/cli/check_safeguards_json.py"
                   "$<TARGET_FILE:electsec_cli>" "${ELECTSEC_REFERENCE_DIR}/cis-controls-v8-safeguards.csv")
endif()

if(Python3_Interpreter_FOUND)
  add_test(NAME report.html_in_chromium
           COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_SOURCE_DIR}/report/check_html_report.py"
                   "$<TARGET_FILE:electsec_cli>" "${CMAKE_CURRENT_BINARY_DIR}/report")
  # The reports as people see them: desktop and phone widths, and PDF (the guide's pictures).
  add_test(NAME report.pictures_and_pdf
           COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_SOURCE_DIR}/report/render_reports.py"
                   "$<TARGET_FILE:electsec_cli>" "${CMAKE_CURRENT_BINARY_DIR}/report-pictures")
endif()

# The README's demo, end to end, with the electsec just built.
add_test(NAME demo COMMAND bash "${PROJECT_SOURCE_DIR}/scripts/demo")
set_tests_properties(demo PROPERTIES
  ENVIRONMENT "ELECTSEC_BIN=$<TARGET_FILE:electsec_cli>"
  PASS_REGULAR_EXPRESSION "Maturity: Level 2.*6 offices: 2 at Level 1, 3 at Level 2, 1 at Level 3.*best match: .*\\(exit code 1\\)")
