#include "quiz/json_check.h"

#include <cmath>
#include <cstdio>
#include <set>
#include <utility>

#include "base/strings.h"

namespace meshcheck::quiz {
namespace {

constexpr size_t kMaxIdBytes = 40;

// RFC 6901: '~' -> "~0", '/' -> "~1".
std::string EscapePointer(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string Quoted(std::string_view text) {
  std::string out(1, '\'');
  out.append(text);
  out.push_back('\'');
  return out;
}

}  // namespace

nlohmann::json ParseJson(std::string_view text) {
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    // "[json.exception.parse_error.101] parse error at line 1, column 2: ..." -> from "parse".
    std::string what = e.what();
    const size_t at = what.find("parse error");
    throw Invalid{"",
                  "not valid JSON (" + (at == std::string::npos ? what : what.substr(at)) + ")"};
  }
}

std::string Describe(const Invalid& invalid) {
  return invalid.pointer.empty() ? invalid.problem
                                 : "at " + invalid.pointer + ", " + invalid.problem;
}

Node::Node(const nlohmann::json& value, std::string pointer)
    : value_(&value), pointer_(std::move(pointer)) {}

void Node::Fail(std::string problem) const {
  throw Invalid{pointer_, std::move(problem)};
}

void Node::ExpectObject(std::initializer_list<std::string_view> required,
                        std::initializer_list<std::string_view> optional) const {
  if (!value_->is_object())
    Fail("expected an object");
  std::set<std::string_view> known(required);
  known.insert(optional.begin(), optional.end());
  for (const auto& [key, unused] : value_->items()) {
    if (!known.count(key))
      Node(unused, pointer_ + "/" + EscapePointer(key)).Fail("unknown key " + Quoted(key));
  }
  for (std::string_view key : required) {
    if (!Has(key))
      Fail("the key " + Quoted(key) + " is missing");
  }
}

bool Node::Has(std::string_view key) const {
  return value_->is_object() && value_->contains(key);
}

Node Node::operator[](std::string_view key) const {
  if (!Has(key))
    Fail("the key " + Quoted(key) + " is missing");
  return Node(value_->at(std::string(key)), pointer_ + "/" + EscapePointer(key));
}

std::vector<std::pair<std::string, Node>> Node::Entries() const {
  if (!value_->is_object())
    Fail("expected an object");
  std::vector<std::pair<std::string, Node>> out;
  for (const auto& [key, value] : value_->items())
    out.emplace_back(key, Node(value, pointer_ + "/" + EscapePointer(key)));
  return out;
}

std::vector<Node> Node::Items(size_t min, size_t max) const {
  if (!value_->is_array())
    Fail("expected an array");
  if (value_->size() < min || value_->size() > max) {
    Fail("expected " + std::to_string(min) + " to " + std::to_string(max) + " items, found " +
         std::to_string(value_->size()));
  }
  std::vector<Node> out;
  for (size_t i = 0; i < value_->size(); ++i)
    out.emplace_back((*value_)[i], pointer_ + "/" + std::to_string(i));
  return out;
}

std::string Node::Text(size_t max_bytes) const {
  if (!value_->is_string())
    Fail("expected a text (a JSON string)");
  const auto& text = value_->get_ref<const std::string&>();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    Fail("expected a non-empty text");
  if (text.size() > max_bytes)
    Fail("the text is longer than " + std::to_string(max_bytes) + " bytes");
  return text;
}

bool IsId(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdBytes || id[0] == '-' || id[0] == '_')
    return false;
  for (char c : id) {
    const bool ok = base::IsAsciiLower(c) || base::IsAsciiDigit(c) || c == '-' || c == '_';
    if (!ok)
      return false;
  }
  return true;
}

std::string Node::Id() const {
  if (!value_->is_string() || !IsId(value_->get_ref<const std::string&>())) {
    Fail(
        "expected an identifier (1 to 40 characters: a-z, 0-9, '-' and '_', not starting with "
        "'-' or '_')");
  }
  return value_->get<std::string>();
}

int64_t Node::Integer(int64_t min, int64_t max) const {
  // nlohmann stores non-negative JSON integers as unsigned, negative ones as signed.
  const bool in_range = value_->is_number_unsigned()
                            ? value_->get<uint64_t>() <= static_cast<uint64_t>(max) &&
                                  static_cast<int64_t>(value_->get<uint64_t>()) >= min
                            : value_->is_number_integer() && value_->get<int64_t>() >= min &&
                                  value_->get<int64_t>() <= max;
  if (!in_range) {
    Fail("expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return value_->get<int64_t>();
}

double Node::Positive(double max) const {
  if (!value_->is_number())
    Fail("expected a number");
  const double v = value_->get<double>();
  if (!std::isfinite(v) || v <= 0 || v > max) {
    char bound[32];
    std::snprintf(bound, sizeof bound, "%g", max);
    Fail(std::string("expected a number above 0 and at most ") + bound);
  }
  return v;
}

bool Node::Boolean() const {
  if (!value_->is_boolean())
    Fail("expected true or false");
  return value_->get<bool>();
}

}  // namespace meshcheck::quiz
