// Who may view, release or delete a held item, decided by why it is held: the categories of its
// findings against quarantine.view_groups, never_release, release_groups and delete_groups.
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

// Ok, or one line saying why not: a category in view_groups whose groups the reviewer is in
// none of (root passes). Its release_groups and delete_groups may view it too: a right to act
// on an item is a right to see it. A category view_groups does not name: whoever can read the store.
Result<Ok> may_view(const Settings& s, const Item& item, const Reviewer& who);
// Ok, or one line saying why not: a never-released category (for everyone, root included),
// a category whose release groups the reviewer is in none of (root passes), or an item the
// reviewer may not view (nobody releases what they may not see).
Result<Ok> may_release(const Settings& s, const Item& item, const Reviewer& who);
// Ok, or one line saying why not: a category whose delete groups the reviewer is in none of
// (root passes), or an item the reviewer may not view. Nothing is kept from deletion by
// never_release: that is what it is for.
Result<Ok> may_delete(const Settings& s, const Item& item, const Reviewer& who);

}  // namespace ord::quarantine
