#include "journal/config_policy.h"

namespace ord::journal {

RetentionPolicy policy_from_config(const Settings& settings) {
    // The configuration was validated at load, so every period parses.
    Period def = Period::parse(settings.default_retention).value_or(Period{5, 6, 0, false});
    std::vector<RetentionClass> classes;
    for (const auto& c : settings.retention) {
        RetentionClass rc;
        rc.name = c.name;
        rc.period = Period::parse(c.period).value_or(Period{0, 0, 0, true});
        rc.members = c.members;
        classes.push_back(std::move(rc));
    }
    return RetentionPolicy(def, std::move(classes));
}

}  // namespace ord::journal
