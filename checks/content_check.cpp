#include "checks/content_check.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "policy/direction.h"
#include "checks/content_text.h"
#include "config/reader.h"
#include "checks/normalize.h"
#include "checks/personal_data.h"
#include "mime/codec.h"

namespace ord {
namespace {

RE2::Options re_options() {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_case_sensitive(false);
    o.set_max_mem(32 << 20);  // per set; past it a text is matched pattern by pattern
    return o;
}

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

// A phrase becomes a regex over normalized text: words separated by any whitespace,
// word boundaries at both ends.
std::string phrase_regex(const std::string& phrase) {
    NormalizedText nt = normalize(phrase, {.deobfuscate = false});
    std::string out;
    std::string word;
    auto flush = [&]() {
        if (word.empty()) return;
        if (!out.empty()) out += "\\s+";
        out += RE2::QuoteMeta(word);
        word.clear();
    };
    for (char c : nt.text) {
        if (c == ' ' || c == '\n') flush();
        else word += c;
    }
    flush();
    if (nt.text.empty()) return out;
    std::string prefix = word_char(nt.text.front()) ? "\\b" : "";
    std::string suffix = word_char(nt.text.back()) ? "\\b" : "";
    return prefix + out + suffix;
}

std::string clip(std::string s, std::size_t n = 60) {
    for (auto& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (s.size() > n) {
        s.resize(n);
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
        if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
        s += "...";
    }
    return s;
}

struct RuleHit {
    double factor = 0;  // best depth factor over its matches
    int patterns = 0;   // distinct patterns of the rule that matched
    std::vector<int> seen;
    std::vector<std::string> evidence;
};

}  // namespace

ContentCheck::ContentCheck(const Config& cfg) : cfg_(cfg) {
    // The rule files resolve against data_dir, like every data file; a mistake in one is a
    // configuration error naming its file and line.
    auto loaded = load_content_rules(cfg.data_dir, cfg.content.rules);
    if (!loaded) throw CheckLoadError(loaded.error().message);
    rules_ = *loaded;
    for (std::size_t s = 0; s < kScopeCount; ++s)
        sets_[s] = std::make_unique<RE2::Set>(re_options(), RE2::UNANCHORED);
    std::string errors;
    for (std::size_t c = 0; c < rules_->categories.size(); ++c) {
        const auto& cat = rules_->categories[c];
        for (std::size_t r = 0; r < cat.rules.size(); ++r) {
            const auto& rule = cat.rules[r];
            for (const auto& p : rule.patterns) {
                std::string re = p.regex ? p.text : phrase_regex(p.text);
                auto one = std::make_unique<RE2>(re, re_options());
                if (!one->ok()) {
                    errors += cat.file + ":" + std::to_string(p.line) + ": cannot compile '" + p.text +
                              "': " + one->error() + "\n";
                    continue;
                }
                int idx = static_cast<int>(patterns_.size());
                patterns_.push_back({c, r, p.text, std::move(one)});
                for (std::size_t s = 0; s < kScopeCount; ++s) {
                    if (!rule.scopes[s]) continue;
                    std::string err;
                    if (sets_[s]->Add(re, &err) < 0) {
                        errors += cat.file + ":" + std::to_string(p.line) + ": " + err + "\n";
                        continue;
                    }
                    set_index_[s].push_back(idx);
                }
            }
        }
    }
    model_index_.assign(rules_->categories.size(), -1);
    if (!cfg.content.model.empty()) {
        std::string path = resolve_path(cfg.data_dir, cfg.content.model);
        auto m = ContentModel::load(path);
        if (!m) {
            errors += "content.model: " + m.error().message + "\n";
        } else {
            model_ = *m;
            for (std::size_t c = 0; c < rules_->categories.size(); ++c) {
                const auto& cat = rules_->categories[c];
                model_index_[c] = model_->category_index(cat.id);
                if (model_index_[c] < 0 && (cat.model_threshold || cat.model_tag_threshold))
                    errors += cat.file + ": model_threshold is set but the model " + path + " has no category '" +
                              cat.id + "' (retrain it with that category labelled)\n";
            }
        }
    }
    for (std::size_t s = 0; s < kScopeCount; ++s)
        if (!set_index_[s].empty() && !sets_[s]->Compile())
            errors += std::string("content rules: the ") + scope_name(static_cast<Scope>(s)) +
                      " pattern set does not fit in memory\n";
    if (!errors.empty()) {
        errors.pop_back();
        throw CheckLoadError(errors);
    }
}

ContentCheck::~ContentCheck() = default;

void ContentCheck::on_message(const MessageContext& ctx, const mime::Message& msg, Findings& out) const {
    const auto& cats = rules_->categories;
    if (cats.empty()) return;
    const Envelope& env = ctx.env;
    Direction dir = ctx.direction;
    std::string sender = env.mail_from.empty() ? env.auth_login : env.mail_from;

    // Which categories apply at all: their action for this direction, and allow-lists.
    std::vector<char> active(cats.size(), 0);
    bool any = false;
    for (std::size_t c = 0; c < cats.size(); ++c) {
        active[c] = cats[c].actions[static_cast<int>(dir)] != Verdict::Accept && !address_in(sender, cats[c].allow_senders);
        any = any || active[c];
    }
    if (!any) return;

    std::vector<ContentText> texts = content_texts(msg);  // 4 MB of part text at most

    // rule hits keyed by (category, rule)
    std::map<std::pair<std::size_t, std::size_t>, RuleHit> hits;
    std::vector<int> matched;
    // Normalized once, for the rules and the model alike.
    std::vector<NormalizedText> normalized(texts.size());
    std::vector<const NormalizedText*> normalized_ptr(texts.size(), nullptr);
    for (std::size_t ti = 0; ti < texts.size(); ++ti) {
        const ContentText& t = texts[ti];
        const auto s = static_cast<std::size_t>(t.scope);
        if (set_index_[s].empty() || t.source.empty()) continue;
        normalized[ti] = normalize(t.source, {.deobfuscate = t.scope != Scope::Headers});
        normalized_ptr[ti] = &normalized[ti];
        const NormalizedText& nt = normalized[ti];
        matched.clear();
        RE2::Set::ErrorInfo info{};
        bool any_match = sets_[s]->Match(nt.text, &matched, &info);
        if (!any_match && info.kind == RE2::Set::kOutOfMemory) {
            // The set's DFA ran out of its memory budget on this text: match pattern by pattern.
            matched.clear();
            for (std::size_t k = 0; k < set_index_[s].size(); ++k)
                if (RE2::PartialMatch(nt.text, *patterns_[set_index_[s][k]].re)) matched.push_back(static_cast<int>(k));
            any_match = !matched.empty();
        }
        if (!any_match) continue;
        std::unique_ptr<QuoteDepth> qd;
        for (int m : matched) {
            const Compiled& cp = patterns_[set_index_[s][m]];
            const auto& cat = cats[cp.category];
            const auto& rule = cat.rules[cp.rule];
            if (!active[cp.category] || !rule.directions[static_cast<int>(dir)]) continue;
            if (t.quoting && !qd) qd = std::make_unique<QuoteDepth>(t.source);
            RuleHit& h = hits[{cp.category, cp.rule}];
            const int pattern_id = set_index_[s][m];
            if (std::find(h.seen.begin(), h.seen.end(), pattern_id) == h.seen.end()) {
                h.seen.push_back(pattern_id);
                ++h.patterns;
            }
            re2::StringPiece match;
            int found = 0;
            std::size_t pos = 0;
            while (found < 3 && pos <= nt.text.size()) {
                re2::StringPiece sp(nt.text);
                if (!cp.re->Match(sp, pos, nt.text.size(), RE2::UNANCHORED, &match, 1)) break;
                std::size_t b = static_cast<std::size_t>(match.data() - nt.text.data());
                std::size_t e = b + match.size();
                auto [sb, se] = nt.source_span(b, e);
                while (se > sb && (t.source[se - 1] == ' ' || t.source[se - 1] == '\n' || t.source[se - 1] == '\r' ||
                                   t.source[se - 1] == '\t'))
                    --se;
                int depth = t.depth + (qd ? qd->at(sb) : 0);
                h.factor = std::max(h.factor, std::pow(cat.quote_decay, depth));
                if (h.evidence.size() < 2)
                    h.evidence.push_back("\"" + clip(t.source.substr(sb, se - sb)) + "\" " + scope_name(t.scope) +
                                         "[" + std::to_string(sb) + "," + std::to_string(se) + ")" +
                                         (depth ? " depth " + std::to_string(depth) : ""));
                ++found;
                pos = e > b ? e : e + 1;
            }
        }
    }

    // The model's scores, once, when a category it decides is active here.
    std::vector<ContentModel::Score> model_scores;
    if (model_) {
        bool wanted = false;
        for (std::size_t c = 0; c < cats.size(); ++c)
            wanted = wanted || (active[c] && model_index_[c] >= 0 &&
                                (cats[c].model_threshold || cats[c].model_tag_threshold || cats[c].rules_need_model));
        if (wanted) model_scores = model_->score_texts(texts, normalized_ptr);
    }

    std::string sender_domain = domain_of(sender);
    for (std::size_t c = 0; c < cats.size(); ++c) {
        if (!active[c]) continue;
        const auto& cat = cats[c];
        double score = 0;
        bool forced = false, vetoed = false;
        std::vector<std::string> fired, evidence;
        std::string explanation;
        for (const auto& [key, h] : hits) {
            if (key.first != c) continue;
            const auto& rule = cat.rules[key.second];
            double add = 0;
            if (rule.effect == RuleEffect::Force) {
                forced = true;
            } else if (rule.effect == RuleEffect::Veto) {
                vetoed = true;
            } else {
                // Each further phrase of the same rule adds half its weight, up to twice the weight.
                add = rule.direction_weight[static_cast<int>(dir)] * h.factor * std::min(2.0, 1.0 + 0.5 * (h.patterns - 1));
                score += add;
            }
            fired.push_back(rule.id);
            for (const auto& e : h.evidence)
                if (evidence.size() < 6) evidence.push_back(cat.id + "." + rule.id + " " + e);
            char buf[64];
            std::snprintf(buf, sizeof buf, "%+.2f", add);
            explanation += "  rule " + cat.id + "." + rule.id +
                           (rule.effect == RuleEffect::Force  ? std::string(" (force)")
                            : rule.effect == RuleEffect::Veto ? std::string(" (veto)")
                                                              : " " + std::string(buf)) +
                           ": " + (h.evidence.empty() ? std::string() : h.evidence.front()) + "\n";
        }
        if (!cat.sender_domains.empty() && domain_in(sender_domain, cat.sender_domains)) {
            score += cat.sender_weight;
            fired.push_back("sender_domain");
            evidence.push_back(cat.id + ".sender_domain " + sender_domain);
            explanation += "  rule " + cat.id + ".sender_domain: " + sender_domain + "\n";
        }
        Verdict action = cat.actions[static_cast<int>(dir)];
        std::string reason = cat.reason.empty() ? cat.id : cat.reason;
        double value = score;

        if (cat.personal_data) {
            const auto& pd = *cat.personal_data;
            // Only what leaves for outside recipients that are not secure partners, in the clear.
            bool external = false;
            for (const auto& r : env.rcpts)
                if (!is_internal_address(cfg_, r) && !domain_in(domain_of(r), pd.secure_partner_domains)) external = true;
            std::string root = msg.root.media_type();
            bool encrypted = root == "application/pkcs7-mime" || root == "application/x-pkcs7-mime" ||
                             root == "multipart/encrypted";
            if (!external || encrypted) continue;
            std::set<std::string> distinct;
            std::vector<std::string> shown;
            for (const auto& t : texts) {
                if (t.scope == Scope::Headers) continue;
                for (const auto& hit : find_personal_data(t.source, pd)) {
                    if (distinct.insert(hit.digits).second && shown.size() < 5)
                        shown.push_back(hit.masked() + " " + scope_name(t.scope) + "[" + std::to_string(hit.offset) +
                                        "," + std::to_string(hit.offset + hit.length) + ")");
                }
            }
            if (distinct.empty()) continue;
            std::optional<Verdict> tier;
            for (const auto& [count, v] : pd.tiers)
                if (distinct.size() >= count) tier = v;
            if (!tier) continue;
            action = *tier;
            value = static_cast<double>(distinct.size());
            reason += ": " + std::to_string(distinct.size()) + " item(s) sent outside in the clear";
            evidence = shown;
        } else {
            const ContentModel::Score* ms =
                model_scores.empty() || model_index_[c] < 0 ? nullptr : &model_scores[static_cast<std::size_t>(model_index_[c])];
            bool unconfirmed = ms && cat.rules_need_model && ms->probability < *cat.rules_need_model;
            bool by_rules = forced || (score >= cat.threshold && !fired.empty() && !unconfirmed);
            bool by_model = ms && cat.model_threshold && ms->probability >= *cat.model_threshold;
            bool tag_only = !by_rules && !by_model && ms && cat.model_tag_threshold &&
                            ms->probability >= *cat.model_tag_threshold;
            if (vetoed || (!by_rules && !by_model && !tag_only)) continue;
            // The explanation, only for a category that fires.
            char line[160];
            std::snprintf(line, sizeof line, "  rules: score %.2f, threshold %.2f%s%s%s\n", score, cat.threshold,
                          forced ? ", forced" : "", vetoed ? ", vetoed" : "",
                          unconfirmed && score >= cat.threshold ? ", not confirmed by the model" : "");
            explanation = std::string(line) + explanation;
            std::string model_short;
            if (ms) {
                auto prob = [](const std::optional<double>& p) {
                    char b[16] = "none";
                    if (p) std::snprintf(b, sizeof b, "%.2f", *p);
                    return std::string(b);
                };
                std::snprintf(line, sizeof line, "  model: p=%.3f (margin %+.2f), threshold %s, tag from %s\n",
                              ms->probability, ms->margin, prob(cat.model_threshold).c_str(),
                              prob(cat.model_tag_threshold).c_str());
                explanation += line;
                std::snprintf(line, sizeof line, "model p=%.2f", ms->probability);
                model_short = line;
                std::string terms;
                for (std::size_t k = 0; k < ms->top.size(); ++k) {
                    std::snprintf(line, sizeof line, "    %+.3f  %s\n", ms->top[k].contribution,
                                  ms->top[k].feature.c_str());
                    explanation += line;
                    if (k < 4) {
                        std::snprintf(line, sizeof line, "%s'%s' %+.2f", terms.empty() ? "" : ", ",
                                      clip(ms->top[k].feature, 30).c_str(), ms->top[k].contribution);
                        terms += line;
                    }
                }
                if (!terms.empty()) model_short += ": " + terms;
            }
            std::string list;
            for (const auto& f : fired) list += (list.empty() ? "" : ", ") + f;
            if (by_model || tag_only) list += std::string(list.empty() ? "" : ", ") + model_short.substr(0, model_short.find(':'));
            reason += " (" + list + ")";
            if (ms && (by_model || tag_only)) {
                evidence.insert(evidence.begin(), model_short);
                if (!by_rules) value = ms->probability;
            }
            if (tag_only) action = Verdict::Tag;  // the category's action applies from model_threshold on
        }
        if (!cat.recipient_domains.empty() && cat.recipient_action) {
            for (const auto& r : env.rcpts) {
                std::string d = domain_of(r);
                if (!is_internal_address(cfg_, r) && domain_in(d, cat.recipient_domains)) {
                    action = worse(action, *cat.recipient_action);
                    reason += " to " + d;
                    break;
                }
            }
        }
        std::string ev;
        for (const auto& e : evidence) ev += (ev.empty() ? "" : "; ") + e;
        Finding f;
        f.rule = cat.id;
        f.category = cat.id;
        f.score = std::round(value * 100) / 100;
        f.reason = reason;
        f.evidence = ev;
        f.explanation = explanation;
        f.policy = cat.policy;
        f.proposed = action;
        out.push_back(std::move(f));
    }
}

}  // namespace ord
