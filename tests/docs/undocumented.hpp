#pragma once
/// \file
/// Input for the Doxygen check's self-test: one function lacks documentation.

namespace electsec_doc_check {
/// Documented.
int documented();
int undocumented();
}  // namespace electsec_doc_check
