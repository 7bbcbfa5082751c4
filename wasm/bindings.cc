// Registers the core's Player for JavaScript as plain C functions, one per method, that
// player_api.js wraps back into a class (runtime.Player). Only registration lives here:
// behaviour belongs in src/core, where native tests cover it. A new method needs a
// Player_<jsName> function here and a line in player_api.js's table.
//
// Why not embind: its JavaScript glue alone was 7 KB of the runtime's 36 KB gzip, for an
// interface of strings and numbers that these few lines carry.
//
// Strings cross as UTF-8: into a method as (pointer, byte count) in memory the caller
// allocated with malloc and frees; out of one through `result`, read by the caller
// (result_data, result_size) before its next call. JavaScript runs one call at a time.

#include <emscripten/emscripten.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "coursepack/core/player.h"

using coursepack::Player;

namespace {

std::string result;

void give(std::string text) { result = std::move(text); }
std::string text(const char* data, std::size_t size) { return std::string(data, size); }

}  // namespace

#define EXPORT extern "C" EMSCRIPTEN_KEEPALIVE

EXPORT const char* result_data() { return result.data(); }
EXPORT std::size_t result_size() { return result.size(); }

EXPORT Player* Player_new(const char* plan, std::size_t plan_size) { return new Player(text(plan, plan_size)); }
EXPORT void Player_delete(Player* player) { delete player; }
EXPORT void Player_error(Player* player) { give(player->error()); }
EXPORT void Player_restore(Player* player, const char* data, std::size_t size, std::uint32_t fresh_seed) {
  give(player->restore(text(data, size), fresh_seed));
}
EXPORT void Player_setMasteryScore(Player* player, const char* data, std::size_t size) {
  player->set_mastery_score(text(data, size));
}
EXPORT void Player_setLmsMode(Player* player, const char* mode, std::size_t mode_size, const char* credit,
                              std::size_t credit_size) {
  player->set_lms_mode(text(mode, mode_size), text(credit, credit_size));
}
EXPORT void Player_startPretest(Player* player) { give(player->start_pretest()); }
EXPORT void Player_answer(Player* player, int question, int choice) { give(player->answer(question, choice)); }
EXPORT void Player_submit(Player* player) { give(player->submit()); }
EXPORT void Player_continueToLessons(Player* player) { give(player->continue_to_lessons()); }
EXPORT void Player_openLesson(Player* player, int index) { give(player->open_lesson(index)); }
EXPORT void Player_startPosttest(Player* player) { give(player->start_posttest()); }
EXPORT void Player_addSeconds(Player* player, std::uint32_t seconds) { player->add_seconds(seconds); }
EXPORT void Player_suspendData(Player* player) { give(player->suspend_data()); }
EXPORT void Player_view(Player* player) { give(player->view()); }
EXPORT void Player_interactions(Player* player, int kind, std::uint32_t time_of_day_seconds) {
  give(player->interactions(kind, time_of_day_seconds));
}
EXPORT void Player_setLaunch(Player* player, const char* activity, std::size_t activity_size, const char* grouping,
                             std::size_t grouping_size, const char* platform, std::size_t platform_size) {
  player->set_launch(text(activity, activity_size), text(grouping, grouping_size), text(platform, platform_size));
}
EXPORT void Player_terminate(Player* player) { player->terminate(); }
EXPORT int Player_pendingStatements(Player* player) { return player->pending_statements(); }
EXPORT void Player_takeStatements(Player* player, const char* actor, std::size_t actor_size, const char* registration,
                                  std::size_t registration_size, const char* timestamp, std::size_t timestamp_size,
                                  const char* ids, std::size_t ids_size) {
  give(player->take_statements(text(actor, actor_size), text(registration, registration_size),
                               text(timestamp, timestamp_size), text(ids, ids_size)));
}
EXPORT void Player_sessionTime(double centiseconds) { give(Player::session_time(centiseconds)); }
