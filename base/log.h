// key=value event logging: one line per event, never a message body.
// Values with spaces or quotes are quoted so that lines stay machine-parseable.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace ord::log {

enum class Level { Debug, Info, Warn, Error };

using Field = std::pair<std::string_view, std::string>;

// Sets the minimum level written (default Info). Thread-safe.
void set_level(Level level);
// Writes "ts=... level=... event=EVENT k=v ..." to stderr, atomically per line.
void event(Level level, std::string_view event, std::initializer_list<Field> fields);
// Quotes a value when it holds characters that would break key=value parsing.
std::string quote(std::string_view value);

inline void info(std::string_view ev, std::initializer_list<Field> f) { event(Level::Info, ev, f); }
inline void warn(std::string_view ev, std::initializer_list<Field> f) { event(Level::Warn, ev, f); }
inline void error(std::string_view ev, std::initializer_list<Field> f) { event(Level::Error, ev, f); }

}  // namespace ord::log
