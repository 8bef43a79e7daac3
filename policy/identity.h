// Who sent a message, decided as ARCHITECTURE.md says: the SMTP AUTH login through the alias
// table, then the envelope sender; an internal address claimed without authentication from
// outside the trusted networks is unverified and never authorized.
#pragma once

#include <string>

#include "base/deadline.h"
#include "cache/policy_store.h"
#include "policy/envelope.h"

namespace ord {

struct Identity {
    std::string address;          // canonical sender address; "" for the null sender or unknown
    std::string envelope;         // canonical envelope sender
    bool authenticated = false;   // SMTP AUTH succeeded ({auth_authen} set)
    bool login_mapped = false;    // the login resolved to an address
    bool trusted_client = false;  // connected from a trusted network
    bool internal = false;        // `address` is in an internal domain
    // Set when the store could not answer a lookup the identity needs (the reason): the rest
    // was decided on what there was (an unmapped login, an address not canonicalized).
    std::string unavailable;

    // False for an internal address claimed unauthenticated from outside: never authorized.
    bool verified() const { return authenticated || trusted_client || !internal; }
    // One of ours: a verified internal address. Every direction follows from this.
    bool internal_sender() const { return internal && verified(); }
};

Identity resolve_identity(const PolicyStore& store, const Envelope& env, Deadline deadline = {});

}  // namespace ord
