#include "policy/identity.h"

#include "base/text.h"

namespace ord {

Identity resolve_identity(const PolicyStore& store, const Envelope& env, Deadline deadline) {
    Identity id;
    auto note = [&](const char* what, const std::string& why) {
        if (id.unavailable.empty()) id.unavailable = std::string(what) + ": " + why;
    };
    if (!env.mail_from.empty()) {
        auto c = store.canonical(env.mail_from, deadline);
        if (c) {
            id.envelope = *c;
        } else {
            note("canonical", c.reason());
            id.envelope = ascii_lower(env.mail_from);  // what there is: the address as given
        }
    }
    id.trusted_client = store.trusted_client(env.client_addr);
    id.authenticated = !env.auth_login.empty();
    if (id.authenticated) {
        auto a = store.login_address(env.auth_login, deadline);
        if (a) {
            id.address = *a;
            id.login_mapped = true;
        } else if (a.unavailable()) {
            note("login_address", a.reason());
        }
    }
    if (id.address.empty()) id.address = id.envelope;
    id.internal = !id.address.empty() && store.internal_domain(address_domain(id.address));
    return id;
}

}  // namespace ord
