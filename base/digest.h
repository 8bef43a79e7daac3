// SHA-256 (OpenSSL's libcrypto): the journal's hash chain, and the key of the antivirus
// engine's cache of clean results.
#pragma once

#include <string>
#include <string_view>

namespace ord {

// The 32 raw bytes of SHA-256(data).
std::string sha256(std::string_view data);
// The same, as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace ord
