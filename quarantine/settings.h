// The [quarantine] section of ordinance.toml: where held messages are kept, how they are held
// (our own store, or Postfix's hold queue), where releases are re-injected, and its reader.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "config/reader.h"

namespace ord::quarantine {

struct Settings {
    std::string mode = "store";  // "store": our store, the MTA told discard; "mta_hold": smfi_quarantine
    std::string dir = "/var/lib/ordinance/quarantine";
    std::string reinject = "127.0.0.1:10026";  // HOST:PORT of an smtpd with no milters
    std::size_t retention_days = 30;
    std::string reviewers_group;  // Unix group that may read items (files 0640); "" : 0600
    // Rights by why an item is held (the categories of its findings): a category here is
    // never released by anyone (delete it); a category in release_groups is released only
    // by members of one of its Unix groups (or root).
    std::vector<std::string> never_release = {"virus"};
    std::map<std::string, std::vector<std::string>> release_groups;
    // The same for deleting: a category here is deleted only by members of its groups (or root).
    std::map<std::string, std::vector<std::string>> delete_groups;
    // And for seeing it at all (list, stats, show, review, digest): a category here is shown
    // only to members of its groups, of its release_groups or delete_groups, and root; a
    // category not here, to whoever can read the store.
    std::map<std::string, std::vector<std::string>> view_groups;
    // `ordinance quarantine digest` (quarantine/digest.h): a reviewer group's address (Unix group
    // -> address); a group without one is mailed at each member's user@digest_domain (default:
    // the first internal domain). What each was last told is kept in digest_state ("": DIR/digest.state).
    std::map<std::string, std::string> digest_to;
    std::string digest_domain;
    std::string digest_state;
    bool store() const { return mode == "store"; }
};

void read_settings(ConfigReader& r, const toml::table& root, Settings& out);

}  // namespace ord::quarantine
