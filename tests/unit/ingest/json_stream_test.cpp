// JsonTokenizer: the same events as nlohmann's strict SAX parser on real and crafted inputs, in
// every chunking, and exact, split-independent errors and limits.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "json_events.h"

namespace {

using meshcheck::ingest::JsonErrorKind;
using meshcheck::ingest::JsonLimits;
using meshcheck::ingest::JsonTokenizer;
using meshcheck::testing::Chunks;
using meshcheck::testing::CorpusFiles;
using meshcheck::testing::kChunkSizes;
using meshcheck::testing::NlohmannEvents;
using meshcheck::testing::ReadFile;
using meshcheck::testing::Tokenize;
using meshcheck::testing::TokenizeResult;

// Tokenizes `data` in every chunking, checks they agree, and returns the whole-input result.
TokenizeResult TokenizeAll(std::string_view data, JsonLimits limits = {}, size_t stop_after = 0) {
  const TokenizeResult whole = Tokenize(data, 0, limits, stop_after);
  for (size_t chunk : {size_t{1}, size_t{2}, size_t{3}, size_t{7}, size_t{4096}}) {
    const TokenizeResult split = Tokenize(data, chunk, limits, stop_after);
    INFO("chunks of " << chunk);
    CHECK(split.Summary() == whole.Summary());
    CHECK(split.events == whole.events);
  }
  return whole;
}

// Both parsers accept `data` with identical events, in every chunking.
void ExpectSameAsNlohmann(std::string_view data) {
  INFO("input: " << data);
  const auto reference = NlohmannEvents(data);
  REQUIRE(reference.ok);
  for (const JsonLimits& limits : {JsonLimits{.repair_utf8 = false}, JsonLimits{}}) {
    const TokenizeResult r = TokenizeAll(data, limits);
    INFO(r.Summary());
    CHECK(r.ok);
    CHECK(r.events == reference.events);
  }
}

// Both parsers reject `data`; the tokenizer the same way in every chunking.
TokenizeResult ExpectBothReject(std::string_view data, JsonLimits limits = {}) {
  INFO("input: " << data);
  CHECK_FALSE(NlohmannEvents(data).ok);
  const TokenizeResult r = TokenizeAll(data, limits);
  CHECK_FALSE(r.ok);
  return r;
}

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i)
    out += s;
  return out;
}

// Records the tokenizer's event_offset() and line() at each event.
struct OffsetRecorder {
  JsonTokenizer<OffsetRecorder>* tokenizer = nullptr;
  std::vector<std::pair<uint64_t, uint64_t>> at;

  bool Add() {
    at.emplace_back(tokenizer->event_offset(), tokenizer->line());
    return true;
  }
  bool null() { return Add(); }
  bool boolean(bool) { return Add(); }
  bool number_integer(int64_t) { return Add(); }
  bool number_unsigned(uint64_t) { return Add(); }
  bool number_float(double, std::string_view) { return Add(); }
  bool string(std::string_view) { return Add(); }
  bool key(std::string_view) { return Add(); }
  bool start_object() { return Add(); }
  bool end_object() { return Add(); }
  bool start_array() { return Add(); }
  bool end_array() { return Add(); }
};

std::vector<std::pair<uint64_t, uint64_t>> EventPlaces(std::string_view data, size_t chunk) {
  OffsetRecorder recorder;
  JsonTokenizer<OffsetRecorder> tokenizer(&recorder);
  recorder.tokenizer = &tokenizer;
  for (std::string_view piece : Chunks(data, chunk))
    REQUIRE(tokenizer.Push(std::string(piece)));
  REQUIRE(tokenizer.Finish());
  return recorder.at;
}

}  // namespace

TEST_CASE("Tokenizer: every corpus JSON gives nlohmann's events in every chunking") {
  const auto files = CorpusFiles(".json");
  REQUIRE(files.size() >= 15);
  for (const auto& path : files) {
    INFO(path.string());
    const std::string data = ReadFile(path);
    const auto reference = NlohmannEvents(data);
    REQUIRE(reference.ok);
    REQUIRE(reference.events.size() > 10);
    for (size_t chunk : kChunkSizes) {
      INFO("chunks of " << chunk);
      for (const JsonLimits& limits : {JsonLimits{.repair_utf8 = false}, JsonLimits{}}) {
        const TokenizeResult r = Tokenize(data, chunk, limits);
        INFO(r.Summary());
        CHECK(r.ok);
        CHECK(r.events == reference.events);
      }
    }
  }
}

TEST_CASE("Tokenizer: the corpus NDJSON stream equals nlohmann line by line") {
  const auto files = CorpusFiles(".ndjson");
  REQUIRE_FALSE(files.empty());
  for (const auto& path : files) {
    INFO(path.string());
    const std::string data = ReadFile(path);
    std::vector<std::string> expected;
    uint64_t lines = 0;
    for (size_t start = 0; start < data.size();) {
      size_t end = data.find('\n', start);
      if (end == std::string::npos)
        end = data.size();
      const std::string_view line(data.data() + start, end - start);
      if (!line.empty()) {
        const auto reference = NlohmannEvents(line);
        REQUIRE(reference.ok);
        expected.insert(expected.end(), reference.events.begin(), reference.events.end());
        ++lines;
      }
      start = end + 1;
    }
    REQUIRE(lines > 100);
    for (size_t chunk : kChunkSizes) {
      INFO("chunks of " << chunk);
      const TokenizeResult r = Tokenize(data, chunk, JsonLimits{.multiple_values = true});
      CHECK(r.ok);
      CHECK(r.values == lines);
      CHECK(r.events == expected);
    }
  }
}

TEST_CASE("Tokenizer: escapes, surrogate pairs and \\u0000 match nlohmann") {
  ExpectSameAsNlohmann(R"("\"\\\/\b\f\n\r\t")");
  ExpectSameAsNlohmann(R"(["\u0041\u00e9\u00E9\u20ac\ud83d\ude00\uD834\uDD1E", "\u0000x"])");
  ExpectSameAsNlohmann(R"({"\u0000": "a\u0000b", "k\"ey": "\\u0041"})");
  ExpectSameAsNlohmann("[\"raw \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \x7F\"]");
  ExpectSameAsNlohmann(R"(["\uFFFF\uFFFE\uDBFF\uDFFF"])");
  // Escapes straddling every chunk boundary of a long string.
  ExpectSameAsNlohmann("[\"" + Repeat("ab\\n\\u00e9\\ud83d\\ude00\\\\\\\"", 600) + "\"]");
}

TEST_CASE("Tokenizer: integers follow nlohmann's integer, unsigned and float rules") {
  ExpectSameAsNlohmann("[0, -0, 1, -1, 42, -42]");
  ExpectSameAsNlohmann("[9223372036854775807, 9223372036854775808, -9223372036854775808]");
  ExpectSameAsNlohmann("[-9223372036854775809, 18446744073709551615, 18446744073709551616]");
  ExpectSameAsNlohmann("[123456789012345678901234567890, -123456789012345678901234567890]");
  ExpectSameAsNlohmann("[99999999999999999999]");
  const TokenizeResult r = TokenizeAll("[-0, 18446744073709551615, 18446744073709551616]");
  REQUIRE(r.events.size() == 5);
  CHECK(r.events[1] == "int:0");
  CHECK(r.events[2] == "uint:18446744073709551615");
  CHECK(r.events[3].rfind("float:18446744073709551616=", 0) == 0);
}

TEST_CASE("Tokenizer: fractions and exponents match nlohmann's doubles") {
  ExpectSameAsNlohmann("[1.5, -0.0, 0.0, 1e5, 1E+5, 1e-5, 0e0, 0E-0, -1.25e+2, 10.0e-1]");
  ExpectSameAsNlohmann("[0.1, 0.2, 0.30000000000000004, 3.14159265358979323846264338327950288]");
  ExpectSameAsNlohmann("[1.7976931348623157e308, 4.9e-324, 2.5e-400, -2.5e-400, 1e-999999]");
  ExpectSameAsNlohmann("[123456789012345678901234567890.123456789e-10]");
  // A float whose text is longer than any small buffer.
  ExpectSameAsNlohmann("[0." + std::string(300, '1') + "e1]");
  // Out of double range: nlohmann refuses ("number overflow"); so does the tokenizer.
  for (const char* huge : {"1e400", "[-1e400]", "[1.5e999999999]", "{\"a\": 1e309}"}) {
    const TokenizeResult r = ExpectBothReject(huge);
    CHECK(r.error.kind == JsonErrorKind::kBadNumber);
  }
}

TEST_CASE("Tokenizer: nesting, BOM, whitespace and top-level scalars match nlohmann") {
  ExpectSameAsNlohmann(Repeat("[", 256) + Repeat("]", 256));
  ExpectSameAsNlohmann(Repeat("{\"a\":", 255) + "[]" + Repeat("}", 255));
  ExpectSameAsNlohmann(Repeat("[{\"k\":[", 80) + "1" + Repeat("]}]", 80));
  ExpectSameAsNlohmann("\xEF\xBB\xBF{}");
  ExpectSameAsNlohmann("\xEF\xBB\xBF [1]");
  ExpectSameAsNlohmann(" \t\r\n[ 1 ,\n\t2\r\n]\r\n\t ");
  ExpectSameAsNlohmann("{\"a\":[1,{\"b\":null}],\"c\":\"d\",\"\":\"\",\"t\":true,\"f\":false}");
  for (const char* scalar :
       {"1", "-1.5e3", " 42 ", "\"s\"", "\"\"", "true", "false", "null", "0", "-0", "\n7\n"}) {
    ExpectSameAsNlohmann(scalar);
  }
  ExpectSameAsNlohmann("{\"caf\xC3\xA9\": {\"\xF0\x9F\x98\x80\": []}}");
}

TEST_CASE("Tokenizer: malformed documents are rejected like nlohmann") {
  std::vector<std::string> bad_docs = {"",
                                       " ",
                                       "[",
                                       "]",
                                       "[1,]",
                                       "{\"a\":1,}",
                                       "[1 2]",
                                       "{\"a\" 1}",
                                       "{1:2}",
                                       "[01]",
                                       "[1.]",
                                       "[.5]",
                                       "[+1]",
                                       "[1e]",
                                       "[1e+]",
                                       "[-]",
                                       "[--1]",
                                       "[0x10]",
                                       "[NaN]",
                                       "[Infinity]",
                                       "[tru]",
                                       "[truex]",
                                       "[True]",
                                       "[nul]",
                                       "{'a':1}",
                                       "[\"a\tb\"]",
                                       "[\"\\x\"]",
                                       "[\"\\u12G4\"]",
                                       "[\"\\u12\"]",
                                       "[\"abc]",
                                       "[1]]",
                                       "[1] 2",
                                       "{}{}",
                                       "\xEF\xBB",
                                       "\xEF[1]",
                                       "/*c*/[1]",
                                       "[1,\n2\n",
                                       "\"\\",
                                       "[\"a\\\"]"};
  bad_docs.push_back(std::string("[\"a\0\"]", 6));
  for (const std::string& bad : bad_docs) {
    const TokenizeResult r = ExpectBothReject(bad);
    CHECK(r.error.kind != JsonErrorKind::kNone);
    CHECK(r.error.kind != JsonErrorKind::kAborted);
  }
  // nlohmann reads a NUL byte as the end of the input (for C strings) and so accepts "[1]\0";
  // RFC 8259 has no such rule and neither does the tokenizer.
  const std::string nul_after("[1]\0", 4);
  CHECK(NlohmannEvents(nul_after).ok);
  const TokenizeResult r = TokenizeAll(nul_after);
  CHECK(r.error.kind == JsonErrorKind::kSyntax);
  CHECK(r.error.offset == 3);
}

TEST_CASE("Tokenizer: invalid UTF-8 is an error in strict mode and repaired otherwise") {
  const std::string doc = "[\"ab\xFF\", \"\xC3\", \"\\ud800x\", \"\\udc00\", \"ok\"]";
  const TokenizeResult strict = ExpectBothReject(doc, JsonLimits{.repair_utf8 = false});
  CHECK(strict.error.kind == JsonErrorKind::kBadString);
  CHECK(strict.error.offset == 4);  // The 0xFF byte.
  const TokenizeResult repaired = TokenizeAll(doc);
  CHECK(repaired.ok);
  CHECK(repaired.repaired == 4);
  const std::vector<std::string> expected = {"[",
                                             "str:ab\xEF\xBF\xBD",
                                             "str:\xEF\xBF\xBD",
                                             "str:\xEF\xBF\xBDx",
                                             "str:\xEF\xBF\xBD",
                                             "str:ok",
                                             "]"};
  CHECK(repaired.events == expected);
  // A lone high surrogate followed by another escape keeps that escape.
  const TokenizeResult mixed = TokenizeAll(R"(["\ud800\n", "\ud800\ud800\udc00"])");
  CHECK(mixed.ok);
  CHECK(mixed.events == std::vector<std::string>{"[", "str:\xEF\xBF\xBD\n",
                                                 "str:\xEF\xBF\xBD\xF0\x90\x80\x80", "]"});
  CHECK(mixed.repaired == 2);
}

TEST_CASE("Tokenizer: errors carry the exact byte offset and line") {
  struct Case {
    std::string doc;
    JsonErrorKind kind;
    std::string at;  // The text the error offset points at (its first occurrence).
    uint64_t line;
  };
  const std::vector<Case> cases = {
      {"{\"a\": 1,\n \"b\": tru }", JsonErrorKind::kSyntax, "tru", 2},
      {"[1, 2,\n\n ]", JsonErrorKind::kSyntax, "]", 3},
      {"{\"a\"\n:\n\"x\ny\"}", JsonErrorKind::kBadString, "\ny\"", 3},
      {"[\n01]", JsonErrorKind::kBadNumber, "01", 2},
      {"[1.5e]", JsonErrorKind::kBadNumber, "1.5e", 1},
      {"{\"a\":\"x\\qy\"}", JsonErrorKind::kBadString, "\\q", 1},
      {"[\"abc\\u00e9\\uZZZZ\"]", JsonErrorKind::kBadString, "\\uZZZZ", 1},
      {"[\n\n\"\xFF\xFF\\u12\"]", JsonErrorKind::kBadString, "\\u12", 3},  // Repaired first.
      {"[1] 2", JsonErrorKind::kSyntax, "2", 1},
      {"[1}", JsonErrorKind::kSyntax, "}", 1},
      {"{\"a\":1 \"b\":2}", JsonErrorKind::kSyntax, "\"b\"", 1},
      {"\n\n  @", JsonErrorKind::kSyntax, "@", 3},
  };
  for (const Case& c : cases) {
    INFO(c.doc);
    const TokenizeResult r = TokenizeAll(c.doc);
    CHECK_FALSE(r.ok);
    CHECK(r.error.kind == c.kind);
    CHECK(r.error.offset == c.doc.find(c.at));
    CHECK(r.error.line == c.line);
    CHECK_FALSE(r.error.message.empty());
  }
}

TEST_CASE("Tokenizer: truncated documents fail at Finish with kTruncated") {
  for (const std::string doc : {"", "  \n ", "{", "{\"a\": [1, 2", "{\"a\": \"abc", "[\"x\\",
                                "[1,\n", "\xEF\xBB\xBF", "{\"a\"", "{\"a\":", "[tr"}) {
    INFO(doc);
    const TokenizeResult r = TokenizeAll(doc);
    CHECK_FALSE(r.ok);
    CHECK(r.error.kind == JsonErrorKind::kTruncated);
    CHECK(r.error.offset == doc.size());
    CHECK(r.error.line == 1 + static_cast<uint64_t>(std::count(doc.begin(), doc.end(), '\n')));
  }
  // A number at the very end is complete only at Finish.
  const TokenizeResult number = TokenizeAll("12345");
  CHECK(number.ok);
  CHECK(number.events == std::vector<std::string>{"uint:12345"});
}

TEST_CASE("Tokenizer: max_depth gives kDepth at the opening bracket") {
  const JsonLimits limits{.max_depth = 3};
  CHECK(TokenizeAll("[[[1]]]", limits).ok);
  CHECK(TokenizeAll("[{\"a\":[1]}]", limits).ok);
  for (const std::string doc : {"[[[[1]]]]", "[{\"a\":[{}]}]", "{\"a\":{\"b\":{\"c\":[]}}}"}) {
    INFO(doc);
    const TokenizeResult r = TokenizeAll(doc, limits);
    CHECK(r.error.kind == JsonErrorKind::kDepth);
    size_t past = 0;  // Just past the fourth opening bracket.
    for (int opened = 0; opened < 4; ++past)
      opened += doc[past] == '[' || doc[past] == '{';
    CHECK(r.error.offset == past - 1);
  }
}

TEST_CASE("Tokenizer: max_token_bytes gives kTokenSize at the token, in every chunking") {
  const JsonLimits limits{.max_token_bytes = 8};
  CHECK(TokenizeAll("[\"12345678\", 12345678, {\"abcdefgh\": \"\\n\\n\\n\\n\"}]", limits).ok);
  const std::vector<std::string> too_long = {
      "[\"123456789\"]",        // a string
      "{\"abcdefghi\": 1}",     // a key
      "[123456789]",            // a number
      "[1.2345678]",            // a float
      "[\"\\n\\n\\n\\n\\n\"]",  // escapes count by their raw bytes
      "[\"123456789\nx\"]",     // the size is known before the bad byte
      "[\"123456789",           // and before the end of the input
      "[\"12345678\\",          // a pending escape counts too
  };
  for (const std::string& doc : too_long) {
    INFO(doc);
    const TokenizeResult r = TokenizeAll(doc, limits);
    CHECK(r.error.kind == JsonErrorKind::kTokenSize);
    CHECK(r.error.offset == 1);
    CHECK(r.error.line == 1);
  }
  const TokenizeResult bad_first = TokenizeAll("[\"1234\n6789\"]", limits);
  CHECK(bad_first.error.kind == JsonErrorKind::kBadString);
  CHECK(bad_first.error.offset == 6);
  // A run of letters is never a literal past five bytes, whatever the limit.
  const TokenizeResult letters = TokenizeAll("[" + std::string(100000, 'n') + "]");
  CHECK(letters.error.kind == JsonErrorKind::kSyntax);
  CHECK(letters.error.offset == 1);
}

TEST_CASE("Tokenizer: multiple_values reads a stream of documents across chunk splits") {
  const std::string stream = "1 2\n{\"a\":[true]}\n\"s\"[]\n  -3.5e1\r\n{}\n123";
  const TokenizeResult r = TokenizeAll(stream, JsonLimits{.multiple_values = true});
  CHECK(r.ok);
  CHECK(r.values == 8);
  const std::vector<std::string> expected = {
      "uint:1", "uint:2", "{",       "key:a", "[", "true",
      "]",      "}",      "str:s",   "[",     "]", meshcheck::testing::FloatEvent(-35.0, "-3.5e1"),
      "{",      "}",      "uint:123"};
  CHECK(r.events == expected);
  // Without the option, a second value is an error.
  const TokenizeResult single = TokenizeAll("{} {}");
  CHECK(single.error.kind == JsonErrorKind::kSyntax);
  CHECK(single.error.offset == 3);
  // An unfinished last document is still truncated.
  const TokenizeResult cut = TokenizeAll("{}\n{\"a\":", JsonLimits{.multiple_values = true});
  CHECK(cut.error.kind == JsonErrorKind::kTruncated);
  CHECK(cut.values == 1);
}

TEST_CASE("Tokenizer: a handler returning false stops with kAborted at that token") {
  const std::string doc = "[10, \"two\",\n {\"k\": 3}]";
  for (size_t stop = 1; stop <= 7; ++stop) {
    INFO("stop after " << stop);
    const TokenizeResult r = TokenizeAll(doc, {}, stop);
    CHECK_FALSE(r.ok);
    CHECK(r.error.kind == JsonErrorKind::kAborted);
    CHECK(r.events.size() == stop);
  }
  const TokenizeResult at_key = TokenizeAll(doc, {}, 5);  // "[", 10, "two", "{", key.
  CHECK(at_key.error.offset == doc.find("\"k\""));
  CHECK(at_key.error.line == 2);
  // Once stopped, nothing more is read and the first error stays.
  meshcheck::testing::EventRecorder recorder;
  recorder.stop_after = 1;
  JsonTokenizer<meshcheck::testing::EventRecorder> tokenizer(&recorder);
  CHECK_FALSE(tokenizer.Push("[1, 2"));
  CHECK_FALSE(tokenizer.Push("]"));
  CHECK_FALSE(tokenizer.Finish());
  CHECK(tokenizer.error().kind == JsonErrorKind::kAborted);
  CHECK(recorder.events.size() == 1);
}

TEST_CASE("Tokenizer: event_offset and line locate each token in every chunking") {
  const std::string doc = "{\"a\": [12, \"x\"],\n \"b\": true}";
  const std::vector<std::pair<uint64_t, uint64_t>> expected = {
      {0, 1}, {1, 1}, {6, 1}, {7, 1}, {11, 1}, {14, 1}, {18, 2}, {23, 2}, {27, 2}};
  for (size_t chunk : {size_t{0}, size_t{1}, size_t{5}, size_t{7}}) {
    INFO("chunks of " << chunk);
    CHECK(EventPlaces(doc, chunk) == expected);
  }
}

TEST_CASE("Tokenizer: quotes, escapes, controls and high bytes at every place in a string block") {
  // Strings are scanned 16 or 8 bytes at a time: put each special byte at every offset of the
  // first blocks, with and without non-ASCII bytes before it.
  for (size_t at = 0; at < 40; ++at) {
    for (const std::string& prefix : {std::string(at, 'a'), std::string(at, 'a') + "\xC3\xA9"}) {
      INFO("offset " << at << ", prefix bytes " << prefix.size());
      ExpectSameAsNlohmann("[\"" + prefix + "\"]");
      ExpectSameAsNlohmann("[\"" + prefix + "\\\"x\", \"" + prefix + "\\\\\"]");
      ExpectSameAsNlohmann("{\"" + prefix + "\\u00e9" + prefix + "\": \"" + prefix + "\"}");
      const TokenizeResult control = ExpectBothReject("[\"" + prefix + "\x01\"]");
      CHECK(control.error.kind == JsonErrorKind::kBadString);
      CHECK(control.error.offset == 2 + prefix.size());
    }
  }
  const TokenizeResult invalid = TokenizeAll("[\"" + std::string(21, 'a') + "\xFF\"]");
  CHECK(invalid.repaired == 1);
}

TEST_CASE("Tokenizer: indentation runs of every length keep lines and offsets") {
  // Pretty-printed exports: newline then spaces, skipped in 8-byte steps.
  std::string doc = "{";
  for (size_t indent = 0; indent < 20; ++indent)
    doc += std::string(indent == 0 ? "\n" : ",\n") + std::string(indent, ' ') + "\"k" +
           std::to_string(indent) + "\": \t" + std::to_string(indent);
  doc += "\r\n}\n";
  ExpectSameAsNlohmann(doc);
  const auto places = EventPlaces(doc, 0);
  REQUIRE(places.size() == 42);  // {, 20 keys and values, }.
  for (size_t indent = 0; indent < 20; ++indent) {
    const auto [offset, line] = places[1 + 2 * indent];
    CHECK(line == indent + 2);
    CHECK(doc[offset] == '"');
    CHECK(doc[offset - 1] == (indent == 0 ? '\n' : ' '));
  }
  for (size_t chunk : {size_t{1}, size_t{3}, size_t{7}})
    CHECK(EventPlaces(doc, chunk) == places);
}
