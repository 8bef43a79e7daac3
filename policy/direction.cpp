#include "policy/direction.h"

namespace ord {

std::string domain_of(std::string_view address) { return address_domain(address); }

bool is_internal_address(const Config& cfg, std::string_view address) {
    return domain_in(domain_of(address), cfg.organisation.internal_domains);
}

Direction direction_of(const PolicyStore& store, const Identity& sender, std::string_view rcpt) {
    if (!sender.internal_sender()) return Direction::Inbound;
    return store.internal_domain(address_domain(rcpt)) ? Direction::Internal : Direction::Outbound;
}

Direction message_direction(const PolicyStore& store, const Identity& sender, const std::vector<std::string>& rcpts) {
    if (!sender.internal_sender()) return Direction::Inbound;
    for (const auto& r : rcpts)
        if (!store.internal_domain(address_domain(r))) return Direction::Outbound;
    return Direction::Internal;
}

}  // namespace ord
