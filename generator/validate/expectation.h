#pragma once
#include "core/localized.h"
#include "load/table_schema.h"

namespace tuoyu::validate {

/// What a valid value of `field` looks like, in words for a clerk: "a whole number from 0 to 36",
/// "one of 全日托, 半日托", or the schema's own `tuoyu:expected` text.
core::Localized describe_expected(const load::FieldSchema& field);

}  // namespace tuoyu::validate
