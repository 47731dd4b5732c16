// Fuzz target: the quiz documents (meshcheck/quiz.h). The payload is a quiz definition checked
// as such; it is also read as answers (JSON or a share code) against the default definition.
// Nothing may crash, hang or throw across the API.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_input.h"
#include "meshcheck/quiz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const meshcheck::fuzz::FuzzInput input(data, size);
  const std::string_view payload = input.payload();
  if (payload.empty())
    return 0;  // "" means the default definition, not an input.
  (void)meshcheck::CheckQuizDefinition(payload);
  meshcheck::QuizScore score;
  (void)meshcheck::ScoreQuiz("", payload, "", &score);
  std::string answers;
  (void)meshcheck::DecodeQuizAnswers("", payload, &answers);
  return 0;
}
