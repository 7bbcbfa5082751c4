#include "coursepack/lrs/statement_equivalence.h"

#include <string>

#include <catch2/catch.hpp>

namespace coursepack::lrs {
namespace {

using nlohmann::json;

const json kOurs = json::parse(R"({
  "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
  "actor": {"objectType": "Agent", "name": "Ann", "mbox": "mailto:ann@example.org"},
  "verb": {"id": "http://adlnet.gov/expapi/verbs/passed", "display": {"en-US": "passed"}},
  "object": {"objectType": "Activity", "id": "https://example.org/sets-1/module-1",
             "definition": {"name": {"en-US": "Module 1"}, "type": "http://adlnet.gov/expapi/activities/module"}},
  "result": {"score": {"scaled": 0.8}, "success": true, "duration": "PT95S"},
  "context": {"registration": "7e9b0000-0000-4000-8000-000000000001",
              "contextActivities": {"parent": [{"id": "https://example.org/sets-1"}]}},
  "timestamp": "2026-11-28T10:00:00.000Z"
})");

const json kGroup = json::parse(R"({"actor": {"objectType": "Group", "member": [
  {"mbox": "mailto:ann@example.org"}, {"mbox": "mailto:bob@example.org"}]}})");

// `patch` (RFC 7386: null removes a member) applied to `base`.
json patched(json base, const char* patch) {
  base.merge_patch(json::parse(patch));
  return base;
}

TEST_CASE("statements that differ only where xAPI 2.3.1 lets an LRS differ are equivalent") {
  struct Case {
    const char* name;
    json ours;
    json stored;
    bool equivalent;
  };
  const Case cases[] = {
      {"the same", kOurs, kOurs, true},
      {"LRS-assigned properties added", kOurs,
       patched(kOurs, R"({"stored": "2026-11-28T10:00:01.000Z", "version": "1.0.0",
                          "authority": {"objectType": "Agent", "account": {"homePage": "https://lrs.example.org", "name": "key"}}})"),
       true},
      {"the id dropped on our side", patched(kOurs, R"({"id": null})"), kOurs, true},
      {"the timestamp in another zone, same instant", kOurs,
       patched(kOurs, R"({"timestamp": "2026-11-28T11:00:00+01:00"})"), true},
      {"the timestamp west of UTC, same instant", kOurs,
       patched(kOurs, R"({"timestamp": "2026-11-28T04:30:00.000-05:30"})"), true},
      {"a timestamp the LRS set because we sent none", patched(kOurs, R"({"timestamp": null})"), kOurs, true},
      {"the activity definition changed", kOurs,
       patched(kOurs, R"({"object": {"definition": {"name": {"en-US": "Module one"}}}})"), true},
      {"the activity definition dropped", kOurs, patched(kOurs, R"({"object": {"definition": null}})"), true},
      {"the verb display changed", kOurs, patched(kOurs, R"({"verb": {"display": {"fr-FR": "réussi"}}})"), true},
      {"the verb display dropped", kOurs, patched(kOurs, R"({"verb": {"display": null}})"), true},
      {"the group's members in another order", kGroup,
       patched(kGroup, R"({"actor": {"member": [{"mbox": "mailto:bob@example.org"}, {"mbox": "mailto:ann@example.org"}]}})"),
       true},
      {"the e-mail domain in another case", kOurs, patched(kOurs, R"({"actor": {"mbox": "mailto:ann@EXAMPLE.Org"}})"),
       true},
      {"objectType left to its default", patched(kOurs, R"({"actor": {"objectType": null}, "object": {"objectType": null}})"),
       kOurs, true},
      {"a single context activity for a list of one", kOurs,
       patched(kOurs, R"({"context": {"contextActivities": {"parent": {"id": "https://example.org/sets-1"}}}})"), true},

      {"another verb", kOurs, patched(kOurs, R"({"verb": {"id": "http://adlnet.gov/expapi/verbs/failed"}})"), false},
      {"another object", kOurs, patched(kOurs, R"({"object": {"id": "https://example.org/sets-1/module-2"}})"), false},
      {"another score", kOurs, patched(kOurs, R"({"result": {"score": {"scaled": 0.9}}})"), false},
      {"the result dropped", kOurs, patched(kOurs, R"({"result": null})"), false},
      {"the same duration written otherwise", kOurs, patched(kOurs, R"({"result": {"duration": "PT1M35S"}})"), false},
      {"another actor", kOurs, patched(kOurs, R"({"actor": {"mbox": "mailto:bob@example.org"}})"), false},
      {"the e-mail's local part in another case", kOurs,
       patched(kOurs, R"({"actor": {"mbox": "mailto:Ann@example.org"}})"), false},
      {"another instant", kOurs, patched(kOurs, R"({"timestamp": "2026-11-28T10:00:01.000Z"})"), false},
      {"another instant, same wall clock", kOurs, patched(kOurs, R"({"timestamp": "2026-11-28T10:00:00.000+01:00"})"),
       false},
      {"a timestamp we sent, dropped by the LRS", kOurs, patched(kOurs, R"({"timestamp": null})"), false},
      {"another registration", kOurs,
       patched(kOurs, R"({"context": {"registration": "7e9b0000-0000-4000-8000-000000000002"}})"), false},
      {"a member more in the group", kGroup,
       patched(kGroup, R"({"actor": {"member": [{"mbox": "mailto:ann@example.org"}, {"mbox": "mailto:bob@example.org"},
                                                 {"mbox": "mailto:cy@example.org"}]}})"),
       false},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(statements_equivalent(c.ours, c.stored) == c.equivalent);
  }
}

}  // namespace
}  // namespace coursepack::lrs
