// Prints, as JSON lines, the xAPI statements the core makes for scripted learners going
// through every module of a course: the input of the test that the real LRS accepts each
// one. Usage: sample_statements COURSE_FOLDER LANGUAGE
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "coursepack/core/player.h"
#include "coursepack/package/course_folder.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: sample_statements COURSE_FOLDER LANGUAGE\n";
    return 2;
  }
  const auto search = coursepack::find_courses(argv[1]);
  if (search.courses.size() != 1) return 1;
  const auto read = coursepack::load_course(search.courses[0]);
  if (!read.course) return 1;
  const std::string language = argv[2];
  // Ids unique per course and language, so that several outputs can go to one LRS.
  unsigned prefix = 2166136261u;
  for (char c : read.course->id + "/" + language) prefix = (prefix ^ static_cast<unsigned char>(c)) * 16777619u;
  int serial = 0;
  for (const auto& module : read.course->modules) {
    coursepack::ModulePlan plan = coursepack::make_module_plan(*read.course, module);
    plan.language = language;
    // Two learners per module: all wrong then all right, and all right from the start.
    for (int learner = 0; learner < 2; ++learner) {
      coursepack::Player player(coursepack::encode_plan(plan));
      player.restore("", 7);
      (void)player.start_pretest();
      for (std::size_t q = 0; q < plan.questions.size(); ++q)
        (void)player.answer(static_cast<int>(q), learner == 0 ? (plan.questions[q].correct + 1) % plan.questions[q].choices
                                                              : plan.questions[q].correct);
      (void)player.submit();
      (void)player.continue_to_lessons();
      for (int i = 0; i < static_cast<int>(plan.lessons.size()); ++i) (void)player.open_lesson(i);
      player.add_seconds(95);
      (void)player.start_posttest();
      for (std::size_t q = 0; q < plan.questions.size(); ++q) (void)player.answer(static_cast<int>(q), plan.questions[q].correct);
      (void)player.submit();
      player.terminate();
      std::string ids;
      for (int i = 0; i < player.pending_statements(); ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "%08x-0000-4000-8000-%012d", prefix, ++serial);
        ids += (ids.empty() ? "" : ",") + std::string(id);
      }
      char registration[40];
      std::snprintf(registration, sizeof registration, "7e9b0000-0000-4000-8000-%012d", learner + 1);
      const std::string actor = R"({"objectType":"Agent","name":"Learner )" + std::to_string(learner + 1) +
                                R"(","mbox":"mailto:learner)" + std::to_string(learner + 1) + R"(@example.org"})";
      for (const auto& statement :
           nlohmann::json::parse(player.take_statements(actor, registration, "2026-11-28T10:00:00.000Z", ids)))
        std::cout << statement.dump() << "\n";
    }
  }
  return 0;
}
