#include "checks/size_check.h"

#include <algorithm>

namespace ord {

void SizeCheck::on_message(const MessageContext& ctx, const mime::Message& msg, Findings& out) const {
    std::size_t size = std::max(ctx.env.size, msg.raw_size);
    if (size > limits_.max_message_bytes) {
        out.push_back({"oversize", "oversize", Verdict::Accept, 1.0,
                       "Message too large: " + std::to_string(size) + " bytes exceeds the limit of " +
                           std::to_string(limits_.max_message_bytes),
                       "size=" + std::to_string(size), ""});
    }
    const mime::Part* biggest = nullptr;
    msg.for_each_part([&](const mime::Part& p) {
        if (!p.children.empty() || p.embedded || !p.is_attachment()) return;
        if (p.body.size() > limits_.max_attachment_bytes && (!biggest || p.body.size() > biggest->body.size()))
            biggest = &p;
    });
    if (biggest) {
        std::string name = biggest->filename.empty() ? biggest->media_type() : biggest->filename;
        out.push_back({"oversize", "oversize", Verdict::Accept, 1.0,
                       "Attachment too large: " + std::to_string(biggest->body.size()) +
                           " bytes exceeds the limit of " + std::to_string(limits_.max_attachment_bytes),
                       "attachment=" + name + " size=" + std::to_string(biggest->body.size()), ""});
    }
}

}  // namespace ord
