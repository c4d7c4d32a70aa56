#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace tuoyu::render {

/// Where a template's text came from: the site's own templates/ folder or the defaults in the binary.
struct TemplateOrigin {
  std::string name;  ///< "home.html"
  std::string path;  ///< The file, or "(built in) templates/home.html".
  bool overridden = false;
};

/// The site's templates, each read from `<source>/templates/<name>` when present and from the
/// built-in defaults otherwise, compiled once; rendering copies nothing shared, so one set per
/// thread renders in parallel.
class TemplateSet {
 public:
  /// Loads and compiles `names`; syntax errors and missing templates are reported to `diagnostics`.
  TemplateSet(const std::filesystem::path& source, const std::vector<std::string>& names, core::Diagnostics& diagnostics);
  ~TemplateSet();
  TemplateSet(TemplateSet&&) noexcept;
  TemplateSet& operator=(TemplateSet&&) noexcept;

  /// A fresh, independent copy for another thread.
  [[nodiscard]] TemplateSet clone() const;

  /// Renders template `name` with `view` (every value HTML-escaped unless the template uses {{{…}}}).
  [[nodiscard]] std::string render(const std::string& name, const nlohmann::json& view);

  /// Raw text of a static template file (e.g. "style.css"), as loaded.
  [[nodiscard]] const std::string& text(const std::string& name) const;

  /// Where each template came from, sorted by name.
  [[nodiscard]] const std::vector<TemplateOrigin>& origins() const { return origins_; }

 private:
  TemplateSet() = default;
  struct Compiled;
  std::map<std::string, std::string> texts_;
  std::map<std::string, std::unique_ptr<Compiled>> compiled_;
  std::vector<TemplateOrigin> origins_;
};

/// Reads a text resource (a template, a locale file, a schema) from `<source>/<relative>` or the
/// built-in copy. A site file that resolves outside the site folder (through a link) is refused:
/// nothing is returned and `origin` says why.
std::optional<std::string> read_resource(const std::filesystem::path& source, const std::string& relative, std::string* origin);

}  // namespace tuoyu::render
