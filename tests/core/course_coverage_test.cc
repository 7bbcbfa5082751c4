#include "coursepack/core/course_coverage.h"

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

Lesson lesson(std::string id, int minutes) {
  Lesson l;
  l.id = std::move(id);
  l.minutes = minutes;
  return l;
}

Module module_of(std::vector<std::string> lessons, std::vector<std::vector<std::string>> tests) {
  Module m;
  m.id = "m1";
  for (auto& id : lessons) m.lessons.push_back(lesson(id, 10));
  for (auto& t : tests) {
    Question q;
    q.tests = t;
    m.quiz.push_back(std::move(q));
  }
  return m;
}

TEST_CASE("a lesson no question tests is flagged where it stands") {
  CHECK(check_untested_lessons(module_of({"a", "b", "c"}, {{"a"}, {"a", "c"}})) ==
        std::vector<Finding>{{"lesson-untested", "/lessons/1",
                              "no question of module \"m1\" tests lesson \"b\", so the pre-test never points a "
                              "learner to it"}});
  CHECK(check_untested_lessons(module_of({"a", "b"}, {{"b"}, {"a"}})).empty());
}

Course course_of(int online, std::vector<int> minutes) {
  Course c;
  c.workload.online_minutes = online;
  c.modules.push_back(module_of({}, {}));
  for (int m : minutes) c.modules[0].lessons.push_back(lesson("l", m));
  return c;
}

TEST_CASE("lesson minutes add up to the declared online time") {
  struct Case {
    int online;
    std::vector<int> minutes;  // 0: not given
    std::vector<Finding> expected;
  };
  const Case cases[] = {
      {150, {50, 50, 50}, {}},
      {150, {}, {}},
      {150, {0, 0}, {}},  // no lesson gives minutes: nothing to compare
      {150, {50, 56, 50},
       {{"lesson-minutes", "/workload/online_minutes",
         "the lessons' minutes add up to 156, not to the 150 minutes declared here"}}},
      {150, {50, 0, 50},
       {{"lesson-minutes", "/workload/online_minutes",
         "the lessons' minutes add up to 100 (1 lesson gives none), not to the 150 minutes declared here"}}},
      {150, {150, 0, 0}, {}},  // the sum holds even though two lessons give none
  };
  for (const auto& c : cases) {
    CAPTURE(c.minutes);
    CHECK(check_lesson_minutes(course_of(c.online, c.minutes)) == c.expected);
  }
}

}  // namespace
}  // namespace coursepack
