#pragma once
/// \file
/// Umbrella header: everything public in electsec.

#include <electsec/catalog.hpp>
#include <electsec/catalog_json.hpp>
#include <electsec/cli.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/error.hpp>
#include <electsec/types.hpp>
#include <electsec/version.hpp>
