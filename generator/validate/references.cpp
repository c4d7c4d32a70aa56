#include "validate/references.h"

#include <unordered_set>
#include <vector>

#include "core/text.h"

namespace tuoyu::validate {

void check_references(Tables& tables, core::Diagnostics& diagnostics) {
  for (auto& [name, table] : tables) {
    if (table.schema == nullptr) continue;
    for (const auto& key : table.schema->foreign_keys) {
      if (key.fields.size() != 1 || key.reference_fields.size() != 1) continue;  // Only single-field keys are declared.
      const std::string target_name = key.resource.empty() ? name : key.resource;
      const auto target = tables.find(target_name);
      if (target == tables.end() || target->second.schema == nullptr) continue;
      const std::size_t source_field = table.schema->index_of(key.fields.front());
      const std::size_t target_field = target->second.schema->index_of(key.reference_fields.front());
      std::unordered_set<std::string> known;
      std::vector<std::string> candidates;
      for (const auto& row : target->second.rows) {
        std::string value = to_text(row.values[target_field]);
        if (value.empty()) continue;
        if (known.insert(value).second && candidates.size() < 5000) candidates.push_back(value);
      }
      const std::string target_file = target->second.path;
      for (auto& row : table.rows) {
        const std::string value = to_text(row.values[source_field]);
        if (value.empty() || known.count(value) != 0) continue;
        row.valid = false;
        core::Localized hint{"先在 " + target_file + " 中加入它，或改正此处的值",
                             "add it to " + target_file + " first, or correct the value here"};
        if (const auto guess = core::did_you_mean(value, candidates)) {
          hint = {"是不是 " + *guess + "？", "did you mean " + *guess + "?"};
        }
        if (table.schema->fields[source_field].is_private) hint = private_value_hint();
        const std::string label = table.label(source_field);
        const std::string target_label = target->second.schema->fields[target_field].title;
        const core::Localized shown = table.shown(source_field, value);
        diagnostics.error(table.where(row, source_field),
                          {label + "：" + target_file + " 中没有" + target_label + "为 " + shown.zh + " 的记录",
                           label + ": " + target_file + " has no " + key.reference_fields.front() + " " + shown.en},
                          hint);
      }
    }
  }
}

}  // namespace tuoyu::validate
