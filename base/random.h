// RandomSource: where randomness comes from, injected so that tests are repeatable.
// SystemRandom reads the kernel's generator; SeededRandom is a fixed sequence for tests.
#pragma once

#include <atomic>
#include <cstdint>

namespace ord {

class RandomSource {
public:
    virtual ~RandomSource() = default;
    virtual std::uint64_t next() = 0;  // uniform over 64 bits; thread-safe
};

// getrandom(2): unpredictable, for anything an outsider must not guess.
class SystemRandom final : public RandomSource {
public:
    std::uint64_t next() override;
};

// splitmix64 from a seed: the same sequence every run. Thread-safe (one atomic step).
class SeededRandom final : public RandomSource {
public:
    explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() override;

private:
    std::atomic<std::uint64_t> state_;
};

}  // namespace ord
