// Reconciling the quiz with a report (ANALYSIS.md C.6): delta and outcome, which label leads,
// and claim -> evidence -> verdict per question, on reports shaped like meshcheck.report/v1.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "quiz_test_util.h"

namespace {

using quiz_test::AllPractices;
using quiz_test::Json;
using quiz_test::Score;

// A report with the given index, labels and confidence, and the components of C.1 the current
// classifier writes. Raw values are shares; scores follow the C.1 anchors (a -> 0, c -> 1).
struct Report {
  Json ci = 50.0;
  std::string label = "emerging_community";
  std::string provisional;  // "" = label
  std::string confidence = "high";
  double prs = 0.325;  // score (0.325 - 0.05) / 0.55 = 0.5
  double orr = 0.40;   // score (0.40 - 0.10) / 0.60 = 0.5
  double prc = 0.21;   // score (0.21 - 0.02) / 0.38 = 0.5
  double mis = 0.35;   // score (0.35 - 0.10) / 0.50 = 0.5
  bool orr_fallback = false;
  // The components of the current classifier beyond the first four, absent when unset.
  nlohmann::json extra = nlohmann::json::array();
  nlohmann::json extra_measures = nlohmann::json::object();
  std::vector<std::string> insufficient;
  std::vector<std::string> caveats;

  std::string Text() const {
    using J = nlohmann::json;
    auto component = [](const char* id, double raw, double a, double c, double weight) {
      double score = (raw - a) / (c - a);
      score = score < 0 ? 0 : score > 1 ? 1 : score;
      return J{{"id", id}, {"available", true}, {"raw", raw}, {"score", score}, {"weight", weight}};
    };
    J orr_component = component("ORR", orr, 0.10, 0.70, 0.15);
    if (orr_fallback) {
      orr_component = component("ORR", prs, 0.05, 0.60, 0.15);
      orr_component["note"] = "fallback: PRS";
    }
    J report = {
        {"schema", "meshcheck.report/v1"},
        {"measures",
         {{"organic_response_rate",
           {{"available", !orr_fallback},
            {"value", orr_fallback ? J() : J(orr)},
            {"why_unavailable", "no member started a discussion that someone answered"}}}}},
        {"verdict",
         {{"label", label},
          {"title", "Some title"},
          {"provisional_label", provisional.empty() ? label : provisional},
          {"community_index", ci},
          {"confidence", confidence},
          {"components",
           {component("PRS", prs, 0.05, 0.60, 0.25), orr_component,
            component("PRC", prc, 0.02, 0.40, 0.15), component("MIS", mis, 0.10, 0.60, 0.10)}},
          {"reasons", J::array()},
          {"caveats", caveats},
          {"insufficient", insufficient}}}};
    if (!orr_fallback)
      report["measures"]["organic_response_rate"].erase("why_unavailable");
    for (const J& c : extra)
      report["verdict"]["components"].push_back(c);
    report["measures"].update(extra_measures);
    return report.dump();
  }
};

const Json& Item(const Json& result, const char* id) {
  for (const Json& item : result["comparison"]["items"]) {
    if (item["id"] == id)
      return item;
  }
  FAIL("no item " << id);
  static const Json none;
  return none;
}

TEST_CASE("delta = PCS - CI decides the outcome (C.6)", "[reconcile]") {
  struct Case {
    std::vector<int> answers;  // PCS = 25 x sum(w q)
    double ci;
    const char* label;
    double delta;
    const char* outcome;
  };
  const std::vector<Case> cases = {
      {{3, 2, 2, 2, 1}, 55, "emerging_community", 0, "aligned"},     // PCS 55
      {{4, 4, 0, 0, 4}, 55, "emerging_community", 15, "near_edge"},  // 70 community vs emerging
      {{3, 3, 2, 2, 0}, 45, "emerging_community", 15, "aligned"},    // 60 - 45 = 15 exactly
      {{3, 3, 2, 2, 0}, 44.9, "engaged_audience", 15.1, "optimistic"},
      {{4, 4, 4, 4, 4}, 30, "engaged_audience", 70, "optimistic"},
      {{0, 0, 0, 0, 0}, 15.5, "broadcast_audience", -15.5, "hidden_community"},
      {{1, 1, 0, 0, 0}, 60, "emerging_community", -45, "hidden_community"},  // PCS 15
      {{2, 1, 1, 1, 0}, 25, "engaged_audience", 5, "aligned"},               // PCS 30
  };
  for (const Case& c : cases) {
    INFO(c.outcome << " " << c.ci);
    Report report;
    report.ci = c.ci;
    report.label = c.label;
    const Json r = Score(AllPractices("creator", c.answers, "no"), report.Text());
    const Json& cmp = r["comparison"];
    CHECK(cmp["delta"].get<double>() == Approx(c.delta).margin(0.001));
    CHECK(cmp["outcome"] == c.outcome);
    CHECK(cmp["data"]["community_index"].get<double>() == Approx(c.ci));
    CHECK(cmp["data_level"] == c.label);
    CHECK(!cmp["outcome_text"].get<std::string>().empty());
  }
  Report empty;
  empty.ci = nullptr;
  empty.label = "insufficient_data";
  empty.provisional = "broadcast_audience";
  const Json r = Score(AllPractices("creator", {1, 1, 1, 1, 1}, "no"), empty.Text());
  CHECK(r["comparison"]["outcome"] == "not_comparable");
  CHECK(r["comparison"]["delta"].is_null());
  CHECK(r["comparison"]["lead"] == "quiz");
}

TEST_CASE("the data leads at high confidence, both at medium, the quiz otherwise", "[reconcile]") {
  struct Case {
    const char* confidence;
    const char* label;
    const char* lead;
  };
  for (const Case& c : std::vector<Case>{{"high", "community", "data"},
                                         {"medium", "community", "both"},
                                         {"low", "community", "quiz"},
                                         {"medium", "insufficient_data", "quiz"}}) {
    INFO(c.confidence << " " << c.label);
    Report report;
    report.confidence = c.confidence;
    report.label = c.label;
    report.provisional = "community";
    report.insufficient = {"Only 3 people posted; at least 5 are needed."};
    report.caveats = {"Only 31 messages; 500 or more give a firmer reading."};
    const Json r = Score(AllPractices("startup", {2, 2, 2, 2, 2}, "yes"), report.Text());
    CHECK(r["comparison"]["lead"] == c.lead);
    CHECK(r["comparison"]["collect"] ==
          Json({"Only 3 people posted; at least 5 are needed.",
                "Only 31 messages; 500 or more give a firmer reading."}));
    if (std::string(c.lead) == "quiz") {
      CHECK_THAT(r["comparison"]["lead_text"].get<std::string>(),
                 Catch::Contains("provisional, self-reported reading: Emerging community"));
    }
  }
}

TEST_CASE("each question: claim -> evidence -> consistent, contradicted or not measurable",
          "[reconcile]") {
  Report report;
  report.orr = 0.14;   // score (0.14 - 0.10) / 0.60 = 0.067
  report.prs = 0.325;  // score 0.5
  report.mis = 0.60;   // score 1
  report.prc = 0.02;   // score 0
  // q1 4: AUT not in the report; q2 3 (0.75) vs 0.5: one step, consistent; q3 0 vs 1: lower;
  // q4 4 (1.0) vs 0.067: higher; q5 1 (0.25) vs PRC 0 (HRC not in the report): consistent.
  const Json r = Score(AllPractices("nonprofit", {4, 3, 0, 4, 1}, "no"), report.Text());

  const Json& q1 = Item(r, "q1");
  CHECK(q1["verdict"] == "not_measurable");
  CHECK(q1["evidence"].is_null());
  CHECK(q1["data_says"] == "Your data cannot tell: this report does not measure it.");

  const Json& q2 = Item(r, "q2");
  CHECK(q2["verdict"] == "consistent");
  CHECK(q2["claim"] == 0.75);
  CHECK(q2["evidence"].get<double>() == Approx(0.5));
  CHECK(q2["data_says"] == "33% of the replies between people were between members.");

  const Json& q3 = Item(r, "q3");
  CHECK(q3["verdict"] == "contradicted");
  CHECK(q3["direction"] == "lower");
  CHECK(q3["data_says"] == "Members started 60% of the discussions.");

  const Json& q4 = Item(r, "q4");
  CHECK(q4["verdict"] == "contradicted");
  CHECK(q4["direction"] == "higher");
  CHECK(q4["you_say"] == "Other members, almost always.");
  CHECK(q4["data_says"] == "Members answered first in 14% of the discussions members started.");
  CHECK(q4["evidence"].get<double>() == Approx(0.067));

  const Json& q5 = Item(r, "q5");
  CHECK(q5["verdict"] == "consistent");
  CHECK(q5["components"] == Json({"PRC"}));

  // The disagreements, plainly, in question order.
  const Json& disagreements = r["comparison"]["disagreements"];
  REQUIRE(disagreements.size() == 2);
  CHECK(disagreements[0] ==
        "Members start discussions: you say \u201cOnly me or my team.\u201d, but your data says: "
        "Members started 60% of the discussions. You rate this lower than your data does.");
  CHECK(disagreements[1] ==
        "Members answer each other first: you say \u201cOther members, almost always.\u201d, "
        "but your data says: Members answered first in 14% of the discussions members "
        "started. You rate this higher than your data does.");
}

TEST_CASE("a stand-in component is not evidence, and the data re-ranks the roadmap",
          "[reconcile]") {
  Report report;
  report.orr_fallback = true;
  report.prs = 0.60;  // PRS score 1: nothing left to gain there
  const Json answers = AllPractices("creator", {4, 0, 4, 4, 4}, "no");
  const Json r = Score(answers, report.Text());
  const Json& q4 = Item(r, "q4");
  CHECK(q4["verdict"] == "not_measurable");
  CHECK(q4["data_says"] ==
        "Your data cannot tell: no member started a discussion that someone answered.");
  // Self-view alone ranks ask-members-to-answer first (PRS standing 0); the data says PRS is
  // at 1, so a practice moving AUT or HRC (self-view 1 there too, the same) cannot beat it...
  const Json alone = Score(answers);
  CHECK(alone["practices"]["roadmap"][0]["id"] == "ask-members-to-answer");
  CHECK(alone["practices"]["roadmap"][0]["priority"].get<double>() == Approx(0.25));
  // ...but with the data, PRS has no room left: its priority falls to MIS's 0.1 x (1 - 0.5).
  double priority = -1;
  for (const Json& step : r["practices"]["roadmap"]) {
    if (step["id"] == "ask-members-to-answer")
      priority = step["priority"];
  }
  CHECK(priority == Approx(0.05));
}

TEST_CASE("a report that cannot be read is refused", "[reconcile]") {
  const std::string answers = AllPractices("creator", {1, 1, 1, 1, 1}, "no").dump();
  for (const std::string& bad :
       {std::string("not json"), std::string(R"({"schema": "meshcheck.quiz-result/v1"})"),
        std::string(R"({"schema": "meshcheck.report/v1"})"),
        std::string(R"({"schema": "meshcheck.report/v1", "verdict": {"label": 3}})")}) {
    INFO(bad);
    const meshcheck::Status status = quiz_test::ScoreStatus(answers, bad);
    CHECK(status.id() == "quiz.report.invalid");
    CHECK_THAT(status.message(), Catch::StartsWith("The report cannot be read: "));
  }
}

TEST_CASE("autonomy and host-removed connectivity speak to q1 and q5 when the report has them",
          "[reconcile]") {
  using J = nlohmann::json;
  Report report;
  report.prc = 0.21;  // score 0.5
  // AUT = 0.6 HSR_n + 0.4 MOC_n (the note says how it was obtained; it is no stand-in).
  report.extra = {
      {{"id", "AUT"},
       {"available", true},
       {"raw", 0.3},
       {"score", 0.3},
       {"weight", 0.2},
       {"note", "HSR and MOC"}},
      {{"id", "HRC"}, {"available", true}, {"raw", 0.3}, {"score", 0.25}, {"weight", 0.15}}};
  report.extra_measures = {{"host_silent_survival", {{"available", true}, {"value", 0.37}}},
                           {"hostless_conversations", {{"available", true}, {"value", 0.82}}}};
  // q1 4 (1.0) vs AUT 0.3: higher; q5 2 (0.5) vs mean(PRC 0.5, HRC 0.25) = 0.375: consistent.
  const Json r = Score(AllPractices("creator", {4, 2, 2, 2, 2}, "no"), report.Text());
  const Json& q1 = Item(r, "q1");
  CHECK(q1["verdict"] == "contradicted");
  CHECK(q1["direction"] == "higher");
  CHECK(q1["data_says"] ==
        "On days you were silent, members replied to each other at 37% of their rate on days "
        "you posted; 82% of the conversations had no message from you.");
  const Json& q5 = Item(r, "q5");
  CHECK(q5["verdict"] == "consistent");
  CHECK(q5["evidence"].get<double>() == Approx(0.375));
  CHECK(q5["components"] == Json({"PRC", "HRC"}));
  CHECK(q5["data_says"] ==
        "21% of the member pairs who replied to each other did so both ways; the largest group "
        "of members tied to each other without you holds 30% of them.");

  // Left out in small-group mode: not measurable, and the report's reason is given.
  report.extra[0] = {{"id", "AUT"},      {"available", false}, {"raw", nullptr},
                     {"score", nullptr}, {"weight", 0.2},      {"note", "small-group mode"}};
  report.extra_measures = J::object();
  const Json small = Score(AllPractices("creator", {4, 2, 2, 2, 2}, "no"), report.Text());
  CHECK(Item(small, "q1")["verdict"] == "not_measurable");
  CHECK(Item(small, "q1")["data_says"] ==
        "Your data cannot tell: the report left it out (small-group mode).");
}

}  // namespace
