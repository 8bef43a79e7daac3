#include "cache/policy_files.h"

#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "config/toml_file.h"

namespace ord {
namespace {

std::string trim(std::string s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

bool looks_like_address(const std::string& a) {
    auto at = a.find('@');
    return at != std::string::npos && at > 0 && at + 1 < a.size() && a.find_first_of(" \t,;<>\"") == std::string::npos;
}

// Reads "a,b[,c]" rows; '#' starts a comment. Calls row(fields, line) for each.
template <typename F>
std::optional<Error> read_csv(const std::string& path, size_t min_fields, size_t max_fields, F&& row) {
    std::ifstream in(path);
    if (!in) return Error{"config", path + ": cannot open"};
    std::string line;
    size_t no = 0;
    while (std::getline(in, line)) {
        ++no;
        if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
        line = trim(line);
        if (line.empty()) continue;
        std::vector<std::string> fields;
        std::stringstream ss(line);
        for (std::string f; std::getline(ss, f, ',');) fields.push_back(trim(f));
        if (fields.size() < min_fields || fields.size() > max_fields)
            return Error{"config", path + ":" + std::to_string(no) + ": expected " + std::to_string(min_fields) +
                                       (max_fields > min_fields ? " to " + std::to_string(max_fields) : "") +
                                       " comma-separated fields, got " + std::to_string(fields.size())};
        if (auto err = row(fields, no)) return Error{"config", path + ":" + std::to_string(no) + ": " + *err};
    }
    return std::nullopt;
}

std::optional<std::string> check_date(const std::string& d) {
    bool ok = d.size() == 10 && d[4] == '-' && d[7] == '-';
    for (size_t i = 0; ok && i < d.size(); ++i)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9')) ok = false;
    if (!ok) return "expected a date YYYY-MM-DD, got '" + d + "'";
    return std::nullopt;
}

std::optional<Error> load_groups(const std::string& path, const std::string& dir, PolicyData& data) {
    auto parsed = parse_toml_file(path);
    if (!parsed) return parsed.error();
    toml::table root = std::move(*parsed);
    auto where = [&](const toml::node& n) { return path + ":" + std::to_string(n.source().begin.line) + ": "; };
    for (auto&& [k, v] : root)
        if (k.str() != "group") return Error{"config", where(v) + "unknown key '" + std::string(k.str()) + "' (expected [[group]] tables)"};
    const toml::array* arr = root["group"].as_array();
    if (!arr) return std::nullopt;
    for (const auto& node : *arr) {
        const toml::table* t = node.as_table();
        if (!t) return Error{"config", where(node) + "each [[group]] must be a table"};
        Group g;
        auto strings = [&](std::string_view key, std::vector<std::string>& out) -> std::optional<Error> {
            const toml::node* n = t->get(key);
            if (!n) return std::nullopt;
            const toml::array* a = n->as_array();
            if (!a) return Error{"config", where(*n) + "'" + std::string(key) + "' must be an array of addresses"};
            for (const auto& e : *a) {
                auto s = e.value<std::string>();
                if (!s || !looks_like_address(*s))
                    return Error{"config", where(e) + "'" + std::string(key) + "' must contain addresses"};
                out.push_back(*s);
            }
            return std::nullopt;
        };
        for (auto&& [k, v] : *t) {
            static const char* known[] = {"address", "name", "protected", "members", "members_file",
                                          "authorized_senders", "moderators", "aliases", "policy"};
            bool ok = false;
            for (const char* kk : known) ok = ok || k.str() == kk;
            if (!ok) return Error{"config", where(v) + "unknown key '" + std::string(k.str()) + "' in [[group]]"};
        }
        auto addr = t->get("address") ? t->get("address")->value<std::string>() : std::nullopt;
        if (!addr || !looks_like_address(*addr)) return Error{"config", where(*t) + "[[group]] needs address = \"list@domain\""};
        g.address = *addr;
        if (auto n = t->get("name")) g.name = n->value<std::string>().value_or("");
        if (g.name.empty()) g.name = g.address;
        if (auto p = t->get("policy")) g.policy = p->value<std::string>().value_or(g.policy);
        if (auto p = t->get("protected")) {
            auto b = p->value<bool>();
            if (!b) return Error{"config", where(*p) + "'protected' must be true or false"};
            g.is_protected = *b;
        }
        if (auto e = strings("members", g.members)) return e;
        if (auto e = strings("authorized_senders", g.authorized)) return e;
        if (auto e = strings("moderators", g.moderators)) return e;
        if (auto e = strings("aliases", g.aliases)) return e;
        if (const toml::node* mf = t->get("members_file")) {
            auto f = mf->value<std::string>();
            if (!f) return Error{"config", where(*mf) + "'members_file' must be a file name"};
            std::string file = f->front() == '/' ? *f : dir + "/" + *f;
            auto err = read_csv(file, 1, 1, [&](const std::vector<std::string>& row, size_t) -> std::optional<std::string> {
                if (!looks_like_address(row[0])) return "expected an address, got '" + row[0] + "'";
                g.members.push_back(row[0]);
                return std::nullopt;
            });
            if (err) return err;
        }
        data.groups.push_back(std::move(g));
    }
    return std::nullopt;
}

}  // namespace

Result<std::shared_ptr<const MemoryPolicyStore>> load_policy_files(const PolicyFiles& files) {
    PolicyData data;
    data.internal_domains = files.internal_domains;
    data.trusted_networks = files.trusted_networks;
    data.recipient_delimiter = files.recipient_delimiter;
    if (!files.groups.empty()) {
        std::string dir = files.groups.find('/') == std::string::npos ? "." : files.groups.substr(0, files.groups.rfind('/'));
        if (auto err = load_groups(files.groups, dir, data)) return *err;
    }
    if (!files.aliases.empty()) {
        auto err = read_csv(files.aliases, 2, 2, [&](const std::vector<std::string>& f, size_t) -> std::optional<std::string> {
            if (!looks_like_address(f[1])) return "second field must be an address, got '" + f[1] + "'";
            data.aliases.emplace_back(f[0], f[1]);
            return std::nullopt;
        });
        if (err) return *err;
    }
    if (!files.deactivated.empty()) {
        auto err = read_csv(files.deactivated, 2, 3, [&](const std::vector<std::string>& f, size_t) -> std::optional<std::string> {
            if (!looks_like_address(f[0])) return "first field must be an address, got '" + f[0] + "'";
            if (auto e = check_date(f[1])) return e;
            Deactivation d{f[0], f[1], files.redirect_deactivated};
            if (f.size() == 3) {
                if (f[2] == "redirect") d.redirect = true;
                else if (f[2] == "reject") d.redirect = false;
                else return "third field must be 'reject' or 'redirect', got '" + f[2] + "'";
            }
            data.deactivated.push_back(std::move(d));
            return std::nullopt;
        });
        if (err) return *err;
    }
    if (!files.supervisors.empty()) {
        auto err = read_csv(files.supervisors, 2, 2, [&](const std::vector<std::string>& f, size_t) -> std::optional<std::string> {
            if (!looks_like_address(f[0]) || !looks_like_address(f[1])) return "expected person,supervisor addresses";
            data.supervisors.emplace_back(f[0], f[1]);
            return std::nullopt;
        });
        if (err) return *err;
    }
    std::string error;
    auto store = MemoryPolicyStore::build(std::move(data), error);
    if (!store) return Error{"config", error};
    return store;
}

}  // namespace ord
