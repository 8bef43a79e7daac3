// The digest's pure parts (quarantine/digest.h): who an item waits for, and the state file.
#include <catch2/catch.hpp>

#include "quarantine/digest.h"

using namespace ord::quarantine;

TEST_CASE("digest: an item waits for the groups that may act on it", "[quarantine][digest]") {
    Settings s;
    s.reviewers_group = "reviewers";
    s.release_groups = {{"personal_data", {"supervisors", "privacy"}}, {"chain_letter", {"supervisors"}}};
    s.delete_groups = {{"virus", {"security"}}};
    auto item = [](std::vector<std::string> cats) {
        Item it;
        for (auto& c : cats) it.findings.push_back({c + "_rule", c, "quarantine", "", "", ""});
        it.rcpts = {{"bob@x", RcptState::Held, ""}};
        return it;
    };
    struct Case {
        std::vector<std::string> cats;
        std::vector<std::string> groups;
    } cases[] = {
        {{"gambling"}, {"reviewers"}},
        {{"personal_data", "chain_letter"}, {"privacy", "supervisors"}},
        {{"virus"}, {"security"}},
    };
    for (const auto& c : cases) CHECK(waiting_for(s, item(c.cats)) == c.groups);
    // view_groups: a category without release groups waits for those who may view it, and a
    // group is told only of items it may view (supervisors and privacy may not view gambling).
    s.view_groups = {{"gambling", {"auditors"}}};
    CHECK(waiting_for(s, item({"gambling"})) == std::vector<std::string>{"auditors"});
    CHECK(waiting_for(s, item({"personal_data", "gambling"})) == std::vector<std::string>{"auditors"});
    s.view_groups = {{"chain_letter", {"auditors"}}};
    CHECK(waiting_for(s, item({"chain_letter"})) == std::vector<std::string>{"supervisors"});
    s.view_groups = {{"gambling", {"auditors"}}};
    CHECK(waiting_for(s, item({"gambling", "chain_letter"})) == std::vector<std::string>{"auditors"});
    s.view_groups.clear();
    s.reviewers_group.clear();
    CHECK(waiting_for(s, item({"gambling"})).empty());
    Item done = item({"gambling"});
    CHECK(waiting(done));
    done.rcpts[0].state = RcptState::Released;
    CHECK_FALSE(waiting(done));
}

TEST_CASE("digest: the state survives hostile addresses and refuses a torn file", "[quarantine][digest]") {
    DigestState st = {{"sup@modot.mo.gov", "20261202T061500Z-3fa9c2e1"}, {"a b\nc@x", "20261202T061501Z-00000000"}};
    auto text = format_digest_state(st);
    auto back = parse_digest_state(text);
    REQUIRE(back);
    CHECK(*back == st);
    CHECK(parse_digest_state("")->empty());
    CHECK_FALSE(parse_digest_state(text.substr(0, text.size() - 1)));
    CHECK_FALSE(parse_digest_state("something else\n"));
}
