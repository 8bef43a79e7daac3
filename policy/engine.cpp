#include "policy/engine.h"

#include <exception>

#include "checks/registry.h"  // layering allow-list: Engine::create builds the check table
#include "policy/direction.h"

namespace ord {

std::string Decision::smtp_reply() const {
    if (smtp_code.empty()) return {};
    return smtp_code + " " + enhanced_code + " " + reply_text;
}

Result<std::shared_ptr<const Engine>> Engine::create(std::shared_ptr<const Config> cfg) {
    std::string errors;
    for (const auto& [id, rs] : cfg->rules) {
        if (!cfg->rule_book->find(id)) {
            std::string known = cfg->rule_book->known_ids();
            errors += (errors.empty() ? "" : "\n") + cfg->path + ":" + std::to_string(rs.line) + ": unknown rule '" +
                      id + "' in [rules." + id + "] (known rules: " + known + ")";
        }
    }
    if (!errors.empty()) return Error{"config", errors};
    std::shared_ptr<Engine> e(new Engine());
    e->cfg_ = std::move(cfg);
    try {
        for (const auto& f : check_table()) e->checks_.push_back(f.make(*e->cfg_));
    } catch (const CheckLoadError& err) {
        return Error{"config", err.what()};
    }
    return std::shared_ptr<const Engine>(std::move(e));
}

Result<std::shared_ptr<const Engine>> Engine::load(const std::string& path,
                                                   const std::vector<std::string>& overrides) {
    auto cfg = load_config(path, overrides);
    if (!cfg) return cfg.error();
    return create(*cfg);
}

// SMTP reply text must be printable ASCII without '%' (libmilter treats it as a format).
std::string reply_safe(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c == '%') out += "pct";
        else if (c >= 0x20 && c < 0x7f) out += static_cast<char>(c);
        else if (c == '\t') out += ' ';
        else out += '?';
    }
    if (out.size() > 400) out.resize(400);
    return out;
}

Decision Engine::fold(Findings findings, bool at_recipient, std::optional<Direction> dir) const {
    Decision d;
    const Finding* decisive = nullptr;
    for (auto& f : findings) {
        const RuleInfo* info = cfg_->rule_book->find(f.rule);
        Verdict action = info ? info->default_action(dir) : Verdict::Tag;
        if (f.proposed) action = *f.proposed;  // from the check's rule files (e.g. config/rules/*.toml)
        auto it = cfg_->rules.find(f.rule);
        if (it != cfg_->rules.end() && it->second.action) action = *it->second.action;
        if (it != cfg_->rules.end() && dir && it->second.action_by_direction[static_cast<int>(*dir)])
            action = *it->second.action_by_direction[static_cast<int>(*dir)];
        f.action = action;
        if (f.policy.empty() && info) f.policy = info->policy;
        if (!decisive || static_cast<int>(action) > static_cast<int>(decisive->action)) decisive = &f;
        d.verdict = worse(d.verdict, action);
    }
    if (decisive && (d.verdict == Verdict::Reject || d.verdict == Verdict::TempFail)) {
        bool reject = d.verdict == Verdict::Reject;
        d.smtp_code = reject ? "550" : "451";
        d.enhanced_code = !decisive->enhanced_code.empty() ? decisive->enhanced_code : reject ? "5.7.1" : "4.7.1";
        if (d.enhanced_code[0] != d.smtp_code[0]) d.enhanced_code = reject ? "5.7.1" : "4.7.1";
        std::string text = decisive->reason;
        if (const RuleInfo* info = cfg_->rule_book->find(decisive->rule); info && !info->reply.empty())
            text = info->reply;
        auto it = cfg_->rules.find(decisive->rule);
        if (it != cfg_->rules.end() && !it->second.reply.empty()) text = it->second.reply;
        text += " [" + rule_reference(decisive->rule, decisive->policy) + "]";
        d.reply_text = reply_safe(text);
        (void)at_recipient;
    }
    d.findings = std::move(findings);
    return d;
}

Decision Engine::sender(const Envelope& env) const {
    Findings out;
    for (const auto& c : checks_) c->on_sender(env, out);
    return fold(std::move(out), false);
}

Decision Engine::recipient(const Envelope& env, const std::string& rcpt) const {
    Findings out;
    for (const auto& c : checks_) c->on_recipient(env, rcpt, out);
    return fold(std::move(out), true, direction_of(*cfg_, env, rcpt));
}

bool Engine::data_changed() const {
    for (const auto& c : checks_)
        if (c->data_changed()) return true;
    return false;
}

Decision Engine::message(const Envelope& env, const mime::Message& msg, Findings carried) const {
    Findings out = std::move(carried);
    for (const auto& c : checks_) c->on_message(env, msg, out);
    return fold(std::move(out), false, message_direction(*cfg_, env));
}

}  // namespace ord
