// A sniff.h Head built as its contract describes, with nlohmann's SAX parser collecting the key
// paths: an independent view of an input's first bytes to ask the sniffers with.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/sniff.h"

namespace meshcheck::testing {

// Collects "a.b", "[].c" key paths (at most four levels, counting the top-level container)
// and the first container's bracket.
class KeyPaths : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit KeyPaths(ingest::Head* head) : head_(head) {}

  bool null() override { return Value(); }
  bool boolean(bool) override { return Value(); }
  bool number_integer(number_integer_t) override { return Value(); }
  bool number_unsigned(number_unsigned_t) override { return Value(); }
  bool number_float(number_float_t, const string_t&) override { return Value(); }
  bool string(string_t&) override { return Value(); }
  bool binary(binary_t&) override { return Value(); }
  bool start_object(std::size_t) override { return Open('{'); }
  bool start_array(std::size_t) override { return Open('['); }
  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }
  bool key(string_t& k) override {
    key_ = k;
    if (parts_.size() < 4 && head_->keys.size() < 512) {
      std::string path;
      for (const std::string& part : parts_) {
        if (!part.empty())
          path += part + ".";
      }
      path += k;
      if (!head_->HasKey(path))
        head_->keys.push_back(path);
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  bool Open(char bracket) {
    if (open_.empty() && head_->json_top == 0)
      head_->json_top = bracket;
    parts_.push_back(open_.empty() ? "" : open_.back() == '[' ? "[]" : key_);
    open_.push_back(bracket);
    return true;
  }
  bool Close() {
    open_.pop_back();
    parts_.pop_back();
    head_->json_values += open_.empty();
    return true;
  }
  bool Value() {
    head_->json_values += open_.empty();
    return true;
  }

  ingest::Head* head_;
  std::vector<char> open_;
  std::vector<std::string> parts_;
  std::string key_;
};

struct OwnedHead {
  std::string text, name;
  ingest::Head head;
};

// The Head of the first `size` bytes of `data` named `name` (a path with '/'), as Detect gives
// it to sniffers. Each line of NDJSON is parsed on its own; keys of all lines are pooled.
inline std::unique_ptr<OwnedHead> MakeHead(std::string_view data,
                                           std::string_view name,
                                           size_t size,
                                           bool complete) {
  auto owned = std::make_unique<OwnedHead>();
  owned->text.assign(data.substr(0, size));
  if (owned->text.rfind("\xEF\xBB\xBF", 0) == 0)
    owned->text.erase(0, 3);
  owned->name.assign(name);
  ingest::Head& head = owned->head;
  head.text = owned->text;
  head.file_name = owned->name;
  const size_t slash = head.file_name.rfind('/');
  head.base_name =
      slash == std::string_view::npos ? head.file_name : head.file_name.substr(slash + 1);
  if (slash != std::string_view::npos && slash > 0) {
    const std::string_view dir = head.file_name.substr(0, slash);
    const size_t prev = dir.rfind('/');
    head.folder = prev == std::string_view::npos ? dir : dir.substr(prev + 1);
  }
  head.complete = complete;
  const size_t first = owned->text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || (owned->text[first] != '{' && owned->text[first] != '['))
    return owned;
  // NDJSON: a first line that is a whole value by itself, and more lines after it.
  std::vector<std::string> values;
  size_t at = 0;
  while (at < owned->text.size()) {
    size_t end = owned->text.find('\n', at);
    end = end == std::string::npos ? owned->text.size() : end;
    values.push_back(owned->text.substr(at, end - at));
    at = end + 1;
  }
  if (values.size() < 2 || !nlohmann::json::accept(values[0]))
    values = {owned->text};
  bool ok = true;
  for (const std::string& value : values) {
    if (value.find_first_not_of(" \t\r") == std::string::npos)
      continue;
    KeyPaths collector(&head);
    ok = nlohmann::json::sax_parse(value, &collector) && ok;
  }
  head.json = ok || !complete;
  return owned;
}

}  // namespace meshcheck::testing
