#pragma once
#include "core/diagnostics.h"
#include "validate/references.h"

namespace tuoyu::validate {

/// Rules that span fields or tables and that Table Schema cannot express: coordinates in pairs,
/// filing dates, class places within capacity, age ranges, streets of the district, prepayment
/// limits, district and street codes. Rows that break an error rule are marked invalid.
void check_domain_rules(Tables& tables, core::Diagnostics& diagnostics);

}  // namespace tuoyu::validate
