#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/localized.h"
#include "core/source_location.h"

namespace tuoyu::core {

/// How serious a problem is: errors stop a build, warnings are reported and the build goes on.
enum class Severity { error, warning };

/// One problem found in the input, in words a clerk can act on.
struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  Localized message;  ///< What is wrong: field, value and what was expected.
  Localized hint;     ///< Optional suggestion ("did you mean 全日托?").
};

/// Collects every problem of a run so they can be reported together, once, at the edge.
class Diagnostics {
 public:
  /// Records an error at `where`.
  void error(SourceLocation where, Localized message, Localized hint = {});
  /// Records a warning at `where`.
  void warning(SourceLocation where, Localized message, Localized hint = {});
  /// Records `diagnostic` as it is.
  void add(Diagnostic diagnostic);
  /// Moves every entry of `other` into this collection.
  void merge(Diagnostics&& other);

  [[nodiscard]] std::size_t error_count() const { return errors_; }
  [[nodiscard]] std::size_t warning_count() const { return entries_.size() - errors_; }
  [[nodiscard]] bool has_errors() const { return errors_ > 0; }
  [[nodiscard]] const std::vector<Diagnostic>& entries() const { return entries_; }

  /// The entries ordered by file, line, column, then errors before warnings, then text: stable output.
  [[nodiscard]] std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> entries_;
  std::size_t errors_ = 0;
};

/// "path:line:col: error: message" plus an indented hint line when there is a hint.
std::string format_diagnostic(const Diagnostic& diagnostic, Language language);

}  // namespace tuoyu::core
