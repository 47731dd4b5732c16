#include "gen/pretty_json.h"

namespace meshcheck::gen {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void AppendEscapedUnit(uint32_t unit, std::string* out) {
  const char escaped[6] = {
      '\\',           'u', kHex[(unit >> 12) & 15], kHex[(unit >> 8) & 15], kHex[(unit >> 4) & 15],
      kHex[unit & 15]};
  out->append(escaped, 6);
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out, const JsonStyle& style) {
  const unsigned char first_astral = style.escape_astral ? 0xF0 : 0xF8;
  out->push_back('"');
  size_t run = 0;  // Start of the bytes copied verbatim.
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool plain =
        (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && (c != '/' || !style.escape_slash)) ||
        (c >= 0x80 && c < first_astral);
    if (plain)
      continue;
    out->append(text.data() + run, i - run);
    if (c >= first_astral && i + 3 < text.size()) {
      // A 4-byte sequence: a character beyond U+FFFF, written as a surrogate pair.
      const uint32_t cp = ((c & 0x07u) << 18) |
                          ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 12) |
                          ((static_cast<unsigned char>(text[i + 2]) & 0x3Fu) << 6) |
                          (static_cast<unsigned char>(text[i + 3]) & 0x3Fu);
      AppendEscapedUnit(0xD800 + ((cp - 0x10000) >> 10), out);
      AppendEscapedUnit(0xDC00 + ((cp - 0x10000) & 0x3FF), out);
      i += 3;
    } else if (c == '"' || c == '\\' || c == '/') {
      out->push_back('\\');
      out->push_back(static_cast<char>(c));
    } else if (c == '\n') {
      out->append("\\n");
    } else if (c == '\r') {
      out->append("\\r");
    } else if (c == '\t') {
      out->append("\\t");
    } else if (c == '\b') {
      out->append("\\b");
    } else if (c == '\f') {
      out->append("\\f");
    } else {
      AppendEscapedUnit(c, out);
    }
    run = i + 1;
  }
  out->append(text.data() + run, text.size() - run);
  out->push_back('"');
}

PrettyJson::PrettyJson(std::string* out, uint32_t depth, const JsonStyle& style)
    : out_(out), style_(style), base_depth_(depth) {}

void PrettyJson::NewLine(size_t depth) {
  out_->push_back('\n');
  out_->append(style_.indent * (base_depth_ + depth), ' ');
}

void PrettyJson::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty())
    return;  // A top-level value.
  if (!first_)
    out_->push_back(',');
  NewLine(stack_.size());
  first_ = false;
}

void PrettyJson::BeginObject() {
  BeforeValue();
  out_->push_back('{');
  stack_.push_back(true);
  first_ = true;
}

void PrettyJson::BeginArray() {
  BeforeValue();
  out_->push_back('[');
  stack_.push_back(false);
  first_ = true;
}

void PrettyJson::EndObject() {
  stack_.pop_back();
  if (!first_)
    NewLine(stack_.size());
  out_->push_back('}');
  first_ = false;
}

void PrettyJson::EndArray() {
  stack_.pop_back();
  if (!first_)
    NewLine(stack_.size());
  out_->push_back(']');
  first_ = false;
}

void PrettyJson::Key(std::string_view key) {
  if (!first_)
    out_->push_back(',');
  NewLine(stack_.size());
  first_ = false;
  AppendJsonString(key, out_, style_);
  out_->append(": ");
  after_key_ = true;
}

void PrettyJson::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(value, out_, style_);
}

void PrettyJson::Null() {
  BeforeValue();
  out_->append("null");
}

void PrettyJson::Bool(bool value) {
  BeforeValue();
  out_->append(value ? "true" : "false");
}

void PrettyJson::Number(int64_t value) {
  BeforeValue();
  out_->append(std::to_string(value));
}

void PrettyJson::Raw(std::string_view value) {
  BeforeValue();
  out_->append(value);
}

}  // namespace meshcheck::gen
