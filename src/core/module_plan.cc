#include "coursepack/core/module_plan.h"

#include <nlohmann/json.hpp>

namespace coursepack {
namespace {

// FNV-1a, 32 bits: small and identical on every platform.
class Digest {
 public:
  void add(std::string_view text) {
    for (char c : text) byte(static_cast<unsigned char>(c));
    byte(0);  // separator, so "ab"+"c" differs from "a"+"bc"
  }
  void add(int value) { add(std::to_string(value)); }
  std::uint32_t value() const { return hash_; }

 private:
  void byte(unsigned char b) {
    hash_ ^= b;
    hash_ *= 16777619u;
  }
  std::uint32_t hash_ = 2166136261u;
};

}  // namespace

std::uint32_t ModulePlan::fingerprint() const {
  Digest digest;
  digest.add(course_id);
  digest.add(module_id);
  digest.add(static_cast<int>(lessons.size()));
  for (const auto& lesson : lessons) digest.add(lesson);
  digest.add(static_cast<int>(questions.size()));
  for (const auto& question : questions) {
    digest.add(question.id);
    digest.add(question.choices);
    digest.add(question.correct);
  }
  return digest.value();
}

ModulePlan make_module_plan(const Course& course, const Module& module) {
  ModulePlan plan;
  plan.course_id = course.id;
  plan.module_id = module.id;
  for (const auto& lesson : module.lessons) plan.lessons.push_back(lesson.id);
  for (const auto& question : module.quiz) {
    PlanQuestion q;
    q.id = question.id;
    q.choices = static_cast<int>(question.choices.size());
    q.correct = static_cast<int>(question.correct_choice());
    for (const auto& tested : question.tests)
      for (std::size_t i = 0; i < module.lessons.size(); ++i)
        if (module.lessons[i].id == tested) q.lessons.push_back(static_cast<int>(i));
    plan.questions.push_back(std::move(q));
  }
  plan.pretest_threshold = course.assessment.pretest_threshold;
  plan.mastery_score = course.assessment.mastery_score;
  return plan;
}

std::string module_plan_to_json(const ModulePlan& plan) {
  nlohmann::ordered_json questions = nlohmann::ordered_json::array();
  for (const auto& q : plan.questions)
    questions.push_back({{"id", q.id}, {"choices", q.choices}, {"correct", q.correct}, {"lessons", q.lessons}});
  return nlohmann::ordered_json{{"course", plan.course_id},
                                {"module", plan.module_id},
                                {"lessons", plan.lessons},
                                {"questions", questions},
                                {"pretest_threshold", plan.pretest_threshold},
                                {"mastery_score", plan.mastery_score}}
      .dump();
}

namespace {

bool read_int(const nlohmann::json& object, const char* key, int min, int max, int& out) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return false;
  const auto value = it->get<long long>();
  if (value < min || value > max) return false;
  out = static_cast<int>(value);
  return true;
}

bool read_string(const nlohmann::json& object, const char* key, std::string& out) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

}  // namespace

ModulePlanResult module_plan_from_json(std::string_view json) {
  ModulePlanResult result;
  const auto fail = [&](std::string message) {
    result.error = "module plan: " + std::move(message);
    return result;
  };
  const auto doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return fail("not a JSON object");
  ModulePlan& plan = result.plan;
  if (!read_string(doc, "course", plan.course_id) || !read_string(doc, "module", plan.module_id))
    return fail("course or module id missing");
  if (!read_int(doc, "pretest_threshold", 0, 100, plan.pretest_threshold) ||
      !read_int(doc, "mastery_score", 0, 100, plan.mastery_score))
    return fail("thresholds missing or out of range");
  auto lessons = doc.find("lessons");
  if (lessons == doc.end() || !lessons->is_array() || lessons->empty()) return fail("no lessons");
  for (const auto& lesson : *lessons) {
    if (!lesson.is_string()) return fail("a lesson id is not a string");
    plan.lessons.push_back(lesson.get<std::string>());
  }
  auto questions = doc.find("questions");
  if (questions == doc.end() || !questions->is_array()) return fail("no questions");
  const int lesson_count = static_cast<int>(plan.lessons.size());
  for (const auto& item : *questions) {
    PlanQuestion q;
    if (!item.is_object() || !read_string(item, "id", q.id) || !read_int(item, "choices", 2, 26, q.choices) ||
        !read_int(item, "correct", 0, q.choices - 1, q.correct))
      return fail("a question is malformed");
    auto tested = item.find("lessons");
    if (tested == item.end() || !tested->is_array()) return fail("question " + q.id + " tests no lesson");
    for (const auto& index : *tested) {
      if (!index.is_number_integer() || index.get<long long>() < 0 || index.get<long long>() >= lesson_count)
        return fail("question " + q.id + " tests a lesson out of range");
      q.lessons.push_back(index.get<int>());
    }
    plan.questions.push_back(std::move(q));
  }
  return result;
}

}  // namespace coursepack
