#include "cli/run.h"

namespace tuoyu::cli {

int run(int, char**) { return 0; }

}  // namespace tuoyu::cli
