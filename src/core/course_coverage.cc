#include "coursepack/core/course_coverage.h"

#include <set>
#include <string>

namespace coursepack {

std::vector<Finding> check_untested_lessons(const Module& module) {
  std::set<std::string> tested;
  for (const auto& question : module.quiz) tested.insert(question.tests.begin(), question.tests.end());
  std::vector<Finding> out;
  for (std::size_t i = 0; i < module.lessons.size(); ++i)
    if (!tested.contains(module.lessons[i].id))
      out.push_back({"lesson-untested", "/lessons/" + std::to_string(i),
                     "no question of module \"" + module.id + "\" tests lesson \"" + module.lessons[i].id +
                         "\", so the pre-test never points a learner to it"});
  return out;
}

std::vector<Finding> check_lesson_minutes(const Course& course) {
  int sum = 0, given = 0, lessons = 0;
  for (const auto& module : course.modules)
    for (const auto& lesson : module.lessons) {
      ++lessons;
      if (lesson.minutes > 0) ++given;
      sum += lesson.minutes;
    }
  if (given == 0 || sum == course.workload.online_minutes) return {};
  std::string message = "the lessons' minutes add up to " + std::to_string(sum);
  if (given < lessons) {
    const int missing = lessons - given;
    message += " (" + std::to_string(missing) + (missing == 1 ? " lesson gives" : " lessons give") + " none)";
  }
  message += ", not to the " + std::to_string(course.workload.online_minutes) + " minutes declared here";
  return {{"lesson-minutes", "/workload/online_minutes", message}};
}

}  // namespace coursepack
