#include "quiz/result_json.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "meshcheck/version.h"
#include "quiz/answers.h"

namespace meshcheck::quiz {
namespace {

using Json = nlohmann::ordered_json;

// 62.5 -> "62.5", 70.0 -> "70".
std::string Number(double x) {
  char buf[32];
  const double r = Round1(x);
  std::snprintf(buf, sizeof buf, r == std::floor(r) ? "%.0f" : "%.1f", r);
  return buf;
}

std::string Percent(double share) {
  return std::to_string(static_cast<long long>(std::floor(share * 100 + 0.5))) + "%";
}

std::string Quote(const std::string& text) {
  return "\u201c" + text + "\u201d";
}

const char* VerdictId(Verdict v) {
  switch (v) {
    case Verdict::kConsistent:
      return "consistent";
    case Verdict::kContradicted:
      return "contradicted";
    case Verdict::kNotMeasurable:
      return "not_measurable";
  }
  return "not_measurable";
}

const char* OutcomeId(Outcome o) {
  switch (o) {
    case Outcome::kAligned:
      return "aligned";
    case Outcome::kOptimistic:
      return "optimistic";
    case Outcome::kHiddenCommunity:
      return "hidden_community";
    case Outcome::kNearEdge:
      return "near_edge";
    case Outcome::kNotComparable:
      return "not_comparable";
  }
  return "not_comparable";
}

const char* OutcomeTitle(Outcome o) {
  switch (o) {
    case Outcome::kAligned:
      return "Aligned";
    case Outcome::kOptimistic:
      return "Optimistic self-view (blind spot)";
    case Outcome::kHiddenCommunity:
      return "Hidden community (you under-rate it)";
    case Outcome::kNearEdge:
      return "Close, across a band edge";
    case Outcome::kNotComparable:
      return "Not comparable";
  }
  return "";
}

const char* LeadId(Lead l) {
  switch (l) {
    case Lead::kData:
      return "data";
    case Lead::kBoth:
      return "both";
    case Lead::kQuiz:
      return "quiz";
  }
  return "quiz";
}

const std::string& LevelTitle(const Definition& d, Level level) {
  return d.levels[static_cast<size_t>(level)].title;
}

// What HSR and MOC say (AUT's evidence), or "" if the report has neither.
std::string Autonomy(const DataView& data) {
  std::string out;
  if (data.host_silent_survival) {
    out = "on days you were silent, members replied to each other at " +
          Percent(*data.host_silent_survival) + " of their rate on days you posted";
  }
  if (data.hostless_conversations) {
    out += (out.empty() ? "" : "; ") + Percent(*data.hostless_conversations) +
           " of the conversations had no message from you";
  }
  return out;
}

// What the data says about one component, as a clause ("members started 97% of the
// discussions").
std::string Evidence(Component c, const DataView& view) {
  const ComponentData& data = view.components[static_cast<size_t>(c)];
  const std::string p = Percent(data.raw);
  switch (c) {
    case Component::kPrs:
      return p + " of the replies between people were between members";
    case Component::kOrr:
      return "members answered first in " + p + " of the discussions members started";
    case Component::kMis:
      return "members started " + p + " of the discussions";
    case Component::kPrc:
      return p + " of the member pairs who replied to each other did so both ways";
    case Component::kHrc:
      return "the largest group of members tied to each other without you holds " + p + " of them";
    case Component::kAut:
      if (const std::string text = Autonomy(view); !text.empty())
        return text;
      break;
  }
  return std::string(Info(c).about) + " scores " + Number(100 * data.score) + " of 100";
}

std::string Capitalized(std::string text) {
  if (!text.empty())
    text[0] = base::AsciiUpper(text[0]);
  return text;
}

std::string DataSays(const DiagnosticItem& item, const ItemCheck& check, const DataView& data) {
  if (item.checks.empty())
    return "Your data cannot tell: no measure checks this question.";
  if (check.measured.empty()) {
    return "Your data cannot tell: " + data.components[static_cast<size_t>(item.checks[0])].why +
           ".";
  }
  std::string out;
  for (Component c : check.measured)
    out += (out.empty() ? "" : "; ") + Evidence(c, data);
  return Capitalized(out) + ".";
}

std::string Disagreement(const DiagnosticItem& item,
                         const ItemCheck& check,
                         const std::string& you_say,
                         const std::string& data_says) {
  return item.dimension + ": you say " + Quote(you_say) + ", but your data says: " + data_says +
         (check.direction == Direction::kHigher ? " You rate this higher than your data does."
                                                : " You rate this lower than your data does.");
}

std::string OutcomeText(const Definition& d, const Result& r, const Comparison& c) {
  if (!c.delta)
    return "Your data has no Community Index (nobody wrote anything in it), so there is nothing "
           "to compare.";
  const std::string self = "self-view " + Number(r.self_score);
  const std::string ci = "Community Index " + Number(*c.data.community_index);
  switch (c.outcome) {
    case Outcome::kAligned:
      return "Your view matches your data (" + self + ", " + ci + "): both point to " +
             LevelTitle(d, r.level) + ".";
    case Outcome::kOptimistic:
      return "You rate your group " + Number(*c.delta) + " points higher than your data does (" +
             self + ", " + ci + "): a blind spot worth a look.";
    case Outcome::kHiddenCommunity:
      return "Your data shows more connection between members than you think: the " + ci + " is " +
             Number(-*c.delta) + " points above your " + self + ".";
    case Outcome::kNearEdge:
      return "Your view and your data are close (" + self + ", " + ci +
             ") but on either side of a band edge: " + LevelTitle(d, r.level) + " for you, " +
             (c.data_level ? LevelTitle(d, *c.data_level) : c.data.title) + " for the data.";
    case Outcome::kNotComparable:
      break;
  }
  return "";
}

std::string LeadText(const Definition& d, const Result& r, const Comparison& c) {
  switch (c.lead) {
    case Lead::kData:
      return "Your data is solid (confidence high), so its reading leads: " + c.data.title +
             ". Your answers show how you see the group.";
    case Lead::kBoth:
      return "Your data's confidence is medium, so both readings count: look at the points "
             "where they disagree.";
    case Lead::kQuiz:
      break;
  }
  return "Your data is too thin to lead (confidence " + c.data.confidence +
         (c.data.label == "insufficient_data" ? ", not enough data" : "") +
         "), so for now your answers give a provisional, self-reported reading: " +
         LevelTitle(d, r.level) + ". Collect more data to firm it up.";
}

Json ComponentIds(const std::vector<Component>& components) {
  Json out = Json::array();
  for (Component c : components)
    out.push_back(Info(c).id);
  return out;
}

Json SelfViewJson(const Definition& d, const Result& r) {
  Json items = Json::array();
  for (size_t i = 0; i < d.diagnostic.size(); ++i) {
    const DiagnosticItem& q = d.diagnostic[i];
    const int answer = r.answers.diagnostic[i];
    items.push_back({{"id", q.id},
                     {"dimension", q.dimension},
                     {"question", q.question},
                     {"answer", answer},
                     {"answer_text", q.answers[answer]},
                     {"score", r.item_scores[i]},
                     {"weight", q.weight},
                     {"checks", ComponentIds(q.checks)}});
  }
  const LevelText& level = d.levels[static_cast<size_t>(r.level)];
  return {{"score", r.self_score},
          {"level", LevelId(r.level)},
          {"title", level.title},
          {"description", level.description},
          {"items", items}};
}

Json PracticesJson(const Definition& d, const Result& r) {
  Json items = Json::array();
  for (size_t i : r.checklist) {
    const Practice& p = d.practices[i];
    const ScaleAnswer& a = d.scale[r.answers.practices[i]];
    items.push_back({{"id", p.id},
                     {"persona", p.persona.empty() ? Json() : Json(p.persona)},
                     {"question", p.question},
                     {"answer", a.id},
                     {"answer_label", a.label},
                     {"points", a.points}});
  }
  Json roadmap = Json::array();
  for (const RoadmapStep& s : r.roadmap) {
    const Practice& p = d.practices[s.practice];
    roadmap.push_back({{"id", p.id},
                       {"question", p.question},
                       {"answer", d.scale[s.answer].id},
                       {"answer_label", d.scale[s.answer].label},
                       {"first_step", p.first_step},
                       {"explanation", p.explanation},
                       {"moves", ComponentIds(p.moves)},
                       {"target", s.target ? Json(Info(*s.target).id) : Json()},
                       {"target_about", s.target ? Json(Info(*s.target).about) : Json()},
                       {"priority", std::round(s.priority * 10000) / 10000}});
  }
  return {{"score", r.practice_score},
          {"points", r.points},
          {"max_points", r.max_points},
          {"items", items},
          {"roadmap", roadmap}};
}

Json ComparisonJson(const Definition& d, const Result& r, const Comparison& c) {
  const DataView& data = c.data;
  Json items = Json::array();
  Json disagreements = Json::array();
  for (const ItemCheck& check : c.items) {
    const DiagnosticItem& q = d.diagnostic[check.item];
    const std::string& you_say = q.answers[r.answers.diagnostic[check.item]];
    const std::string data_says = DataSays(q, check, data);
    Json item = {
        {"id", q.id},
        {"dimension", q.dimension},
        {"you_say", you_say},
        {"claim", check.claim},
        {"data_says", data_says},
        {"evidence", check.evidence ? Json(std::round(*check.evidence * 1000) / 1000) : Json()},
        {"components", ComponentIds(check.measured)},
        {"verdict", VerdictId(check.verdict)},
        {"direction", check.direction == Direction::kNone     ? Json()
                      : check.direction == Direction::kHigher ? Json("higher")
                                                              : Json("lower")}};
    if (check.verdict == Verdict::kContradicted)
      disagreements.push_back(Disagreement(q, check, you_say, data_says));
    items.push_back(std::move(item));
  }
  Json data_json = {
      {"community_index", data.community_index ? Json(*data.community_index) : Json()},
      {"label", data.label},
      {"title", data.title},
      {"provisional_label", data.provisional_label},
      {"confidence", data.confidence}};
  return {{"data", data_json},
          {"data_level", c.data_level ? Json(LevelId(*c.data_level)) : Json()},
          {"delta", c.delta ? Json(*c.delta) : Json()},
          {"outcome", OutcomeId(c.outcome)},
          {"outcome_title", OutcomeTitle(c.outcome)},
          {"outcome_text", OutcomeText(d, r, c)},
          {"lead", LeadId(c.lead)},
          {"lead_text", LeadText(d, r, c)},
          {"items", items},
          {"disagreements", disagreements},
          {"collect", data.collect}};
}

}  // namespace

std::string ResultJson(const Definition& d, const Result& r) {
  Json j;
  j["schema"] = kResultSchema;
  j["generator"] = {{"name", "meshcheck"}, {"version", kVersion}};
  j["definition"] = {
      {"id", d.id}, {"version", d.version}, {"title", d.title}, {"language", d.language}};
  j["persona"] =
      r.persona < 0
          ? Json()
          : Json({{"id", d.personas[r.persona].id}, {"title", d.personas[r.persona].title}});
  j["code"] = EncodeAnswers(d, r.answers);
  j["self_view"] = SelfViewJson(d, r);
  j["practices"] = PracticesJson(d, r);
  j["comparison"] = r.comparison ? ComparisonJson(d, r, *r.comparison) : Json();
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string SummaryText(const Definition& d, const Result& r) {
  const Json j = Json::parse(ResultJson(d, r));
  std::string out = j["definition"]["title"].get<std::string>() + "\n";
  if (r.persona >= 0)
    out += "For: " + d.personas[r.persona].title + "\n";
  const Json& self = j["self_view"];
  out += "\nWhere you stand (your view): " + self["title"].get<std::string>() + ", " +
         Number(r.self_score) + " of 100\n  " + self["description"].get<std::string>() + "\n";
  out += "Practices in place: " + std::to_string(r.points) + " of " + std::to_string(r.max_points) +
         " points (" + Number(r.practice_score) + "%)\n";
  if (!r.roadmap.empty())
    out += "\nWhat to do next, most effect first:\n";
  int n = 0;
  for (const Json& step : j["practices"]["roadmap"]) {
    out += "  " + std::to_string(++n) + ". " + step["question"].get<std::string>() +
           " (you said: " + step["answer_label"].get<std::string>() +
           ")\n     First step: " + step["first_step"].get<std::string>() + "\n";
  }
  if (r.comparison) {
    const Json& c = j["comparison"];
    out += "\nYou say / your data says (" + c["data"]["title"].get<std::string>() +
           ", confidence " + c["data"]["confidence"].get<std::string>() + "):\n  " +
           c["outcome_title"].get<std::string>() + ". " + c["outcome_text"].get<std::string>() +
           "\n";
    for (const Json& item : c["items"]) {
      out += "  - " + item["dimension"].get<std::string>() + " [" +
             item["verdict"].get<std::string>() +
             "]\n      you say:   " + item["you_say"].get<std::string>() +
             "\n      data says: " + item["data_says"].get<std::string>() + "\n";
    }
    for (const Json& text : c["disagreements"])
      out += "  ! " + text.get<std::string>() + "\n";
    out += "  " + c["lead_text"].get<std::string>() + "\n";
    for (const Json& text : c["collect"])
      out += "    ~ " + text.get<std::string>() + "\n";
  }
  out += "\nShare code: " + j["code"].get<std::string>() + "\n";
  return out;
}

}  // namespace meshcheck::quiz
