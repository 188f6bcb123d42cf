#pragma once
/// \file
/// Umbrella header: everything public in electsec.

#include <electsec/assessment.hpp>
#include <electsec/assessment_json.hpp>
#include <electsec/catalog.hpp>
#include <electsec/catalog_json.hpp>
#include <electsec/cli.hpp>
#include <electsec/ciso_assistant.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/diff.hpp>
#include <electsec/error.hpp>
#include <electsec/files.hpp>
#include <electsec/limits.hpp>
#include <electsec/maturity.hpp>
#include <electsec/oscal.hpp>
#include <electsec/plan.hpp>
#include <electsec/report.hpp>
#include <electsec/results_json.hpp>
#include <electsec/rollup_files.hpp>
#include <electsec/rst_import.hpp>
#include <electsec/scorecard.hpp>
#include <electsec/search.hpp>
#include <electsec/store.hpp>
#include <electsec/systems.hpp>
#include <electsec/table.hpp>
#include <electsec/text.hpp>
#include <electsec/types.hpp>
#include <electsec/version.hpp>

/// Everything electsec declares: the catalog model of the CIS Essential Guide to Election
/// Security, the engines that work on it (maturity, plan, scorecard, rollup, search,
/// diff, migrate), and the readers and writers of its files.
namespace electsec {}
