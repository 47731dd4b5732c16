// What readers need from the HTML some exports hold as message text (Discourse `cooked`,
// YouTube `textDisplay`): how much visible text there is, and a leading "@handle". The text
// itself never leaves the reader. Header-only; not an HTML parser (no entity decoding).
#pragma once

#include <cstdint>
#include <string_view>

namespace meshcheck::ingest {

// Bytes of `html` outside tags ("<p>Hi <b>you</b></p>" has 6), a tag running from '<' to the
// next '>'. An unclosed '<' ends the count.
inline uint32_t VisibleHtmlBytes(std::string_view html) {
  uint64_t n = 0;
  bool in_tag = false;
  for (char c : html) {
    if (in_tag) {
      in_tag = c != '>';
    } else if (c == '<') {
      in_tag = true;
    } else {
      ++n;
    }
  }
  return n > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(n);
}

// The "@handle" that opens the visible text of `html` (tags and blank space before it skipped):
// '@' and the handle characters after it (letters, digits, '.', '_', '-', any non-ASCII byte),
// without a trailing '.'; empty if the visible text does not start with such a handle.
inline std::string_view LeadingHandle(std::string_view html) {
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {
      const size_t close = html.find('>', i);
      if (close == std::string_view::npos)
        return {};
      i = close + 1;
    } else if (html[i] == ' ' || html[i] == '\n' || html[i] == '\t' || html[i] == '\r') {
      ++i;
    } else {
      break;
    }
  }
  if (i >= html.size() || html[i] != '@')
    return {};
  auto handle_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || static_cast<unsigned char>(c) >= 0x80;
  };
  size_t end = i + 1;
  while (end < html.size() && handle_char(html[end]))
    ++end;
  while (end > i + 1 && html[end - 1] == '.')
    --end;
  return end > i + 1 ? html.substr(i, end - i) : std::string_view();
}

}  // namespace meshcheck::ingest
