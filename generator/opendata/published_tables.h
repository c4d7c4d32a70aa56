#pragma once
#include <string>

#include "model/site_model.h"

namespace tuoyu::opendata {

/// The text published in place of a home-based setting's address (家庭托育点: street only).
std::string withheld_address(const model::Institution& institution);

/// A register table ("areas", "institutions", "fees") as the open data publishes it: public fields only,
/// and for 家庭托育点 (unless site.yaml allows exact places) the address cut to the street and the
/// position replaced by its ~500 m grid cell in GCJ-02 — the same rule as the public pages. A copy;
/// tables other than institutions come back as the model holds them.
model::PublicTable published_table(const model::SiteModel& site, const std::string& name);

}  // namespace tuoyu::opendata
