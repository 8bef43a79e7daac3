#include "policy/engine.h"

#include <exception>

#include "policy/direction.h"

namespace ord {

std::string Decision::smtp_reply() const {
    if (smtp_code.empty()) return {};
    return smtp_code + " " + enhanced_code + " " + reply_text;
}

std::string Engine::unknown_rules(const Config& c) {
    const Config* cfg = &c;
    std::string errors;
    for (const auto& [id, rs] : cfg->rules) {
        if (!cfg->rule_book->find(id)) {
            std::string known = cfg->rule_book->known_ids();
            errors += (errors.empty() ? "" : "\n") + cfg->path + ":" + std::to_string(rs.line) + ": unknown rule '" +
                      id + "' in [rules." + id + "] (known rules: " + known + ")";
        }
    }
    return errors;
}

Result<std::shared_ptr<const Engine>> Engine::create(std::shared_ptr<const Config> cfg,
                                                     std::shared_ptr<const Services> services,
                                                     std::span<const CheckFactory> checks) {
    std::string errors = unknown_rules(*cfg);
    if (!errors.empty()) return Error{"config", errors};
    if (!services || !services->policy || !services->clock || !services->random || !services->rates ||
        !services->metrics)
        return Error{"config", "Engine::create: services incomplete (policy store, clock, random, rates, metrics)"};
    std::shared_ptr<Engine> e(new Engine());
    e->cfg_ = std::move(cfg);
    e->services_ = std::move(services);
    try {
        for (const auto& f : checks) e->checks_.push_back(f.make(*e->cfg_, *e->services_));
    } catch (const CheckLoadError& err) {
        return Error{"config", err.what()};
    }
    return std::shared_ptr<const Engine>(std::move(e));
}

MessageContext Engine::context(const Envelope& env, const std::string* rcpt) const {
    return make_context(*services_->policy, env,
                        Deadline::after(services_->lookup_budget, services_->clock->steady()), rcpt);
}

void Engine::note_unavailable(const MessageContext& ctx, Findings& out) const {
    if (ctx.identity.unavailable.empty()) return;
    Finding f = policy_unavailable("sender identity", ctx.identity.unavailable);
    if (ctx.recipient) f.recipient = *ctx.recipient;
    out.push_back(std::move(f));
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
        if (f.rule == kPolicyUnavailableRule) {
            // Not a rule setting: what to do without the data is policy.on_unavailable.
            action = cfg_->policy.fail_open() ? Verdict::Tag : Verdict::TempFail;
        } else {
            if (f.proposed) action = *f.proposed;  // from the check's rule files (e.g. config/rules/*.toml)
            auto it = cfg_->rules.find(f.rule);
            if (it != cfg_->rules.end() && it->second.action) action = *it->second.action;
            if (it != cfg_->rules.end() && dir && it->second.action_by_direction[static_cast<int>(*dir)])
                action = *it->second.action_by_direction[static_cast<int>(*dir)];
        }
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
    d.direction = dir;
    return d;
}

namespace {
void count_unavailable(MetricsSink& m, const Findings& out, std::size_t from) {
    for (std::size_t i = from; i < out.size(); ++i)
        if (out[i].rule == kPolicyUnavailableRule) m.add("ordinance_policy_unavailable_total");
}
}  // namespace

Decision Engine::sender(const Envelope& env) const {
    MessageContext ctx = context(env);
    Findings out;
    note_unavailable(ctx, out);
    for (const auto& c : checks_) c->on_sender(ctx, out);
    count_unavailable(*services_->metrics, out, 0);
    return fold(std::move(out), false);
}

Decision Engine::recipient(const Envelope& env, const std::string& rcpt) const {
    MessageContext ctx = context(env, &rcpt);
    Findings out;
    note_unavailable(ctx, out);
    for (const auto& c : checks_) c->on_recipient(ctx, rcpt, out);
    count_unavailable(*services_->metrics, out, 0);
    return fold(std::move(out), true, ctx.recipient_direction);
}

bool Engine::data_changed() const {
    for (const auto& c : checks_)
        if (c->data_changed()) return true;
    return false;
}

Decision Engine::message(const Envelope& env, const mime::Message& msg, Findings carried) const {
    MessageContext ctx = context(env);
    Findings out = std::move(carried);
    const std::size_t fresh = out.size();
    note_unavailable(ctx, out);
    for (const auto& c : checks_) c->on_message(ctx, msg, out);
    count_unavailable(*services_->metrics, out, fresh);
    return fold(std::move(out), false, ctx.direction);
}

}  // namespace ord
