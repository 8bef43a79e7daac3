#include "quarantine/rights.h"

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>

namespace ord::quarantine {

Reviewer current_reviewer() {
    Reviewer r;
    uid_t uid = ::geteuid();
    r.root = uid == 0;
    struct passwd* pw = ::getpwuid(uid);
    r.user = pw ? pw->pw_name : std::to_string(uid);
    if (pw) {
        int n = 64;
        std::vector<gid_t> gids(static_cast<std::size_t>(n));
        if (::getgrouplist(pw->pw_name, pw->pw_gid, gids.data(), &n) < 0) {
            gids.resize(static_cast<std::size_t>(n));
            ::getgrouplist(pw->pw_name, pw->pw_gid, gids.data(), &n);
        }
        gids.resize(static_cast<std::size_t>(std::max(n, 0)));
        for (gid_t g : gids)
            if (struct group* gr = ::getgrgid(g)) r.groups.push_back(gr->gr_name);
    }
    return r;
}

namespace {

// Ok when `who` is root, or in one of the groups `rights` names for every category the item
// is held for that `rights` lists.
Result<Ok> in_groups(const std::map<std::string, std::vector<std::string>>& rights, const char* verb,
                     const char* setting, const Item& item, const Reviewer& who) {
    if (who.root) return Ok{};
    for (const auto& f : item.findings) {
        auto it = rights.find(f.category);
        if (it == rights.end()) continue;
        bool member = false;
        for (const auto& g : it->second) member = member || std::find(who.groups.begin(), who.groups.end(), g) != who.groups.end();
        if (!member) {
            std::string list;
            for (const auto& g : it->second) list += (list.empty() ? "" : ", ") + g;
            return Error{"rights", who.user + " may not " + verb + " items held for " + f.category + " (only members of " +
                                       list + ", " + setting + ")"};
        }
    }
    return Ok{};
}

}  // namespace

Result<Ok> may_release(const Settings& s, const Item& item, const Reviewer& who) {
    for (const auto& f : item.findings) {
        if (std::find(s.never_release.begin(), s.never_release.end(), f.category) != s.never_release.end())
            return Error{"rights", "held for " + f.category + " (rule " + f.rule +
                                       "), which is never released (quarantine.never_release); delete it instead"};
    }
    return in_groups(s.release_groups, "release", "quarantine.release_groups", item, who);
}

Result<Ok> may_delete(const Settings& s, const Item& item, const Reviewer& who) {
    return in_groups(s.delete_groups, "delete", "quarantine.delete_groups", item, who);
}

}  // namespace ord::quarantine
