#include "checks/content_text.h"

#include <archive.h>
#include <archive_entry.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>
#include <mutex>

#include "mime/codec.h"

namespace ord {
namespace {

void collect(const mime::Part& p, int depth, std::vector<ContentText>& out, std::size_t& budget) {
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
            else if (ends(".pdf") || p.media_type() == "application/pdf")
                text = pdf_text(p.body, budget);
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

}  // namespace

std::vector<ContentText> content_texts(const mime::Message& msg, std::size_t budget) {
    std::vector<ContentText> texts;
    texts.push_back({Scope::Subject, msg.header("subject"), 0, false});
    texts.push_back({Scope::Headers, headers_text(msg), 0, false});
    collect(msg.root, 0, texts, budget);
    return texts;
}

std::string pdf_text(std::string_view pdf, std::size_t max_bytes) {
    constexpr std::size_t kMaxPdf = 16u << 20;  // larger ones are not read for text
    constexpr int kMaxPages = 50;
    if (pdf.size() < 5 || pdf.size() > kMaxPdf || pdf.substr(0, 5) != "%PDF-") return {};
    static std::once_flag quiet;
    std::call_once(quiet, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
    if (!doc || doc->is_locked()) return {};
    std::string out;
    int pages = std::min(doc->pages(), kMaxPages);
    for (int i = 0; i < pages && out.size() < max_bytes; ++i) {
        std::unique_ptr<poppler::page> pg(doc->create_page(i));
        if (!pg) continue;
        poppler::byte_array utf8 = pg->text().to_utf8();
        out.append(utf8.data(), utf8.size());
        out += '\n';
    }
    if (out.size() > max_bytes) out.resize(max_bytes);
    return out;
}

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

}  // namespace ord
