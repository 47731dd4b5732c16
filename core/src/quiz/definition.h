// A quiz definition (schema meshcheck.quiz/v1, docs/quiz.md): the questions, their answers and
// weights, the practice checklists per persona and the texts. Landing-page owners may supply
// their own; the default one (core/quiz/default.v1.json) is compiled into the core so the CLI
// and the wasm module use the same bytes.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "quiz/components.h"

namespace meshcheck::quiz {

inline constexpr char kDefinitionSchema[] = "meshcheck.quiz/v1";

struct LevelText {
  std::string title;
  std::string description;
};

// Part 1: a question answered on a scale from its weakest answer (index 0) to its strongest.
struct DiagnosticItem {
  std::string id;
  std::string dimension;  // Short name of what it asks about ("Members reply to each other").
  std::string question;
  std::string explanation;
  double weight = 0;                 // > 0; the score divides by the sum of the weights.
  std::vector<Component> checks;     // Data components that test the claim (may be empty).
  std::vector<std::string> answers;  // 2-10, weakest first.
};

// Part 2: a practice, answered on the definition's scale (yes / partly / no).
struct Practice {
  std::string id;
  std::string persona;  // The persona whose checklist holds it; "" = the shared core.
  std::string question;
  std::string explanation;
  std::string first_step;        // One concrete first step.
  std::vector<Component> moves;  // Data components it should move (may be empty).
};

struct ScaleAnswer {
  std::string id;  // "yes"
  std::string label;
  int points = 0;  // 0-9
};

struct Persona {
  std::string id;
  std::string title;
};

struct Definition {
  std::string id;
  int version = 0;
  std::string language;
  std::string title;
  std::string intro;
  std::array<LevelText, kLevelCount> levels;  // Indexed by Level.
  std::string diagnostic_title;
  std::vector<DiagnosticItem> diagnostic;
  std::string practices_title;
  std::string shared_title;
  std::vector<ScaleAnswer> scale;
  int max_points = 0;  // Points of the best scale answer.
  std::vector<Persona> personas;
  // Every persona's practices in persona order, then the shared core. This order is the share
  // code's order.
  std::vector<Practice> practices;
};

// Parses and validates a definition; throws Invalid (quiz/json_check.h) naming the first
// problem. Ids are unique across items, practices and personas.
Definition ParseDefinition(std::string_view json);

// The default definition's JSON text, as compiled in.
std::string_view DefaultDefinitionJson();

// True if `practice` is on the checklist of `persona` ("" persona: only the shared core).
bool Applies(const Practice& practice, std::string_view persona);
// Index of persona `id` in definition.personas, or -1.
int FindPersona(const Definition& definition, std::string_view id);

}  // namespace meshcheck::quiz
