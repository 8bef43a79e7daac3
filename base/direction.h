// Mail direction relative to the organisation: part of the verdict vocabulary, so that rule
// settings in any module can say "action_inbound" without depending on policy/direction.h.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace ord {

// Decided per recipient by policy/direction.h.
enum class Direction { Inbound = 0, Outbound = 1, Internal = 2 };
constexpr std::size_t kDirectionCount = 3;

constexpr const char* direction_name(Direction d) {
    switch (d) {
        case Direction::Inbound: return "inbound";
        case Direction::Outbound: return "outbound";
        case Direction::Internal: return "internal";
    }
    return "inbound";
}

inline std::optional<Direction> parse_direction(std::string_view s) {
    for (Direction d : {Direction::Inbound, Direction::Outbound, Direction::Internal})
        if (s == direction_name(d)) return d;
    return std::nullopt;
}

}  // namespace ord
