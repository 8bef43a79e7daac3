#include "quarantine/settings.h"

#include <array>

namespace ord::quarantine {

void read_settings(ConfigReader& w, const toml::table& root, Settings& q) {
    const toml::table* t = w.table(root, "quarantine", "quarantine");
    if (!t) return;
    w.only(*t, "quarantine",
           {"mode", "dir", "reinject", "retention_days", "reviewers_group", "never_release", "release_groups",
            "delete_groups", "view_groups", "digest_to", "digest_domain", "digest_state"});
    w.str(*t, "digest_domain", q.digest_domain);
    w.str(*t, "digest_state", q.digest_state);
    if (const toml::table* g = w.table(*t, "digest_to", "quarantine.digest_to"))
        for (const auto& [key, node] : *g) {
            std::string addr;
            w.str(*g, key.str(), addr);
            if (addr.find('@') == std::string::npos)
                w.error(node, "quarantine.digest_to." + std::string(key.str()) + " must be an address");
            q.digest_to[std::string(key.str())] = addr;
        }
    w.str(*t, "mode", q.mode);
    w.str(*t, "dir", q.dir);
    w.str(*t, "reinject", q.reinject);
    w.size(*t, "retention_days", q.retention_days, 1);
    w.str(*t, "reviewers_group", q.reviewers_group);
    w.strings(*t, "never_release", q.never_release);
    for (auto [name, out] : {std::pair{"release_groups", &q.release_groups}, std::pair{"delete_groups", &q.delete_groups},
                              std::pair{"view_groups", &q.view_groups}}) {
        const std::string section = std::string("quarantine.") + name;
        if (const toml::table* g = w.table(*t, name, section)) {
            for (const auto& [key, node] : *g) {
                std::vector<std::string> groups;
                w.strings(*g, key.str(), groups);
                if (groups.empty()) w.error(node, section + "." + std::string(key.str()) + " must list Unix groups");
                (*out)[std::string(key.str())] = groups;
            }
        }
    }
    if (q.mode != "store" && q.mode != "mta_hold")
        w.error(ConfigReader::where(*t, "mode"), "quarantine.mode must be \"store\" or \"mta_hold\"");
    if (q.dir.empty() || q.dir.front() != '/')
        w.error(ConfigReader::where(*t, "dir"), "quarantine.dir must be an absolute path");
    auto colon = q.reinject.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= q.reinject.size() ||
        q.reinject.find_first_not_of("0123456789", colon + 1) != std::string::npos)
        w.error(ConfigReader::where(*t, "reinject"), "quarantine.reinject must be HOST:PORT, e.g. \"127.0.0.1:10026\"");
}

}  // namespace ord::quarantine
