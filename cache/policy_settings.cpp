#include "cache/policy_settings.h"

namespace ord {

void read_policy_settings(ConfigReader& w, const toml::table& root, const std::string& data_dir,
                          PolicySettings& p) {
    const toml::table* t = w.table(root, "policy", "policy");
    if (!t) return;
    w.only(*t, "policy", {"groups", "aliases", "deactivated", "supervisors", "recipient_delimiter", "share_members",
                          "share_percent", "share_floor", "deactivated_recipient", "on_unavailable"});
    w.str(*t, "groups", p.groups);
    w.str(*t, "aliases", p.aliases);
    w.str(*t, "deactivated", p.deactivated);
    w.str(*t, "supervisors", p.supervisors);
    w.str(*t, "recipient_delimiter", p.recipient_delimiter);
    w.size(*t, "share_members", p.share_members);
    w.size(*t, "share_percent", p.share_percent);
    w.size(*t, "share_floor", p.share_floor);
    if (p.share_percent > 100) w.error(t->get("share_percent")->source(), "policy.share_percent must be 1..100");
    std::string dr = "reject";
    w.str(*t, "deactivated_recipient", dr);
    if (dr != "reject" && dr != "redirect")
        w.error(t->get("deactivated_recipient")->source(), "policy.deactivated_recipient must be reject or redirect");
    p.redirect_deactivated = dr == "redirect";
    w.str(*t, "on_unavailable", p.on_unavailable);
    if (p.on_unavailable != "fail_closed" && p.on_unavailable != "fail_open")
        w.error(t->get("on_unavailable")->source(), "policy.on_unavailable must be fail_closed or fail_open");
    for (std::string* f : {&p.groups, &p.aliases, &p.deactivated, &p.supervisors})
        if (!f->empty()) *f = resolve_path(data_dir, *f);
}

}  // namespace ord
