#include "cli/report.h"

#include <cstdio>

namespace tuoyu::cli {

void print_report(const build::BuildReport& report, bool wrote, core::Language language, std::size_t max_messages, bool verbose,
                  std::ostream& messages, std::ostream& out) {
  const bool zh = language == core::Language::zh;
  const auto sorted = report.diagnostics.sorted();
  std::size_t shown = 0;
  for (const auto& diagnostic : sorted) {
    if (shown == max_messages) break;
    messages << core::format_diagnostic(diagnostic, language) << "\n";
    ++shown;
  }
  if (shown < sorted.size()) {
    const auto rest = std::to_string(sorted.size() - shown);
    messages << (zh ? "……另有 " + rest + " 条消息未列出（用 --max-errors 显示更多）\n"
                    : "… " + rest + " more messages not listed (use --max-errors to see more)\n");
  }
  if (!report.tables.empty()) {
    messages << (zh ? "已读取：" : "read: ");
    bool first = true;
    for (const auto& table : report.tables) {
      messages << (first ? "" : zh ? "，" : ", ") << table.path << (zh ? " " + std::to_string(table.rows) + " 行" : " " + std::to_string(table.rows) + " rows");
      first = false;
    }
    messages << (zh ? "，文章 " + std::to_string(report.articles) + " 篇\n" : ", " + std::to_string(report.articles) + " articles\n");
  }
  const auto errors = std::to_string(report.diagnostics.error_count());
  const auto warnings = std::to_string(report.diagnostics.warning_count());
  messages << (zh ? "错误 " + errors + " 个，警告 " + warnings + " 个\n" : errors + " errors, " + warnings + " warnings\n");
  if (verbose) {
    for (const auto& phase : report.phases) {
      char line[96];
      std::snprintf(line, sizeof line, "  %-9s %8.3f s\n", phase.name.c_str(), phase.seconds);
      messages << line;
    }
  }
  if (report.outcome == build::Outcome::data_errors) {
    messages << (zh ? "数据有错误，未生成网站" : "the data has errors; no site was generated")
             << (wrote ? (zh ? "，原有网站保持不变。\n" : "; the previous site is unchanged.\n") : (zh ? "。\n" : ".\n"));
  } else if (report.outcome == build::Outcome::success && wrote) {
    out << (zh ? "网站已生成：" : "site written to ") << report.output.generic_string() << (zh ? "（" : " (") << report.pages
        << (zh ? " 个页面）\n" : " pages)\n");
    if (!report.office_report_path.empty()) {
      out << (zh ? "内部跟进清单（不发布）：" : "the office's follow-up list (not published): ") << report.office_report_path.generic_string() << "\n";
    }
  } else if (report.outcome == build::Outcome::success && !report.office_report.empty()) {
    out << report.office_report;
  }
}

}  // namespace tuoyu::cli
