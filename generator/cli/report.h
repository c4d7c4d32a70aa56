#pragma once
#include <ostream>

#include "build/pipeline.h"

namespace tuoyu::cli {

/// Prints the sorted problems (at most `max_messages`), a summary of rows per file, errors and
/// warnings, phase timings when `verbose`, and where the site was written.
void print_report(const build::BuildReport& report, bool wrote, core::Language language, std::size_t max_messages, bool verbose,
                  std::ostream& messages, std::ostream& out);

}  // namespace tuoyu::cli
