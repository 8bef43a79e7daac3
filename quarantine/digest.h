// What waits for whom: the reviewer groups an item waits for (by why it is held, the rights of
// quarantine/rights.h), and the digest state (what each reviewer was last told), so that
// `ordinance quarantine digest` mails a reviewer only when something new waits.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "quarantine/item.h"
#include "quarantine/settings.h"

namespace ord::quarantine {

// Whether the item waits for a reviewer: a recipient still held.
bool waiting(const Item& it);
// The Unix groups that can act on it: for each category of its findings, its release_groups
// (its delete_groups when it is never released), else its view_groups; reviewers_group when
// none names any; only the groups that may view it (rights.h may_view). Sorted, each once;
// empty when nobody is configured.
std::vector<std::string> waiting_for(const Settings& s, const Item& it);

// The state: per reviewer address, the newest item id they were told about (ids sort by time).
using DigestState = std::map<std::string, std::string>;
// "ADDRESS ID" lines, each value percent-encoded; "ordinance-digest 1" first.
std::string format_digest_state(const DigestState& st);
Result<DigestState> parse_digest_state(std::string_view text);

}  // namespace ord::quarantine
