#include "policy/config.h"

#include <array>
#include <cstdlib>
#include <span>
#include <tuple>
#include <toml++/toml.h>

#include "base/address.h"
#include "base/text.h"
#include "config/reader.h"

namespace ord {
namespace {

// The kinds of file attachments.* name (checks/attachment_policy.h), and the directions.
constexpr std::array<std::string_view, 6> kKinds = {"executable", "script",    "shortcut",
                                                     "disk_image", "installer", "macro_document"};
constexpr std::array<std::string_view, 7> kKindsAndNames = {
    "executable", "script", "shortcut", "disk_image", "installer", "macro_document", "disguised_name"};
constexpr std::array<std::string_view, 3> kDirections = {"inbound", "outbound", "internal"};

bool valid_network(const std::string& n) { return parse_network(n).has_value(); }

// [milter]: the socket the MTA connects to, the daemon's user, spool and log level.
void read_milter(ConfigReader& w, const toml::table& root, Config* cfg) {
    const toml::table* t = w.table(root, "milter", "milter");
    if (!t) return;
    w.only(*t, "milter", {"socket", "socket_mode", "socket_group", "user", "spool_dir", "memory_body_limit",
                          "log_level", "pid_file"});
    w.str(*t, "socket", cfg->milter.socket);
    std::string mode;
    w.str(*t, "socket_mode", mode);
    if (const toml::node* n = t->get("socket_mode"); n && n->is_string()) {
        if (mode.empty() || mode.size() > 4 || mode.find_first_not_of("01234567") != std::string::npos)
            w.error(t->get("socket_mode")->source(),
                    "milter.socket_mode must be an octal mode in quotes, e.g. \"0660\" (got '" + mode + "')");
        else
            cfg->milter.socket_mode = static_cast<unsigned>(std::stoul(mode, nullptr, 8));
    }
    w.str(*t, "socket_group", cfg->milter.socket_group);
    w.str(*t, "user", cfg->milter.user);
    w.str(*t, "spool_dir", cfg->milter.spool_dir);
    w.size(*t, "memory_body_limit", cfg->milter.memory_body_limit, 0);
    w.str(*t, "log_level", cfg->milter.log_level);
    w.str(*t, "pid_file", cfg->milter.pid_file);
    const auto& s = cfg->milter.socket;
    if (!(s.rfind("inet:", 0) == 0 || s.rfind("inet6:", 0) == 0 || s.rfind("unix:", 0) == 0 ||
          s.rfind("local:", 0) == 0))
        w.error(t->get("socket") ? t->get("socket")->source() : t->source(),
                "milter.socket must be inet:HOST:PORT, inet6:HOST:PORT or unix:/path (got '" + s + "')");
    const auto& l = cfg->milter.log_level;
    if (l != "debug" && l != "info" && l != "warn" && l != "error")
        w.error(t->get("log_level") ? t->get("log_level")->source() : t->source(),
                "milter.log_level must be one of debug, info, warn, error");
}

// [limits]: mime::Limits, checked before a message reaches mimetic (mime/ reads no TOML).
void read_limits(ConfigReader& w, const toml::table& root, Config* cfg) {
    const toml::table* t = w.table(root, "limits", "limits");
    if (!t) return;
    w.only(*t, "limits", {"max_message_bytes", "max_depth", "max_parts", "max_headers", "max_line_length",
                          "max_header_bytes", "max_salvage_bytes"});
    w.size(*t, "max_message_bytes", cfg->limits.max_message_bytes);
    w.size(*t, "max_depth", cfg->limits.max_depth);
    w.size(*t, "max_parts", cfg->limits.max_parts);
    w.size(*t, "max_headers", cfg->limits.max_headers);
    w.size(*t, "max_line_length", cfg->limits.max_line_length, 78);
    w.size(*t, "max_header_bytes", cfg->limits.max_header_bytes, 998);
    w.size(*t, "max_salvage_bytes", cfg->limits.max_salvage_bytes, 0);
    if (cfg->limits.max_depth > 1000)
        w.error(t->get("max_depth")->source(), "limits.max_depth must be at most 1000");
}

// [size]: the oversize rule's limits (checks/size_check.h).
void read_size(ConfigReader& w, const toml::table& root, Config* cfg) {
    const toml::table* t = w.table(root, "size", "size");
    if (!t) return;
    w.only(*t, "size", {"max_message_bytes", "max_attachment_bytes"});
    w.size(*t, "max_message_bytes", cfg->size.max_message_bytes);
    w.size(*t, "max_attachment_bytes", cfg->size.max_attachment_bytes);
}

// [rules.ID]: per-site action, per-direction actions and reply of any rule in the rule book.
void read_rules(ConfigReader& w, const toml::table& root, Config* cfg) {
    const toml::table* t = w.table(root, "rules", "rules");
    if (!t) return;
    for (auto&& [k, v] : *t) {
        std::string id(k.str());
        std::string section = "rules." + id;
        const toml::table* rt = v.as_table();
        if (!rt) {
            w.error(v, "'" + section + "' must be a table");
            continue;
        }
        w.only(*rt, section, {"action", "reply", "action_inbound", "action_outbound", "action_internal"});
        RuleSettings rs;
        rs.line = rt->source().begin.line;
        const char* action_keys[] = {"action", "action_inbound", "action_outbound", "action_internal"};
        for (int ak = 0; ak < 4; ++ak) {
            const toml::node* a = rt->get(action_keys[ak]);
            if (!a) continue;
            auto s = a->value<std::string>();
            auto verdict = s ? parse_verdict(*s) : std::nullopt;
            if (!verdict)
                w.error(*a, section + "." + action_keys[ak] +
                                " must be one of accept, tag, quarantine, reject, tempfail, discard");
            (ak == 0 ? rs.action : rs.action_by_direction[ak - 1]) = verdict;
        }
        w.str(*rt, "reply", rs.reply);
        cfg->rules[id] = rs;
    }
}

// [organisation]: our domains and trusted networks (policy/direction.h).
void read_organisation(ConfigReader& w, const toml::table& root, Config* cfg) {
    const toml::table* t = w.table(root, "organisation", "organisation");
    if (!t) return;
    w.only(*t, "organisation", {"name", "internal_domains", "trusted_networks"});
    w.str(*t, "name", cfg->organisation.name);
    w.strings(*t, "internal_domains", cfg->organisation.internal_domains);
    w.strings(*t, "trusted_networks", cfg->organisation.trusted_networks);
    for (auto& d : cfg->organisation.internal_domains) d = ascii_lower(d);
    for (const auto& n : cfg->organisation.trusted_networks)
        if (!valid_network(n))
            w.error(t->get("trusted_networks")->source(),
                    "trusted_networks: '" + n + "' is not an address or address/prefix");
}

// [antivirus]: libclamav (checks/antivirus_check.h).
void read_antivirus(ConfigReader& w, const toml::table& root, Config* cfg) {
    const toml::table* t = w.table(root, "antivirus", "antivirus");
    if (!t) return;
    auto& a = cfg->antivirus;
    w.only(*t, "antivirus", {"enabled", "database", "archives", "ole2", "macros", "pdf", "html", "heuristics",
                             "max_file_size", "max_scan_size", "max_recursion", "max_files", "max_scan_time_ms",
                             "reload_check_seconds", "scan_cache_mb", "tmpdir"});
    w.str(*t, "tmpdir", a.tmpdir);
    w.flag(*t, "enabled", a.enabled);
    w.str(*t, "database", a.database);
    for (auto [k, v] : {std::pair{"archives", &a.archives}, {"ole2", &a.ole2}, {"macros", &a.macros},
                        {"pdf", &a.pdf}, {"html", &a.html}, {"heuristics", &a.heuristics}})
        w.flag(*t, k, *v);
    w.size(*t, "max_file_size", a.max_file_size);
    w.size(*t, "max_scan_size", a.max_scan_size);
    w.size(*t, "max_recursion", a.max_recursion);
    w.size(*t, "max_files", a.max_files);
    w.size(*t, "max_scan_time_ms", a.max_scan_time_ms);
    w.size(*t, "reload_check_seconds", a.reload_check_seconds, 0);
    w.size(*t, "scan_cache_mb", a.scan_cache_mb, 0);
    if (a.database.empty()) w.error(t->get("database")->source(), "antivirus.database must name a directory");
}

// [attachments]: banned types and strip (checks/attachment_policy.h).
void read_attachments(ConfigReader& w, const toml::table& root, Config* cfg) {
    const toml::table* t = w.table(root, "attachments", "attachments");
    if (!t) return;
    auto& a = cfg->attachments;
    w.only(*t, "attachments",
           {"enabled", "banned_kinds", "directions", "allow_senders", "replies", "strip", "stripped_dir"});
    if (const toml::node* r = t->get("replies")) {
        if (const toml::table* rt = r->as_table()) {
            for (auto&& [k, v] : *rt) {
                auto text = v.value<std::string>();
                if (!text) w.error(v, "attachments.replies." + std::string(k.str()) + " must be a string");
                else a.replies[std::string(k.str())] = *text;
            }
        } else {
            w.error(*r, "attachments.replies must be a table of kind = \"text\"");
        }
    }
    std::vector<std::string> reply_kinds;
    for (const auto& [k, text] : a.replies) reply_kinds.push_back(k);
    w.one_of(*t, "replies", "attachments", reply_kinds, kKindsAndNames);
    w.flag(*t, "enabled", a.enabled);
    w.strings(*t, "banned_kinds", a.banned_kinds);
    w.strings(*t, "directions", a.directions);
    w.strings(*t, "allow_senders", a.allow_senders);
    w.strings(*t, "strip", a.strip);
    w.str(*t, "stripped_dir", a.stripped_dir);
    w.one_of(*t, "strip", "attachments", a.strip, kKindsAndNames);
    if (!a.strip.empty() && a.stripped_dir.empty())
        w.error(t->get("stripped_dir") ? t->get("stripped_dir")->source() : t->source(),
                "attachments.stripped_dir must name a directory when attachments.strip is set");
    w.one_of(*t, "banned_kinds", "attachments", a.banned_kinds, kKinds);
    w.one_of(*t, "directions", "attachments", a.directions, kDirections);
    for (auto& s : a.allow_senders) s = ascii_lower(s);
}

}  // namespace

const std::vector<std::string>& Config::Notify::placeholders() {
    static const std::vector<std::string> names = {"sender",  "identity", "recipients", "subject", "date",
                                                   "queue_id", "rules",    "categories", "reasons", "policy",
                                                   "contact",  "supervisor", "organisation"};
    return names;
}

namespace {

// issue 13: [notify] templates, supervisor_templates (category -> file), supervisor_categories,
// contact; each file read and its placeholders checked now (Config::Notify::placeholders()).
void read_notice_templates(ConfigReader& w, const toml::table& t, Config* cfg) {
    auto& n = cfg->notify;
    w.strings(t, "supervisor_categories", n.supervisor_categories);
    w.str(t, "contact", n.contact);
    for (auto [name, files, text] : {std::tuple{"templates", &n.templates, &n.sender_text},
                                     std::tuple{"supervisor_templates", &n.supervisor_templates, &n.supervisor_text}}) {
        const std::string section = std::string("notify.") + name;
        const toml::table* g = w.table(t, name, section);
        if (!g) continue;
        for (const auto& [key, node] : *g) {
            std::string file;
            w.str(*g, key.str(), file);
            if (file.empty()) {
                w.error(node, section + "." + std::string(key.str()) + " must name a template file");
                continue;
            }
            (*files)[std::string(key.str())] = file;
            auto tt = load_text_template(cfg->resolve(file), Config::Notify::placeholders());
            if (!tt) w.error(node, section + "." + std::string(key.str()) + ": " + tt.error().message);
            else (*text)[std::string(key.str())] = std::move(*tt);
        }
    }
}

// [notify]: notices to senders of held mail (disposition/notify.h).
void read_notify(ConfigReader& w, const toml::table& root, Config* cfg) {
    const toml::table* t = w.table(root, "notify", "notify");
    if (!t) return;
    auto& n = cfg->notify;
    w.only(*t, "notify", {"enabled", "smtp", "from", "categories", "directions", "spool_dir", "retry_seconds", "templates",
                          "supervisor_templates", "supervisor_categories", "contact"});
    read_notice_templates(w, *t, cfg);
    w.flag(*t, "enabled", n.enabled);
    w.str(*t, "smtp", n.smtp);
    w.str(*t, "from", n.from);
    w.strings(*t, "categories", n.categories);
    w.strings(*t, "directions", n.directions);
    w.str(*t, "spool_dir", n.spool_dir);
    w.size(*t, "retry_seconds", n.retry_seconds);
    auto colon = n.smtp.rfind(':');
    if (!n.smtp.empty() && (colon == std::string::npos || colon == 0 || colon + 1 == n.smtp.size() ||
        n.smtp.find_first_not_of("0123456789", colon + 1) != std::string::npos))
        w.error(t->get("smtp") ? t->get("smtp")->source() : t->source(), "notify.smtp must be HOST:PORT");
    w.one_of(*t, "directions", "notify", n.directions, kDirections);
    if (n.enabled && n.spool_dir.empty())
        w.error(t->source(), "notify.spool_dir must name a directory when notify.enabled is true");
}

// [disposition]: the answer for each step after the verdict that fails (disposition/execute.h).
void read_disposition(ConfigReader& w, const toml::table& root, Config* cfg) {
    const toml::table* t = w.table(root, "disposition", "disposition");
    if (!t) return;
    auto& d = cfg->disposition;
    w.only(*t, "disposition", {"on_keep_error", "on_change_error", "on_hold_error", "on_journal_error"});
    const std::pair<const char*, Verdict*> keys[] = {{"on_keep_error", &d.on_keep_error},
                                                    {"on_change_error", &d.on_change_error},
                                                    {"on_hold_error", &d.on_hold_error},
                                                    {"on_journal_error", &d.on_journal_error}};
    for (const auto& [key, out] : keys) {
        std::string v;
        w.str(*t, key, v);
        if (v.empty()) continue;
        if (v == "tempfail") *out = Verdict::TempFail;
        else if (v == "reject") *out = Verdict::Reject;
        else
            w.error(t->get(key)->source(), std::string("disposition.") + key +
                                               " must be \"tempfail\" (the sender's MTA retries) or \"reject\" (got '" +
                                               v + "')");
    }
}

// [content]: the content check's rule files.
void read_content(ConfigReader& w, const toml::table& root, Config* cfg) {
    const toml::table* t = w.table(root, "content", "content");
    if (!t) return;
    w.only(*t, "content", {"rules", "model"});
    w.strings(*t, "rules", cfg->content.rules);
    w.str(*t, "model", cfg->content.model);
}

}  // namespace

std::string default_config_path() {
    const char* env = std::getenv("ORDINANCE_CONFIG");
    return env && *env ? env : "/etc/ordinance/ordinance.toml";
}

Result<std::shared_ptr<const Config>> load_config(const std::string& path, const std::vector<std::string>& overrides) {
    auto parsed = parse_toml_file(path);
    if (!parsed) return parsed.error();
    toml::table& root = *parsed;
    for (const auto& ov : overrides)
        if (auto err = apply_override(root, ov)) return Error{"config", *err};

    auto cfg = std::make_shared<Config>();
    cfg->path = path;
    ConfigReader w(path);
    {
        std::string dir = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/'));
        if (dir.empty()) dir = "/";
        cfg->data_dir = dir;
        std::string dd;
        w.str(root, "data_dir", dd);
        if (!dd.empty()) cfg->data_dir = dd.front() == '/' ? dd : dir + "/" + dd;
    }
    w.only(root, "", {"data_dir", "milter", "limits", "size", "rules", "organisation", "policy", "content",
                      "antivirus", "attachments", "journal", "notify", "disposition", "quarantine", "forwarding"});

    read_milter(w, root, cfg.get());
    read_limits(w, root, cfg.get());
    read_size(w, root, cfg.get());
    read_rules(w, root, cfg.get());
    read_organisation(w, root, cfg.get());
    read_policy_settings(w, root, cfg->data_dir, cfg->policy);
    read_antivirus(w, root, cfg.get());
    read_attachments(w, root, cfg.get());
    read_notify(w, root, cfg.get());
    read_disposition(w, root, cfg.get());
    read_content(w, root, cfg.get());
    {
        // Rule files resolve against data_dir (Config::resolve), like every data file. Their
        // [category] tables are rules of their own; the content check loads their patterns.
        auto book = std::make_shared<RuleBook>(RuleBook::builtin());
        book->add_rule_files(cfg->data_dir, cfg->content.rules, w);
        cfg->rule_book = std::move(book);
    }
    journal::read_settings(w, root, cfg->journal);
    quarantine::read_settings(w, root, cfg->quarantine);
    read_forwarding_settings(w, root, cfg->forwarding);
    if (!w.ok()) return Error{"config", w.message()};
    return std::shared_ptr<const Config>(std::move(cfg));
}

}  // namespace ord
