// Retention classes (policy 2503 section 14): how long a journaled message is kept, mapped
// from the mailboxes and groups that took part in it; the longest class of any participant wins.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace ord::journal {

// A calendar period: years, months, days; `never` means kept until a person deletes it.
struct Period {
    int years = 0, months = 0, days = 0;
    bool never = false;

    // Parses "5y6m", "6y", "90d", "1y2m3d", "never".
    static std::optional<Period> parse(std::string_view s);
    std::string str() const;
    // Total order by length; `never` is the longest. Compares as of a fixed reference date.
    bool longer_than(const Period& o) const;
};

// The instant a message written at `t` (unix seconds, UTC) leaves retention: the same
// time of day `period` later on the calendar. A day that does not exist in the target
// month (29 Feb in a common year, 31 in a 30-day month) moves to that month's last day,
// so retention never ends later than its calendar month. nullopt for `never`.
std::optional<int64_t> retention_end(int64_t t, const Period& period);

struct RetentionClass {
    std::string name;
    Period period;
    std::vector<std::string> members;  // addresses ("secretary@x"), or whole domains ("@x")
};

class RetentionPolicy {
public:
    RetentionPolicy() = default;
    RetentionPolicy(Period default_period, std::vector<RetentionClass> classes)
        : default_(default_period), classes_(std::move(classes)) {}

    // The class that applies to a message with these participants (lower-case addresses):
    // the longest of every class a participant belongs to; "default" when none.
    std::string class_for(const std::vector<std::string>& participants) const;
    // The period of a class by name; nullopt when the configuration no longer knows it.
    std::optional<Period> period_of(const std::string& class_name) const;
    const Period& default_period() const { return default_; }
    const std::vector<RetentionClass>& classes() const { return classes_; }

private:
    Period default_{5, 6, 0, false};
    std::vector<RetentionClass> classes_;
};

}  // namespace ord::journal
