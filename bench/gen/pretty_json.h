// An indented JSON writer producing the layout of .NET's Utf8JsonWriter with Indented = true and
// JavaScriptEncoder.UnsafeRelaxedJsonEscaping, which DiscordChatExporter uses: two-space
// indentation, `"key": value`, empty containers as `{}` / `[]`, no newline at the end; strings
// escape `"`, `\` and control characters, and write characters beyond U+FFFF as UTF-16
// surrogate escapes (`\uD83D\uDC4D`), other characters as UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace meshcheck::gen {

// How a JSON writer lays out and escapes. The default is DCE's (above); Slack's exports indent
// by four and escape '/' as "\/", and keep every other character as UTF-8.
struct JsonStyle {
  uint32_t indent = 2;
  bool escape_slash = false;
  bool escape_astral = true;  // Characters beyond U+FFFF as surrogate escapes.
};

inline constexpr JsonStyle kSlackJson{.indent = 4, .escape_slash = true, .escape_astral = false};

// Appends `text` (UTF-8) as a quoted, escaped JSON string.
void AppendJsonString(std::string_view text, std::string* out, const JsonStyle& style = {});

class PrettyJson {
 public:
  // Writes into *out; `depth` is the nesting level of the first value written (for fragments
  // that are pasted into a document at that level with Raw()).
  explicit PrettyJson(std::string* out, uint32_t depth = 0, const JsonStyle& style = {});

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  void String(std::string_view value);
  void Null();
  void Bool(bool value);
  void Number(int64_t value);
  // A complete value rendered by another PrettyJson at this depth.
  void Raw(std::string_view value);

  // Key and value in one call.
  void Field(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  // (Without this overload a string literal would pick the bool one.)
  void Field(std::string_view key, const char* value) { Field(key, std::string_view(value)); }
  void FieldNull(std::string_view key) {
    Key(key);
    Null();
  }
  void Field(std::string_view key, bool value) {
    Key(key);
    Bool(value);
  }
  void Field(std::string_view key, int64_t value) {
    Key(key);
    Number(value);
  }

  // Whether the innermost open container has no element yet; restoring it (with the output's
  // size) undoes the elements written since, at the same depth.
  bool empty_container() const { return first_; }
  void set_empty_container(bool first) { first_ = first; }

 private:
  void BeforeValue();
  void NewLine(size_t depth);

  std::string* out_;
  JsonStyle style_;
  std::vector<bool> stack_;  // Per open container: true = object. Its size is the depth.
  uint32_t base_depth_;
  bool first_ = true;  // The innermost container has no element yet.
  bool after_key_ = false;
};

}  // namespace meshcheck::gen
