// Reads one TOML file of the configuration, turning a syntax error into
// "file:line: what was expected", the form every configuration error takes.
#pragma once

#include <sstream>
#include <string>
#include <toml++/toml.h>

#include "base/result.h"

namespace ord {

inline Result<toml::table> parse_toml_file(const std::string& path) {
    try {
        return toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        std::ostringstream os;
        os << path;
        if (e.source().begin.line > 0) os << ':' << e.source().begin.line;
        os << ": " << e.description();
        return Error{"config", os.str()};
    }
}

}  // namespace ord
