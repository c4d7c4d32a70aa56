#pragma once
#include <map>
#include <string>

#include "core/diagnostics.h"
#include "validate/table.h"

namespace tuoyu::validate {

/// The validated tables of one register, by table name ("institutions", "fees", "areas").
using Tables = std::map<std::string, ValidatedTable>;

/// Checks every schema foreign key: each non-empty referencing value must exist in the referenced table.
void check_references(Tables& tables, core::Diagnostics& diagnostics);

}  // namespace tuoyu::validate
