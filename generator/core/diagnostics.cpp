#include "core/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace tuoyu::core {

void Diagnostics::error(SourceLocation where, Localized message, Localized hint) {
  add({Severity::error, std::move(where), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLocation where, Localized message, Localized hint) {
  add({Severity::warning, std::move(where), std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::error) ++errors_;
  entries_.push_back(std::move(diagnostic));
}

void Diagnostics::merge(Diagnostics&& other) {
  for (auto& entry : other.entries_) add(std::move(entry));
  other.entries_.clear();
  other.errors_ = 0;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = entries_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.path, a.where.line, a.where.column, a.where.cell, a.severity, a.message.en) <
           std::tie(b.where.path, b.where.line, b.where.column, b.where.cell, b.severity, b.message.en);
  });
  return out;
}

std::string format_diagnostic(const Diagnostic& diagnostic, Language language) {
  const bool zh = language == Language::zh;
  std::string out = diagnostic.where.to_string();
  if (!out.empty()) out += ": ";
  if (diagnostic.severity == Severity::error) {
    out += zh ? "错误: " : "error: ";
  } else {
    out += zh ? "警告: " : "warning: ";
  }
  out += diagnostic.message.in(language);
  if (!diagnostic.hint.empty()) {
    out += zh ? "\n    提示: " : "\n    hint: ";
    out += diagnostic.hint.in(language);
  }
  return out;
}

}  // namespace tuoyu::core
