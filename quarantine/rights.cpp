#include "quarantine/rights.h"

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <initializer_list>

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

using Rights = std::map<std::string, std::vector<std::string>>;

bool member_of(const Rights& rights, const std::string& category, const Reviewer& who) {
    auto it = rights.find(category);
    if (it == rights.end()) return false;
    for (const auto& g : it->second)
        if (std::find(who.groups.begin(), who.groups.end(), g) != who.groups.end()) return true;
    return false;
}

// Ok when `who` is root, or in one of the groups `rights` names (or `also` names, for the
// same category) for every category the item is held for that `rights` lists.
Result<Ok> in_groups(const Rights& rights, const char* verb, const char* setting, const Item& item, const Reviewer& who,
                     std::initializer_list<const Rights*> also = {}) {
    if (who.root) return Ok{};
    for (const auto& f : item.findings) {
        auto it = rights.find(f.category);
        if (it == rights.end()) continue;
        bool member = member_of(rights, f.category, who);
        for (const Rights* a : also) member = member || member_of(*a, f.category, who);
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
    if (auto r = in_groups(s.release_groups, "release", "quarantine.release_groups", item, who); !r) return r;
    return may_view(s, item, who);
}

Result<Ok> may_delete(const Settings& s, const Item& item, const Reviewer& who) {
    if (auto r = in_groups(s.delete_groups, "delete", "quarantine.delete_groups", item, who); !r) return r;
    return may_view(s, item, who);
}

Result<Ok> may_view(const Settings& s, const Item& item, const Reviewer& who) {
    return in_groups(s.view_groups, "view", "quarantine.view_groups", item, who, {&s.release_groups, &s.delete_groups});
}

}  // namespace ord::quarantine
