#pragma once

namespace tuoyu::cli {

/// Parses argv, runs the requested command and returns the process exit code (0, 1 or 2).
int run(int argc, char** argv);

}  // namespace tuoyu::cli
