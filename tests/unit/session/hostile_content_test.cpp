// Hostile content (issue 8, item 7): names and channel titles holding HTML, script, terminal
// escapes, bidi overrides and very long strings stay inert: the report is valid JSON with every
// control character escaped and names pseudonymized by default, and the plain-text summary (the
// CLI's output) and the messages naming what the export controls (zip entry names, JSON keys)
// carry no terminal escape, control or bidi character from the data.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "meshcheck/session.h"
#include "test_files.h"

namespace {

using meshcheck::Options;
using meshcheck::Session;
using meshcheck::Status;
using Json = nlohmann::json;

const std::string kScript = "<script>alert(1)</script>";
const std::string kEscape = "\x1B]0;pwned\x07\x1B[2J";  // Terminal title, clear.
const std::string kBidi =
    "evil\xE2\x80\xAE"
    "fdp.exe\xE2\x81\xA6";  // U+202E, U+2066.
const std::string kLong(100000, 'L');

struct Output {
  Status end, finish;
  std::string report, summary;
};

Output Analyse(const std::string& name, const std::string& bytes, bool pseudonymize) {
  Options options;
  options.pseudonymize = pseudonymize;
  Session s(options);
  Output o;
  REQUIRE(s.BeginInput({name, bytes.size(), meshcheck::Format::kAuto}).ok());
  (void)s.Push(bytes);
  o.end = s.EndInput();
  o.finish = s.Finish();
  o.report = s.ReportJson();
  o.summary = s.SummaryText();
  return o;
}

// A generic CSV whose authors are the hostile strings and "ann", its channels the hostile ones.
std::string HostileCsv() {
  const std::string names[] = {kScript, kEscape, kBidi, kLong, "ann"};
  std::string out = "id,timestamp,author,reply_to,thread,channel,kind,text\n";
  for (int i = 0; i < 40; ++i) {
    auto quoted = [](const std::string& s) { return "\"" + s + "\""; };
    out += std::to_string(i + 1) + ",2024-03-" + std::to_string(10 + i % 15) +
           "T09:" + std::to_string(10 + i) + ":00Z," + quoted(names[i % 5]) + "," +
           (i % 2 ? std::to_string(i) : "") + ",," + quoted(names[(i / 5) % 4]) + ",,hello\n";
  }
  return out;
}

// Bytes a terminal acts on: C0 controls but newline, DEL, C1 controls (as UTF-8), and the bidi
// controls U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069.
std::string FirstUnsafe(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    const auto third = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
    const bool unsafe = (c < 0x20 && c != '\n') || c == 0x7F ||
                        (c == 0xC2 && next >= 0x80 && next <= 0x9F) ||
                        (c == 0xD8 && next == 0x9C) ||
                        (c == 0xE2 && next == 0x80 &&
                         (third == 0x8E || third == 0x8F || (third >= 0xAA && third <= 0xAE))) ||
                        (c == 0xE2 && next == 0x81 && third >= 0xA6 && third <= 0xA9);
    if (unsafe)
      return "byte " + std::to_string(i) + ": ..." +
             std::string(text.substr(i > 40 ? i - 40 : 0, 80));
  }
  return "";
}

// JSON must escape C0 controls in strings; outside strings the report has only newlines.
bool HasRawControl(std::string_view json) {
  return std::any_of(json.begin(), json.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; });
}

TEST_CASE("hostile names and titles: valid JSON, escaped controls, pseudonyms by default") {
  const Output o = Analyse("chat.csv", HostileCsv(), true);
  REQUIRE(o.finish.ok());
  const Json report = Json::parse(o.report);  // Strict: valid UTF-8 and JSON.
  CHECK(!HasRawControl(o.report));            // Controls only as \u escapes.
  // Channel titles are shown (escaped by JSON); the same strings as authors are pseudonyms.
  const std::string channels = report["group"]["channels"].dump();
  for (const std::string& name : {kScript, kBidi, kLong}) {
    const std::string as_json = Json(name).dump();
    CHECK(o.report.find(as_json) != std::string::npos);
    CHECK(channels.find(as_json) != std::string::npos);
  }
  CHECK(o.report.find("\"ann\"") == std::string::npos);  // Authors are pseudonymized.
  CHECK(FirstUnsafe(o.summary) == "");
}

TEST_CASE("hostile names shown (--names): still valid JSON and a safe summary") {
  const Output o = Analyse("chat.csv", HostileCsv(), false);
  REQUIRE(o.finish.ok());
  const Json report = Json::parse(o.report);
  CHECK(!HasRawControl(o.report));
  // The channel titles are data, kept as they are and escaped by JSON: a page shows them as
  // text.
  bool script_channel = false;
  for (const Json& c : report["group"]["channels"])
    script_channel |= c["name"] == kScript;
  CHECK(script_channel);
  CHECK(FirstUnsafe(o.summary) == "");
}

// A stored zip of `entries` (name, bytes), CRC-32 computed here.
uint32_t Crc32(std::string_view data) {
  uint32_t crc = 0xFFFFFFFF;
  for (unsigned char c : data) {
    crc ^= c;
    for (int k = 0; k < 8; ++k)
      crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
  }
  return ~crc;
}

std::string StoredZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  auto put = [](std::string* out, uint32_t v, int bytes) {
    for (int k = 0; k < bytes; ++k)
      out->push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
  };
  std::string out;
  for (const auto& [name, data] : entries) {
    put(&out, 0x04034b50, 4);
    put(&out, 20, 2);  // Version needed.
    put(&out, 0, 2);   // Flags.
    put(&out, 0, 2);   // Stored.
    put(&out, 0, 4);   // Time and date.
    put(&out, Crc32(data), 4);
    put(&out, static_cast<uint32_t>(data.size()), 4);
    put(&out, static_cast<uint32_t>(data.size()), 4);
    put(&out, static_cast<uint32_t>(name.size()), 2);
    put(&out, 0, 2);  // Extra field.
    out += name + data;
  }
  put(&out, 0x06054b50, 4);  // End of central directory (empty): reading stops here.
  out.append(18, '\0');
  return out;
}

TEST_CASE("hostile zip entry names reach messages and the summary neutralised") {
  const std::string zip = StoredZip(
      {{kEscape + kBidi + ".pdf", "%PDF-1.4\n"}, {kScript + ".txt", "Shopping list\n- milk\n"}});
  const Output o = Analyse("export.zip", zip, false);
  CHECK(!o.end.ok());
  CHECK(o.end.id() == "ingest.zip.no_export");
  CHECK(FirstUnsafe(o.end.message()) == "");
  CHECK(o.end.message().find("pwned") != std::string::npos);  // Named, but inert.
  CHECK(FirstUnsafe(o.summary) == "");
  CHECK(!HasRawControl(o.report));
}

TEST_CASE("a hostile first JSON key in an unknown JSON is neutralised in the message") {
  const Output o = Analyse("x.json", "{\"" + std::string("\\u001b[2J\\u202e") + "k\": 1}", false);
  CHECK(o.end.id() == "ingest.unknown_json_shape");
  CHECK(FirstUnsafe(o.end.message()) == "");
  CHECK(o.end.message().find("[2J") != std::string::npos);
}

}  // namespace
