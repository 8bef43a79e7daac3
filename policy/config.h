// The loaded configuration: ordinance.toml parsed, validated and frozen, with the rule book.
// Immutable once built; the daemon swaps whole snapshots on reload (shared_ptr<const Config>).
// Sections whose owner sits at or below policy/ are defined and read there (journal/settings.h,
// cache/policy_settings.h, mime::Limits); the rest are read here until their checks take them.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/direction.h"
#include "base/result.h"
#include "base/text_template.h"
#include "base/verdict.h"
#include "cache/policy_settings.h"
#include "journal/settings.h"
#include "quarantine/settings.h"
#include "mime/parse.h"
#include "policy/forwarding_settings.h"
#include "policy/rulebook.h"

namespace ord {

struct RuleSettings {
    std::optional<Verdict> action;  // absent: the rule's built-in default
    std::string reply;              // extra text for the SMTP reply; empty: built-in
    std::optional<Verdict> action_by_direction[kDirectionCount];  // action_inbound/_outbound/_internal
    std::size_t line = 0;           // where the rule's table starts, for later validation errors
};

struct Config {
    std::string path;  // the file it came from
    // Relative file names in the configuration (rule files, policy maps, signature
    // directories) resolve against data_dir: the top-level key `data_dir`, itself relative to
    // the configuration file's directory, default that directory. Use resolve() for them.
    // deploy/quickstart.sh and tests/integration/milterproc.py copy the example config
    // elsewhere and set data_dir to the checkout's config/examples, so keep data paths relative.
    std::string data_dir;
    std::string resolve(const std::string& file) const { return resolve_path(data_dir, file); }

    struct Milter {
        std::string socket = "inet:127.0.0.1:7358";
        // A unix socket's permissions: the MTA's user must be able to connect; nobody else should.
        unsigned socket_mode = 0660;
        std::string socket_group = "postfix";  // group of a unix socket ("" leaves it as made)
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
    // Every rule id the Engine knows: built in, and one per content rule file. Never null.
    std::shared_ptr<const RuleBook> rule_book = std::make_shared<const RuleBook>(RuleBook::builtin());

    // The content check's rule files (checks/content_rules.h loads their patterns).
    struct Content {
        std::vector<std::string> rules;  // rule files as written, relative to data_dir
        // The trained classifier (checks/classifier.h), relative to data_dir; empty: rules only.
        std::string model;
    } content;

    // libclamav: the signature directory (Config::resolve applies), what to parse, limits.
    struct Antivirus {
        bool enabled = true;
        std::string database = "/var/lib/clamav";  // as written; resolve() before use
        bool archives = true, ole2 = true, macros = true, pdf = true, html = true, heuristics = true;
        std::size_t max_file_size = 100u * 1024 * 1024;  // bytes of any one file ClamAV looks at
        std::size_t max_scan_size = 400u * 1024 * 1024;  // bytes ClamAV reads per part, archives unpacked
        std::size_t max_recursion = 16;                  // archive / container nesting
        std::size_t max_files = 10000;                   // files inside one part's containers
        std::size_t max_scan_time_ms = 30000;            // per part
        std::size_t reload_check_seconds = 60;           // how often the daemon looks for new signatures; 0: never
        std::size_t scan_cache_mb = 16;                  // clean results kept by SHA-256 of the part; 0: none
        std::string tmpdir;  // libclamav's scratch space (a directory per scan); empty: $TMPDIR or /tmp
    } antivirus;

    // Banned attachment types (checks/attachment_policy.h): by content and by name.
    struct Attachments {
        bool enabled = true;
        std::vector<std::string> banned_kinds = {"executable", "script",    "shortcut",
                                                 "disk_image", "installer", "macro_document"};
        std::vector<std::string> directions = {"inbound", "outbound", "internal"};
        std::vector<std::string> allow_senders;  // addresses or "@domain" whose attachments pass
        std::map<std::string, std::string> replies;  // kind -> text for the refusal, e.g. "ask for a PDF"
        // Kinds (also "disguised_name") whose attachments are cut out and replaced by a short
        // notice, the rest delivered (rule stripped_attachment), instead of the message refused.
        std::vector<std::string> strip;
        std::string stripped_dir = "/var/lib/ordinance/stripped";  // the originals, kept whole
    } attachments;

    struct Organisation {
        std::string name;
        std::vector<std::string> internal_domains;
        std::vector<std::string> trusted_networks;
    } organisation;

    // Policy data about people and groups (policy 2503 sections 3, 5, 7 L); cache/policy_settings.h.
    using Policy = PolicySettings;
    Policy policy;

    // The retention journal (policy 2503 sections 4 and 14); journal/settings.h.
    using Journal = journal::Settings;
    Journal journal;

    // The forwarding check (policy/forwarding_settings.h).
    ForwardingSettings forwarding;

    // Held messages (policy 2503 sections 3, 6): our own store, reviewed and released with
    // `ordinance quarantine`; quarantine/settings.h.
    using Quarantine = quarantine::Settings;
    Quarantine quarantine;

    // Telling a sender why their mail was held (quarantined): a notice from the gateway,
    // submitted by SMTP with the null sender, spooled and retried until the MTA takes it.
    struct Notify {
        bool enabled = true;
        std::string smtp;  // HOST:PORT of the MTA that takes notices; "": quarantine.reinject (never held)
        std::string from = "postmaster";                  // local part or address; domain: the first internal one
        std::vector<std::string> categories = {"virus"};  // held for a finding in one of these
        std::vector<std::string> directions = {"outbound", "internal"};  // whose senders are told
        std::string spool_dir = "/var/lib/ordinance/notices";
        std::size_t retry_seconds = 60;
        // issue 13: templated notices (base/text_template.h; files resolve against data_dir).
        // templates: the sender's notice by the category of the holding finding, "default"
        // for the others (none: the built-in text). supervisor_categories: held for one of
        // these, the sender's supervisor (policy.supervisors) is told too, with
        // supervisor_templates (same keys; none: the built-in text). contact: {{contact}}.
        std::map<std::string, std::string> templates, supervisor_templates;
        std::vector<std::string> supervisor_categories;
        std::string contact = "the mail administrators (postmaster)";
        std::map<std::string, TextTemplate> sender_text, supervisor_text;  // the files, read at load
        // The placeholders a template may use (docs/notices.md says what each holds).
        static const std::vector<std::string>& placeholders();
    } notify;

    // What the MTA is told when a step after the verdict fails (disposition/): keeping the
    // original of a stripped message, changing the message (headers, recipients, body),
    // holding it, writing the journal. "tempfail" (451, the default: the sender's MTA
    // retries) or "reject" (550). Whatever the answer, a failed step is never reported done
    // and nothing is journaled for a message the MTA was not told was accepted.
    struct Disposition {
        Verdict on_keep_error = Verdict::TempFail;
        Verdict on_change_error = Verdict::TempFail;
        Verdict on_hold_error = Verdict::TempFail;
        Verdict on_journal_error = Verdict::TempFail;
    } disposition;
};

// Loads and validates a configuration file. `overrides` are "section.key=value" strings
// (the --set option), applied on top of the file. Errors read "file:line: what was expected".
Result<std::shared_ptr<const Config>> load_config(const std::string& path,
                                                  const std::vector<std::string>& overrides = {});

// The configuration path used when none is given: $ORDINANCE_CONFIG, else /etc/ordinance/ordinance.toml.
std::string default_config_path();

}  // namespace ord
