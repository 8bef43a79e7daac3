// Who may release a held item, decided by why it is held: the categories of its findings
// against quarantine.never_release and quarantine.release_groups (Unix groups).
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "quarantine/item.h"
#include "quarantine/settings.h"

namespace ord::quarantine {

struct Reviewer {
    std::string user;
    bool root = false;
    std::vector<std::string> groups;  // every group the user is in
};

// The Unix user running this process (geteuid) and its groups.
Reviewer current_reviewer();

// Ok, or one line saying why not: a never-released category (for everyone, root included),
// or a category whose release groups the reviewer is in none of (root passes).
Result<Ok> may_release(const Settings& s, const Item& item, const Reviewer& who);
// Ok, or one line saying why not: a category whose delete groups the reviewer is in none of
// (root passes). Nothing is kept from deletion by never_release: that is what it is for.
Result<Ok> may_delete(const Settings& s, const Item& item, const Reviewer& who);

}  // namespace ord::quarantine
