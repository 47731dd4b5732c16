// Scoring (ANALYSIS.md C.6): the Perceived Connectedness Score of every default question and
// answer, the band edges, the practice score, and the roadmap's order by expected effect.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "quiz_test_util.h"

namespace {

using quiz_test::AllPractices;
using quiz_test::Json;
using quiz_test::Score;

// C.6 Part 1 item weights, from ANALYSIS.md (not from the definition under test).
const std::vector<double> kWeights = {0.30, 0.30, 0.15, 0.15, 0.10};

TEST_CASE("each answer to each default question moves the score by 25 x weight x answer",
          "[score]") {
  for (size_t item = 0; item < 5; ++item) {
    for (int answer = 0; answer <= 4; ++answer) {
      std::vector<int> diagnostic(5, 0);
      diagnostic[item] = answer;
      const Json r = Score(AllPractices("creator", diagnostic, "no"));
      INFO("q" << item + 1 << " = " << answer);
      // PCS = 25 x sum(w_i q_i), shown to one decimal.
      CHECK(r["self_view"]["score"].get<double>() ==
            Approx(25 * kWeights[item] * answer).margin(0.05));
      const Json& shown = r["self_view"]["items"][item];
      CHECK(shown["answer"] == answer);
      CHECK(shown["score"].get<double>() == Approx(answer / 4.0));
      CHECK(shown["weight"].get<double>() == Approx(kWeights[item]));
      CHECK(!shown["answer_text"].get<std::string>().empty());
    }
  }
}

TEST_CASE("the score's band edges are those of the Community Index", "[score]") {
  struct Edge {
    std::vector<int> answers;
    double score;
    const char* level;
  };
  const std::vector<Edge> edges = {
      {{0, 0, 0, 0, 0}, 0, "broadcast_audience"},
      {{2, 0, 0, 0, 1}, 17.5, "broadcast_audience"},  // 25 x (.6 + .1)
      {{2, 0, 0, 0, 2}, 20, "engaged_audience"},      // 25 x (.6 + .2): 20 is Engaged
      {{3, 2, 1, 0, 0}, 41.25, "engaged_audience"},   // 25 x (.9 + .6 + .15) = 41.25 -> 41.3
      {{3, 3, 0, 0, 0}, 45, "emerging_community"},    // 25 x 1.8: 45 is Emerging
      {{4, 4, 0, 0, 3}, 67.5, "emerging_community"},  // 25 x (1.2 + 1.2 + .3)
      {{4, 4, 0, 0, 4}, 70, "community"},             // 25 x 2.8: 70 is Community
      {{4, 4, 4, 4, 4}, 100, "community"},
  };
  for (const Edge& e : edges) {
    INFO(e.score);
    const Json r = Score(AllPractices("nonprofit", e.answers, "yes"));
    CHECK(r["self_view"]["score"].get<double>() == Approx(e.score).margin(0.05));
    CHECK(r["self_view"]["level"] == e.level);
  }
  const Json r = Score(AllPractices("nonprofit", {4, 4, 0, 0, 4}, "yes"));
  CHECK(r["self_view"]["title"] == "Community");
  CHECK_THAT(r["self_view"]["description"].get<std::string>(),
             Catch::StartsWith("Members are connected to each other"));
}

TEST_CASE("the practice score counts yes 2, partly 1, no 0 over the persona's checklist",
          "[score]") {
  const Json yes = Score(AllPractices("startup", {1, 1, 1, 1, 1}, "yes"));
  CHECK(yes["practices"]["points"] == 18);
  CHECK(yes["practices"]["max_points"] == 18);
  CHECK(yes["practices"]["score"] == 100);
  CHECK(yes["practices"]["roadmap"].empty());
  REQUIRE(yes["practices"]["items"].size() == 9);
  CHECK(yes["practices"]["items"][0]["id"] == "peer-support-forum");
  CHECK(yes["practices"]["items"][0]["persona"] == "startup");
  CHECK(yes["practices"]["items"][8]["id"] == "owned-channel");
  CHECK(yes["practices"]["items"][8]["persona"].is_null());
  CHECK(yes["persona"] == Json({{"id", "startup"}, {"title", "Startups and businesses"}}));

  const Json no = Score(AllPractices("startup", {1, 1, 1, 1, 1}, "no"));
  CHECK(no["practices"]["score"] == 0);
  CHECK(no["practices"]["roadmap"].size() == 9);

  const Json partly = Score(AllPractices("startup", {1, 1, 1, 1, 1}, "partly"));
  CHECK(partly["practices"]["score"] == 50);

  // 7 of 18 points: 100 x 7 / 18 = 38.9.
  const Json mixed = Score(quiz_test::Answers(
      "startup", {1, 1, 1, 1, 1}, {"yes", "yes", "yes", "partly", "no", "no", "no", "no", "no"}));
  CHECK(mixed["practices"]["points"] == 7);
  CHECK(mixed["practices"]["score"].get<double>() == Approx(38.9));
  CHECK(mixed["practices"]["roadmap"].size() == 6);
}

TEST_CASE("unchecked practices are ranked by the room left in the components they move",
          "[score]") {
  // Self-view standings: AUT .5 (q1 = 2), PRS .25 (q2 = 1), MIS 1 (q3 = 4), ORR 0 (q4 = 0),
  // PRC = HRC = .5 (q5 = 2). Room w_k (1 - s_k): PRS .1875, AUT .1, ORR .15, HRC .075,
  // PRC .075, MIS 0. Priority = gap x sum of the rooms of the components a practice moves.
  const Json answers = quiz_test::Answers("creator", {2, 1, 4, 0, 2},
                                          {"no",        // ask-members-to-answer: PRS + MIS = .1875
                                           "partly",    // participatory-live: .5 x AUT = .05
                                           "no",        // members-space: AUT + HRC = .175
                                           "yes",       // showcase-members: in place
                                           "no",        // steady-ritual: AUT = .1
                                           "partly",    // charter-moderators: .5 x AUT = .05
                                           "no",        // consent-exit: moves nothing, 0
                                           "yes",       // track-health: in place
                                           "partly"});  // owned-channel: 0, gap .5
  const Json r = Score(answers);
  const Json& roadmap = r["practices"]["roadmap"];
  const std::vector<std::string> order = {
      "ask-members-to-answer", "members-space", "steady-ritual", "participatory-live",
      "charter-moderators",    "consent-exit",  "owned-channel"};
  const std::vector<double> priority = {0.1875, 0.175, 0.1, 0.05, 0.05, 0, 0};
  REQUIRE(roadmap.size() == order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    INFO(order[i]);
    CHECK(roadmap[i]["id"] == order[i]);
    CHECK(roadmap[i]["priority"].get<double>() == Approx(priority[i]));
    CHECK(!roadmap[i]["first_step"].get<std::string>().empty());
  }
  CHECK(roadmap[0]["target"] == "PRS");
  CHECK(roadmap[0]["target_about"] == "members replying to each other");
  CHECK(roadmap[0]["answer"] == "no");
  CHECK(roadmap[0]["moves"] == Json({"PRS", "MIS"}));
  CHECK(roadmap[1]["target"] == "AUT");  // AUT .1 beats HRC .075
  CHECK(roadmap[3]["answer_label"] == "Partly");
  CHECK(roadmap[5]["target"].is_null());
  CHECK(r["comparison"].is_null());
}

TEST_CASE("results are deterministic and carry their share code", "[score]") {
  const Json answers = AllPractices("nonprofit", {0, 1, 2, 3, 4}, "partly");
  meshcheck::QuizScore a, b;
  REQUIRE(meshcheck::ScoreQuiz("", answers.dump(), "", &a).ok());
  REQUIRE(meshcheck::ScoreQuiz("", answers.dump(), "", &b).ok());
  CHECK(a.result_json == b.result_json);
  CHECK(a.summary_text == b.summary_text);
  const Json r = Json::parse(a.result_json);
  CHECK(r["schema"] == "meshcheck.quiz-result/v1");
  CHECK(r["code"] == "meshcheck-default.1.nonprofit.01234.________111111111");
  // The summary shows the level, the points and every step.
  CHECK_THAT(a.summary_text, Catch::Contains("Where you stand (your view): Engaged audience"));
  CHECK_THAT(a.summary_text, Catch::Contains("Practices in place: 9 of 18 points (50%)"));
  for (const Json& step : r["practices"]["roadmap"])
    CHECK_THAT(a.summary_text, Catch::Contains(step["first_step"].get<std::string>()));
}

}  // namespace
