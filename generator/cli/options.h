#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "build/pipeline.h"
#include "core/localized.h"

namespace tuoyu::cli {

/// The subcommands tuoyu understands.
enum class Command { help, version, check, build };

/// Everything argv said, already checked.
struct Options {
  Command command = Command::help;
  std::string help_topic;  ///< Subcommand whose help was asked for; empty for the tool's help.
  build::BuildOptions build;
  std::optional<core::Language> language;  ///< --lang; otherwise site.yaml decides.
  bool verbose = false;
  std::size_t max_messages = 100;
};

/// A command line that cannot be run, with the message to print.
struct UsageError {
  core::Localized message;
};

/// Parses argv (without the program name); a bad command line yields a UsageError.
std::variant<Options, UsageError> parse_options(const std::vector<std::string>& args);

/// Help text for the tool ("") or one command ("check", "build").
std::string help_text(const std::string& topic, core::Language language);

}  // namespace tuoyu::cli
