#pragma once
// Statements of a scripted learner, made by the real Player, for report tests.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../core/plan_fixture.h"
#include "coursepack/core/player.h"
#include "coursepack/core/sha256.h"
#include "coursepack/report/simulation.h"

namespace coursepack::testing {

struct Script {
  std::string email;             // the learner's mbox without "mailto:"
  std::vector<int> pre;          // choices; empty: leaves before submitting the pre-test
  std::vector<int> post;         // choices; empty: leaves before the post-test
  bool view_required = true;     // views the mandatory lessons (else leaves after the pre-test)
  std::int64_t start_ms = 1788768000000;  // 2026-09-07T08:00:00Z
  std::string cohort;            // context extension, when not empty
  std::string registration = "7e9b0000-0000-4000-8000-000000000001";
};

/// Plays `script` through `plan` and returns its statements in order, one timestamp per
/// action, a minute apart.
inline std::vector<nlohmann::json> play(const ModulePlan& plan, const Script& script) {
  std::vector<nlohmann::json> out;
  Player player(encode_plan(plan));
  player.restore("", 1);
  std::int64_t now = script.start_ms;
  int serial = 0;
  auto emit = [&] {
    std::string ids;
    for (int i = 0; i < player.pending_statements(); ++i)
      ids += (i ? "," : "") + uuid_from_name(script.email + std::to_string(now) + std::to_string(serial++));
    const std::string actor = R"({"objectType":"Agent","mbox":"mailto:)" + script.email + R"("})";
    for (auto& s : nlohmann::json::parse(player.take_statements(actor, script.registration, report::format_timestamp(now), ids))) {
      if (!script.cohort.empty()) s["context"]["extensions"][plan.iri + "/extensions/cohort"] = script.cohort;
      out.push_back(std::move(s));
    }
    now += 60'000;
    player.add_seconds(60);
  };
  emit();  // initialized
  (void)player.start_pretest();
  if (!script.pre.empty()) {
    for (std::size_t q = 0; q < script.pre.size(); ++q) (void)player.answer(static_cast<int>(q), script.pre[q]);
    (void)player.submit();
    emit();
    if (script.view_required) {
      (void)player.continue_to_lessons();
      emit();
      const auto mandatory = nlohmann::json::parse(player.view())["mandatory"];
      for (std::size_t l = 0; l < mandatory.size(); ++l)
        if (mandatory[l].get<bool>()) {
          (void)player.open_lesson(static_cast<int>(l));
          emit();
        }
      if (!script.post.empty()) {
        (void)player.start_posttest();
        for (std::size_t q = 0; q < script.post.size(); ++q) (void)player.answer(static_cast<int>(q), script.post[q]);
        (void)player.submit();
        emit();
      }
    }
  }
  player.terminate();
  emit();
  return out;
}

}  // namespace coursepack::testing
