// Registers the core's Player for JavaScript. Only registration lives here: behaviour
// belongs in src/core, where native tests cover it.

#include <emscripten/bind.h>

#include "coursepack/core/player.h"

EMSCRIPTEN_BINDINGS(coursepack_runtime) {
  using coursepack::Player;
  emscripten::class_<Player>("Player")
      .constructor<const std::string&>()
      .function("error", &Player::error)
      .function("restore", &Player::restore)
      .function("setMasteryScore", &Player::set_mastery_score)
      .function("setLmsMode", &Player::set_lms_mode)
      .function("startPretest", &Player::start_pretest)
      .function("answer", &Player::answer)
      .function("submit", &Player::submit)
      .function("continueToLessons", &Player::continue_to_lessons)
      .function("openLesson", &Player::open_lesson)
      .function("startPosttest", &Player::start_posttest)
      .function("addSeconds", &Player::add_seconds)
      .function("suspendData", &Player::suspend_data)
      .function("view", &Player::view)
      .function("interactions", &Player::interactions)
      .function("setLaunch", &Player::set_launch)
      .function("terminate", &Player::terminate)
      .function("pendingStatements", &Player::pending_statements)
      .function("takeStatements", &Player::take_statements)
      .class_function("sessionTime", &Player::session_time);
}
