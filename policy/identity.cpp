#include "policy/identity.h"

namespace ord {

Identity resolve_identity(const PolicyStore& store, const Envelope& env) {
    Identity id;
    id.envelope = env.mail_from.empty() ? std::string() : store.canonical(env.mail_from);
    id.trusted_client = store.trusted_client(env.client_addr);
    id.authenticated = !env.auth_login.empty();
    if (id.authenticated) {
        if (auto a = store.login_address(env.auth_login)) {
            id.address = *a;
            id.login_mapped = true;
        }
    }
    if (id.address.empty()) id.address = id.envelope;
    id.internal = !id.address.empty() && store.internal_domain(address_domain(id.address));
    return id;
}

}  // namespace ord
