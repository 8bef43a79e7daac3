// AttachmentCheck: policy 2503 section 24 (no software from outside) for the MIME parts
// themselves: a dangerous type told from the content or the name, and names that hide it.
// Files inside archives are judged by AntivirusCheck, which sees them unpacked.
#pragma once

#include <optional>
#include <string>

#include "policy/check.h"
#include "policy/config.h"

namespace ord {

// What AttachmentCheck finds in one leaf part: the banned kind ("disguised_name" for a name
// trick alone), why, and the zip member that gave it away; nullopt when nothing.
struct PartBan {
    std::string kind;
    std::string why;
    std::string member;
};
std::optional<PartBan> judge_part(const Config& cfg, const mime::Part& p);

class AttachmentCheck : public Check {
public:
    explicit AttachmentCheck(const Config& cfg) : cfg_(cfg) {}
    std::string_view name() const override { return "attachments"; }
    void on_message(const MessageContext& ctx, const mime::Message& msg, Findings& out) const override;

private:
    const Config& cfg_;  // owned by the Engine, which outlives its checks
};

}  // namespace ord
