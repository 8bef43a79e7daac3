// CONCURRENT WORK IN PROGRESS: before editing this shared file read /work/HOUSE_RULES.md (small targeted edits only; never git add/commit/stash/checkout).
// The loaded configuration: ordinance.toml parsed, validated and frozen. Immutable once
// built; the daemon swaps whole snapshots on reload (shared_ptr<const Config>).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "checks/verdict.h"
#include "mime/parse.h"

namespace ord {

struct RuleSettings {
    std::optional<Verdict> action;  // absent: the rule's built-in default
    std::string reply;              // extra text for the SMTP reply; empty: built-in
    std::size_t line = 0;           // where the rule's table starts, for later validation errors
};

struct ProtectedGroup {
    std::string address;
    std::string name;
    std::vector<std::string> authorized_senders;
};

struct Config {
    std::string path;  // the file it came from
    // Relative file names in the configuration (rule files, policy maps, signature
    // directories) resolve against data_dir: the top-level key `data_dir`, itself relative to
    // the configuration file's directory, default that directory. Use resolve() for them.
    // deploy/quickstart.sh and tests/integration/milterproc.py copy the example config
    // elsewhere and set data_dir to the checkout's config/examples, so keep data paths relative.
    std::string data_dir;
    std::string resolve(const std::string& file) const {
        if (file.empty() || file.front() == '/') return file;
        return data_dir + "/" + file;
    }

    struct Milter {
        std::string socket = "inet:127.0.0.1:7358";
        std::string user = "ordinance";  // dropped to after binding when started as root
        std::string spool_dir = "/var/spool/ordinance";
        std::size_t memory_body_limit = 4u * 1024 * 1024;  // bytes kept in memory before spilling
        std::string log_level = "info";
        std::string pid_file;
    } milter;

    mime::Limits limits;

    struct Size {
        std::size_t max_message_bytes = 25u * 1024 * 1024;
        std::size_t max_attachment_bytes = 10u * 1024 * 1024;
    } size;

    std::map<std::string, RuleSettings> rules;  // by rule id

    struct Organisation {
        std::string name;
        std::vector<std::string> internal_domains;
        std::vector<std::string> trusted_networks;
    } organisation;

    struct Directory {
        std::vector<std::string> users;
        std::vector<std::string> deactivated;
        std::vector<ProtectedGroup> groups;
    } directory;
};

// Loads and validates a configuration file. `overrides` are "section.key=value" strings
// (the --set option), applied on top of the file. Errors read "file:line: what was expected".
Result<std::shared_ptr<const Config>> load_config(const std::string& path,
                                                  const std::vector<std::string>& overrides = {});

// The configuration path used when none is given: $ORDINANCE_CONFIG, else /etc/ordinance/ordinance.toml.
std::string default_config_path();

}  // namespace ord
