// Result<T>: a value or an Error{code, message}, the status type that crosses layers.
// GCC 12 has no std::expected; this is the one small stand-in the project uses.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace ord {

struct Error {
    std::string code;     // short machine-readable kind, e.g. "config", "io"
    std::string message;  // human-readable, already says where (file:line) when it can
};

template <typename T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error err) : v_(std::move(err)) {}

    bool ok() const { return std::holds_alternative<T>(v_); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(v_); }
    const T& value() const { return std::get<T>(v_); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(v_); }

private:
    std::variant<T, Error> v_;
};

struct Ok {};

}  // namespace ord
