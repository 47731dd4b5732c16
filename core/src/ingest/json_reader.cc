#include "ingest/json_reader.h"

namespace meshcheck::ingest {

Status JsonErrorStatus(const JsonError& error, int32_t input, std::string_view format_label) {
  const Location where{input, error.offset, error.line};
  const std::string label(format_label);
  switch (error.kind) {
    case JsonErrorKind::kDepth:
      return Status(StatusCode::kLimitExceeded, "ingest.json.too_deep",
                    "The " + label + " file nests " + error.message +
                        "; no real export does, so it was not read further.",
                    where);
    case JsonErrorKind::kTokenSize:
      return Status(StatusCode::kLimitExceeded, "ingest.json.token_too_large",
                    "The " + label + " file holds " + error.message + ", beyond the safety limit.",
                    where);
    case JsonErrorKind::kTruncated:
      return Status(StatusCode::kParseError, "ingest.json.truncated",
                    "The " + label + " file ends before any complete message (" + error.message +
                        "); it looks cut off.",
                    where);
    case JsonErrorKind::kAborted:
      return Status(StatusCode::kParseError, "ingest.json.rejected",
                    "The " + label + " file has an unexpected structure (" + error.message + ").",
                    where);
    case JsonErrorKind::kNone:
    case JsonErrorKind::kSyntax:
    case JsonErrorKind::kBadString:
    case JsonErrorKind::kBadNumber:
      break;
  }
  return Status(StatusCode::kParseError, "ingest.json.syntax",
                "The " + label + " file is damaged: " + error.message + ".", where);
}

}  // namespace meshcheck::ingest
