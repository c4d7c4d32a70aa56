#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace tuoyu::build {

/// What to build and how.
struct BuildOptions {
  std::filesystem::path source = ".";
  std::optional<std::filesystem::path> output;  ///< Default: `<source>/site`.
  bool write = true;                            ///< False for `tuoyu check`: validate only.
  unsigned jobs = 0;                            ///< Render threads; 0 means one per core.
  bool office_report = false;                   ///< `check --report`: also make the office's follow-up list.
  std::optional<core::Language> report_language;  ///< Language of that list; default the site's.
};

/// How a build ended; maps to the exit codes 0, 1, 2 and 3.
enum class Outcome { success, data_errors, config_errors, write_failed };

/// Rows read from one register file.
struct TableSummary {
  std::string path;
  std::size_t rows = 0;
};

/// Wall time of one pipeline phase.
struct PhaseTiming {
  std::string name;
  double seconds = 0;
};

/// Everything a build has to say: outcome, problems, counts and timings; printed by the CLI.
struct BuildReport {
  Outcome outcome = Outcome::success;
  core::Diagnostics diagnostics;
  std::optional<core::Language> site_language;  ///< From site.yaml when it could be read.
  std::vector<TableSummary> tables;
  std::size_t articles = 0;
  std::vector<PhaseTiming> phases;
  std::size_t pages = 0;
  std::size_t files_written = 0;
  std::size_t bytes_written = 0;
  std::filesystem::path output;
  std::string office_report;                 ///< The office's unpublished follow-up list, when one was made.
  std::filesystem::path office_report_path;  ///< Where a build wrote it, beside the output folder.
};

/// Where a build writes the office's follow-up list: beside `output`, never inside it ("site" → "site.office-report.txt").
std::filesystem::path office_report_path(const std::filesystem::path& output);

/// Runs the pipeline in order — load, validate, model, render, write — timing each phase and
/// stopping after the first phase that found errors; the output is replaced only when all succeed.
BuildReport run_build(const BuildOptions& options);

}  // namespace tuoyu::build
