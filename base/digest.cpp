#include "base/digest.h"

#include <openssl/evp.h>

namespace ord {

std::string sha256(std::string_view data) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
    return std::string(reinterpret_cast<const char*>(md), len);
}

std::string sha256_hex(std::string_view data) {
    static const char* hex = "0123456789abcdef";
    std::string md = sha256(data);
    std::string out;
    out.reserve(md.size() * 2);
    for (unsigned char c : md) {
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    return out;
}

}  // namespace ord
