// bench/null-milter: the milter protocol's own floor for bench/mta.sh. It accepts every message
// and does nothing else, but speaks to the MTA exactly as ordinance-milter does (milter/main.cpp).
//
//   null-milter SOCKET [--nr auto|on|off]
//     SOCKET  libmilter's notation: inet:PORT@127.0.0.1 or unix:/path (the socket is made 0666)
//     --nr    auto (default): like ordinance-milter's on_negotiate, no reply to headers, end of
//             headers and body chunks (SMFIP_NR_HDR|NR_EOH|NR_BODY) over a unix socket, every
//             step answered over TCP; on / off: those three steps unanswered / answered whatever
//             the socket (to tell the protocol's share of a difference from the milter's work)
//
// The same callbacks as ordinance-milter are registered (all of them, with data and unknown),
// the same actions granted, the same macros asked for, the same timeout and backlog set; every
// callback answers continue, or no reply in a step negotiated as unanswered (libmilter logs an
// error and forces no reply when a callback answers a step the MTA does not wait for).
#include <libmilter/mfapi.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

unsigned long g_nr_steps = 0;  // the SMFIP_NR_* this process negotiates (the same on every connection)

// The negotiated no-reply steps of this connection; set once in on_negotiate.
unsigned long* steps(SMFICTX* ctx) { return static_cast<unsigned long*>(smfi_getpriv(ctx)); }

sfsistat answer(SMFICTX* ctx, unsigned long nr_flag) {
    unsigned long* s = steps(ctx);
    return s && (*s & nr_flag) ? SMFIS_NOREPLY : SMFIS_CONTINUE;
}

sfsistat on_negotiate(SMFICTX* ctx, unsigned long f0, unsigned long f1, unsigned long, unsigned long,
                      unsigned long* pf0, unsigned long* pf1, unsigned long* pf2, unsigned long* pf3) {
    *pf0 = f0 & (SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_CHGBODY | SMFIF_QUARANTINE | SMFIF_SETSYMLIST | SMFIF_ADDRCPT |
                 SMFIF_DELRCPT);
    *pf1 = f1 & g_nr_steps;
    *pf2 = 0;
    *pf3 = 0;
    if (!steps(ctx)) smfi_setpriv(ctx, new unsigned long(0));
    *steps(ctx) = *pf1;
    if (f0 & SMFIF_SETSYMLIST) {
        smfi_setsymlist(ctx, SMFIM_CONNECT, const_cast<char*>("{client_addr} {client_name} {daemon_name} {if_addr} j"));
        smfi_setsymlist(ctx, SMFIM_ENVFROM, const_cast<char*>("{auth_authen} {auth_type} {mail_addr} i"));
        smfi_setsymlist(ctx, SMFIM_ENVRCPT, const_cast<char*>("{rcpt_addr} i"));
        smfi_setsymlist(ctx, SMFIM_EOH, const_cast<char*>("i"));
        smfi_setsymlist(ctx, SMFIM_EOM, const_cast<char*>("i"));
    }
    return SMFIS_CONTINUE;
}

sfsistat on_connect(SMFICTX*, char*, _SOCK_ADDR*) { return SMFIS_CONTINUE; }
sfsistat on_helo(SMFICTX*, char*) { return SMFIS_CONTINUE; }
sfsistat on_envfrom(SMFICTX*, char**) { return SMFIS_CONTINUE; }
sfsistat on_envrcpt(SMFICTX*, char**) { return SMFIS_CONTINUE; }
sfsistat on_header(SMFICTX* ctx, char*, char*) { return answer(ctx, SMFIP_NR_HDR); }
sfsistat on_eoh(SMFICTX* ctx) { return answer(ctx, SMFIP_NR_EOH); }
sfsistat on_body(SMFICTX* ctx, unsigned char*, size_t) { return answer(ctx, SMFIP_NR_BODY); }
sfsistat on_eom(SMFICTX*) { return SMFIS_CONTINUE; }
sfsistat on_abort(SMFICTX*) { return SMFIS_CONTINUE; }
sfsistat on_close(SMFICTX* ctx) {
    delete steps(ctx);
    smfi_setpriv(ctx, nullptr);
    return SMFIS_CONTINUE;
}
sfsistat on_unknown(SMFICTX*, const char*) { return SMFIS_CONTINUE; }
sfsistat on_data(SMFICTX*) { return SMFIS_CONTINUE; }

int usage() {
    std::fprintf(stderr, "usage: null-milter inet:PORT@HOST|unix:/path [--nr auto|on|off]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2 && argc != 4) return usage();
    std::string conn = argv[1], nr = "auto";
    if (argc == 4) {
        if (std::strcmp(argv[2], "--nr") != 0) return usage();
        nr = argv[3];
    }
    bool unix_socket = conn.rfind("unix:", 0) == 0 || conn.rfind("local:", 0) == 0;
    if (nr != "auto" && nr != "on" && nr != "off") return usage();
    if (nr == "on" || (nr == "auto" && unix_socket)) g_nr_steps = SMFIP_NR_HDR | SMFIP_NR_EOH | SMFIP_NR_BODY;

    struct smfiDesc desc {};
    desc.xxfi_name = const_cast<char*>("null");
    desc.xxfi_version = SMFI_VERSION;
    desc.xxfi_flags = SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_CHGBODY | SMFIF_QUARANTINE | SMFIF_SETSYMLIST |
                      SMFIF_ADDRCPT | SMFIF_DELRCPT;
    desc.xxfi_connect = on_connect;
    desc.xxfi_helo = on_helo;
    desc.xxfi_envfrom = on_envfrom;
    desc.xxfi_envrcpt = on_envrcpt;
    desc.xxfi_header = on_header;
    desc.xxfi_eoh = on_eoh;
    desc.xxfi_body = on_body;
    desc.xxfi_eom = on_eom;
    desc.xxfi_abort = on_abort;
    desc.xxfi_close = on_close;
    desc.xxfi_unknown = on_unknown;
    desc.xxfi_data = on_data;
    desc.xxfi_negotiate = on_negotiate;
    if (smfi_setconn(conn.data()) == MI_FAILURE || smfi_register(desc) == MI_FAILURE) {
        std::fprintf(stderr, "null-milter: cannot use %s\n", conn.c_str());
        return 1;
    }
    smfi_settimeout(300);
    smfi_setbacklog(128);
    if (smfi_opensocket(1) == MI_FAILURE) {
        std::fprintf(stderr, "null-milter: cannot listen on %s\n", conn.c_str());
        return 1;
    }
    // A benchmark's private directory: the MTA's user (postfix) must be able to connect.
    if (unix_socket) ::chmod(conn.substr(conn.find(':') + 1).c_str(), 0666);
    std::fprintf(stderr, "null-milter: listening on %s, no-reply steps 0x%lx\n", conn.c_str(), g_nr_steps);
    return smfi_main() == MI_SUCCESS ? 0 : 1;
}
