// Which way a message goes relative to the organisation: inbound, outbound or internal, per
// recipient. It follows from the one sender Identity (policy/identity.h): a verified internal
// sender makes mail to an internal recipient internal and to anyone else outbound; anything
// else is inbound. The Engine works it out once per step (policy/context.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/address.h"
#include "policy/envelope.h"
#include "policy/config.h"
#include "cache/policy_store.h"
#include "policy/identity.h"

namespace ord {

// Lower-case domain of an address ("" when there is none); the same as address_domain.
// domain_in and address_in, for the rule files' domain and sender lists, are in base/address.h.
std::string domain_of(std::string_view address);
// The address is in one of organisation.internal_domains (for recipient lists in rule data).
bool is_internal_address(const Config& cfg, std::string_view address);

// Direction for one recipient.
Direction direction_of(const PolicyStore& store, const Identity& sender, std::string_view rcpt);
// The message as a whole: outbound when any recipient is outbound, else internal when the
// sender is internal, else inbound.
Direction message_direction(const PolicyStore& store, const Identity& sender, const std::vector<std::string>& rcpts);

}  // namespace ord
