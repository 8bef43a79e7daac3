// Which way a message goes relative to the organisation: inbound, outbound or internal,
// per recipient, from organisation.internal_domains, trusted_networks and the envelope.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/address.h"
#include "policy/envelope.h"
#include "policy/config.h"

namespace ord {

// Lower-case domain of an address ("" when there is none); the same as address_domain.
// domain_in and address_in, for the rule files' domain and sender lists, are in base/address.h.
std::string domain_of(std::string_view address);
bool is_internal_address(const Config& cfg, std::string_view address);
// True when the sender counts as one of ours: the AUTH login, or an internal envelope sender
// that connected from a trusted network (an internal-looking sender from outside is not).
bool sender_is_internal(const Config& cfg, const Envelope& env);
// Direction for one recipient: internal sender to internal recipient -> internal; internal
// sender to anything else -> outbound; anything from outside -> inbound.
Direction direction_of(const Config& cfg, const Envelope& env, std::string_view rcpt);
// The message as a whole: outbound when any recipient is outbound, else internal when the
// sender is internal, else inbound.
Direction message_direction(const Config& cfg, const Envelope& env);

}  // namespace ord
