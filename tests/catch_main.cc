// Catch2's runner, compiled once (it is the slowest file of the test build).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
