#include "cli/run.h"

int main(int argc, char** argv) { return tuoyu::cli::run(argc, argv); }
