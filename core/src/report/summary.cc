#include <cmath>
#include <cstdio>

#include "report/report.h"

namespace meshcheck::report {
namespace {

void Line(std::string* out, const std::string& text) {
  out->append(text);
  out->push_back('\n');
}

std::string Fixed(double value, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

}  // namespace

std::string RenderSummary(const ReportInput& in) {
  const classify::Verdict& v = *in.verdict;
  const metrics::GroupFacts& f = *in.facts;
  std::string out;
  std::string head = "Verdict: ";
  head += classify::LabelTitle(v.label);
  if (v.has_index) head += "  (Community Index " + Fixed(v.index, 0) + "/100";
  head += std::string(v.has_index ? ", " : "  (") + "confidence " +
          classify::ConfidenceName(v.confidence) + ")";
  Line(&out, head);
  if (v.label == classify::Label::kInsufficientData && v.provisional != v.label) {
    Line(&out, std::string("Provisional reading: ") + classify::LabelTitle(v.provisional));
  }
  for (const std::string& why : v.insufficient) Line(&out, "  ! " + why);
  for (const std::string& reason : v.reasons) Line(&out, "  - " + reason);
  for (const std::string& caveat : v.caveats) Line(&out, "  ~ " + caveat);
  Line(&out, "Group: " + std::to_string(f.messages) + " messages by " +
                 std::to_string(f.posters) + " people over " + std::to_string(f.span_days) +
                 " day(s); " + std::to_string(f.bot_messages) + " bot messages set aside.");
  std::string hosts = "Host: ";
  if (in.hosts->members.empty()) {
    hosts += "none";
  } else {
    for (size_t i = 0; i < in.hosts->members.size(); ++i) {
      if (i > 0) hosts += ", ";
      hosts += MemberLabel(in, in.hosts->members[i]);
    }
  }
  Line(&out, hosts + ". " + in.hosts->how);
  for (const InputSummary& s : *in.inputs) {
    std::string line = "Input: " + s.name + " (" + FormatName(s.format) + ", " +
                       std::to_string(s.bytes) + " bytes, " + std::to_string(s.messages) +
                       " records)";
    if (!s.status.ok()) line += " ERROR " + s.status.ToString();
    Line(&out, line);
  }
  for (const auto& [id, entry] : in.diagnostics->entries()) {
    Line(&out, "Note: " + entry.message + " (" + std::to_string(entry.count) + "x, " + id + ")");
  }
  return out;
}

}  // namespace meshcheck::report
