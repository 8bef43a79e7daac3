#include "config/reader.h"

#include <sstream>

namespace ord {

void ConfigReader::error(const toml::source_region& src, const std::string& what) {
    std::ostringstream os;
    os << file_;
    if (src.begin.line > 0) os << ':' << src.begin.line;
    os << ": " << what;
    errors_.push_back(os.str());
}

void ConfigReader::only(const toml::table& t, const std::string& section,
                        std::initializer_list<std::string_view> known) {
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

const toml::table* ConfigReader::table(const toml::table& t, std::string_view key, const std::string& section) {
    const toml::node* n = t.get(key);
    if (!n) return nullptr;
    if (!n->is_table()) {
        error(*n, "'" + section + "' must be a table");
        return nullptr;
    }
    return n->as_table();
}

void ConfigReader::str(const toml::table& t, std::string_view key, std::string& out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    if (auto s = n->value<std::string>()) out = *s;
    else error(*n, "'" + std::string(key) + "' must be a string");
}

void ConfigReader::size(const toml::table& t, std::string_view key, std::size_t& out, std::size_t min) {
    const toml::node* n = t.get(key);
    if (!n) return;
    auto v = n->value<int64_t>();
    if (!v || *v < static_cast<int64_t>(min))
        error(*n, "'" + std::string(key) + "' must be an integer >= " + std::to_string(min));
    else out = static_cast<std::size_t>(*v);
}

void ConfigReader::flag(const toml::table& t, std::string_view key, bool& out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    if (auto b = n->value<bool>()) out = *b;
    else error(*n, "'" + std::string(key) + "' must be true or false");
}

void ConfigReader::strings(const toml::table& t, std::string_view key, std::vector<std::string>& out) {
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

void ConfigReader::one_of(const toml::table& t, std::string_view key, const std::string& section,
                          const std::vector<std::string>& values, std::span<const std::string_view> allowed) {
    for (const auto& v : values) {
        bool ok = false;
        for (auto a : allowed) ok = ok || v == a;
        if (ok) continue;
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        error(t.get(key)->source(), section + "." + std::string(key) + ": '" + v + "' is not one of " + list);
    }
}

std::string ConfigReader::message() const {
    std::string all;
    for (const auto& e : errors_) all += (all.empty() ? "" : "\n") + e;
    return all;
}

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

}  // namespace ord
