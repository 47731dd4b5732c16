#include "quiz/definition.h"

#include <algorithm>
#include <set>

#include "quiz/json_check.h"

namespace meshcheck::quiz {
namespace {

constexpr size_t kMaxItems = 20;      // Diagnostic items.
constexpr size_t kMaxAnswers = 10;    // Per diagnostic item (one digit in the share code).
constexpr size_t kMaxPractices = 40;  // Per checklist.
constexpr size_t kMaxPersonas = 12;
constexpr size_t kMaxScale = 5;
constexpr int64_t kMaxPoints = 9;  // One digit in the share code.
constexpr int64_t kMaxVersion = 1000000;
constexpr double kMaxWeight = 1000;
constexpr size_t kMaxTitleBytes = 200;

// Ids must be unique across the whole definition: they name form fields and answers.
class IdRegistry {
 public:
  std::string Take(const Node& node) {
    std::string id = node.Id();
    if (!seen_.insert(id).second)
      node.Fail("the id '" + id + "' is used twice");
    return id;
  }

 private:
  std::set<std::string> seen_;
};

std::vector<Component> Components(const Node& node) {
  std::vector<Component> out;
  for (const Node& item : node.Items(0, kComponentCount)) {
    const auto component =
        item.value().is_string() ? ParseComponent(item.value().get<std::string>()) : std::nullopt;
    if (!component)
      item.Fail("expected a component id: PRS, AUT, ORR, HRC, PRC or MIS");
    for (Component c : out) {
      if (c == *component)
        item.Fail("the component is listed twice");
    }
    out.push_back(*component);
  }
  return out;
}

void ReadLevels(const Node& node, Definition* d) {
  std::array<bool, kLevelCount> seen{};
  for (const Node& level : node.Items(kLevelCount, kLevelCount)) {
    level.ExpectObject({"id", "title", "description"});
    const Node id = level["id"];
    const auto parsed =
        id.value().is_string() ? ParseLevelId(id.value().get<std::string>()) : std::nullopt;
    if (!parsed) {
      id.Fail(
          "expected a level id: broadcast_audience, engaged_audience, emerging_community or "
          "community");
    }
    const auto i = static_cast<size_t>(*parsed);
    if (seen[i])
      id.Fail("the level is listed twice");
    seen[i] = true;
    d->levels[i] = {level["title"].Text(kMaxTitleBytes), level["description"].Text()};
  }
}

void ReadDiagnostic(const Node& node, IdRegistry* ids, Definition* d) {
  node.ExpectObject({"title", "items"});
  d->diagnostic_title = node["title"].Text(kMaxTitleBytes);
  for (const Node& item : node["items"].Items(1, kMaxItems)) {
    item.ExpectObject({"id", "dimension", "question", "weight", "answers"},
                      {"explanation", "checks"});
    DiagnosticItem q;
    q.id = ids->Take(item["id"]);
    q.dimension = item["dimension"].Text(kMaxTitleBytes);
    q.question = item["question"].Text();
    if (item.Has("explanation"))
      q.explanation = item["explanation"].Text();
    q.weight = item["weight"].Positive(kMaxWeight);
    if (item.Has("checks"))
      q.checks = Components(item["checks"]);
    for (const Node& answer : item["answers"].Items(2, kMaxAnswers))
      q.answers.push_back(answer.Text());
    d->diagnostic.push_back(std::move(q));
  }
}

void ReadScale(const Node& node, Definition* d) {
  std::set<std::string> ids;
  for (const Node& answer : node.Items(2, kMaxScale)) {
    answer.ExpectObject({"id", "label", "points"});
    ScaleAnswer a;
    a.id = answer["id"].Id();
    if (!ids.insert(a.id).second)
      answer["id"].Fail("the id '" + a.id + "' is used twice");
    a.label = answer["label"].Text(kMaxTitleBytes);
    a.points = static_cast<int>(answer["points"].Integer(0, kMaxPoints));
    d->max_points = std::max(d->max_points, a.points);
    d->scale.push_back(std::move(a));
  }
  if (d->max_points == 0)
    node.Fail("at least one answer must give points");
}

void ReadPractices(const Node& node,
                   const std::string& persona,
                   size_t min,
                   IdRegistry* ids,
                   Definition* d) {
  for (const Node& item : node.Items(min, kMaxPractices)) {
    item.ExpectObject({"id", "question", "first_step"}, {"explanation", "moves"});
    Practice p;
    p.id = ids->Take(item["id"]);
    p.persona = persona;
    p.question = item["question"].Text();
    p.first_step = item["first_step"].Text();
    if (item.Has("explanation"))
      p.explanation = item["explanation"].Text();
    if (item.Has("moves"))
      p.moves = Components(item["moves"]);
    d->practices.push_back(std::move(p));
  }
}

}  // namespace

Definition ParseDefinition(std::string_view json) {
  const nlohmann::json doc = ParseJson(json);
  const Node root(doc, "");
  // The schema first: a report or a newer definition is named as such, not by its keys.
  if (!root.value().is_object())
    root.Fail("expected an object");
  if (root["schema"].value() != kDefinitionSchema) {
    root["schema"].Fail(std::string("expected \"") + kDefinitionSchema +
                        "\" (this is not a meshcheck quiz definition, or a newer version)");
  }
  root.ExpectObject({"schema", "id", "version", "title", "levels", "diagnostic", "practices"},
                    {"language", "intro", "personas"});
  Definition d;
  d.id = root["id"].Id();
  d.version = static_cast<int>(root["version"].Integer(1, kMaxVersion));
  d.language = root.Has("language") ? root["language"].Id() : "en";
  d.title = root["title"].Text(kMaxTitleBytes);
  if (root.Has("intro"))
    d.intro = root["intro"].Text();
  ReadLevels(root["levels"], &d);

  IdRegistry ids;
  ReadDiagnostic(root["diagnostic"], &ids, &d);

  const Node practices = root["practices"];
  practices.ExpectObject({"title", "scale", "shared"});
  d.practices_title = practices["title"].Text(kMaxTitleBytes);
  ReadScale(practices["scale"], &d);
  if (root.Has("personas")) {
    for (const Node& persona : root["personas"].Items(0, kMaxPersonas)) {
      persona.ExpectObject({"id", "title", "practices"});
      Persona p{ids.Take(persona["id"]), persona["title"].Text(kMaxTitleBytes)};
      ReadPractices(persona["practices"], p.id, 1, &ids, &d);
      d.personas.push_back(std::move(p));
    }
  }
  const Node shared = practices["shared"];
  shared.ExpectObject({"title", "items"});
  d.shared_title = shared["title"].Text(kMaxTitleBytes);
  ReadPractices(shared["items"], "", 0, &ids, &d);
  if (d.practices.empty())
    shared["items"].Fail("a definition without personas needs at least one shared practice");
  return d;
}

bool Applies(const Practice& practice, std::string_view persona) {
  return practice.persona.empty() || practice.persona == persona;
}

int FindPersona(const Definition& definition, std::string_view id) {
  for (size_t i = 0; i < definition.personas.size(); ++i) {
    if (definition.personas[i].id == id)
      return static_cast<int>(i);
  }
  return -1;
}

}  // namespace meshcheck::quiz
