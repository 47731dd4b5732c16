// Quiz definitions: the default one against ANALYSIS.md C.6, the constants the quiz shares with
// the classifier, and invalid definitions refused with the place and the problem.
#include <catch2/catch.hpp>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "classify/constants.h"
#include "meshcheck/quiz.h"
#include "quiz/components.h"
#include "quiz/definition.h"
#include "quiz/json_check.h"
#include "quiz_test_util.h"

namespace {

using meshcheck::quiz::Component;
using meshcheck::quiz::Definition;
using meshcheck::quiz::Info;
using quiz_test::Json;

std::set<std::string> Ids(const std::vector<Component>& components) {
  std::set<std::string> out;
  for (Component c : components)
    out.insert(Info(c).id);
  return out;
}

TEST_CASE("the default definition holds the questions, weights and checklists of C.6",
          "[definition]") {
  REQUIRE(meshcheck::CheckQuizDefinition("").ok());
  const Definition d = meshcheck::quiz::ParseDefinition(meshcheck::DefaultQuizDefinition());
  CHECK(d.id == "meshcheck-default");
  CHECK(d.version == 1);

  // Part 1: Q1 .30, Q2 .30, Q3 .15, Q4 .15, Q5 .10, each answered 0-4, each with its data check.
  REQUIRE(d.diagnostic.size() == 5);
  const std::vector<double> weights = {0.30, 0.30, 0.15, 0.15, 0.10};
  const std::vector<std::set<std::string>> checks = {
      {"AUT"}, {"PRS"}, {"MIS"}, {"ORR"}, {"PRC", "HRC"}};
  for (size_t i = 0; i < 5; ++i) {
    INFO(d.diagnostic[i].id);
    CHECK(d.diagnostic[i].id == std::string("q").append(std::to_string(i + 1)));
    CHECK(d.diagnostic[i].weight == Approx(weights[i]));
    CHECK(d.diagnostic[i].answers.size() == 5);
    CHECK(Ids(d.diagnostic[i].checks) == checks[i]);
    CHECK(!d.diagnostic[i].explanation.empty());
  }
  CHECK(d.diagnostic[0].question == "If you stopped posting for two weeks, what would happen?");
  CHECK(d.diagnostic[0].answers.front() == "It would go silent.");
  CHECK(d.diagnostic[0].answers.back() == "It has happened, and activity continued as usual.");

  // Part 2: yes = 2, partly = 1, no = 0.
  REQUIRE(d.scale.size() == 3);
  CHECK((d.scale[0].id == "yes" && d.scale[0].points == 2));
  CHECK((d.scale[1].id == "partly" && d.scale[1].points == 1));
  CHECK((d.scale[2].id == "no" && d.scale[2].points == 0));
  CHECK(d.max_points == 2);

  // Three personas of four practices each, then the shared core of five (Article 2).
  REQUIRE(d.personas.size() == 3);
  CHECK(d.personas[0].id == "creator");
  CHECK(d.personas[1].id == "startup");
  CHECK(d.personas[2].id == "nonprofit");
  REQUIRE(d.practices.size() == 17);
  for (size_t i = 0; i < 17; ++i) {
    const std::string expected = i < 12 ? d.personas[i / 4].id : "";
    CHECK(d.practices[i].persona == expected);
    CHECK(!d.practices[i].first_step.empty());
    CHECK(!d.practices[i].explanation.empty());
  }

  // Each persona practice moves the components of its Article 1 action (C.6 table), with HSR
  // and MOC read as AUT and repeat participation (a Boundary component) left out.
  const std::vector<std::pair<std::string, std::set<std::string>>> moves = {
      {"ask-members-to-answer", {"PRS", "MIS"}},  // call to action "reply to each other"
      {"participatory-live", {"AUT"}},            // participatory live sessions: HSR / rituals
      {"members-space", {"AUT", "HRC"}},          // dedicated space: MOC, HRC
      {"showcase-members", {"MIS", "PRC"}},       // showcase member contributions
      {"peer-support-forum", {"ORR", "HRC"}},     // peer-to-peer support forum
      {"public-roadmap", {"MIS", "PRC"}},         // public roadmap / beta groups
      {"customer-meetups", {"HRC", "AUT"}},       // meetups: HRC, HSR
      {"recognise-helpers", {"ORR"}},             // recognise community leaders
      {"shared-identity", {"PRC"}},               // shared identity: P, PRC
      {"local-chapters", {"HRC", "AUT"}},         // peer-led local chapters: HRC, HSR
      {"mentoring", {"PRC", "ORR"}},              // skill-sharing / mentorship
      {"collective-impact", {"MIS", "AUT"}},      // highlight collective impact: MIS, MOC
  };
  for (size_t i = 0; i < moves.size(); ++i) {
    INFO(moves[i].first);
    CHECK(d.practices[i].id == moves[i].first);
    CHECK(Ids(d.practices[i].moves) == moves[i].second);
  }
}

TEST_CASE("the quiz's weights and bands are the classifier's", "[definition]") {
  namespace classify = meshcheck::classify;
  CHECK(Info(Component::kPrs).weight == classify::kPrsWeight);
  CHECK(Info(Component::kOrr).weight == classify::kOrrWeight);
  CHECK(Info(Component::kPrc).weight == classify::kPrcWeight);
  CHECK(Info(Component::kMis).weight == classify::kMisWeight);
  CHECK(meshcheck::quiz::kEmergingMin == classify::kEmergingMin);
  CHECK(meshcheck::quiz::kCommunityMin == classify::kCommunityMin);
  CHECK(meshcheck::quiz::kEngagedMin == classify::kEngagedMinIndex);
  // C.1: AUT .20 and HRC .15 complete the six weights to 1.
  double sum = 0;
  for (Component c : meshcheck::quiz::kComponents)
    sum += Info(c).weight;
  CHECK(sum == Approx(1.0));
  CHECK(Info(Component::kAut).weight == 0.20);
  CHECK(Info(Component::kHrc).weight == 0.15);
}

// The default definition changed by `edit`, as text.
std::string Edited(const std::function<void(Json&)>& edit) {
  Json d = quiz_test::DefaultDefinition();
  edit(d);
  return d.dump();
}

struct BadDefinition {
  const char* name;
  std::string json;
  const char* where;    // The JSON pointer the message names ("" = none).
  const char* problem;  // A piece of the problem's description.
};

TEST_CASE("invalid definitions are refused, naming the place and the problem", "[definition]") {
  const std::string too_long(meshcheck::quiz::kMaxTextBytes + 1, 'x');
  const std::vector<BadDefinition> cases = {
      {"not JSON", "{\"schema\": ", "", "not valid JSON"},
      {"invalid UTF-8", "{\"schema\": \"\xff\"}", "", "not valid JSON"},
      {"an array", "[]", "", "expected an object"},
      {"another schema", Edited([](Json& d) { d["schema"] = "meshcheck.quiz/v2"; }), "/schema",
       "meshcheck.quiz/v1"},
      {"a report", R"({"schema": "meshcheck.report/v1", "verdict": {}})", "/schema",
       "not a meshcheck quiz definition"},
      {"no title", Edited([](Json& d) { d.erase("title"); }), "", "'title' is missing"},
      {"a misspelt key", Edited([](Json& d) { d["diagnostic"]["items"][0]["explanaton"] = "x"; }),
       "/diagnostic/items/0/explanaton", "unknown key 'explanaton'"},
      {"version 0", Edited([](Json& d) { d["version"] = 0; }), "/version", "whole number"},
      {"version as text", Edited([](Json& d) { d["version"] = "1"; }), "/version", "whole number"},
      {"weight 0", Edited([](Json& d) { d["diagnostic"]["items"][1]["weight"] = 0; }),
       "/diagnostic/items/1/weight", "above 0"},
      {"negative weight", Edited([](Json& d) { d["diagnostic"]["items"][1]["weight"] = -0.3; }),
       "/diagnostic/items/1/weight", "above 0"},
      {"weight as text", Edited([](Json& d) { d["diagnostic"]["items"][1]["weight"] = "0.3"; }),
       "/diagnostic/items/1/weight", "expected a number"},
      {"one answer",
       Edited([](Json& d) { d["diagnostic"]["items"][2]["answers"] = {"Only one."}; }),
       "/diagnostic/items/2/answers", "2 to 10 items, found 1"},
      {"eleven answers", Edited([](Json& d) {
         d["diagnostic"]["items"][2]["answers"] = std::vector<std::string>(11, "An answer.");
       }),
       "/diagnostic/items/2/answers", "2 to 10 items, found 11"},
      {"a blank answer", Edited([](Json& d) { d["diagnostic"]["items"][2]["answers"][3] = " "; }),
       "/diagnostic/items/2/answers/3", "non-empty text"},
      {"a number as question", Edited([](Json& d) { d["diagnostic"]["items"][0]["question"] = 4; }),
       "/diagnostic/items/0/question", "expected a text"},
      {"an overlong explanation",
       Edited([&](Json& d) { d["diagnostic"]["items"][0]["explanation"] = too_long; }),
       "/diagnostic/items/0/explanation", "longer than 2000 bytes"},
      {"an unknown component",
       Edited([](Json& d) { d["diagnostic"]["items"][0]["checks"] = {"HSR"}; }),
       "/diagnostic/items/0/checks/0", "PRS, AUT, ORR, HRC, PRC or MIS"},
      {"a component twice", Edited([](Json& d) {
         d["personas"][0]["practices"][0]["moves"] = {"PRS", "PRS"};
       }),
       "/personas/0/practices/0/moves/1", "listed twice"},
      {"no question", Edited([](Json& d) { d["diagnostic"]["items"] = Json::array(); }),
       "/diagnostic/items", "1 to 20 items, found 0"},
      {"an id used twice",
       Edited([](Json& d) { d["practices"]["shared"]["items"][0]["id"] = "q1"; }),
       "/practices/shared/items/0/id", "'q1' is used twice"},
      {"a persona id used twice", Edited([](Json& d) { d["personas"][1]["id"] = "creator"; }),
       "/personas/1/id", "used twice"},
      {"an id with a space", Edited([](Json& d) { d["diagnostic"]["items"][0]["id"] = "q 1"; }),
       "/diagnostic/items/0/id", "identifier"},
      {"an id with a dot (the share code's separator)",
       Edited([](Json& d) { d["id"] = "my.quiz"; }), "/id", "identifier"},
      {"three levels", Edited([](Json& d) { d["levels"].erase(3); }), "/levels",
       "4 to 4 items, found 3"},
      {"a level twice", Edited([](Json& d) { d["levels"][3]["id"] = "broadcast_audience"; }),
       "/levels/3/id", "listed twice"},
      {"an unknown level", Edited([](Json& d) { d["levels"][0]["id"] = "fans"; }), "/levels/0/id",
       "expected a level id"},
      {"a scale without points", Edited([](Json& d) {
         for (Json& a : d["practices"]["scale"])
           a["points"] = 0;
       }),
       "/practices/scale", "at least one answer must give points"},
      {"ten points", Edited([](Json& d) { d["practices"]["scale"][0]["points"] = 10; }),
       "/practices/scale/0/points", "from 0 to 9"},
      {"a scale answer twice", Edited([](Json& d) { d["practices"]["scale"][1]["id"] = "yes"; }),
       "/practices/scale/1/id", "used twice"},
      {"a persona without practices",
       Edited([](Json& d) { d["personas"][2]["practices"] = Json::array(); }),
       "/personas/2/practices", "1 to 40 items, found 0"},
      {"a practice without a first step",
       Edited([](Json& d) { d["personas"][0]["practices"][1].erase("first_step"); }),
       "/personas/0/practices/1", "'first_step' is missing"},
      {"nothing to check", Edited([](Json& d) {
         d.erase("personas");
         d["practices"]["shared"]["items"] = Json::array();
       }),
       "/practices/shared/items", "at least one shared practice"},
  };
  for (const BadDefinition& c : cases) {
    INFO(c.name);
    const meshcheck::Status status = meshcheck::CheckQuizDefinition(c.json);
    REQUIRE(!status.ok());
    CHECK(status.id() == "quiz.definition.invalid");
    CHECK(status.code() == meshcheck::StatusCode::kInvalidArgument);
    CHECK_THAT(status.message(), Catch::StartsWith("The quiz definition is not valid: "));
    if (*c.where)
      CHECK_THAT(status.message(), Catch::Contains(std::string("at ") + c.where + ", "));
    CHECK_THAT(status.message(), Catch::Contains(c.problem));
    // Scoring with it fails the same way.
    CHECK(quiz_test::ScoreStatus("{}", "", c.json).id() == "quiz.definition.invalid");
  }
}

TEST_CASE("a landing page's own definition: no personas, two questions, its own scale",
          "[definition]") {
  const Json custom = {
      {"schema", "meshcheck.quiz/v1"},
      {"id", "my-club"},
      {"version", 3},
      {"language", "fr"},
      {"title", "Notre club"},
      {"levels",
       {{{"id", "community"}, {"title", "C"}, {"description", "c"}},
        {{"id", "broadcast_audience"}, {"title", "B"}, {"description", "b"}},
        {{"id", "engaged_audience"}, {"title", "E"}, {"description", "e"}},
        {{"id", "emerging_community"}, {"title", "M"}, {"description", "m"}}}},
      {"diagnostic",
       {{"title", "Partie 1"},
        {"items",
         {{{"id", "a"},
           {"dimension", "A"},
           {"question", "A?"},
           {"weight", 3},
           {"answers", {"non", "oui"}}},
          {{"id", "b"},
           {"dimension", "B"},
           {"question", "B?"},
           {"weight", 1},
           {"checks", {"PRS"}},
           {"answers", {"0", "1", "2"}}}}}}},
      {"practices",
       {{"title", "Partie 2"},
        {"scale",
         {{{"id", "oui"}, {"label", "Oui"}, {"points", 3}},
          {{"id", "non"}, {"label", "Non"}, {"points", 0}}}},
        {"shared",
         {{"title", "Tous"},
          {"items", {{{"id", "p"}, {"question", "P?"}, {"first_step", "Do P."}}}}}}}}};
  REQUIRE(meshcheck::CheckQuizDefinition(custom.dump()).ok());
  // a = 1 of 1 (weight 3), b = 1 of 2 (weight 1): 100 x (3 x 1 + 1 x 0.5) / 4 = 87.5.
  const Json answers = {{"diagnostic", {{"a", 1}, {"b", 1}}}, {"practices", {{"p", "non"}}}};
  const Json r = quiz_test::Score(answers, "", custom.dump());
  CHECK(r["self_view"]["score"] == 87.5);
  CHECK(r["self_view"]["level"] == "community");
  CHECK(r["self_view"]["title"] == "C");
  CHECK(r["persona"].is_null());
  CHECK(r["definition"] ==
        Json({{"id", "my-club"}, {"version", 3}, {"title", "Notre club"}, {"language", "fr"}}));
  CHECK(r["practices"]["max_points"] == 3);
  CHECK(r["practices"]["score"] == 0);
  REQUIRE(r["practices"]["roadmap"].size() == 1);
  CHECK(r["practices"]["roadmap"][0]["first_step"] == "Do P.");
  CHECK(r["code"] == "my-club.3..11.1");
  // A persona cannot be chosen in a quiz that has none.
  CHECK(quiz_test::ScoreStatus(R"({"persona": "creator"})", "", custom.dump()).id() ==
        "quiz.answers.invalid");
}

}  // namespace
