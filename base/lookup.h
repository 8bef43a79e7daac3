// Lookup<T>: the answer of a lookup that can go remote (policy store, rate counters): found
// with a value, not found, or unavailable (unreachable, or past its deadline) with the reason.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "base/result.h"

namespace ord {

struct NotFound {};
inline constexpr NotFound not_found{};

// Why the data could not be had: "timeout after 50 ms", "connection refused". For logs and
// the finding's evidence; never shown as anything but a temporary failure.
struct Unavailable {
    std::string reason;
};

template <typename T>
class Lookup {
public:
    enum class State : unsigned char { Found, NotFound, Unavailable };

    Lookup(T value) : state_(State::Found), value_(std::move(value)) {}
    Lookup(NotFound) : state_(State::NotFound) {}
    Lookup(Unavailable u) : state_(State::Unavailable), reason_(std::move(u.reason)) {}

    State state() const { return state_; }
    bool found() const { return state_ == State::Found; }
    bool missing() const { return state_ == State::NotFound; }
    bool unavailable() const { return state_ == State::Unavailable; }
    explicit operator bool() const { return found(); }

    const T& value() const& { return *value_; }
    T&& value() && { return std::move(*value_); }
    const T& operator*() const& { return *value_; }
    const T* operator->() const { return &*value_; }
    // The value when found, else `fallback` (not found and unavailable alike).
    T value_or(T fallback) const& { return found() ? *value_ : std::move(fallback); }

    const std::string& reason() const { return reason_; }
    // The same failure for a lookup of another type (call only when !found()).
    template <typename U>
    Lookup<U> failure() const {
        if (unavailable()) return Unavailable{reason_};
        return not_found;
    }
    // For a caller that speaks Result: unavailable is Error{"unavailable", reason}.
    Error error() const { return Error{"unavailable", reason_}; }

private:
    State state_;
    std::optional<T> value_;
    std::string reason_;
};

}  // namespace ord
