// Which way a message goes relative to the organisation: inbound, outbound or internal,
// per recipient, from organisation.internal_domains, trusted_networks and the envelope.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checks/envelope.h"
#include "config/config.h"

namespace ord {

// Lower-case domain of an address ("" when there is none).
std::string domain_of(std::string_view address);
// True when `domain` equals a listed domain or is a subdomain of one ("mail.modot.mo.gov").
bool domain_in(std::string_view domain, const std::vector<std::string>& list);
// True when an address or domain list entry matches the address: "a@b.gov" exactly, "b.gov" by domain.
bool address_in(std::string_view address, const std::vector<std::string>& list);
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
