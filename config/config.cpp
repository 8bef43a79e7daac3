#include "config/config.h"

#include "base/address.h"

#include "base/text.h"
#include "config/toml_file.h"


#include <cstdlib>
#include <set>
#include <array>
#include <span>
#include <sstream>
#include <toml++/toml.h>

namespace ord {
namespace {

// Collects "file:line: message" errors while walking the TOML tree.
class Walker {
public:
    explicit Walker(std::string file) : file_(std::move(file)) {}

    void error(const toml::source_region& src, const std::string& what) {
        std::ostringstream os;
        os << file_;
        if (src.begin.line > 0) os << ':' << src.begin.line;
        os << ": " << what;
        errors_.push_back(os.str());
    }
    void error(const toml::node& n, const std::string& what) { error(n.source(), what); }

    // Reports keys of `t` not in `known`.
    void only(const toml::table& t, const std::string& section, std::initializer_list<std::string_view> known) {
        for (auto&& [k, v] : t) {
            bool ok = false;
            for (auto kk : known) ok = ok || k.str() == kk;
            if (!ok) {
                std::string where = section.empty() ? "top level" : "[" + section + "]";
                std::string list;
                for (auto kk : known) list += (list.empty() ? "" : ", ") + std::string(kk);
                error(k.source().begin.line ? k.source() : v.source(),
                      "unknown key '" + std::string(k.str()) + "' in " + where + " (expected one of: " + list + ")");
            }
        }
    }

    const toml::table* table(const toml::table& t, std::string_view key, const std::string& section) {
        const toml::node* n = t.get(key);
        if (!n) return nullptr;
        if (!n->is_table()) {
            error(*n, "'" + section + "' must be a table");
            return nullptr;
        }
        return n->as_table();
    }

    void str(const toml::table& t, std::string_view key, std::string& out) {
        const toml::node* n = t.get(key);
        if (!n) return;
        if (auto s = n->value<std::string>()) out = *s;
        else error(*n, "'" + std::string(key) + "' must be a string");
    }

    void size(const toml::table& t, std::string_view key, std::size_t& out, std::size_t min = 1) {
        const toml::node* n = t.get(key);
        if (!n) return;
        auto v = n->value<int64_t>();
        if (!v || *v < static_cast<int64_t>(min))
            error(*n, "'" + std::string(key) + "' must be an integer >= " + std::to_string(min));
        else out = static_cast<std::size_t>(*v);
    }

    void flag(const toml::table& t, std::string_view key, bool& out) {
        const toml::node* n = t.get(key);
        if (!n) return;
        if (auto b = n->value<bool>()) out = *b;
        else error(*n, "'" + std::string(key) + "' must be true or false");
    }

    void strings(const toml::table& t, std::string_view key, std::vector<std::string>& out) {
        const toml::node* n = t.get(key);
        if (!n) return;
        const toml::array* a = n->as_array();
        if (!a) {
            error(*n, "'" + std::string(key) + "' must be an array of strings");
            return;
        }
        out.clear();
        for (const auto& e : *a) {
            if (auto s = e.value<std::string>()) out.push_back(*s);
            else error(e, "'" + std::string(key) + "' must contain only strings");
        }
    }

    // Every value of `key` (already read into `values`) must be one of `allowed`.
    void one_of(const toml::table& t, std::string_view key, const std::string& section,
                const std::vector<std::string>& values, std::span<const std::string_view> allowed) {
        for (const auto& v : values) {
            bool ok = false;
            for (auto a : allowed) ok = ok || v == a;
            if (ok) continue;
            std::string list;
            for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            error(t.get(key)->source(),
                  section + "." + std::string(key) + ": '" + v + "' is not one of " + list);
        }
    }

    std::vector<std::string> errors_;

private:
    std::string file_;
};

// The kinds of file attachments.* name (checks/attachment_policy.h), and the directions.
constexpr std::array<std::string_view, 6> kKinds = {"executable", "script",    "shortcut",
                                                     "disk_image", "installer", "macro_document"};
constexpr std::array<std::string_view, 7> kKindsAndNames = {
    "executable", "script", "shortcut", "disk_image", "installer", "macro_document", "disguised_name"};
constexpr std::array<std::string_view, 3> kDirections = {"inbound", "outbound", "internal"};

bool valid_network(const std::string& n) { return parse_network(n).has_value(); }

// Applies one --set override to the parsed tree.
std::optional<std::string> apply_override(toml::table& root, const std::string& ov) {
    auto eq = ov.find('=');
    if (eq == std::string::npos || eq == 0) return "--set " + ov + ": expected section.key=value";
    std::string path = ov.substr(0, eq);
    std::string value = ov.substr(eq + 1);
    std::vector<std::string> keys;
    std::stringstream ss(path);
    for (std::string k; std::getline(ss, k, '.');) {
        if (k.empty()) return "--set " + ov + ": empty key in '" + path + "'";
        keys.push_back(k);
    }
    toml::table* t = &root;
    for (size_t i = 0; i + 1 < keys.size(); ++i) {
        toml::node* n = t->get(keys[i]);
        if (!n) {
            t->insert(keys[i], toml::table{});
            n = t->get(keys[i]);
        }
        if (!n->is_table()) return "--set " + ov + ": '" + keys[i] + "' is not a table";
        t = n->as_table();
    }
    // The value is TOML when it parses as such (numbers, booleans, arrays), else a plain string.
    try {
        toml::table parsed = toml::parse("v = " + value);
        if (toml::node* v = parsed.get("v")) {
            t->insert_or_assign(keys.back(), std::move(*v));
            return std::nullopt;
        }
    } catch (const toml::parse_error&) {
    }
    t->insert_or_assign(keys.back(), value);
    return std::nullopt;
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
    Walker w(path);
    {
        std::string dir = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/'));
        if (dir.empty()) dir = "/";
        cfg->data_dir = dir;
        std::string dd;
        w.str(root, "data_dir", dd);
        if (!dd.empty()) cfg->data_dir = dd.front() == '/' ? dd : dir + "/" + dd;
    }
    w.only(root, "", {"data_dir", "milter", "limits", "size", "rules", "organisation", "policy", "content",
                      "antivirus", "attachments", "journal", "notify"});

    if (auto* t = w.table(root, "milter", "milter")) {
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
    if (auto* t = w.table(root, "limits", "limits")) {
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
    if (auto* t = w.table(root, "size", "size")) {
        w.only(*t, "size", {"max_message_bytes", "max_attachment_bytes"});
        w.size(*t, "max_message_bytes", cfg->size.max_message_bytes);
        w.size(*t, "max_attachment_bytes", cfg->size.max_attachment_bytes);
    }
    if (auto* t = w.table(root, "rules", "rules")) {
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
    if (auto* t = w.table(root, "organisation", "organisation")) {
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
    if (auto* t = w.table(root, "policy", "policy")) {
        auto& p = cfg->policy;
        w.only(*t, "policy", {"groups", "aliases", "deactivated", "supervisors", "recipient_delimiter",
                              "share_members", "share_percent", "share_floor", "deactivated_recipient",
                              "on_unavailable"});
        w.str(*t, "groups", p.groups);
        w.str(*t, "aliases", p.aliases);
        w.str(*t, "deactivated", p.deactivated);
        w.str(*t, "supervisors", p.supervisors);
        w.str(*t, "recipient_delimiter", p.recipient_delimiter);
        w.size(*t, "share_members", p.share_members);
        w.size(*t, "share_percent", p.share_percent);
        w.size(*t, "share_floor", p.share_floor);
        if (p.share_percent > 100) w.error(t->get("share_percent")->source(), "policy.share_percent must be 1..100");
        std::string dr = "reject";
        w.str(*t, "deactivated_recipient", dr);
        if (dr != "reject" && dr != "redirect")
            w.error(t->get("deactivated_recipient")->source(), "policy.deactivated_recipient must be reject or redirect");
        p.redirect_deactivated = dr == "redirect";
        w.str(*t, "on_unavailable", p.on_unavailable);
        if (p.on_unavailable != "fail_closed" && p.on_unavailable != "fail_open")
            w.error(t->get("on_unavailable")->source(), "policy.on_unavailable must be fail_closed or fail_open");
        for (std::string* f : {&p.groups, &p.aliases, &p.deactivated, &p.supervisors})
            if (!f->empty()) *f = cfg->resolve(*f);
    }
    if (auto* t = w.table(root, "antivirus", "antivirus")) {
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
    if (auto* t = w.table(root, "attachments", "attachments")) {
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
    if (auto* t = w.table(root, "notify", "notify")) {
        auto& n = cfg->notify;
        w.only(*t, "notify", {"enabled", "smtp", "from", "categories", "directions", "spool_dir", "retry_seconds"});
        w.flag(*t, "enabled", n.enabled);
        w.str(*t, "smtp", n.smtp);
        w.str(*t, "from", n.from);
        w.strings(*t, "categories", n.categories);
        w.strings(*t, "directions", n.directions);
        w.str(*t, "spool_dir", n.spool_dir);
        w.size(*t, "retry_seconds", n.retry_seconds);
        auto colon = n.smtp.rfind(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == n.smtp.size() ||
            n.smtp.find_first_not_of("0123456789", colon + 1) != std::string::npos)
            w.error(t->get("smtp") ? t->get("smtp")->source() : t->source(), "notify.smtp must be HOST:PORT");
        w.one_of(*t, "directions", "notify", n.directions, kDirections);
        if (n.enabled && n.spool_dir.empty())
            w.error(t->source(), "notify.spool_dir must name a directory when notify.enabled is true");
    }
    if (auto* t = w.table(root, "content", "content")) {
        w.only(*t, "content", {"rules"});
        w.strings(*t, "rules", cfg->content.rules);
    }
    {
        // Rule files resolve against data_dir (Config::resolve), like every data file.
        auto loaded = load_content_rules(cfg->data_dir, cfg->content.rules);
        if (loaded) cfg->content.loaded = *loaded;
        else w.errors_.push_back(loaded.error().message);
    }
    if (auto* t = w.table(root, "journal", "journal")) {
        // Periods: digits with units y, m, d in that order ("5y6m"), or "never".
        auto period_ok = [](const std::string& p) {
            if (p == "never") return true;
            size_t i = 0;
            std::string units;
            while (i < p.size()) {
                size_t b = i;
                while (i < p.size() && p[i] >= '0' && p[i] <= '9') ++i;
                if (i == b || i >= p.size() || i - b > 5) return false;
                units += p[i++];
            }
            return !units.empty() && (units == "y" || units == "m" || units == "d" || units == "ym" ||
                                      units == "yd" || units == "md" || units == "ymd");
        };
        auto& j = cfg->journal;
        w.only(*t, "journal", {"enabled", "dir", "default_retention", "retention"});
        w.flag(*t, "enabled", j.enabled);
        w.str(*t, "dir", j.dir);
        w.str(*t, "default_retention", j.default_retention);
        if (j.dir.empty() || j.dir.front() != '/')
            w.error(t->get("dir") ? t->get("dir")->source() : t->source(), "journal.dir must be an absolute path");
        if (!period_ok(j.default_retention))
            w.error(t->get("default_retention")->source(),
                    "journal.default_retention must be a period like \"5y6m\", \"6y\", \"90d\" or \"never\"");
        if (const toml::node* r = t->get("retention")) {
            const toml::array* arr = r->as_array();
            if (!arr) w.error(*r, "journal.retention must be an array of tables ([[journal.retention]])");
            for (size_t i = 0; arr && i < arr->size(); ++i) {
                const toml::table* rt = (*arr)[i].as_table();
                if (!rt) {
                    w.error((*arr)[i], "journal.retention entries must be tables");
                    continue;
                }
                w.only(*rt, "journal.retention", {"class", "period", "members"});
                Config::Journal::RetentionClass rc;
                w.str(*rt, "class", rc.name);
                w.str(*rt, "period", rc.period);
                w.strings(*rt, "members", rc.members);
                for (auto& m : rc.members) m = ascii_lower(m);
                if (rc.name.empty() || rc.name == "default")
                    w.error(*rt, "journal.retention: 'class' must name the class (and not be \"default\")");
                if (!period_ok(rc.period))
                    w.error(rt->get("period") ? rt->get("period")->source() : rt->source(),
                            "journal.retention.period must be a period like \"6y\" or \"never\"");
                for (const auto& m : rc.members)
                    if (m.find('@') == std::string::npos)
                        w.error(rt->get("members")->source(),
                                "journal.retention.members: '" + m + "' is not an address or @domain");
                j.retention.push_back(std::move(rc));
            }
        }
    }
    if (!w.errors_.empty()) {
        std::string all;
        for (const auto& e : w.errors_) all += (all.empty() ? "" : "\n") + e;
        return Error{"config", all};
    }
    return std::shared_ptr<const Config>(std::move(cfg));
}

}  // namespace ord
