#include "checks/attachment_check.h"

#include "checks/attachment_policy.h"
#include "mime/codec.h"

namespace ord {

void AttachmentCheck::on_message(const Envelope& env, const mime::Message& msg, Findings& out) const {
    if (!attachment_policy_applies(cfg_, env)) return;
    std::size_t reported = 0;
    msg.for_each_part([&](const mime::Part& p) {
        if (reported >= 10 || !p.children.empty() || p.embedded || p.is_multipart()) return;
        // Both names a client may show: Content-Disposition filename and Content-Type name
        // (the parser has already undone RFC 2231 and RFC 2047 in the first).
        std::string names[2] = {p.filename, {}};
        if (auto n = p.params.find("name"); n != p.params.end()) names[1] = mime::decode_rfc2047(n->second);
        if (names[1] == names[0]) names[1].clear();
        std::optional<KindMatch> hit;
        std::string trick, shown = shown_name(names[0].empty() ? names[1] : names[0]);
        for (const auto& n : names) {
            if (n.empty()) continue;
            if (trick.empty()) trick = name_trick(n);
            if (!hit)
                if (auto k = kind_from_name(n); k && kind_banned(cfg_, k->kind)) hit = k;
        }
        if (!hit)
            if (auto k = kind_from_content(p.body); k && kind_banned(cfg_, k->kind)) hit = k;
        // A zip's own directory names its members without unpacking (a VBA project in a .docx,
        // a script in a .zip); what is inside nested archives is AntivirusCheck's.
        std::string member;
        if (!hit)
            for (const auto& m : zip_member_names(p.body))
                if (auto k = kind_from_name(m); k && kind_banned(cfg_, k->kind)) {
                    hit = k;
                    member = m;
                    break;
                }
        if (!hit && trick.empty()) return;
        std::string kind = hit ? std::string(file_kind_name(hit->kind)) : "disguised_name";
        std::string why = hit ? hit->why : trick;
        if (hit && !trick.empty()) why += "; " + trick;
        std::string label = shown.empty() ? "an unnamed " + p.media_type() + " part" : "'" + shown + "'";
        if (!member.empty()) label = "'" + shown_name(member) + "' inside " + label;
        ++reported;
        std::string reason = "Attachment type not allowed: " + label + " (" + kind + ": " + why + ")";
        if (auto r = cfg_.attachments.replies.find(kind); r != cfg_.attachments.replies.end())
            reason = r->second + ": " + label;
        out.push_back({"banned_attachment", "banned_attachment", Verdict::Accept, 1.0, reason,
                       "part=" + shown + " type=" + p.media_type() + (member.empty() ? "" : " inner=" + shown_name(member)) +
                           " kind=" + kind,
                       ""});
    });
}

}  // namespace ord
