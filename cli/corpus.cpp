#include "cli/corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ord::cli {
namespace fs = std::filesystem;

namespace {
std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}
}  // namespace

std::vector<std::string> split_fields(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::stringstream ss(s);
    while (std::getline(ss, cur, sep)) {
        while (!cur.empty() && (cur.back() == ' ' || cur.back() == '\r')) cur.pop_back();
        while (!cur.empty() && cur.front() == ' ') cur.erase(0, 1);
        out.push_back(cur);
    }
    return out;
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return !in.bad();
}

Result<std::vector<LabelledMessage>> read_labelled(const std::vector<std::string>& dirs) {
    std::vector<LabelledMessage> out;
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) return Error{"io", dir + ": not a directory"};
        std::vector<fs::path> files;
        // A directory with its own labels.tsv is one corpus; otherwise every labels.tsv below it.
        const bool own = fs::is_regular_file(fs::path(dir) / "labels.tsv", ec);
        if (own) files.push_back(fs::path(dir) / "labels.tsv");
        for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
             !own && !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
            if (it->path().filename() == "labels.tsv" && it->is_regular_file()) files.push_back(it->path());
        if (ec) return Error{"io", dir + ": " + ec.message()};
        if (files.empty()) return Error{"io", dir + ": no labels.tsv in it or below it"};
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            std::ifstream in(f);
            if (!in) return Error{"io", f.string() + ": cannot read"};
            std::string line;
            int lineno = 0;
            while (std::getline(in, line)) {
                ++lineno;
                if (!line.empty() && line.back() == '\r') line.pop_back();
                if (line.empty() || line[0] == '#') continue;
                auto cols = split_fields(line, '\t');
                std::string where = f.string() + ":" + std::to_string(lineno);
                if (cols.size() < 2 || trim(cols[0]).empty())
                    return Error{"config", where + ": expected FILE<TAB>CATEGORIES[<TAB>comment]"};
                LabelledMessage m;
                m.path = (f.parent_path() / trim(cols[0])).string();
                m.where = where;
                std::string cats = trim(cols[1]);
                if (cats != "clean")
                    for (const auto& c : split_fields(cats, ','))
                        if (!trim(c).empty()) m.labels.push_back(trim(c));
                if (cats != "clean" && m.labels.empty())
                    return Error{"config", where + ": no category (write \"clean\" for legitimate mail)"};
                out.push_back(std::move(m));
            }
        }
    }
    return out;
}

Result<std::vector<LabelledMessage>> read_clean_dir(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Error{"io", dir + ": not a directory"};
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!it->is_regular_file() || name.empty() || name[0] == '.') continue;
        std::string ext = it->path().extension().string();
        if (ext == ".tsv" || ext == ".md") continue;
        files.push_back(it->path().string());
    }
    if (ec) return Error{"io", dir + ": " + ec.message()};
    std::sort(files.begin(), files.end());
    std::vector<LabelledMessage> out;
    for (auto& f : files) out.push_back({f, f, {}});
    return out;
}

}  // namespace ord::cli
