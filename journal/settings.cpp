#include "journal/settings.h"

#include "base/text.h"

namespace ord::journal {
namespace {

// Periods: digits with units y, m, d in that order ("5y6m"), or "never".
bool period_ok(const std::string& p) {
    if (p == "never") return true;
    size_t i = 0;
    std::string units;
    while (i < p.size()) {
        size_t b = i;
        while (i < p.size() && p[i] >= '0' && p[i] <= '9') ++i;
        if (i == b || i >= p.size() || i - b > 5) return false;
        units += p[i++];
    }
    return !units.empty() && (units == "y" || units == "m" || units == "d" || units == "ym" || units == "yd" ||
                              units == "md" || units == "ymd");
}

}  // namespace

void read_settings(ConfigReader& w, const toml::table& root, Settings& j) {
    const toml::table* t = w.table(root, "journal", "journal");
    if (!t) return;
    w.only(*t, "journal", {"enabled", "dir", "default_retention", "retention"});
    w.flag(*t, "enabled", j.enabled);
    w.str(*t, "dir", j.dir);
    w.str(*t, "default_retention", j.default_retention);
    if (j.dir.empty() || j.dir.front() != '/')
        w.error(t->get("dir") ? t->get("dir")->source() : t->source(), "journal.dir must be an absolute path");
    if (!period_ok(j.default_retention))
        w.error(t->get("default_retention")->source(),
                "journal.default_retention must be a period like \"5y6m\", \"6y\", \"90d\" or \"never\"");
    if (const toml::node* r = t->get("retention")) {
        const toml::array* arr = r->as_array();
        if (!arr) w.error(*r, "journal.retention must be an array of tables ([[journal.retention]])");
        for (size_t i = 0; arr && i < arr->size(); ++i) {
            const toml::table* rt = (*arr)[i].as_table();
            if (!rt) {
                w.error((*arr)[i], "journal.retention entries must be tables");
                continue;
            }
            w.only(*rt, "journal.retention", {"class", "period", "members"});
            Settings::RetentionClass rc;
            w.str(*rt, "class", rc.name);
            w.str(*rt, "period", rc.period);
            w.strings(*rt, "members", rc.members);
            for (auto& m : rc.members) m = ascii_lower(m);
            if (rc.name.empty() || rc.name == "default")
                w.error(*rt, "journal.retention: 'class' must name the class (and not be \"default\")");
            if (!period_ok(rc.period))
                w.error(rt->get("period") ? rt->get("period")->source() : rt->source(),
                        "journal.retention.period must be a period like \"6y\" or \"never\"");
            for (const auto& m : rc.members)
                if (m.find('@') == std::string::npos)
                    w.error(rt->get("members")->source(),
                            "journal.retention.members: '" + m + "' is not an address or @domain");
            j.retention.push_back(std::move(rc));
        }
    }
}

}  // namespace ord::journal
