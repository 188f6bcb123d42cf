#pragma once
/// \file
/// Libraries for CISO Assistant (intuitem's open-source GRC application), which loads
/// frameworks from YAML library files: the guide as a framework library, and its mapping
/// to the CIS Controls v8 as a mapping library. docs/guide/grc-tools.md describes them, and
/// tests/data/ciso_assistant/README.md which fields of its loader they fill and where the
/// format was read.
///
/// Deterministic: the same catalog gives the same bytes.

#include <electsec/export.hpp>
#include <electsec/catalog.hpp>

#include <string>

namespace electsec {

/// Settings of the mapping library.
struct ELECTSEC_API CisoAssistantOptions {
  /// The packager part of the CIS Controls v8 library's URNs in the CISO Assistant that
  /// loads the mapping (`urn:<packager>:risk:req_node:cis-controls-v8:4.1`). CISO Assistant
  /// builds its CIS library from CIS's own spreadsheet under a packager name its user
  /// chooses; "intuitem" is what its tools suggest. Up to 32 lower-case letters, digits, '-'
  /// and '_', with a letter or digit first and last.
  std::string cis_packager = "intuitem";
};

/// The guide as a CISO Assistant framework library (YAML): the practices as requirement
/// nodes with their actions as assessable nodes below them, the three maturity levels as
/// implementation groups (each node tagged with the levels it applies at), the maturity
/// statements as questions whose "yes" selects their level, and the CIS Safeguards the
/// practices map to as reference controls with their CSF function.
ELECTSEC_API std::string to_ciso_assistant_library(const Catalog& catalog);

/// The guide's mapping of practices to CIS Safeguards as a CISO Assistant mapping library
/// (YAML) from the framework of to_ciso_assistant_library to CISO Assistant's CIS Controls
/// v8 framework. Throws Error for a packager name outside the characters it allows. Both
/// throw Error for a catalog whose release has characters a URN part cannot hold.
ELECTSEC_API std::string to_ciso_assistant_mapping(const Catalog& catalog, const CisoAssistantOptions& options = {});

}  // namespace electsec
