#include "policy/forwarding_settings.h"

namespace ord {

void read_forwarding_settings(ConfigReader& w, const toml::table& root, ForwardingSettings& s) {
    const toml::table* t = w.table(root, "forwarding", "forwarding");
    if (!t) return;
    w.only(*t, "forwarding", {"enabled", "display_names", "use_journal", "lookback_days", "auto_forward"});
    w.flag(*t, "enabled", s.enabled);
    w.str(*t, "display_names", s.display_names);
    w.flag(*t, "use_journal", s.use_journal);
    w.size(*t, "lookback_days", s.lookback_days);
    w.flag(*t, "auto_forward", s.auto_forward);
}

}  // namespace ord
