// Detectors for confidential personal data in text: US social security numbers (validity
// rules + context words), payment card numbers (Luhn + issuer ranges), ABA routing numbers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "checks/content_rules.h"

namespace ord {

struct PersonalDataHit {
    enum class Kind { Ssn, Card, Routing } kind;
    std::string digits;  // the number's digits, for counting distinct values
    std::size_t offset = 0, length = 0;  // in the scanned text
    std::string masked() const;          // "SSN ***-**-6789", "card ************1111", "routing *****0021"
};

bool ssn_valid(std::string_view nine_digits);
bool luhn_valid(std::string_view digits);
bool card_issuer_valid(std::string_view digits);  // Visa, Mastercard, Amex, Discover, JCB, Diners with lengths
bool aba_valid(std::string_view nine_digits);

// Every detector hit in `text` (raw UTF-8, any case), following the settings' context rules.
std::vector<PersonalDataHit> find_personal_data(std::string_view text, const PersonalDataSettings& s);

}  // namespace ord
