#pragma once
// The URNs of the framework library electsec writes for CISO Assistant, shared by the
// writer (ciso_assistant.cpp) and the reader of audits exported from it
// (ciso_assistant_audit.cpp), so that both name a node the same way.

#include <electsec/catalog.hpp>

#include <string>

namespace electsec::detail {

/// What every requirement node's URN starts with, before the release's slug.
inline constexpr const char* ciso_assistant_node_urn_prefix = "urn:electsec:risk:req_node:";

/// "cis-eges-<release>"; throws Error for a release a URN part cannot hold.
std::string ciso_assistant_slug(const Catalog& catalog);

/// The URN of the node of a practice, action or maturity node `id`.
std::string ciso_assistant_node_urn(const Catalog& catalog, const std::string& id);

}  // namespace electsec::detail
