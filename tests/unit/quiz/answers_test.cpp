// Quiz answers: JSON and share codes, both ways, partial answers, and every way answers can be
// wrong (each refused with a clear message).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "meshcheck/quiz.h"
#include "quiz_test_util.h"

namespace {

using quiz_test::Json;

std::string Encode(const Json& answers, const std::string& definition = "") {
  std::string code;
  const meshcheck::Status status = meshcheck::EncodeQuizAnswers(definition, answers.dump(), &code);
  INFO(status.ToString());
  REQUIRE(status.ok());
  return code;
}

Json Decode(const std::string& code) {
  std::string json;
  const meshcheck::Status status = meshcheck::DecodeQuizAnswers("", code, &json);
  INFO(status.ToString());
  REQUIRE(status.ok());
  return Json::parse(json);
}

meshcheck::Status DecodeStatus(const std::string& code) {
  std::string json;
  return meshcheck::DecodeQuizAnswers("", code, &json);
}

TEST_CASE("share codes carry complete and partial answers both ways", "[answers]") {
  // Part 2 lists every practice of the definition: creator's 4, startup's 4, nonprofit's 4,
  // then the 5 shared ones; answers are scale indexes (yes 0, partly 1, no 2).
  const Json complete =
      quiz_test::Answers("startup", {4, 0, 2, 3, 1},
                         {"yes", "partly", "no", "yes", "no", "no", "partly", "yes", "yes"});
  const std::string code = Encode(complete);
  CHECK(code == "meshcheck-default.1.startup.40231.____0120____22100");
  const Json back = Decode(code);
  CHECK(back["schema"] == "meshcheck.quiz-answers/v1");
  CHECK(back["definition"] == Json({{"id", "meshcheck-default"}, {"version", 1}}));
  CHECK(back["persona"] == complete["persona"]);
  CHECK(back["diagnostic"] == complete["diagnostic"]);
  CHECK(back["practices"] == complete["practices"]);
  CHECK(Encode(back) == code);

  // Partial: no persona yet, two questions answered.
  const Json partial = {{"diagnostic", {{"q2", 3}, {"q5", 0}}}};
  const std::string partial_code = Encode(partial);
  CHECK(partial_code == "meshcheck-default.1.._3__0._________________");
  const Json partial_back = Decode(partial_code);
  CHECK(!partial_back.contains("persona"));
  CHECK(partial_back["diagnostic"] == partial["diagnostic"]);
  CHECK(partial_back["practices"] == Json::object());

  // Nothing answered at all.
  CHECK(Encode(Json::object()) == "meshcheck-default.1.._____._________________");
}

TEST_CASE("answers that cannot belong to the quiz are refused", "[answers]") {
  struct Bad {
    const char* name;
    std::string json;
    const char* problem;
  };
  const std::vector<Bad> cases = {
      {"not JSON", "{\"diagnostic\": {\"q1\": 2,}}", "not valid JSON"},
      {"an array", "[1, 2, 3]", "expected an object"},
      {"a report", R"({"schema": "meshcheck.report/v1", "verdict": {}})",
       "at /schema, expected \"meshcheck.quiz-answers/v1\""},
      {"an unknown key", R"({"answers": {}})", "at /answers, unknown key 'answers'"},
      {"an unknown question", R"({"diagnostic": {"q6": 1}})",
       "at /diagnostic/q6, no question of this quiz has the id 'q6'"},
      {"answer 5 of 0-4", R"({"diagnostic": {"q1": 5}})",
       "at /diagnostic/q1, expected a whole number from 0 to 4"},
      {"answer -1", R"({"diagnostic": {"q1": -1}})", "at /diagnostic/q1, expected a whole number"},
      {"answer 2.5", R"({"diagnostic": {"q1": 2.5}})",
       "at /diagnostic/q1, expected a whole number"},
      {"answer \"2\"", R"({"diagnostic": {"q1": "2"}})",
       "at /diagnostic/q1, expected a whole number"},
      {"answer 2^64", R"({"diagnostic": {"q1": 18446744073709551616}})",
       "at /diagnostic/q1, expected a whole number"},
      {"an unknown persona", R"({"persona": "influencer"})",
       "at /persona, unknown persona 'influencer' (this quiz has: creator, startup, nonprofit)"},
      {"a persona that is not text", R"({"persona": 1})", "at /persona, expected a persona id"},
      {"another persona's practice", R"({"persona": "creator", "practices": {"mentoring": "yes"}})",
       "at /practices/mentoring, the practice 'mentoring' is on the checklist of the persona "
       "'nonprofit', not of 'creator'"},
      {"a persona practice without a persona", R"({"practices": {"mentoring": "yes"}})",
       "and no persona was chosen"},
      {"an unknown practice", R"({"practices": {"yoga": "yes"}})",
       "no practice of this quiz has the id 'yoga'"},
      {"an answer off the scale", R"({"practices": {"steady-ritual": "maybe"}})",
       "at /practices/steady-ritual, expected one of \"yes\", \"partly\", \"no\""},
      {"points instead of the answer id", R"({"practices": {"steady-ritual": 2}})",
       "expected one of"},
      {"answers for another quiz", R"({"definition": {"id": "other", "version": 1}})",
       "these answers are for the quiz 'other' version 1, not for the quiz 'meshcheck-default' "
       "version 1"},
      {"answers for another version",
       R"({"definition": {"id": "meshcheck-default", "version": 2}})", "version 2, not for"},
  };
  for (const Bad& c : cases) {
    INFO(c.name);
    const meshcheck::Status status = quiz_test::ScoreStatus(c.json);
    CHECK(status.id() == "quiz.answers.invalid");
    CHECK_THAT(status.message(), Catch::StartsWith("The quiz answers are not valid: "));
    CHECK_THAT(status.message(), Catch::Contains(c.problem));
    std::string code;
    CHECK(meshcheck::EncodeQuizAnswers("", c.json, &code).id() == "quiz.answers.invalid");
  }
}

TEST_CASE("scoring needs every answer and says which are missing", "[answers]") {
  Json answers = quiz_test::AllPractices("creator", {1, 2, 3, 4, 0}, "yes");
  REQUIRE(quiz_test::ScoreStatus(answers.dump()).ok());

  Json no_q3 = answers;
  no_q3["diagnostic"].erase("q3");
  meshcheck::Status status = quiz_test::ScoreStatus(no_q3.dump());
  CHECK(status.id() == "quiz.answers.incomplete");
  CHECK(status.message() == "The quiz is not finished: no answer yet for q3.");

  Json no_persona = answers;
  no_persona.erase("persona");
  for (const char* id :
       {"ask-members-to-answer", "participatory-live", "members-space", "showcase-members"}) {
    no_persona["practices"].erase(id);
  }
  no_persona["practices"].erase("owned-channel");
  status = quiz_test::ScoreStatus(no_persona.dump());
  CHECK(status.id() == "quiz.answers.incomplete");
  CHECK(status.message() == "The quiz is not finished: no answer yet for persona, owned-channel.");

  status = quiz_test::ScoreStatus("{}");
  CHECK(status.id() == "quiz.answers.incomplete");
  CHECK_THAT(status.message(), Catch::Contains("persona, q1, q2, q3, q4, q5, steady-ritual"));
}

TEST_CASE("malformed or foreign share codes are refused", "[answers]") {
  const std::string good = "meshcheck-default.1.creator.40231.0120________22100";
  REQUIRE(DecodeStatus(good).ok());
  struct Bad {
    std::string code;
    const char* problem;
  };
  const std::vector<Bad> cases = {
      {"", "expected 5 parts"},
      {"hello", "expected 5 parts"},
      {good + ".1", "expected 5 parts"},
      {"other-quiz.1.creator.40231.0120________22100",
       "these answers are for the quiz 'other-quiz' version 1"},
      {"meshcheck-default.2.creator.40231.0120________22100", "version 2, not for"},
      {"meshcheck-default.x.creator.40231.0120________22100", "version 'x' is not a number"},
      {"meshcheck-default..creator.40231.0120________22100", "is not a number"},
      {"meshcheck-default.1.artist.40231.0120________22100", "unknown persona 'artist'"},
      {"meshcheck-default.1.creator.4023.0120________22100",
       "holds 4 answers to part 1, this quiz has 5"},
      {"meshcheck-default.1.creator.402315.0120________22100", "holds 6 answers to part 1"},
      {"meshcheck-default.1.creator.40531.0120________22100",
       "answer 3 to part 1 ('5') is out of range"},
      {"meshcheck-default.1.creator.4a231.0120________22100", "answer 2 to part 1 ('a')"},
      {"meshcheck-default.1.creator.40231.0130________22100", "answer 3 to part 2 ('3')"},
      {"meshcheck-default.1.creator.40231.0120________2210", "holds 16 answers to part 2"},
      {"meshcheck-default.1.creator.40231.01200_______22100",
       "the practice 'peer-support-forum' is on the checklist of the persona 'startup'"},
      {std::string(2000, '.'), "too long"},
  };
  for (const Bad& c : cases) {
    INFO(c.code);
    const meshcheck::Status status = DecodeStatus(c.code);
    CHECK(status.id() == "quiz.code.invalid");
    CHECK_THAT(status.message(), Catch::StartsWith("The quiz share code is not valid: "));
    CHECK_THAT(status.message(), Catch::Contains(c.problem));
  }
}

}  // namespace
