// The self-assessment quiz (ANALYSIS.md C.6, docs/quiz.md), used identically by the CLI
// (`meshcheck quiz`) and the wasm module (the <meshcheck-quiz> element).
//
// Documents travel as JSON text:
// - a definition: schema meshcheck.quiz/v1 (questions, answers, weights, persona checklists,
//   texts); "" means the default definition compiled into the core;
// - answers: schema meshcheck.quiz-answers/v1, or a share code (the text a share link's
//   fragment carries);
// - a report: schema meshcheck.report/v1, as Session::ReportJson() writes it;
// - the result: schema meshcheck.quiz-result/v1 (core/schema/quiz-result.v1.schema.json).
//
// Contracts: nothing here throws; every problem comes back as a Status whose message names the
// problem and where it is (a JSON pointer such as /diagnostic/items/2/weight). Status ids:
// quiz.definition.invalid, quiz.answers.invalid, quiz.answers.incomplete, quiz.code.invalid,
// quiz.report.invalid. Outputs are deterministic, byte for byte.
#pragma once

#include <string>
#include <string_view>

#include "meshcheck/status.h"

namespace meshcheck {

// The default definition (core/quiz/default.v1.json) as compiled in.
std::string DefaultQuizDefinition();

// Validates a definition ("" = the default).
Status CheckQuizDefinition(std::string_view definition_json);

struct QuizScore {
  std::string result_json;   // Schema meshcheck.quiz-result/v1.
  std::string summary_text;  // The same for a terminal.
};

// Scores complete answers. With a report (report_json non-empty) the result also sets what the
// visitor says beside what the data says. `out` is filled only on success.
Status ScoreQuiz(std::string_view definition_json,
                 std::string_view answers_json,
                 std::string_view report_json,
                 QuizScore* out);

// Answers (possibly partial) to their share code, and back to answers JSON.
Status EncodeQuizAnswers(std::string_view definition_json,
                         std::string_view answers_json,
                         std::string* code);
Status DecodeQuizAnswers(std::string_view definition_json,
                         std::string_view code,
                         std::string* answers_json);

}  // namespace meshcheck
