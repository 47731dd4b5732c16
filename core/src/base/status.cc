#include "meshcheck/status.h"

#include <utility>

namespace meshcheck {

Status::Status(StatusCode code, std::string id, std::string message, Location where)
    : code_(code), id_(std::move(id)), message_(std::move(message)), where_(where) {}

Status Status::At(const Location& where) const {
  Status copy = *this;
  const int32_t input = where.input >= 0 ? where.input : where_.input;
  copy.where_ = where;
  copy.where_.input = input;
  return copy;
}

std::string Status::ToString() const {
  if (ok()) {
    return "ok";
  }
  std::string out = id_;
  if (where_.input >= 0) {
    out += " at input " + std::to_string(where_.input) + ", byte " + std::to_string(where_.byte);
    if (where_.line > 0) {
      out += ", line " + std::to_string(where_.line);
    }
  }
  out += ": ";
  out += message_;
  return out;
}

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid_argument";
    case StatusCode::kUnsupportedFormat:
      return "unsupported_format";
    case StatusCode::kParseError:
      return "parse_error";
    case StatusCode::kLimitExceeded:
      return "limit_exceeded";
    case StatusCode::kCancelled:
      return "cancelled";
    case StatusCode::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace meshcheck
