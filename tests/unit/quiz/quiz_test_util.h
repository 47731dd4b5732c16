// Helpers for the quiz tests: the default definition as a JSON value to mutate, answers built
// as JSON, and the public API's results parsed back.
#pragma once

#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "meshcheck/quiz.h"
#include "meshcheck/status.h"

namespace quiz_test {

using Json = nlohmann::json;

inline Json DefaultDefinition() {
  return Json::parse(meshcheck::DefaultQuizDefinition());
}

// Answers to the default definition: part 1 as five answers q1..q5, part 2 as one scale id
// for every practice of the persona's checklist (its 4 practices, then the 5 shared ones).
inline Json Answers(const std::string& persona,
                    const std::vector<int>& diagnostic,
                    const std::vector<std::string>& practices) {
  const Json d = DefaultDefinition();
  Json a = {{"persona", persona}, {"diagnostic", Json::object()}, {"practices", Json::object()}};
  for (size_t i = 0; i < diagnostic.size(); ++i)
    a["diagnostic"][std::string("q").append(std::to_string(i + 1))] = diagnostic[i];
  std::vector<std::string> ids;
  for (const Json& p : d["personas"]) {
    if (p["id"] == persona) {
      for (const Json& item : p["practices"])
        ids.push_back(item["id"]);
    }
  }
  for (const Json& item : d["practices"]["shared"]["items"])
    ids.push_back(item["id"]);
  REQUIRE(practices.size() <= ids.size());
  for (size_t i = 0; i < practices.size(); ++i)
    a["practices"][ids[i]] = practices[i];
  return a;
}

// Every practice of the persona answered `answer`.
inline Json AllPractices(const std::string& persona,
                         const std::vector<int>& diagnostic,
                         const std::string& answer) {
  return Answers(persona, diagnostic, std::vector<std::string>(9, answer));
}

// Scores with the public API; REQUIREs success and returns the parsed result.
inline Json Score(const Json& answers,
                  const std::string& report = "",
                  const std::string& definition = "") {
  meshcheck::QuizScore score;
  const meshcheck::Status status = meshcheck::ScoreQuiz(definition, answers.dump(), report, &score);
  INFO(status.ToString());
  REQUIRE(status.ok());
  REQUIRE(!score.summary_text.empty());
  return Json::parse(score.result_json);
}

// The status of scoring, for the error cases.
inline meshcheck::Status ScoreStatus(const std::string& answers,
                                     const std::string& report = "",
                                     const std::string& definition = "") {
  meshcheck::QuizScore score;
  return meshcheck::ScoreQuiz(definition, answers, report, &score);
}

}  // namespace quiz_test
