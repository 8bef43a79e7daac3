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

Result<Ok> may_release(const Settings& s, const Item& item, const Reviewer& who) {
    for (const auto& f : item.findings) {
        if (std::find(s.never_release.begin(), s.never_release.end(), f.category) != s.never_release.end())
            return Error{"rights", "held for " + f.category + " (rule " + f.rule +
                                       "), which is never released (quarantine.never_release); delete it instead"};
    }
    if (who.root) return Ok{};
    for (const auto& f : item.findings) {
        auto it = s.release_groups.find(f.category);
        if (it == s.release_groups.end()) continue;
        bool member = false;
        for (const auto& g : it->second) member = member || std::find(who.groups.begin(), who.groups.end(), g) != who.groups.end();
        if (!member) {
            std::string list;
            for (const auto& g : it->second) list += (list.empty() ? "" : ", ") + g;
            return Error{"rights", who.user + " may not release items held for " + f.category + " (only members of " +
                                       list + ", quarantine.release_groups)"};
        }
    }
    return Ok{};
}

}  // namespace ord::quarantine
