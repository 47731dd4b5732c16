// The scored quiz as JSON (schema meshcheck.quiz-result/v1, core/schema/quiz-result.v1.schema.json)
// and as plain text for a terminal. Both are deterministic: the same definition, answers and
// report give the same bytes, natively and in wasm. Texts come from the definition, plus plain
// English sentences for the comparison with the data.
#pragma once

#include <string>

#include "quiz/definition.h"
#include "quiz/score.h"

namespace meshcheck::quiz {

inline constexpr char kResultSchema[] = "meshcheck.quiz-result/v1";

std::string ResultJson(const Definition& definition, const Result& result);
std::string SummaryText(const Definition& definition, const Result& result);

}  // namespace meshcheck::quiz
