#include "checks/personal_data.h"

#include <algorithm>

namespace ord {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool alnum(char c) { return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
int num(std::string_view d, std::size_t pos, std::size_t len) {
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) v = v * 10 + (d[i] - '0');
    return v;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// True when one of `words` occurs in lower-cased `text` within `window` bytes of [b, e),
// or on the first line of the text (a table or CSV header naming the column).
bool context_near(const std::string& ltext, std::size_t b, std::size_t e, const std::vector<std::string>& words,
                  std::size_t window) {
    std::size_t from = b > window ? b - window : 0;
    std::size_t to = std::min(ltext.size(), e + window);
    std::string_view near(ltext.data() + from, to - from);
    std::size_t first_nl = ltext.find('\n');
    std::string_view head(ltext.data(), first_nl == std::string::npos ? std::min<std::size_t>(ltext.size(), 300)
                                                                      : std::min<std::size_t>(first_nl, 300));
    for (const auto& w : words) {
        if (w.empty()) continue;
        for (std::string_view zone : {near, head}) {
            for (std::size_t p = zone.find(w); p != std::string_view::npos; p = zone.find(w, p + 1)) {
                // whole words only: "ssn" but not "lessnotes"
                bool left = p == 0 || !alnum(zone[p - 1]);
                bool right = p + w.size() >= zone.size() || !alnum(zone[p + w.size()]);
                if (left && right) return true;
            }
        }
    }
    return false;
}

}  // namespace

std::string PersonalDataHit::masked() const {
    std::string tail = digits.size() >= 4 ? digits.substr(digits.size() - 4) : digits;
    switch (kind) {
        case Kind::Ssn: return "SSN ***-**-" + tail;
        case Kind::Card: return "card " + std::string(digits.size() - tail.size(), '*') + tail;
        case Kind::Routing: return "routing *****" + tail;
    }
    return tail;
}

bool ssn_valid(std::string_view d) {
    if (d.size() != 9) return false;
    int area = num(d, 0, 3), group = num(d, 3, 2), serial = num(d, 5, 4);
    if (area == 0 || area == 666 || area >= 900) return false;
    if (group == 0 || serial == 0) return false;
    // Numbers published in advertising and never issued.
    if (d == "078051120" || d == "219099999" || d == "123456789") return false;
    return true;
}

bool luhn_valid(std::string_view d) {
    int sum = 0;
    bool dbl = false;
    for (std::size_t i = d.size(); i-- > 0;) {
        int v = d[i] - '0';
        if (dbl) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
        sum += v;
        dbl = !dbl;
    }
    return !d.empty() && sum % 10 == 0;
}

bool card_issuer_valid(std::string_view d) {
    std::size_t n = d.size();
    if (n < 13 || n > 19) return false;
    int p1 = d[0] - '0', p2 = num(d, 0, 2), p3 = num(d, 0, 3), p4 = num(d, 0, 4), p6 = num(d, 0, 6);
    if (p1 == 4) return n == 13 || n == 16 || n == 19;                                    // Visa
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n == 16;            // Mastercard
    if (p2 == 34 || p2 == 37) return n == 15;                                             // Amex
    if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925))
        return n >= 16 && n <= 19;                                                        // Discover
    if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19;                              // JCB
    if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38) return n == 14;                 // Diners
    return false;
}

bool aba_valid(std::string_view d) {
    if (d.size() != 9) return false;
    int prefix = num(d, 0, 2);
    bool range = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix == 80;
    if (!range) return false;
    int w[3] = {3, 7, 1}, sum = 0;
    for (int i = 0; i < 9; ++i) sum += (d[i] - '0') * w[i % 3];
    return sum % 10 == 0 && d != "000000000";
}

std::vector<PersonalDataHit> find_personal_data(std::string_view text, const PersonalDataSettings& s) {
    std::vector<PersonalDataHit> hits;
    std::string ltext;  // built on the first candidate only
    std::size_t i = 0, n = text.size();
    while (i < n) {
        if (!digit(text[i]) || (i > 0 && (alnum(text[i - 1]) || text[i - 1] == '-' || text[i - 1] == '/' ||
                                          text[i - 1] == '.' || text[i - 1] == '$'))) {
            ++i;
            continue;
        }
        // A run of digit groups joined by single '-' or ' ' (the same separator throughout).
        std::size_t b = i;
        std::string digits;
        std::vector<std::size_t> groups;
        char sep = 0;
        std::size_t k = i;
        while (true) {
            std::size_t g = k;
            while (k < n && digit(text[k])) digits += text[k++];
            groups.push_back(k - g);
            if (k + 1 < n && (text[k] == '-' || text[k] == ' ') && digit(text[k + 1]) && (sep == 0 || sep == text[k]) &&
                digits.size() < 19) {
                sep = text[k];
                ++k;
                continue;
            }
            break;
        }
        std::size_t e = k;
        i = k;
        // Numbers glued to letters, decimals or more digits ("12.5", "x123") are not what we look for.
        if (e < n && (alnum(text[e]) || (text[e] == '.' && e + 1 < n && digit(text[e + 1])) || text[e] == '-'))
            continue;
        if (digits.size() < 9) continue;
        if (ltext.empty()) ltext = lower(text);
        auto ctx = [&](const std::vector<std::string>& words) {
            return context_near(ltext, b, e, words, s.context_window);
        };
        bool ssn_shape = (groups.size() == 3 && groups[0] == 3 && groups[1] == 2 && groups[2] == 4) ||
                         (groups.size() == 1 && digits.size() == 9);
        if (s.ssn && ssn_shape && ssn_valid(digits) && ctx(s.ssn_context)) {
            hits.push_back({PersonalDataHit::Kind::Ssn, digits, b, e - b});
            continue;
        }
        if (s.routing && groups.size() == 1 && digits.size() == 9 && aba_valid(digits) && ctx(s.routing_context)) {
            hits.push_back({PersonalDataHit::Kind::Routing, digits, b, e - b});
            continue;
        }
        bool grouped = groups.size() >= 3 && groups[0] == 4;
        if (s.cards && digits.size() >= 13 && digits.size() <= 19 && luhn_valid(digits) &&
            card_issuer_valid(digits) && (grouped || ctx(s.card_context)))
            hits.push_back({PersonalDataHit::Kind::Card, digits, b, e - b});
    }
    return hits;
}

}  // namespace ord
