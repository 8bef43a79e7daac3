#include "base/text_template.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace ord {
namespace {

// The placeholder names in `line`, or the first malformed one as an error message.
Result<Ok> check_placeholders(std::string_view line, const std::string& where, const std::vector<std::string>& names) {
    std::size_t pos = 0;
    while ((pos = line.find("{{", pos)) != std::string_view::npos) {
        std::size_t end = line.find("}}", pos + 2);
        if (end == std::string_view::npos) return Error{"config", where + ": '{{' without '}}'"};
        std::string name(line.substr(pos + 2, end - pos - 2));
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            std::string known;
            for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
            return Error{"config", where + ": unknown placeholder {{" + name + "}} (known: " + known + ")"};
        }
        pos = end + 2;
    }
    return Ok{};
}

}  // namespace

Result<TextTemplate> parse_text_template(std::string_view text, const std::string& file,
                                         const std::vector<std::string>& names) {
    TextTemplate t;
    t.file = file;
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        std::string l(text.substr(start, nl - start));
        if (!l.empty() && l.back() == '\r') l.pop_back();
        lines.push_back(std::move(l));
        if (nl == text.size()) break;
        start = nl + 1;
    }
    std::size_t i = 0;
    while (i < lines.size() && !lines[i].empty() && lines[i][0] == '#') ++i;
    auto where = [&](std::size_t k) { return file + ":" + std::to_string(k + 1); };
    if (i >= lines.size() || lines[i].rfind("Subject:", 0) != 0)
        return Error{"config", where(std::min(i, lines.empty() ? 0 : lines.size() - 1)) +
                                   ": expected 'Subject: ...' (then an empty line, then the body)"};
    t.subject = lines[i].substr(8);
    while (!t.subject.empty() && t.subject.front() == ' ') t.subject.erase(0, 1);
    if (auto r = check_placeholders(t.subject, where(i), names); !r) return r.error();
    if (i + 1 >= lines.size() || !lines[i + 1].empty())
        return Error{"config", where(std::min(i + 1, lines.size() - 1)) + ": expected an empty line after the Subject"};
    for (std::size_t k = i + 2; k < lines.size(); ++k) {
        if (auto r = check_placeholders(lines[k], where(k), names); !r) return r.error();
        t.body += lines[k];
        if (k + 1 < lines.size()) t.body += "\n";
    }
    return t;
}

Result<TextTemplate> load_text_template(const std::string& file, const std::vector<std::string>& names) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error{"config", file + ": cannot be read"};
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_text_template(ss.str(), file, names);
}

std::string expand_template(std::string_view text, const std::map<std::string, std::string>& values) {
    std::string out;
    std::size_t pos = 0;
    for (;;) {
        std::size_t open = text.find("{{", pos);
        std::size_t close = open == std::string_view::npos ? open : text.find("}}", open + 2);
        if (close == std::string_view::npos) {
            out.append(text.substr(pos));
            return out;
        }
        out.append(text.substr(pos, open - pos));
        auto it = values.find(std::string(text.substr(open + 2, close - open - 2)));
        if (it != values.end()) out += it->second;
        pos = close + 2;
    }
}

}  // namespace ord
