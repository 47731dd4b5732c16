// The public quiz API (meshcheck/quiz.h): parses the documents, runs the module, and turns every
// problem into a Status.
#include <exception>
#include <new>

#include "meshcheck/quiz.h"
#include "quiz/answers.h"
#include "quiz/data.h"
#include "quiz/definition.h"
#include "quiz/json_check.h"
#include "quiz/result_json.h"
#include "quiz/score.h"

namespace meshcheck {
namespace {

// Which document a problem was found in: the Status id and how the message starts.
struct Document {
  const char* id;
  const char* name;
};
constexpr Document kDefinition{"quiz.definition.invalid", "The quiz definition is not valid"};
constexpr Document kAnswers{"quiz.answers.invalid", "The quiz answers are not valid"};
constexpr Document kCode{"quiz.code.invalid", "The quiz share code is not valid"};
constexpr Document kReport{"quiz.report.invalid", "The report cannot be read"};

// Runs `step`, which reads `document`; a problem becomes that document's Status.
template <typename Step>
Status Read(const Document& document, Step&& step) {
  try {
    step();
    return Status::Ok();
  } catch (const quiz::Invalid& invalid) {
    return Status(StatusCode::kInvalidArgument, document.id,
                  std::string(document.name) + ": " + quiz::Describe(invalid) + ".");
  } catch (const std::bad_alloc&) {
    return Status(StatusCode::kLimitExceeded, "quiz.out_of_memory",
                  "There was not enough memory to read the quiz.");
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, "quiz.internal", e.what());
  }
}

Status ReadDefinition(std::string_view json, quiz::Definition* out) {
  return Read(kDefinition, [&] {
    *out = quiz::ParseDefinition(json.empty() ? quiz::DefaultDefinitionJson() : json);
  });
}

std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids)
    out += (out.empty() ? "" : ", ") + id;
  return out;
}

}  // namespace

std::string DefaultQuizDefinition() {
  return std::string(quiz::DefaultDefinitionJson());
}

Status CheckQuizDefinition(std::string_view definition_json) {
  quiz::Definition definition;
  return ReadDefinition(definition_json, &definition);
}

Status ScoreQuiz(std::string_view definition_json,
                 std::string_view answers_json,
                 std::string_view report_json,
                 QuizScore* out) {
  quiz::Definition d;
  quiz::Answers answers;
  quiz::DataView data;
  Status status = ReadDefinition(definition_json, &d);
  if (status.ok())
    status = Read(kAnswers, [&] { answers = quiz::ParseAnswers(d, answers_json); });
  if (status.ok() && !report_json.empty())
    status = Read(kReport, [&] { data = quiz::ParseReport(report_json); });
  if (!status.ok())
    return status;
  const std::vector<std::string> missing = quiz::Missing(d, answers);
  if (!missing.empty()) {
    return Status(StatusCode::kInvalidArgument, "quiz.answers.incomplete",
                  "The quiz is not finished: no answer yet for " + JoinIds(missing) + ".");
  }
  return Read(kAnswers, [&] {
    const quiz::Result result = quiz::Score(d, answers, report_json.empty() ? nullptr : &data);
    out->result_json = quiz::ResultJson(d, result);
    out->summary_text = quiz::SummaryText(d, result);
  });
}

Status EncodeQuizAnswers(std::string_view definition_json,
                         std::string_view answers_json,
                         std::string* code) {
  quiz::Definition d;
  Status status = ReadDefinition(definition_json, &d);
  if (!status.ok())
    return status;
  return Read(kAnswers,
              [&] { *code = quiz::EncodeAnswers(d, quiz::ParseAnswers(d, answers_json)); });
}

Status DecodeQuizAnswers(std::string_view definition_json,
                         std::string_view code,
                         std::string* answers_json) {
  quiz::Definition d;
  Status status = ReadDefinition(definition_json, &d);
  if (!status.ok())
    return status;
  return Read(kCode, [&] { *answers_json = quiz::AnswersJson(d, quiz::DecodeAnswers(d, code)); });
}

}  // namespace meshcheck
