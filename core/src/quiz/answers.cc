#include "quiz/answers.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "quiz/json_check.h"

namespace meshcheck::quiz {
namespace {

constexpr char kUnansweredMark = '_';
constexpr int64_t kMaxVersion = INT32_MAX;
// Longer than any code of a valid definition (ids of 40 bytes, 20 items, 12 x 40 practices).
constexpr size_t kMaxCodeBytes = 1024;

std::string PersonaList(const Definition& d) {
  std::string out;
  for (const Persona& p : d.personas)
    out += (out.empty() ? "" : ", ") + p.id;
  return out;
}

// Why `persona` cannot be chosen for `d`, or nullopt.
std::optional<std::string> PersonaProblem(const Definition& d, const std::string& persona) {
  if (persona.empty() || FindPersona(d, persona) >= 0)
    return std::nullopt;
  if (d.personas.empty())
    return "this quiz has no personas, so '" + persona + "' cannot be chosen";
  return "unknown persona '" + persona + "' (this quiz has: " + PersonaList(d) + ")";
}

// Why practice `p` cannot be answered by someone who chose `persona`, or nullopt.
std::optional<std::string> PracticeProblem(const Practice& p, const std::string& persona) {
  if (Applies(p, persona))
    return std::nullopt;
  return "the practice '" + p.id + "' is on the checklist of the persona '" + p.persona +
         (persona.empty() ? "', and no persona was chosen" : "', not of '" + persona + "'");
}

template <typename Item>
int IndexOf(const std::vector<Item>& items, std::string_view id) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id)
      return static_cast<int>(i);
  }
  return -1;
}

Answers Empty(const Definition& d) {
  return {"", std::vector<int>(d.diagnostic.size(), kUnanswered),
          std::vector<int>(d.practices.size(), kUnanswered)};
}

std::string ForQuiz(const std::string& id, int64_t version) {
  return "the quiz '" + id + "' version " + std::to_string(version);
}

// Answers made for another definition (or another version of it) are refused: their items
// may mean something else.
std::optional<std::string> DefinitionProblem(const Definition& d,
                                             const std::string& id,
                                             int64_t version) {
  if (id == d.id && version == d.version)
    return std::nullopt;
  return "these answers are for " + ForQuiz(id, version) + ", not for " + ForQuiz(d.id, d.version);
}

void ReadDiagnostic(const Node& node, const Definition& d, Answers* a) {
  for (const auto& [id, value] : node.Entries()) {
    const int i = IndexOf(d.diagnostic, id);
    if (i < 0)
      value.Fail("no question of this quiz has the id '" + id + "'");
    const auto last = static_cast<int64_t>(d.diagnostic[i].answers.size()) - 1;
    a->diagnostic[i] = static_cast<int>(value.Integer(0, last));
  }
}

void ReadPractices(const Node& node, const Definition& d, Answers* a) {
  for (const auto& [id, value] : node.Entries()) {
    const int i = IndexOf(d.practices, id);
    if (i < 0)
      value.Fail("no practice of this quiz has the id '" + id + "'");
    if (auto problem = PracticeProblem(d.practices[i], a->persona))
      value.Fail(*problem);
    const int answer =
        value.value().is_string() ? IndexOf(d.scale, value.value().get<std::string>()) : -1;
    if (answer < 0) {
      std::string ids;
      for (const ScaleAnswer& s : d.scale)
        ids += (ids.empty() ? "\"" : ", \"") + s.id + "\"";
      value.Fail("expected one of " + ids);
    }
    a->practices[i] = answer;
  }
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> out(1);
  for (char c : text) {
    if (c == separator)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

// Reads one part of a share code: one character per item, '_' or a digit below limit(i).
template <typename Limit>
std::vector<int> DecodePart(const std::string& part, size_t count, const char* what, Limit limit) {
  if (part.size() != count) {
    throw Invalid{"", "the share code holds " + std::to_string(part.size()) + " answers to " +
                          what + ", this quiz has " + std::to_string(count)};
  }
  std::vector<int> out(count, kUnanswered);
  for (size_t i = 0; i < count; ++i) {
    if (part[i] == kUnansweredMark)
      continue;
    const int v = part[i] - '0';
    if (v < 0 || v >= limit(i)) {
      throw Invalid{"", "the share code's answer " + std::to_string(i + 1) + " to " + what + " ('" +
                            std::string(1, part[i]) + "') is out of range"};
    }
    out[i] = v;
  }
  return out;
}

}  // namespace

Answers ParseAnswers(const Definition& d, std::string_view json) {
  const nlohmann::json doc = ParseJson(json);
  const Node root(doc, "");
  // The schema first: a report or a definition given as answers is named as such.
  if (root.Has("schema") && root["schema"].value() != kAnswersSchema) {
    root["schema"].Fail(std::string("expected \"") + kAnswersSchema +
                        "\" (this is not a file of quiz answers)");
  }
  root.ExpectObject({}, {"schema", "definition", "persona", "diagnostic", "practices"});
  if (root.Has("definition")) {
    const Node ref = root["definition"];
    ref.ExpectObject({"id", "version"});
    if (auto problem = DefinitionProblem(d, ref["id"].Id(), ref["version"].Integer(0, kMaxVersion)))
      ref.Fail(*problem);
  }
  Answers a = Empty(d);
  if (root.Has("persona")) {
    const Node persona = root["persona"];
    if (!persona.value().is_string())
      persona.Fail("expected a persona id");
    a.persona = persona.value().get<std::string>();
    if (auto problem = PersonaProblem(d, a.persona))
      persona.Fail(*problem);
  }
  if (root.Has("diagnostic"))
    ReadDiagnostic(root["diagnostic"], d, &a);
  if (root.Has("practices"))
    ReadPractices(root["practices"], d, &a);
  return a;
}

std::string AnswersJson(const Definition& d, const Answers& a) {
  nlohmann::ordered_json j;
  j["schema"] = kAnswersSchema;
  j["definition"] = {{"id", d.id}, {"version", d.version}};
  if (!a.persona.empty())
    j["persona"] = a.persona;
  j["diagnostic"] = nlohmann::ordered_json::object();
  for (size_t i = 0; i < d.diagnostic.size(); ++i) {
    if (a.diagnostic[i] != kUnanswered)
      j["diagnostic"][d.diagnostic[i].id] = a.diagnostic[i];
  }
  j["practices"] = nlohmann::ordered_json::object();
  for (size_t i = 0; i < d.practices.size(); ++i) {
    if (a.practices[i] != kUnanswered)
      j["practices"][d.practices[i].id] = d.scale[a.practices[i]].id;
  }
  return j.dump(2) + "\n";
}

std::string EncodeAnswers(const Definition& d, const Answers& a) {
  auto part = [](const std::vector<int>& values) {
    std::string out;
    for (int v : values)
      out += v == kUnanswered ? kUnansweredMark : static_cast<char>('0' + v);
    return out;
  };
  return d.id + "." + std::to_string(d.version) + "." + a.persona + "." + part(a.diagnostic) + "." +
         part(a.practices);
}

Answers DecodeAnswers(const Definition& d, std::string_view code) {
  if (code.size() > kMaxCodeBytes)
    throw Invalid{"", "this is not a quiz share code (it is too long)"};
  const std::vector<std::string> parts = Split(code, '.');
  if (parts.size() != 5)
    throw Invalid{"", "this is not a quiz share code (expected 5 parts separated by '.')"};
  const std::string& version = parts[1];
  if (version.empty() || version.size() > 7 ||
      version.find_first_not_of("0123456789") != std::string::npos) {
    throw Invalid{"", "the share code's quiz version '" + version + "' is not a number"};
  }
  if (auto problem = DefinitionProblem(d, parts[0], std::stoll(version)))
    throw Invalid{"", *problem};
  Answers a;
  a.persona = parts[2];
  if (auto problem = PersonaProblem(d, a.persona))
    throw Invalid{"", *problem};
  a.diagnostic = DecodePart(parts[3], d.diagnostic.size(), "part 1", [&](size_t i) {
    return static_cast<int>(d.diagnostic[i].answers.size());
  });
  a.practices = DecodePart(parts[4], d.practices.size(), "part 2",
                           [&](size_t) { return static_cast<int>(d.scale.size()); });
  for (size_t i = 0; i < d.practices.size(); ++i) {
    if (a.practices[i] == kUnanswered)
      continue;
    if (auto problem = PracticeProblem(d.practices[i], a.persona))
      throw Invalid{"", *problem};
  }
  return a;
}

std::vector<std::string> Missing(const Definition& d, const Answers& a) {
  std::vector<std::string> out;
  if (!d.personas.empty() && a.persona.empty())
    out.push_back("persona");
  for (size_t i = 0; i < d.diagnostic.size(); ++i) {
    if (a.diagnostic[i] == kUnanswered)
      out.push_back(d.diagnostic[i].id);
  }
  for (size_t i = 0; i < d.practices.size(); ++i) {
    if (a.practices[i] == kUnanswered && Applies(d.practices[i], a.persona))
      out.push_back(d.practices[i].id);
  }
  return out;
}

}  // namespace meshcheck::quiz
