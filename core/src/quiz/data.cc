#include "quiz/data.h"

#include <nlohmann/json.hpp>

#include "quiz/json_check.h"

namespace meshcheck::quiz {
namespace {

constexpr char kReportSchema[] = "meshcheck.report/v1";
constexpr char kNotInReport[] = "this report does not measure it";

std::string TextOr(const Node& node, std::string_view key, std::string fallback) {
  return node.Has(key) && node[key].value().is_string() ? node[key].value().get<std::string>()
                                                        : fallback;
}

std::vector<std::string> Texts(const Node& node, std::string_view key) {
  std::vector<std::string> out;
  if (!node.Has(key))
    return out;
  for (const Node& item : node[key].Items(0, SIZE_MAX))
    out.push_back(item.Text(SIZE_MAX));
  return out;
}

double Share(const Node& node) {
  if (!node.value().is_number())
    node.Fail("expected a number");
  return node.value().get<double>();
}

// The measure `key` of the report, if it has it.
std::optional<Node> Measure(const Node& root, const char* key) {
  if (!root.Has("measures") || !root["measures"].Has(key))
    return std::nullopt;
  return root["measures"][key];
}

// The report's plain-language reason why `measure` is unavailable, if it gives one.
std::string WhyUnavailable(const Node& root, const char* measure) {
  const auto m = Measure(root, measure);
  return m ? TextOr(*m, "why_unavailable", "") : "";
}

// The value of an available measure, if the report has it.
std::optional<double> Value(const Node& root, const char* key) {
  const auto m = Measure(root, key);
  if (!m || !m->Has("available") || !(*m)["available"].Boolean() || !m->Has("value"))
    return std::nullopt;
  return Share((*m)["value"]);
}

void ReadComponent(const Node& root, const Node& c, DataView* out) {
  const auto id = ParseComponent(TextOr(c, "id", ""));
  if (!id)
    return;  // A component the quiz does not know: nothing asks about it.
  ComponentData& data = out->components[static_cast<size_t>(*id)];
  // The report's notes say how a component was obtained; "fallback: PRS" means another
  // measure's score stands in for it, which is no evidence about this one.
  const std::string note = TextOr(c, "note", "");
  const bool stand_in = note.rfind("fallback", 0) == 0;
  data.measured = c["available"].Boolean() && !stand_in;
  if (data.measured) {
    data.raw = Share(c["raw"]);
    data.score = Share(c["score"]);
    return;
  }
  data.why = WhyUnavailable(root, Info(*id).measure);
  if (data.why.empty()) {
    data.why =
        note.empty() ? "the report could not measure it" : "the report left it out (" + note + ")";
  }
}

}  // namespace

DataView ParseReport(std::string_view report_json) {
  const nlohmann::json doc = ParseJson(report_json);
  const Node root(doc, "");
  if (!root.value().is_object() || !root.Has("schema") || root["schema"].value() != kReportSchema)
    root.Fail(std::string("expected a meshcheck report (schema \"") + kReportSchema + "\")");
  const Node verdict = root["verdict"];
  DataView out;
  const Node index = verdict["community_index"];
  if (!index.value().is_null())
    out.community_index = Share(index);
  out.label = verdict["label"].Text();
  out.title = verdict["title"].Text();
  out.provisional_label = TextOr(verdict, "provisional_label", out.label);
  out.confidence = verdict["confidence"].Text();
  for (ComponentData& c : out.components)
    c.why = kNotInReport;
  for (const Node& c : verdict["components"].Items(0, SIZE_MAX))
    ReadComponent(root, c, &out);
  out.host_silent_survival = Value(root, "host_silent_survival");
  out.hostless_conversations = Value(root, "hostless_conversations");
  out.collect = Texts(verdict, "insufficient");
  for (std::string& caveat : Texts(verdict, "caveats"))
    out.collect.push_back(std::move(caveat));
  return out;
}

}  // namespace meshcheck::quiz
