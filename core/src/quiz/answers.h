// A visitor's answers to one quiz definition, as JSON (schema meshcheck.quiz-answers/v1, the
// CLI's --answers file) and as a share code: the compact text a share link's fragment carries
// ("meshcheck-default.1.creator.23140.2102_____________"; docs/quiz.md). Answers may be partial
// (progress); scoring needs them complete (Missing()).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quiz/definition.h"

namespace meshcheck::quiz {

inline constexpr char kAnswersSchema[] = "meshcheck.quiz-answers/v1";
inline constexpr int kUnanswered = -1;

struct Answers {
  std::string persona;          // A persona id of the definition, or "" (not chosen / none).
  std::vector<int> diagnostic;  // Per Definition::diagnostic item: answer index or kUnanswered.
  std::vector<int> practices;   // Per Definition::practices item: scale index or kUnanswered.
};

// Parses answers for `definition`; throws Invalid (unknown ids, answers out of range, a
// practice outside the chosen persona's checklist, answers meant for another definition).
Answers ParseAnswers(const Definition& definition, std::string_view json);
// The answers as JSON (schema meshcheck.quiz-answers/v1), answered items only, in definition
// order.
std::string AnswersJson(const Definition& definition, const Answers& answers);

// The share code of (possibly partial) answers: "<id>.<version>.<persona>.<part 1>.<part 2>",
// one character per item ('0'-'9' the answer's index, '_' unanswered); part 2 covers every
// practice of the definition in Definition::practices order. Only [a-z0-9._-] characters.
std::string EncodeAnswers(const Definition& definition, const Answers& answers);
// Reads a share code; throws Invalid if it is malformed or made for another definition.
Answers DecodeAnswers(const Definition& definition, std::string_view code);

// What still needs an answer before the quiz can be scored: "persona", item and practice ids.
std::vector<std::string> Missing(const Definition& definition, const Answers& answers);

}  // namespace meshcheck::quiz
