#include "cli/run.h"

#include <cstdio>
#include <iostream>
#include <variant>

#include "cli/options.h"
#include "cli/report.h"

namespace tuoyu::cli {

int run(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const auto parsed = parse_options(args);
  if (const auto* error = std::get_if<UsageError>(&parsed)) {
    std::cerr << "tuoyu: " << error->message.in(core::Language::zh) << "\n       " << error->message.in(core::Language::en) << "\n";
    return 2;
  }
  const Options& options = std::get<Options>(parsed);
  const core::Language help_language = options.language.value_or(core::Language::zh);
  switch (options.command) {
    case Command::help:
      std::cout << help_text(options.help_topic, help_language);
      return 0;
    case Command::version:
      std::cout << "tuoyu " TUOYU_VERSION "\n";
      return 0;
    case Command::check:
    case Command::build:
      break;
  }
  build::BuildReport report;
  try {
    report = build::run_build(options.build);
  } catch (const std::exception& e) {
    // Every expected problem is a diagnostic; this is the last line of defence, and the previous
    // site is untouched because only a completed stage is ever swapped in.
    std::cerr << "tuoyu: 内部错误，原有网站保持不变：" << e.what() << "\n"
              << "tuoyu: internal error, the previous site is unchanged: " << e.what() << "\n";
    return 2;
  }
  const core::Language language = options.language.value_or(report.site_language.value_or(core::Language::zh));
  print_report(report, options.command == Command::build, language, options.max_messages, options.verbose, std::cerr, std::cout);
  switch (report.outcome) {
    case build::Outcome::success:
      return 0;
    case build::Outcome::data_errors:
      return 1;
    case build::Outcome::config_errors:
      return 2;
    case build::Outcome::write_failed:
      return 3;
  }
  return 1;
}

}  // namespace tuoyu::cli
