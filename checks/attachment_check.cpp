#include "checks/attachment_check.h"

#include "checks/attachment_policy.h"
#include "checks/attachment_policy.h"
#include "mime/codec.h"

namespace ord {

std::optional<PartBan> judge_part(const Config& cfg, const mime::Part& p) {
    // Both names a client may show: Content-Disposition filename and Content-Type name
    // (the parser has already undone RFC 2231 and RFC 2047 in the first).
    std::string names[2] = {p.filename, {}};
    if (auto n = p.params.find("name"); n != p.params.end()) names[1] = mime::decode_rfc2047(n->second);
    if (names[1] == names[0]) names[1].clear();
    std::optional<KindMatch> hit;
    std::string trick;
    for (const auto& n : names) {
        if (n.empty()) continue;
        if (trick.empty()) trick = name_trick(n);
        if (!hit)
            if (auto k = kind_from_name(n); k && kind_banned(cfg, k->kind)) hit = k;
    }
    if (!hit)
        if (auto k = kind_from_content(p.body); k && kind_banned(cfg, k->kind)) hit = k;
    // A zip's own directory names its members without unpacking (a VBA project in a .docx,
    // a script in a .zip); what is inside nested archives is AntivirusCheck's.
    std::string member;
    if (!hit)
        for (const auto& m : zip_member_names(p.body))
            if (auto k = kind_from_name(m); k && kind_banned(cfg, k->kind)) {
                hit = k;
                member = m;
                break;
            }
    if (!hit && trick.empty()) return std::nullopt;
    PartBan b;
    b.kind = hit ? std::string(file_kind_name(hit->kind)) : "disguised_name";
    b.why = hit ? hit->why : trick;
    if (hit && !trick.empty()) b.why += "; " + trick;
    b.member = member;
    return b;
}

void AttachmentCheck::on_message(const MessageContext& ctx, const mime::Message& msg, Findings& out) const {
    if (!attachment_policy_applies(cfg_, ctx)) return;
    std::size_t reported = 0;
    msg.for_each_part([&](const mime::Part& p) {
        if (reported >= 10 || !p.children.empty() || p.embedded || p.is_multipart()) return;
        auto ban = judge_part(cfg_, p);
        if (!ban) return;
        std::string shown = shown_name(p.filename);
        if (shown.empty())
            if (auto n = p.params.find("name"); n != p.params.end()) shown = shown_name(mime::decode_rfc2047(n->second));
        const std::string& kind = ban->kind;
        const std::string& member = ban->member;
        std::string label = shown.empty() ? "an unnamed " + p.media_type() + " part" : "'" + shown + "'";
        if (!member.empty()) label = "'" + shown_name(member) + "' inside " + label;
        ++reported;
        std::string reason = "Attachment type not allowed: " + label + " (" + kind + ": " + ban->why + ")";
        if (auto r = cfg_.attachments.replies.find(kind); r != cfg_.attachments.replies.end())
            reason = r->second + ": " + label;
        bool strip = part_strippable(cfg_, p, kind);
        out.push_back({strip ? "stripped_attachment" : "banned_attachment", "banned_attachment", Verdict::Accept, 1.0,
                       reason,
                       "part=" + shown + " type=" + p.media_type() + (member.empty() ? "" : " inner=" + shown_name(member)) +
                           " kind=" + kind,
                       ""});
        if (strip) mark_stripped(out.back(), p, shown, kind);
    });
}

}  // namespace ord
