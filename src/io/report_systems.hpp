#pragma once
// The office report's section on its system profile and risk picture (not public API;
// report.cpp adds it when the assessment has a profile, and only then).

#include <electsec/assessment.hpp>
#include <electsec/catalog.hpp>

#include <string>

namespace electsec::detail {

std::string office_systems_markdown(const Catalog& c, const Assessment& a);
std::string office_systems_html(const Catalog& c, const Assessment& a);

}  // namespace electsec::detail
