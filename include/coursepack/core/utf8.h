#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace coursepack {

/// The first byte that breaks UTF-8 (overlong forms, surrogates and code points past
/// U+10FFFF included), or nothing when `text` is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Number of code points, counting each invalid byte as one.
std::size_t count_code_points(std::string_view text);

}  // namespace coursepack
