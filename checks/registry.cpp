#include "checks/registry.h"

#include <array>

#include "checks/antivirus_check.h"
#include "checks/attachment_check.h"
#include "checks/content_check.h"
#include "checks/directory_check.h"
#include "checks/forwarding.h"
#include "checks/malformed_check.h"
#include "checks/size_check.h"

namespace ord {
namespace {

const std::array kChecks{
    CheckFactory{"size", [](const Config& c, const Services&) -> std::unique_ptr<Check> {
                     return std::make_unique<SizeCheck>(c);
                 }},
    CheckFactory{"directory", [](const Config& c, const Services& s) -> std::unique_ptr<Check> {
                     return std::make_unique<DirectoryCheck>(c, s.policy);
                 }},
    CheckFactory{"content", [](const Config& c, const Services&) -> std::unique_ptr<Check> {
                     return std::make_unique<ContentCheck>(c);
                 }},
    CheckFactory{"malformed", [](const Config&, const Services&) -> std::unique_ptr<Check> {
                     return std::make_unique<MalformedCheck>();
                 }},
    CheckFactory{"attachments", [](const Config& c, const Services&) -> std::unique_ptr<Check> {
                     return std::make_unique<AttachmentCheck>(c);
                 }},
    CheckFactory{"antivirus", [](const Config& c, const Services& s) -> std::unique_ptr<Check> {
                     return std::make_unique<AntivirusCheck>(c, s.antivirus);
                 }},
    CheckFactory{"forwarding", [](const Config& c, const Services& s) -> std::unique_ptr<Check> {
                     return std::make_unique<ForwardingCheck>(c, s.policy, s.history, s.clock);
                 }},
};

}  // namespace

std::span<const CheckFactory> check_table() { return kChecks; }

}  // namespace ord
