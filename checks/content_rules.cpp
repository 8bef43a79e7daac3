#include "checks/content_rules.h"

#include "config/toml_file.h"

#include <re2/re2.h>

#include <algorithm>

#include <sstream>
#include <toml++/toml.h>

namespace ord {

const char* scope_name(Scope s) {
    switch (s) {
        case Scope::Subject: return "subject";
        case Scope::Body: return "body";
        case Scope::Attachment: return "attachment";
        case Scope::Headers: return "headers";
    }
    return "body";
}

namespace {

class FileErrors {
public:
    explicit FileErrors(std::string file) : file_(std::move(file)) {}
    void at(const toml::node& n, const std::string& what) { at(n.source().begin.line, what); }
    void at(std::size_t line, const std::string& what) {
        errors.push_back(file_ + (line ? ":" + std::to_string(line) : std::string()) + ": " + what);
    }
    void only(const toml::table& t, const std::string& where, std::initializer_list<std::string_view> known) {
        for (auto&& [k, v] : t) {
            bool ok = false;
            for (auto kk : known) ok = ok || k.str() == kk;
            if (ok) continue;
            std::string list;
            for (auto kk : known) list += (list.empty() ? "" : ", ") + std::string(kk);
            at(k.source().begin.line ? k.source().begin.line : v.source().begin.line,
               "unknown key '" + std::string(k.str()) + "' in " + where + " (expected one of: " + list + ")");
        }
    }
    void str(const toml::table& t, std::string_view key, std::string& out) {
        if (const toml::node* n = t.get(key)) {
            if (auto s = n->value<std::string>()) out = *s;
            else at(*n, "'" + std::string(key) + "' must be a string");
        }
    }
    void number(const toml::table& t, std::string_view key, double& out) {
        if (const toml::node* n = t.get(key)) {
            if (auto d = n->value<double>()) out = *d;
            else at(*n, "'" + std::string(key) + "' must be a number");
        }
    }
    void boolean(const toml::table& t, std::string_view key, bool& out) {
        if (const toml::node* n = t.get(key)) {
            if (auto b = n->value<bool>()) out = *b;
            else at(*n, "'" + std::string(key) + "' must be true or false");
        }
    }
    // Strings with their lines.
    std::vector<std::pair<std::string, std::size_t>> strings(const toml::table& t, std::string_view key) {
        std::vector<std::pair<std::string, std::size_t>> out;
        const toml::node* n = t.get(key);
        if (!n) return out;
        const toml::array* a = n->as_array();
        if (!a) {
            at(*n, "'" + std::string(key) + "' must be an array of strings");
            return out;
        }
        for (const auto& e : *a) {
            if (auto s = e.value<std::string>()) out.emplace_back(*s, e.source().begin.line);
            else at(e, "'" + std::string(key) + "' must contain only strings");
        }
        return out;
    }
    std::vector<std::string> plain(const toml::table& t, std::string_view key, bool lower = true) {
        std::vector<std::string> out;
        for (auto& [s, line] : strings(t, key)) {
            std::string v = s;
            if (lower)
                for (auto& c : v)
                    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            out.push_back(std::move(v));
        }
        return out;
    }
    std::optional<Verdict> verdict(const toml::table& t, std::string_view key) {
        const toml::node* n = t.get(key);
        if (!n) return std::nullopt;
        auto s = n->value<std::string>();
        auto v = s ? parse_verdict(*s) : std::nullopt;
        if (!v) at(*n, "'" + std::string(key) + "' must be one of accept, tag, quarantine, reject, tempfail, discard");
        return v;
    }

    std::vector<std::string> errors;

private:
    std::string file_;
};

void load_personal_data(FileErrors& fe, const toml::table& t, ContentCategory& cat) {
    fe.only(t, "[personal_data]",
            {"ssn", "cards", "routing", "ssn_context", "card_context", "routing_context", "context_window", "tiers",
             "secure_partner_domains"});
    PersonalDataSettings pd;
    fe.boolean(t, "ssn", pd.ssn);
    fe.boolean(t, "cards", pd.cards);
    fe.boolean(t, "routing", pd.routing);
    if (t.get("ssn_context")) pd.ssn_context = fe.plain(t, "ssn_context");
    if (t.get("card_context")) pd.card_context = fe.plain(t, "card_context");
    if (t.get("routing_context")) pd.routing_context = fe.plain(t, "routing_context");
    pd.secure_partner_domains = fe.plain(t, "secure_partner_domains");
    double window = static_cast<double>(pd.context_window);
    fe.number(t, "context_window", window);
    if (window < 0 || window > 100000) fe.at(*t.get("context_window"), "'context_window' must be 0..100000");
    else pd.context_window = static_cast<std::size_t>(window);
    if (const toml::node* n = t.get("tiers")) {
        const toml::table* tt = n->as_table();
        if (!tt) {
            fe.at(*n, "'tiers' must be a table like { tag = 1, quarantine = 5, reject = 20 }");
        } else {
            pd.tiers.clear();
            for (auto&& [k, v] : *tt) {
                auto verdict = parse_verdict(k.str());
                auto count = v.value<int64_t>();
                if (!verdict || !count || *count < 1) {
                    fe.at(v, "tiers: expected ACTION = COUNT (COUNT >= 1), got '" + std::string(k.str()) + "'");
                    continue;
                }
                pd.tiers.emplace_back(static_cast<std::size_t>(*count), *verdict);
            }
            std::sort(pd.tiers.begin(), pd.tiers.end());
        }
    }
    cat.personal_data = std::move(pd);
}

void load_rule(FileErrors& fe, const toml::table& rt, ContentCategory& cat) {
    fe.only(rt, "[[rule]]", {"id", "weight", "weight_inbound", "weight_outbound", "weight_internal", "effect", "scopes",
                             "directions", "phrases", "regex"});
    ContentRule r;
    r.line = rt.source().begin.line;
    fe.str(rt, "id", r.id);
    if (r.id.empty()) fe.at(r.line, "[[rule]] needs an 'id'");
    fe.number(rt, "weight", r.weight);
    for (std::size_t d = 0; d < kDirectionCount; ++d) {
        r.direction_weight[d] = r.weight;
        fe.number(rt, std::string("weight_") + direction_name(static_cast<Direction>(d)), r.direction_weight[d]);
    }
    std::string effect = "score";
    fe.str(rt, "effect", effect);
    if (effect == "force") r.effect = RuleEffect::Force;
    else if (effect == "veto") r.effect = RuleEffect::Veto;
    else if (effect != "score")
        fe.at(*rt.get("effect"), "'effect' must be \"score\" (adds its weight), \"force\" (the category fires) or "
                                 "\"veto\" (the category cannot fire); got '" + effect + "'");
    if (rt.get("scopes")) {
        for (auto& s : r.scopes) s = false;
        for (auto& [name, line] : fe.strings(rt, "scopes")) {
            bool found = false;
            for (std::size_t i = 0; i < kScopeCount; ++i)
                if (name == scope_name(static_cast<Scope>(i))) r.scopes[i] = found = true;
            if (!found) fe.at(line, "scope '" + name + "' is not one of subject, body, attachment, headers");
        }
    }
    if (rt.get("directions")) {
        for (auto& d : r.directions) d = false;
        for (auto& [name, line] : fe.strings(rt, "directions")) {
            bool found = false;
            for (std::size_t i = 0; i < kDirectionCount; ++i)
                if (name == direction_name(static_cast<Direction>(i))) r.directions[i] = found = true;
            if (!found) fe.at(line, "direction '" + name + "' is not one of inbound, outbound, internal");
        }
    }
    for (auto& [p, line] : fe.strings(rt, "phrases")) {
        if (p.find_first_not_of(" \t") == std::string::npos) fe.at(line, "empty phrase in rule '" + r.id + "'");
        else r.patterns.push_back({p, false, line});
    }
    for (auto& [p, line] : fe.strings(rt, "regex")) {
        RE2::Options opt;
        opt.set_log_errors(false);
        opt.set_case_sensitive(false);
        RE2 re(p, opt);
        if (!re.ok()) fe.at(line, "bad regex in rule '" + r.id + "': " + re.error());
        else r.patterns.push_back({p, true, line});
    }
    if (r.patterns.empty()) fe.at(r.line, "rule '" + r.id + "' has no phrases or regex");
    cat.rules.push_back(std::move(r));
}

void load_file(const std::string& path, ContentRules& out, std::vector<std::string>& errors) {
    auto parsed = parse_toml_file(path);
    if (!parsed) {
        errors.push_back(parsed.error().message);
        return;
    }
    const toml::table& root = *parsed;
    FileErrors fe(path);
    fe.only(root, "top level", {"category", "personal_data", "rule"});
    ContentCategory cat;
    cat.file = path;
    const toml::table* ct = root.get("category") ? root.get("category")->as_table() : nullptr;
    if (!ct) {
        fe.at(1, "a rule file needs a [category] table");
    } else {
        fe.only(*ct, "[category]",
                {"id", "policy", "reason", "reply", "threshold", "quote_decay", "action_inbound", "action_outbound",
                 "action_internal", "allow_senders", "sender_domains", "sender_weight", "recipient_domains",
                 "recipient_action", "model_threshold", "model_tag_threshold", "rules_need_model"});
        fe.str(*ct, "id", cat.id);
        if (cat.id.empty()) fe.at(*ct, "[category] needs an 'id'");
        fe.str(*ct, "policy", cat.policy);
        fe.str(*ct, "reason", cat.reason);
        fe.str(*ct, "reply", cat.reply);
        fe.number(*ct, "threshold", cat.threshold);
        fe.number(*ct, "quote_decay", cat.quote_decay);
        for (auto [key, slot] : {std::pair{"model_threshold", &cat.model_threshold},
                                 std::pair{"model_tag_threshold", &cat.model_tag_threshold},
                                 std::pair{"rules_need_model", &cat.rules_need_model}}) {
            if (!ct->get(key)) continue;
            double v = -1;
            fe.number(*ct, key, v);
            if (v <= 0 || v >= 1) fe.at(*ct->get(key), std::string("'") + key + "' must be a probability between 0 and 1");
            else *slot = v;
        }
        if (cat.model_threshold && cat.model_tag_threshold && *cat.model_tag_threshold > *cat.model_threshold)
            fe.at(*ct->get("model_tag_threshold"), "'model_tag_threshold' must not be above 'model_threshold'");
        if (cat.quote_decay < 0 || cat.quote_decay > 1) fe.at(*ct, "'quote_decay' must be between 0 and 1");
        const char* keys[] = {"action_inbound", "action_outbound", "action_internal"};
        for (std::size_t i = 0; i < kDirectionCount; ++i)
            if (auto v = fe.verdict(*ct, keys[i])) cat.actions[i] = *v;
        cat.allow_senders = fe.plain(*ct, "allow_senders");
        cat.sender_domains = fe.plain(*ct, "sender_domains");
        fe.number(*ct, "sender_weight", cat.sender_weight);
        cat.recipient_domains = fe.plain(*ct, "recipient_domains");
        cat.recipient_action = fe.verdict(*ct, "recipient_action");
    }
    if (const toml::node* n = root.get("personal_data")) {
        if (const toml::table* t = n->as_table()) load_personal_data(fe, *t, cat);
        else fe.at(*n, "[personal_data] must be a table");
    }
    if (const toml::node* n = root.get("rule")) {
        const toml::array* arr = n->as_array();
        if (!arr) fe.at(*n, "'rule' must be an array of tables ([[rule]])");
        for (std::size_t i = 0; arr && i < arr->size(); ++i) {
            if (const toml::table* rt = (*arr)[i].as_table()) load_rule(fe, *rt, cat);
            else fe.at((*arr)[i], "[[rule]] entries must be tables");
        }
    }
    for (const auto& c : out.categories)
        if (!cat.id.empty() && c.id == cat.id)
            fe.at(ct ? ct->source().begin.line : 1, "category '" + cat.id + "' is already defined in " + c.file);
    errors.insert(errors.end(), fe.errors.begin(), fe.errors.end());
    out.categories.push_back(std::move(cat));
}

}  // namespace

Result<std::shared_ptr<const ContentRules>> load_content_rules(const std::string& config_dir,
                                                               const std::vector<std::string>& files) {
    auto rules = std::make_shared<ContentRules>();
    std::vector<std::string> errors;
    for (const auto& f : files) {
        std::string path = (!f.empty() && f[0] == '/') || config_dir.empty() ? f : config_dir + "/" + f;
        rules->files.push_back(path);
        load_file(path, *rules, errors);
    }
    if (!errors.empty()) {
        std::string all;
        for (const auto& e : errors) all += (all.empty() ? "" : "\n") + e;
        return Error{"config", all};
    }
    return std::shared_ptr<const ContentRules>(std::move(rules));
}

}  // namespace ord
