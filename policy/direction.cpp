#include "policy/direction.h"

namespace ord {

std::string domain_of(std::string_view address) { return address_domain(address); }

bool is_internal_address(const Config& cfg, std::string_view address) {
    return domain_in(domain_of(address), cfg.organisation.internal_domains);
}

bool sender_is_internal(const Config& cfg, const Envelope& env) {
    if (!env.auth_login.empty())
        return env.auth_login.find('@') == std::string::npos || is_internal_address(cfg, env.auth_login);
    if (!is_internal_address(cfg, env.mail_from)) return false;
    if (env.client_addr.empty()) return true;  // no connection facts (a saved message): trust the address
    return client_in_networks(env.client_addr, cfg.organisation.trusted_networks);
}

Direction direction_of(const Config& cfg, const Envelope& env, std::string_view rcpt) {
    if (!sender_is_internal(cfg, env)) return Direction::Inbound;
    return is_internal_address(cfg, rcpt) ? Direction::Internal : Direction::Outbound;
}

Direction message_direction(const Config& cfg, const Envelope& env) {
    if (!sender_is_internal(cfg, env)) return Direction::Inbound;
    for (const auto& r : env.rcpts)
        if (!is_internal_address(cfg, r)) return Direction::Outbound;
    return Direction::Internal;
}

}  // namespace ord
