#pragma once
#include <string>

#include "core/localized.h"
#include "model/site_model.h"
#include "stats/indicators.h"

namespace tuoyu::stats {

/// The office's own follow-up list, never published: prepayment over 3 months, enrolment over
/// capacity, operating but not filed, credit codes that fail their check character, institutions
/// without coordinates and streets with no operating institution — each item naming the record.
std::string office_report_text(const model::SiteModel& site, const Statistics& statistics, core::Language language);

}  // namespace tuoyu::stats
