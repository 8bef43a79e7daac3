// AntivirusCheck: every decoded leaf part, nested messages' parts included, scanned once by
// libclamav from memory; viruses, unscannable content, engine errors and banned files found
// inside archives become findings. The engine comes compiled, from Services.
#pragma once

#include <memory>

#include "policy/check.h"
#include "checks/clamav_engine.h"
#include "policy/config.h"

namespace ord {

class AntivirusCheck : public Check {
public:
    // Scans with `engine`, the Services' one (built by build_services); null when
    // antivirus.enabled is false, and the check then finds nothing.
    AntivirusCheck(const Config& cfg, std::shared_ptr<const ClamAvEngine> engine);
    std::string_view name() const override { return "antivirus"; }
    void on_message(const MessageContext& ctx, const mime::Message& msg, Findings& out) const override;
    // Null when antivirus.enabled = false.
    const ClamAvEngine* clamav() const { return av_.get(); }
    bool data_changed() const override { return av_ && av_->database_changed(); }

private:
    const Config& cfg_;  // owned by the Engine, which outlives its checks
    std::shared_ptr<const ClamAvEngine> av_;
};

}  // namespace ord
