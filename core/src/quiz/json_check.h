// Reading values out of a parsed JSON document with errors that say exactly what is wrong and
// where. Every check throws Invalid, naming the JSON pointer of the offending value; the quiz
// module's entry points (api.cc) catch it and return a Status, so nothing escapes the module.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meshcheck::quiz {

// What is wrong with a document, and where.
struct Invalid {
  std::string pointer;  // JSON pointer of the value ("/diagnostic/items/2/weight"); "" = whole.
  std::string problem;  // "expected a number above 0", in plain language.
};

// Longest text a definition may hold in one field (a question, an explanation).
inline constexpr size_t kMaxTextBytes = 2000;

// Parses `text` as one JSON document; throws Invalid (pointer "") if it is not valid JSON.
nlohmann::json ParseJson(std::string_view text);

// "at /diagnostic/items/2/weight, expected a number above 0" ("" pointer: just the problem).
std::string Describe(const Invalid& invalid);

// A value of the document and its pointer. Holds a reference: the document must outlive it.
class Node {
 public:
  Node(const nlohmann::json& value, std::string pointer);

  const nlohmann::json& value() const { return *value_; }
  const std::string& pointer() const { return pointer_; }
  [[noreturn]] void Fail(std::string problem) const;

  // Checks that this is an object holding every `required` key and no key outside `required`
  // and `optional` (a misspelt key is an error, not silently ignored).
  void ExpectObject(std::initializer_list<std::string_view> required,
                    std::initializer_list<std::string_view> optional = {}) const;
  bool Has(std::string_view key) const;
  Node operator[](std::string_view key) const;  // The key must exist.

  // The entries of an object used as a map (any keys), in document order.
  std::vector<std::pair<std::string, Node>> Entries() const;

  // The items of an array of min..max items.
  std::vector<Node> Items(size_t min, size_t max) const;

  // A non-empty string of at most max_bytes bytes.
  std::string Text(size_t max_bytes = kMaxTextBytes) const;
  // An identifier: 1-40 characters of a-z, 0-9, '-' and '_', starting with a letter or digit.
  std::string Id() const;
  // A whole number in [min, max], 0 <= max (2.0 is not whole: JSON integers only).
  int64_t Integer(int64_t min, int64_t max) const;
  // A number in (0, max].
  double Positive(double max) const;
  bool Boolean() const;

 private:
  const nlohmann::json* value_;
  std::string pointer_;
};

// True if `id` is an identifier as Node::Id() accepts it.
bool IsId(std::string_view id);

}  // namespace meshcheck::quiz
