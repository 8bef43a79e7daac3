#include "journal/retention.h"

#include <algorithm>

#include "base/address.h"
#include "journal/codec.h"
#include "journal/entry.h"

namespace ord::journal {

std::optional<Period> Period::parse(std::string_view s) {
    if (s == "never") return Period{0, 0, 0, true};
    Period p;
    bool any = false;
    size_t i = 0;
    std::string seen;
    while (i < s.size()) {
        size_t start = i;
        long n = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            n = n * 10 + (s[i] - '0');
            if (n > 100000) return std::nullopt;
            ++i;
        }
        if (i == start || i >= s.size()) return std::nullopt;
        char unit = s[i++];
        // Units in order y, m, d, each at most once.
        if (seen.find(unit) != std::string::npos) return std::nullopt;
        if (!seen.empty() && std::string("ymd").find(unit) < std::string("ymd").find(seen.back())) return std::nullopt;
        if (unit == 'y') p.years = static_cast<int>(n);
        else if (unit == 'm') p.months = static_cast<int>(n);
        else if (unit == 'd') p.days = static_cast<int>(n);
        else return std::nullopt;
        seen += unit;
        any = true;
    }
    if (!any) return std::nullopt;
    return p;
}

std::string Period::str() const {
    if (never) return "never";
    std::string out;
    if (years) out += std::to_string(years) + "y";
    if (months) out += std::to_string(months) + "m";
    if (days || out.empty()) out += std::to_string(days) + "d";
    return out;
}

bool Period::longer_than(const Period& o) const {
    if (never || o.never) return never && !o.never;
    // Lengths measured from a fixed instant; calendar periods are not totally ordered
    // otherwise (1m vs 30d), and one reference makes the choice stable.
    const int64_t ref = days_from_civil(2000, 1, 1) * 86400;
    return *retention_end(ref, *this) > *retention_end(ref, o);
}

std::optional<int64_t> retention_end(int64_t t, const Period& period) {
    if (period.never) return std::nullopt;
    CivilTime c = civil_from_unix(t);
    int64_t total_months = static_cast<int64_t>(c.year) * 12 + (c.month - 1) + period.years * 12 + period.months;
    c.year = static_cast<int>(total_months / 12);
    c.month = static_cast<int>(total_months % 12) + 1;
    c.day = std::min(c.day, days_in_month(c.year, c.month));
    return unix_from_civil(c) + static_cast<int64_t>(period.days) * 86400;
}


std::string RetentionPolicy::class_for(const std::vector<std::string>& participants) const {
    // Each participant has its own class (the longest it belongs to, else the default);
    // the message keeps the longest of those.
    std::string best;
    Period best_period;
    for (const auto& p : participants) {
        std::string mine = "default";
        Period mine_period = default_;
        bool member = false;
        for (const auto& cls : classes_) {
            bool in = false;
            for (const auto& m : cls.members) in = in || address_matches(p, m);
            if (in && (!member || cls.period.longer_than(mine_period))) {
                mine = cls.name;
                mine_period = cls.period;
                member = true;
            }
        }
        if (best.empty() || mine_period.longer_than(best_period)) {
            best = mine;
            best_period = mine_period;
        }
    }
    return best.empty() ? "default" : best;
}

std::optional<Period> RetentionPolicy::period_of(const std::string& class_name) const {
    if (class_name == "default") return default_;
    for (const auto& c : classes_)
        if (c.name == class_name) return c.period;
    return std::nullopt;
}

}  // namespace ord::journal
