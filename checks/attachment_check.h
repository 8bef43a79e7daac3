// AttachmentCheck: policy 2503 section 24 (no software from outside) for the MIME parts
// themselves: a dangerous type told from the content or the name, and names that hide it.
// Files inside archives are judged by AntivirusCheck, which sees them unpacked.
#pragma once

#include "checks/check.h"
#include "config/config.h"

namespace ord {

class AttachmentCheck : public Check {
public:
    explicit AttachmentCheck(const Config& cfg) : cfg_(cfg) {}
    std::string_view name() const override { return "attachments"; }
    void on_message(const Envelope& env, const mime::Message& msg, Findings& out) const override;

private:
    const Config& cfg_;  // owned by the Engine, which outlives its checks
};

}  // namespace ord
