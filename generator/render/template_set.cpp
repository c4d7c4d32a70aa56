#include "render/template_set.h"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "io/files.h"
#include "render/resources.h"

namespace tuoyu::render {
namespace {

using Data = kainjow::mustache::data;

/// Converts a JSON view into mustache data: objects, arrays, strings, numbers and booleans. Object
/// members holding an empty string are left out, so `{{#note}}…{{/note}}` shows only when there is a note.
Data to_data(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      Data out{Data::type::object};
      for (const auto& [key, item] : value.items()) {
        if (item.is_string() && item.get_ref<const std::string&>().empty()) continue;
        out.set(key, to_data(item));
      }
      return out;
    }
    case nlohmann::json::value_t::array: {
      Data out{Data::type::list};
      for (const auto& item : value) out.push_back(to_data(item));
      return out;
    }
    case nlohmann::json::value_t::string:
      return Data{value.get_ref<const std::string&>()};
    case nlohmann::json::value_t::boolean:
      return Data{value.get<bool>()};
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return Data{value.dump()};
    default:
      return Data{false};
  }
}

}  // namespace

struct TemplateSet::Compiled {
  explicit Compiled(const std::string& text) : mustache(text) {}
  kainjow::mustache::mustache mustache;
};

std::optional<std::string> read_resource(const std::filesystem::path& source, const std::string& relative, std::string* origin) {
  const auto own = source / relative;
  std::error_code error;
  if (std::filesystem::exists(own, error) && !io::is_inside(source, own)) {
    if (origin != nullptr) *origin = own.string() + " (refused: it points outside the site folder)";
    return std::nullopt;
  }
  if (auto bytes = io::read_file(own)) {
    if (origin != nullptr) *origin = own.string();
    return bytes;
  }
  if (const auto* resource = resources::find_embedded(relative)) {
    if (origin != nullptr) *origin = "(built in) " + relative;
    return std::string(resource->bytes);
  }
  return std::nullopt;
}

TemplateSet::TemplateSet(const std::filesystem::path& source, const std::vector<std::string>& names, core::Diagnostics& diagnostics) {
  for (const auto& name : names) {
    std::string origin;
    auto text = read_resource(source, "templates/" + name, &origin);
    if (!text) {
      if (origin.find("(refused") != std::string::npos) {
        diagnostics.error({(source / "templates" / name).string()}, {"拒绝读取：模板指向站点目录之外", "refused: the template points outside the site folder"});
      } else {
        diagnostics.error({(source / "templates" / name).string()}, {"找不到模板 " + name, "the template " + name + " is missing"});
      }
      continue;
    }
    origins_.push_back({name, origin, origin.rfind("(built in)", 0) != 0});
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0) {
      auto compiled = std::make_unique<Compiled>(*text);
      if (!compiled->mustache.is_valid()) {
        diagnostics.error({origin}, {"模板语法错误：" + compiled->mustache.error_message(), "template syntax error: " + compiled->mustache.error_message()});
        continue;
      }
      compiled_[name] = std::move(compiled);
    }
    texts_[name] = std::move(*text);
  }
}

TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;

TemplateSet TemplateSet::clone() const {
  TemplateSet copy;
  copy.texts_ = texts_;
  copy.origins_ = origins_;
  for (const auto& [name, compiled] : compiled_) copy.compiled_[name] = std::make_unique<Compiled>(texts_.at(name));
  return copy;
}

std::string TemplateSet::render(const std::string& name, const nlohmann::json& view) {
  const auto it = compiled_.find(name);
  if (it == compiled_.end()) throw std::logic_error("template not loaded: " + name);
  std::string out = it->second->mustache.render(to_data(view));
  if (!it->second->mustache.is_valid()) throw std::runtime_error("template " + name + ": " + it->second->mustache.error_message());
  return out;
}

const std::string& TemplateSet::text(const std::string& name) const { return texts_.at(name); }

}  // namespace tuoyu::render
