#include "checks/classifier.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "checks/normalize.h"
#include "mime/codec.h"

namespace ord {
namespace {

constexpr std::size_t kStem = 6;            // bytes kept of a long word
constexpr std::size_t kMaxTokens = 2000;    // per message: the first 2,000 words decide
constexpr float kQuotedPlain = 0.5f;
// The vector is scaled to length 1, but never by more than 1/kMinNorm: a text of a dozen words
// carries less evidence than a page, and must not weigh as much (an out-of-office reply, an
// empty body with a subject).
constexpr double kMinNorm = 3.0;        // weight of quoted text as plain features
constexpr const char* kMagic = "ordinance-content-model 1";

// Feature hashes are built from word hashes (FNV-1a, 64 bits) so that the mail path never
// builds a feature's name: "s:W", "q:W", "~S" and "A B" hash as mix(kind, hash of the words).
// feature_hash(name) computes the same value from a name, for the model's index.
enum Kind : std::uint64_t { kWord = 0, kSubject = 1, kQuoted = 2, kStemKind = 3, kPair = 4 };

std::uint64_t fnv(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {  // splitmix64 finaliser over a combination
    std::uint64_t z = a * 0x9E3779B97F4A7C15ull + b + 0x632BE59BD9B4E019ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint64_t kind_hash(Kind k, std::uint64_t word) { return k == kWord ? word : mix(word, k); }
std::uint64_t pair_hash(std::uint64_t a, std::uint64_t b) { return mix(mix(a, kPair), b); }

std::uint64_t feature_hash(std::string_view name) {
    if (name.size() > 2 && name[1] == ':' && name[0] == 's') return kind_hash(kSubject, fnv(name.substr(2)));
    if (name.size() > 2 && name[1] == ':' && name[0] == 'q') return kind_hash(kQuoted, fnv(name.substr(2)));
    if (name.size() > 1 && name[0] == '~') return kind_hash(kStemKind, fnv(name.substr(1)));
    std::size_t sp = name.find(' ');
    if (sp != std::string_view::npos) return pair_hash(fnv(name.substr(0, sp)), fnv(name.substr(sp + 1)));
    return fnv(name);
}

bool token_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Cuts a UTF-8 string to at most n bytes without splitting a character.
std::string_view utf8_prefix(std::string_view s, std::size_t n) {
    if (s.size() <= n) return s;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

// Calls f(kind, word, other, hash, weight) for every feature occurrence of one text, in text
// order: kind kWord/kSubject/kQuoted (word), kStemKind (word is the stem), kPair (other, word).
// The one tokenizer for training (message_features) and the mail path (score_texts).
template <typename F>
void visit_features(const ContentText& t, const NormalizedText& nt, std::size_t& tokens, F&& f) {
    if (t.source.empty() || t.scope == Scope::Headers) return;
    std::unique_ptr<QuoteDepth> qd;
    if (t.quoting) qd = std::make_unique<QuoteDepth>(t.source);
    const std::string& s = nt.text;
    std::string prev, word;
    std::uint64_t prev_hash = 0;
    bool prev_quoted = false;
    std::size_t i = 0;
    while (i < s.size() && tokens < kMaxTokens) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        bool quoted = false;
        if (c == '$' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') {
            word = "<money>";
            ++i;
            while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == ',' || s[i] == '.')) ++i;
            quoted = t.depth + (qd ? qd->at(nt.origin(i - 1)) : 0) > 0;
        } else if (token_byte(c)) {
            std::size_t b = i;
            while (i < s.size() && token_byte(static_cast<unsigned char>(s[i]))) ++i;
            word.assign(s, b, i - b);
            for (auto& ch : word)
                if (ch >= '0' && ch <= '9') ch = '0';
            if (word.size() > 40) word.resize(utf8_prefix(word, 40).size());
            // where the word is: quoted history or forwarded text counts apart
            quoted = t.depth + (qd ? qd->at(nt.origin(b)) : 0) > 0;
        } else {
            ++i;
            // sentence ends break word pairs; spaces and line breaks do not
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':') prev.clear();
            continue;
        }
        ++tokens;
        const float w = quoted ? kQuotedPlain : 1.0f;
        const std::uint64_t h = fnv(word);
        f(kWord, std::string_view(word), std::string_view(), h, w);
        if (t.scope == Scope::Subject) f(kSubject, std::string_view(word), std::string_view(), kind_hash(kSubject, h), 1.0f);
        if (quoted) f(kQuoted, std::string_view(word), std::string_view(), kind_hash(kQuoted, h), 1.0f);
        if (word.size() > kStem + 1 && word[0] != '<') {
            std::string_view stem = utf8_prefix(word, kStem);
            f(kStemKind, stem, std::string_view(), kind_hash(kStemKind, fnv(stem)), w);
        }
        if (!prev.empty() && prev_quoted == quoted)
            f(kPair, std::string_view(word), std::string_view(prev), pair_hash(prev_hash, h), w);
        prev = word;
        prev_hash = h;
        prev_quoted = quoted;
    }
}

std::string feature_name(Kind k, std::string_view word, std::string_view other) {
    switch (k) {
        case kSubject: return "s:" + std::string(word);
        case kQuoted: return "q:" + std::string(word);
        case kStemKind: return "~" + std::string(word);
        case kPair: return std::string(other) + " " + std::string(word);
        default: return std::string(word);
    }
}

}  // namespace

FeatureVector message_features(const mime::Message& msg, const std::vector<ContentText>& texts) {
    // No header fields: List-Id, List-Unsubscribe or Precedence say "bulk", not "non-business";
    // the agency's own bulletins and every discussion list carry them too. The newsletter rule
    // file weighs them together with the text.
    (void)msg;
    std::unordered_map<std::string, float> counts;
    std::size_t tokens = 0;
    for (const auto& t : texts) {
        if (t.source.empty() || t.scope == Scope::Headers) continue;
        NormalizedText nt = normalize(t.source);
        visit_features(t, nt, tokens, [&](Kind k, std::string_view word, std::string_view other, std::uint64_t, float w) {
            counts[feature_name(k, word, other)] += w;
        });
    }
    FeatureVector fv;
    fv.items.reserve(counts.size());
    double norm = 0;
    for (auto& [k, c] : counts) {
        float v = static_cast<float>(std::log1p(c));
        fv.items.emplace_back(k, v);
        norm += static_cast<double>(v) * v;
    }
    std::sort(fv.items.begin(), fv.items.end());
    if (norm > 0) {
        float inv = static_cast<float>(1.0 / std::max(std::sqrt(norm), kMinNorm));
        for (auto& it : fv.items) it.second *= inv;
    }
    return fv;
}

ContentModel::ContentModel(std::vector<std::string> categories, std::vector<std::string> features,
                           std::vector<float> weights, std::vector<double> bias, std::vector<std::string> notes)
    : categories_(std::move(categories)),
      features_(std::move(features)),
      weights_(std::move(weights)),
      bias_(std::move(bias)),
      notes_(std::move(notes)) {
    unique_hashes_ = build_index();
}

bool ContentModel::build_index() {
    std::size_t size = 16;
    while (size < features_.size() * 2) size *= 2;
    index_.assign(size, {0, 0});
    bool unique = true;
    for (std::uint32_t i = 0; i < features_.size(); ++i) {
        std::uint64_t h = feature_hash(features_[i]);
        std::size_t j = h & (size - 1);
        while (index_[j].second != 0) {
            if (index_[j].first == h) unique = false;
            j = (j + 1) & (size - 1);
        }
        index_[j] = {h, i + 1};
    }
    return unique;
}

std::int64_t ContentModel::find(std::uint64_t h) const {
    const std::size_t mask = index_.size() - 1;
    for (std::size_t j = h & mask;; j = (j + 1) & mask) {
        if (index_[j].second == 0) return -1;
        if (index_[j].first == h) return static_cast<std::int64_t>(index_[j].second) - 1;
    }
}

int ContentModel::category_index(std::string_view id) const {
    for (std::size_t i = 0; i < categories_.size(); ++i)
        if (categories_[i] == id) return static_cast<int>(i);
    return -1;
}

std::vector<ContentModel::Score> ContentModel::score(const FeatureVector& fv, std::size_t top_n) const {
    std::vector<std::pair<std::uint32_t, double>> present;
    for (const auto& [name, value] : fv.items)
        if (std::int64_t fi = find(feature_hash(name)); fi >= 0) present.emplace_back(static_cast<std::uint32_t>(fi), value);
    return score_present(present, top_n);
}

std::vector<ContentModel::Score> ContentModel::score_present(const std::vector<std::pair<std::uint32_t, double>>& present,
                                                            std::size_t top_n) const {
    const std::size_t nc = categories_.size();
    std::vector<Score> out(nc);
    for (std::size_t c = 0; c < nc; ++c) out[c].margin = bias_[c];
    // Feature names are copied only for the strongest top_n of each category.
    std::vector<std::vector<std::pair<double, std::uint32_t>>> terms(nc);
    for (const auto& [fi, value] : present) {
        const float* w = &weights_[static_cast<std::size_t>(fi) * nc];
        for (std::size_t c = 0; c < nc; ++c) {
            double contrib = static_cast<double>(w[c]) * value;
            out[c].margin += contrib;
            if (contrib > 0 && top_n) terms[c].emplace_back(contrib, fi);
        }
    }
    for (std::size_t c = 0; c < nc; ++c) {
        out[c].probability = 1.0 / (1.0 + std::exp(-out[c].margin));
        auto& t = terms[c];
        std::size_t n = std::min(top_n, t.size());
        std::partial_sort(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(n), t.end(),
                          [this](const auto& a, const auto& b) {
                              return a.first != b.first ? a.first > b.first : features_[a.second] < features_[b.second];
                          });
        for (std::size_t k = 0; k < n; ++k) out[c].top.push_back({features_[t[k].second], t[k].first});
    }
    return out;
}

std::vector<ContentModel::Score> ContentModel::score_texts(const std::vector<ContentText>& texts,
                                                          const std::vector<const NormalizedText*>& normalized,
                                                          std::size_t top_n) const {
    // Counts per distinct feature in an open-addressing table keyed by the feature's hash
    // (64 bits: a collision between two features of one message is not a practical concern),
    // with the model's index looked up once per distinct feature.
    struct Slot {
        std::uint64_t hash = 0;
        float count = 0;
        std::int32_t model = -1;
        bool used = false;
    };
    std::vector<Slot> table(1024);
    std::size_t used = 0;
    auto insert = [&](Kind, std::string_view, std::string_view, std::uint64_t h, float w) {
        if (used * 2 >= table.size()) {
            std::vector<Slot> bigger(table.size() * 2);
            for (const auto& sl : table) {
                if (!sl.used) continue;
                std::size_t j = sl.hash & (bigger.size() - 1);
                while (bigger[j].used) j = (j + 1) & (bigger.size() - 1);
                bigger[j] = sl;
            }
            table.swap(bigger);
        }
        std::size_t j = h & (table.size() - 1);
        while (table[j].used && table[j].hash != h) j = (j + 1) & (table.size() - 1);
        Slot& sl = table[j];
        if (!sl.used) {
            sl.used = true;
            sl.hash = h;
            sl.model = static_cast<std::int32_t>(find(h));
            ++used;
        }
        sl.count += w;
    };
    std::size_t tokens = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const ContentText& t = texts[i];
        if (t.source.empty() || t.scope == Scope::Headers) continue;
        if (i < normalized.size() && normalized[i]) {
            visit_features(t, *normalized[i], tokens, insert);
        } else {
            NormalizedText nt = normalize(t.source);
            visit_features(t, nt, tokens, insert);
        }
    }
    double norm = 0;
    for (auto& sl : table) {
        if (!sl.used) continue;
        sl.count = static_cast<float>(std::log1p(sl.count));
        norm += static_cast<double>(sl.count) * sl.count;
    }
    const double inv = norm > 0 ? 1.0 / std::max(std::sqrt(norm), kMinNorm) : 0.0;
    std::vector<std::pair<std::uint32_t, double>> present;
    for (const auto& sl : table)
        if (sl.used && sl.model >= 0) present.emplace_back(static_cast<std::uint32_t>(sl.model), sl.count * inv);
    return score_present(present, top_n);
}

namespace {
std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}
}  // namespace

std::string ContentModel::serialize() const {
    std::string out = std::string(kMagic) + "\n";
    for (const auto& n : notes_) out += "# " + n + "\n";
    out += "categories";
    for (const auto& c : categories_) out += "\t" + c;
    out += "\nbias";
    for (double b : bias_) out += "\t" + fmt(b);
    out += "\n";
    const std::size_t nc = categories_.size();
    for (std::size_t f = 0; f < features_.size(); ++f) {
        out += features_[f];
        for (std::size_t c = 0; c < nc; ++c) out += "\t" + fmt(weights_[f * nc + c]);
        out += "\n";
    }
    return out;
}

Result<std::shared_ptr<const ContentModel>> ContentModel::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"config", path + ": cannot read the content model"};
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return Error{"config", path + ": cannot read the content model"};
    return parse(ss.str(), path);
}

Result<std::shared_ptr<const ContentModel>> ContentModel::parse(std::string_view text, const std::string& name) {
    std::size_t line_no = 0, pos = 0;
    auto bad = [&](const std::string& what) -> Error {
        return Error{"config", name + ":" + std::to_string(line_no) + ": " + what};
    };
    auto next_line = [&](std::string_view& line) {
        if (pos >= text.size()) return false;
        std::size_t e = text.find('\n', pos);
        if (e == std::string_view::npos) e = text.size();
        line = text.substr(pos, e - pos);
        pos = e + 1;
        ++line_no;
        return true;
    };
    auto split = [](std::string_view line) {
        std::vector<std::string_view> f;
        std::size_t b = 0;
        while (true) {
            std::size_t e = line.find('\t', b);
            f.push_back(line.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
            if (e == std::string_view::npos) break;
            b = e + 1;
        }
        return f;
    };
    auto number = [](std::string_view s, double& out) {
        std::string tmp(s);
        char* end = nullptr;
        out = std::strtod(tmp.c_str(), &end);
        return !tmp.empty() && end && *end == 0 && std::isfinite(out);
    };
    std::string_view line;
    if (!next_line(line) || line != kMagic)
        return bad(std::string("not a content model (the first line must be '") + kMagic +
                   "'; make one with 'ordinance train')");
    std::vector<std::string> notes, categories, features;
    std::vector<double> bias;
    std::vector<float> weights;
    while (next_line(line)) {
        if (line.empty()) continue;
        if (line[0] == '#') {
            std::string_view n = line.substr(1);
            if (!n.empty() && n[0] == ' ') n.remove_prefix(1);
            notes.emplace_back(n);
            continue;
        }
        auto f = split(line);
        if (categories.empty()) {
            if (f[0] != "categories" || f.size() < 2) return bad("expected 'categories' and the category names");
            for (std::size_t i = 1; i < f.size(); ++i) categories.emplace_back(f[i]);
            continue;
        }
        if (f.size() != categories.size() + 1)
            return bad("expected " + std::to_string(categories.size() + 1) + " tab-separated fields, found " +
                       std::to_string(f.size()));
        if (bias.empty()) {
            if (f[0] != "bias") return bad("expected the 'bias' line after 'categories'");
            for (std::size_t i = 1; i < f.size(); ++i) {
                double v;
                if (!number(f[i], v)) return bad("bad number '" + std::string(f[i]) + "'");
                bias.push_back(v);
            }
            continue;
        }
        if (f[0].empty()) return bad("empty feature name");
        features.emplace_back(f[0]);
        for (std::size_t i = 1; i < f.size(); ++i) {
            double v;
            if (!number(f[i], v)) return bad("bad number '" + std::string(f[i]) + "'");
            weights.push_back(static_cast<float>(v));
        }
    }
    if (categories.empty() || bias.empty()) return bad("the model ends before its 'categories' and 'bias' lines");
    auto model = std::make_shared<const ContentModel>(std::move(categories), std::move(features), std::move(weights),
                                                      std::move(bias), std::move(notes));
    if (!model->unique_hashes_) {
        line_no = 0;
        return bad("two features share one hash (a feature listed twice?)");
    }
    return std::shared_ptr<const ContentModel>(model);
}

}  // namespace ord
