#include "checks/content_check.h"

#include <archive.h>
#include <archive_entry.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "policy/direction.h"
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

struct Text {
    Scope scope;
    std::string source;  // what the user wrote (decoded), for evidence
    int depth = 0;       // nesting: embedded messages count one level
    bool quoting = false;  // has quote/forward structure (bodies)
};

void collect(const mime::Part& p, int depth, std::vector<Text>& out, std::size_t& budget) {
    if (p.embedded) {
        const auto& m = *p.embedded;
        std::string subj = m.header("subject");
        if (!subj.empty()) out.push_back({Scope::Body, subj, depth + 1, false});
        collect(m.root, depth + 1, out, budget);
        return;
    }
    if (p.is_multipart()) {
        if (p.subtype == "alternative") {
            // One rendering is enough: the plain text when there is one.
            const mime::Part* pick = nullptr;
            for (const auto& c : p.children)
                if (c.type == "text" && c.subtype == "plain" && !c.is_attachment()) pick = &c;
            if (!pick)
                for (const auto& c : p.children)
                    if (!pick || c.is_multipart()) pick = &c;
            if (pick) collect(*pick, depth, out, budget);
            return;
        }
        for (const auto& c : p.children) collect(c, depth, out, budget);
        return;
    }
    if (budget == 0) return;
    std::string text;
    Scope scope = Scope::Body;
    if (p.is_attachment()) {
        scope = Scope::Attachment;
        if (p.type == "text") {
            text = p.text;
        } else {
            std::string fn = mime::to_lower(p.filename);
            auto ends = [&](const char* ext) {
                std::string e(ext);
                return fn.size() > e.size() && fn.compare(fn.size() - e.size(), e.size(), e) == 0;
            };
            if (ends(".docx") || ends(".xlsx") || ends(".pptx") || ends(".odt") || ends(".ods") || ends(".odp"))
                text = office_text(p.body);
            else if (ends(".txt") || ends(".csv"))
                text = p.body;
        }
    } else if (p.type == "text" && p.subtype != "calendar") {
        text = p.text;
    }
    if (text.empty()) return;
    if (text.size() > budget) text.resize(budget);
    budget -= text.size();
    out.push_back({scope, std::move(text), depth, true});
}

std::string headers_text(const mime::Message& msg) {
    std::string h;
    for (const auto& f : msg.headers) {
        if (h.size() > 65536) break;
        h += mime::to_lower(f.name);
        h += ": ";
        h += f.decoded.size() > 2000 ? f.decoded.substr(0, 2000) : f.decoded;
        h += '\n';
    }
    return h;
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

std::string office_text(std::string_view zip, std::size_t max_bytes) {
    if (zip.size() < 4 || zip.substr(0, 2) != "PK") return {};
    struct archive* a = archive_read_new();
    if (!a) return {};
    archive_read_support_format_zip(a);
    std::string out;
    if (archive_read_open_memory(a, zip.data(), zip.size()) == ARCHIVE_OK) {
        struct archive_entry* e;
        while (archive_read_next_header(a, &e) == ARCHIVE_OK && out.size() < max_bytes) {
            std::string name = archive_entry_pathname(e) ? archive_entry_pathname(e) : "";
            bool wanted = name == "word/document.xml" || name == "content.xml" || name == "xl/sharedStrings.xml" ||
                          (name.rfind("xl/worksheets/sheet", 0) == 0) || (name.rfind("ppt/slides/slide", 0) == 0);
            if (!wanted) continue;
            std::string xml;
            char buf[16384];
            la_ssize_t got;
            while ((got = archive_read_data(a, buf, sizeof buf)) > 0 && xml.size() < max_bytes)
                xml.append(buf, static_cast<std::size_t>(got));
            // Tags become spaces, paragraph and row ends become line breaks.
            bool in_tag = false;
            std::string tag;
            for (char c : xml) {
                if (in_tag) {
                    if (c == '>') {
                        in_tag = false;
                        if (tag.rfind("/w:p", 0) == 0 || tag.rfind("/row", 0) == 0 || tag.rfind("/text:p", 0) == 0 ||
                            tag.rfind("/table:table-row", 0) == 0 || tag.rfind("/a:p", 0) == 0)
                            out += '\n';
                        else if (!out.empty() && out.back() != ' ' && out.back() != '\n' && tag.rfind("/w:t", 0) != 0)
                            out += ' ';
                    } else if (tag.size() < 32) {
                        tag += c;
                    }
                } else if (c == '<') {
                    in_tag = true;
                    tag.clear();
                } else {
                    out += c;
                }
            }
            out += '\n';
        }
    }
    archive_read_free(a);
    if (out.size() > max_bytes) out.resize(max_bytes);
    return mime::html_to_text(out);  // decodes the XML entities
}

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

    std::vector<Text> texts;
    std::string subject = msg.header("subject");
    texts.push_back({Scope::Subject, subject, 0, false});
    texts.push_back({Scope::Headers, headers_text(msg), 0, false});
    std::size_t budget = 4u << 20;  // bytes of text matched per message
    collect(msg.root, 0, texts, budget);

    // rule hits keyed by (category, rule)
    std::map<std::pair<std::size_t, std::size_t>, RuleHit> hits;
    std::vector<int> matched;
    for (const auto& t : texts) {
        const auto s = static_cast<std::size_t>(t.scope);
        if (set_index_[s].empty() || t.source.empty()) continue;
        NormalizedText nt = normalize(t.source, {.deobfuscate = t.scope != Scope::Headers});
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

    std::string sender_domain = domain_of(sender);
    for (std::size_t c = 0; c < cats.size(); ++c) {
        if (!active[c]) continue;
        const auto& cat = cats[c];
        double score = 0;
        std::vector<std::string> fired, evidence;
        for (const auto& [key, h] : hits) {
            if (key.first != c) continue;
            const auto& rule = cat.rules[key.second];
            // Each further phrase of the same rule adds half its weight, up to twice the weight.
            score += rule.weight * h.factor * std::min(2.0, 1.0 + 0.5 * (h.patterns - 1));
            fired.push_back(rule.id);
            for (const auto& e : h.evidence)
                if (evidence.size() < 6) evidence.push_back(cat.id + "." + rule.id + " " + e);
        }
        if (!cat.sender_domains.empty() && domain_in(sender_domain, cat.sender_domains)) {
            score += cat.sender_weight;
            fired.push_back("sender_domain");
            evidence.push_back(cat.id + ".sender_domain " + sender_domain);
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
            if (score < cat.threshold || fired.empty()) continue;
            std::string list;
            for (const auto& f : fired) list += (list.empty() ? "" : ", ") + f;
            reason += " (" + list + ")";
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
        f.policy = cat.policy;
        f.proposed = action;
        out.push_back(std::move(f));
    }
}

}  // namespace ord
