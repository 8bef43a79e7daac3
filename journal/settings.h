// The [journal] section of ordinance.toml: where the retention journal lives and how long
// each class of mail is kept (policy 2503 sections 4 and 14), and its reader.
#pragma once

#include <string>
#include <vector>

#include "config/reader.h"

namespace ord::journal {

struct Settings {
    bool enabled = true;
    std::string dir = "/var/lib/ordinance/journal";
    std::string default_retention = "5y6m";  // "5y6m", "6y", "90d", "never"
    struct RetentionClass {
        std::string name;
        std::string period;
        std::vector<std::string> members;  // addresses, or "@domain"
    };
    std::vector<RetentionClass> retention;
};

// Reads the [journal] table (when present) into `out`; errors go to `r` as file:line.
void read_settings(ConfigReader& r, const toml::table& root, Settings& out);

}  // namespace ord::journal
